"""The roster workbook's preview: every row added, changed or moved, with what differs; bad cells listed, not raised."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.roster import workbook as roster_io
from zeshi_desktop.store.database import Database


@pytest.fixture
def workbook(demo_db: Database, demo_year: int, tmp_path: Path) -> Path:
    path = tmp_path / "roster.xlsx"
    with demo_db.read() as s:
        roster_io.export_roster(s, demo_year, path)
    return path


def test_an_unchanged_workbook_lists_no_row(demo_db: Database, demo_year: int, workbook: Path) -> None:
    with demo_db.read() as s:
        plan = roster_io.preview_roster(s, demo_year, workbook)
    assert plan.rows == [] and plan.problems == [] and plan.changes == 0


def test_added_changed_and_moved_rows_are_listed_with_what_differs(demo_db: Database, demo_year: int,
                                                                    workbook: Path) -> None:
    with demo_db.read() as s:
        districts = roster.districts(s)
    wb = load_workbook(workbook)
    wb["区"]["B2"] = "东城区（新）"
    wb["区"].append(["XC", "西城区", "首都功能核心区"])
    units = wb["责任单元"]
    moved_code = units["A2"].value
    units["B2"] = districts[1].code            # the first unit moves to the second district
    wb["团队成员"].append([wb["责师"]["A2"].value, "新成员", "", "", "是"])
    wb.save(workbook)
    with demo_db.read() as s:
        plan = roster_io.preview_roster(s, demo_year, workbook)
    by_action = {(r.sheet, r.action): r for r in plan.rows}
    assert by_action[("区", "added")].code == "XC" and by_action[("区", "added")].name == "西城区"
    renamed = by_action[("区", "changed")]
    assert renamed.fields == (("name", districts[0].name, "东城区（新）"),)
    moved = by_action[("责任单元", "moved")]
    assert moved.code == moved_code and ("district", districts[0].code, districts[1].code) in moved.fields
    members = by_action[("团队成员", "changed")]
    assert members.fields[0][0] == "name" and members.fields[0][2].endswith("、新成员")
    with demo_db.write() as s:   # the preview wrote nothing; the import then writes what it listed
        assert roster.districts(s)[0].name == districts[0].name
        report = roster_io.import_roster(s, demo_year, workbook)
    assert report.counts["区"].added == 1 and report.counts["责任单元"].changed == 1


def test_bad_cells_are_in_the_plan_not_raised(demo_db: Database, demo_year: int, workbook: Path) -> None:
    wb = load_workbook(workbook)
    wb["聘任"]["D4"] = "三"
    wb.save(workbook)
    with demo_db.read() as s:
        plan = roster_io.preview_roster(s, demo_year, workbook)
    assert [p.where for p in plan.problems] == ["聘任!D4"]


def test_a_file_that_is_no_workbook_is_one_refusal(demo_db: Database, demo_year: int, tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_text("hello")
    with pytest.raises(ActionRefused) as refused, demo_db.read() as s:
        roster_io.preview_roster(s, demo_year, path)
    assert refused.value.message("en") and "\n" not in refused.value.message("en")


def test_appointment_rows_are_named_by_unit_and_planner(demo_db: Database, demo_year: int, workbook: Path) -> None:
    wb = load_workbook(workbook)
    sheet = wb["聘任"]
    sheet["G2"] = "否" if sheet["G2"].value == "是" else "是"   # fee paid flipped
    unit_code, planner_code = sheet["A2"].value, sheet["B2"].value
    wb.save(workbook)
    with demo_db.read() as s:
        plan = roster_io.preview_roster(s, demo_year, workbook)
        unit_id = next(u.id for u in roster.units(s) if u.code == unit_code)
        app = next(a for a in roster.appointments(s, demo_year) if a.unit_id == unit_id)
    [row] = plan.rows
    assert row.code == f"{unit_code} / {planner_code}" and row.name == f"{app.unit} — {app.planner}"
    assert row.fields[0][0] == "fee_paid" and {row.fields[0][1], row.fields[0][2]} == {"是", "否"}
