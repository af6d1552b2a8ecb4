"""forms/roster.toml: the roster's terms read, checked and typed; a broken file names the place."""

from __future__ import annotations

import re
import tomllib

import pytest

from zeshi_desktop.domain.form_loader import FormDefinitionError
from zeshi_desktop.domain.roster_terms import (
    ROSTER_FILE,
    load_roster_terms,
    parse_roster_terms,
)
from zeshi_desktop.locations import forms_dir

CJK = re.compile(r"[\u3400-\u9fff]")


def _data() -> dict:
    return tomllib.loads((forms_dir() / ROSTER_FILE).read_text(encoding="utf-8"))


def test_the_project_file_holds_the_measures_terms() -> None:
    terms = load_roster_terms(forms_dir() / ROSTER_FILE)
    assert [d.zh for d in terms.disciplines] == ["城乡规划", "建筑学", "结构工程", "风景园林", "市政交通"]
    assert [c.zh for c in terms.circles] == ["首都功能核心区", "中心城区", "城市副中心", "多点地区", "生态涵养区"]
    assert [k.zh for k in terms.unit_kinds] == ["街道", "镇", "乡", "园区", "片区", "地区"]
    assert {level.id: level.label.zh for level in terms.levels} == {"district": "区级", "city": "市级"}
    assert [s.name.zh for s in terms.sheets] == ["区", "责任单元", "责师", "团队成员", "聘任", "评审人"]
    labels = [*terms.disciplines, *terms.circles, *terms.unit_kinds, *(lv.label for lv in terms.levels),
              *(s.name for s in terms.sheets), *(c.header for s in terms.sheets for c in s.columns)]
    assert all(label.en and not CJK.search(label.en) for label in labels)


@pytest.mark.parametrize(("word", "value"), [
    ("是", True), ("否", False), ("yes", True), ("No", False), ("TRUE", True), ("false", False), (" Yes ", True),
    ("对", None), ("", None), ("1", None),
])
def test_yes_no_words_in_any_case(word: str, value: bool | None) -> None:
    terms = load_roster_terms(forms_dir() / ROSTER_FILE)
    assert terms.flag(word) is value
    assert (terms.flag_text(True), terms.flag_text(False)) == ("是", "否")


@pytest.mark.parametrize(("change", "where"), [
    (lambda d: d.pop("circles"), "circles"),
    (lambda d: d["disciplines"].append({"zh": "建筑学", "en": "Again"}), "disciplines"),
    (lambda d: d["unit_kinds"].append({"zh": "村"}), "unit_kinds[6]"),
    (lambda d: d["booleans"]["no"].append("YES"), "booleans"),
    (lambda d: d["levels"].pop(), "levels"),
    (lambda d: d["sheets"][0]["columns"].append({"key": "x", "zh": "某", "en": "X", "width": "wide"}),
     "sheets[0].columns[3]"),
])
def test_a_broken_terms_file_is_refused_naming_the_place(change, where: str) -> None:  # type: ignore[no-untyped-def]
    data = _data()
    change(data)
    with pytest.raises(FormDefinitionError) as refused:
        parse_roster_terms(data)
    assert refused.value.source == ROSTER_FILE and refused.value.where == where


def test_an_unknown_sheet_is_a_definition_error() -> None:
    with pytest.raises(FormDefinitionError, match="no sheet"):
        parse_roster_terms(_data()).sheet("nowhere")
