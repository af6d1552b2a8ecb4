"""`zeshi dashboard`, `questionnaires`, `history`, `report`, `recommend`: JSON, files, one-line refusals."""

from __future__ import annotations

import json

import openpyxl
import pytest

from zeshi_desktop.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(demo_db):
    return str(demo_db.path)


def test_dashboard_json_has_every_part(db, capsys):
    code, out, _ = run(capsys, "--db", db, "--json", "dashboard", "--district", "东城区")
    assert code == 0
    data = json.loads(out)
    assert data["district"] == "东城区" and [r["rank"] for r in data["ranking"]] == [1, 2, 3, 4]
    assert {"offices", "reviewers", "spreads", "offsets", "items", "trimmed_impact"} <= set(data)
    assert any(s["outliers"] for s in data["spreads"])
    code, out, _ = run(capsys, "--db", db, "dashboard", "--district", "东城区", "--outlier-distance", "40")
    assert code == 0 and "离群" in out
    code, out, _ = run(capsys, "--db", db, "--json", "dashboard", "--district", "东城区", "--outlier-distance", "40")
    assert not any(s["outliers"] for s in json.loads(out)["spreads"])


def test_city_dashboard_and_questionnaires(db, capsys):
    code, out, _ = run(capsys, "--db", db, "--json", "dashboard", "--city")
    rows = {r["district"]: r for r in json.loads(out)["districts"]}
    assert code == 0 and rows["延庆区"]["blocked_by_contracts"] is True
    code, out, _ = run(capsys, "--db", db, "--json", "questionnaires", "--circle", "中心城区")
    assert code == 0 and json.loads(out)["questionnaires"] == 5


def test_recommend_and_list(db, capsys):
    code, out, _ = run(capsys, "--db", db, "recommend", "--unit", "景山街道")
    assert code == 0 and "已推荐" in out
    code, out, _ = run(capsys, "--db", db, "--json", "recommend")
    assert [a["unit"] for a in json.loads(out)] == ["景山街道"]
    code, out, _ = run(capsys, "--db", db, "recommend", "--unit", "景山街道", "--off")
    code, out, _ = run(capsys, "--db", db, "--json", "recommend")
    assert json.loads(out) == []
    code, _, err = run(capsys, "--db", db, "recommend", "--unit", "没有这个街道")
    assert code == 2 and err.startswith("zeshi:") and len(err.strip().splitlines()) == 1


def test_reports_written(db, capsys, tmp_path):
    for args, name in ((("result", "--district", "东城区"), "r.xlsx"), (("result", "--district", "东城区"), "r.pdf"),
                       (("district", "--district", "东城区"), "d.pdf"), (("city",), "c.pdf"),
                       (("questionnaire", "--circle", "中心城区"), "q.pdf")):
        code, _, err = run(capsys, "--db", db, "report", *args, "-o", str(tmp_path / name))
        assert code == 0, err
        assert (tmp_path / name).stat().st_size > 1000
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    assert ws.cell(row=5, column=1).value == 1
    code, _, err = run(capsys, "--db", db, "report", "city", "-o", str(tmp_path / "c.txt"))
    assert code == 2 and ".pdf" in err and not (tmp_path / "c.txt").exists()


def test_history(db, capsys):
    code, out, _ = run(capsys, "--db", db, "--json", "history", "--district", "东城区")
    assert code == 0 and json.loads(out)["district_rows"][0]["rank"] == 1
    code, _, err = run(capsys, "--db", db, "history")
    assert code == 2 and err == "zeshi: 请给出 --planner P 或 --district D\n"
