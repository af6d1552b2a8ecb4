"""`zeshi rank`, `dashboard`, `questionnaires`, `export`: the sheets left out because they hold damaged data.

Each is one line on stderr (the table or the JSON document on stdout stays
what it was) and, with ``--json``, an entry of ``damaged``:
``{sheet_id, form, who, problems: [text]}``. The damage is what a bit flip or
an edit with sqlite3 does (issue 11): a score far above its item's maximum,
an answer no question takes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.damage import damage_answer, damage_scores

from .conftest import Run

CJK = re.compile(r"[\u3400-\u9fff]")
WHO = "东华门街道 工业大学城市建设尹芳团队 / 苏丽"   # the first 3-2 sheet of the demo year: 东城区, reviewer 苏丽


def damage(db: str, form_id: str = "3-2") -> int:
    """A score of the first sheet of ``form_id`` above its item's maximum; the sheet's id."""
    return damage_scores(db, form_id)[0]


def _entry(data: dict, sheet_id: int, form: str = "3-2") -> dict:  # type: ignore[type-arg]
    [entry] = data["damaged"]
    assert entry["sheet_id"] == sheet_id and entry["form"] == form and set(entry) == {"sheet_id", "form", "who",
                                                                                          "problems"}
    return entry


@pytest.mark.parametrize("command", [("rank", "--district", "DC"), ("rank", "--districts"),
                                     ("dashboard", "--district", "DC"), ("dashboard", "--city"),
                                     ("questionnaires",)])
def test_a_sound_store_names_nothing(zeshi: Run, db: str, command: tuple[str, ...]) -> None:
    code, out, err = zeshi("--db", db, *command)
    assert code == 0 and out and err == ""
    code, out, err = zeshi("--db", db, "--json", *command)
    assert code == 0 and json.loads(out)["damaged"] == [] and err == ""


def test_rank_names_the_sheet_it_left_out_on_stderr_and_in_json(zeshi: Run, db: str) -> None:
    code, sound, _ = zeshi("--db", db, "rank", "--district", "DC")
    sheet_id = damage(db)
    code, out, err = zeshi("--db", db, "rank", "--district", "DC")
    assert code == 0 and "损坏" not in out and out.splitlines()[0] == sound.splitlines()[0]
    assert err.splitlines() == [(f"注意：附件3-2 评审表 {sheet_id}（{WHO}）含有损坏的数据，未计入："
                                 "及时上报年度计划、年终总结及其他市区两级 的得分 38.6 不在 0 到 5 之间")]
    code, out, err = zeshi("--db", db, "--json", "rank", "--district", "DC")
    entry = _entry(json.loads(out), sheet_id)
    assert code == 0 and entry["who"] == WHO and entry["problems"] == [
        "及时上报年度计划、年终总结及其他市区两级 的得分 38.6 不在 0 到 5 之间"]
    assert f"评审表 {sheet_id}" in err


def test_rank_in_english(zeshi: Run, db: str) -> None:
    sheet_id = damage(db)
    code, out, err = zeshi("--db", db, "--lang", "en", "rank", "--district", "DC")
    [line] = err.splitlines()
    assert code == 0 and line.startswith(f"Note: Sheet {sheet_id} of annex 3-2 ({WHO}) holds damaged data and was "
                                         "left out: the score 38.6 of ")
    assert not CJK.search(line.replace(WHO, "").replace("及时上报年度计划、年终总结及其他市区两级", ""))
    code, out, _ = zeshi("--db", db, "--json", "--lang", "en", "rank", "--district", "DC")
    assert _entry(json.loads(out), sheet_id)["problems"][0].endswith("is not between 0 and 5")


def test_the_city_ranking_names_a_damaged_4_3_sheet(zeshi: Run, db: str) -> None:
    sheet_id = damage(db, "4-3")
    code, out, err = zeshi("--db", db, "rank", "--districts")
    assert code == 0 and err.startswith(f"注意：附件4-3 评审表 {sheet_id}（") and len(err.splitlines()) == 1
    code, out, _ = zeshi("--db", db, "--json", "rank", "--districts")
    assert _entry(json.loads(out), sheet_id, "4-3")["problems"]


def test_the_dashboards_name_the_sheet_they_left_out(zeshi: Run, db: str) -> None:
    sheet_id = damage(db)
    for command in (("dashboard", "--district", "DC"), ("dashboard", "--city")):
        code, out, err = zeshi("--db", db, *command)
        assert code == 0 and err.startswith(f"注意：附件3-2 评审表 {sheet_id}（{WHO}）含有损坏的数据，未计入：")
        code, out, _ = zeshi("--db", db, "--json", *command)
        assert _entry(json.loads(out), sheet_id)["who"] == WHO
    code, out, err = zeshi("--db", db, "--json", "dashboard", "--district", "CY")
    assert code == 0 and json.loads(out)["damaged"] == [] and err == ""


def test_the_questionnaire_summary_names_the_questionnaire_it_did_not_count(zeshi: Run, db: str) -> None:
    sheet_id = damage_answer(db)
    code, out, err = zeshi("--db", db, "questionnaires")
    assert code == 0 and err.startswith(f"注意：附件5-1 评审表 {sheet_id}（") and "也许" in err
    code, out, _ = zeshi("--db", db, "--json", "--lang", "en", "questionnaires")
    [problem] = _entry(json.loads(out), sheet_id, "5-1")["problems"]
    assert "也许" in problem


def test_export_warns_of_the_sheets_it_left_out(zeshi: Run, db: str, tmp_path: Path) -> None:
    code, out, err = zeshi("--db", db, "export", "district-city", "--district", "DC", "-o", str(tmp_path / "a.xlsx"))
    assert code == 0 and err == ""
    sheet_id = damage(db)
    code, out, err = zeshi("--db", db, "export", "district-city", "--district", "DC", "-o", str(tmp_path / "b.xlsx"))
    assert code == 0 and "已写入" in out and "损坏" not in out
    assert err.splitlines() == [(f"注意：1 张评审表含有损坏的数据，未放入包中：附件3-2 评审表 {sheet_id}（{WHO}）："
                                 "及时上报年度计划、年终总结及其他市区两级 的得分 38.6 不在 0 到 5 之间")]
    code, out, err = zeshi("--db", db, "--json", "--lang", "en", "export", "district-city", "--district", "DC",
                           "-o", str(tmp_path / "c.xlsx"))
    data = json.loads(out)
    assert code == 0 and _entry(data, sheet_id)["who"] == WHO
    [warning] = data["warnings"]
    assert warning.startswith(f"1 sheet(s) hold damaged data and were left out of the package: sheet {sheet_id} ")
    assert err == f"Note: {warning}\n"
