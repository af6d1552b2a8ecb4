"""A team member's 单位: in the roster workbook (an optional column), in the store, in the suggestions."""

from __future__ import annotations

from openpyxl import load_workbook

from zeshi_desktop.services import roster
from zeshi_desktop.services.fairness.suggestions import conflict_suggestions
from zeshi_desktop.services.roster.workbook import export_roster, import_roster
from zeshi_desktop.store.database import Database

YEAR = 2025


def _members(db: Database) -> dict[str, str]:
    with db.read() as s:
        return {m.name: m.organisation for p in roster.planners(s) for m in p.members}


def test_the_roster_workbook_carries_it_and_an_older_workbook_still_reads(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "roster.xlsx"
    with demo_db.read() as s:
        export_roster(s, YEAR, path)
    sheet = load_workbook(path)["团队成员"]
    headers = [c.value for c in sheet[1]]
    assert "单位" in headers
    expected = _members(demo_db)
    assert any(expected.values())
    fresh = Database.open(tmp_path / "fresh.sqlite3")
    try:
        with fresh.write() as s:
            report = import_roster(s, YEAR, path)
        assert report.written
        assert _members(fresh) == expected
    finally:
        fresh.dispose()
    # the same workbook as a program before 回避 wrote it: no 单位 column
    book = load_workbook(path)
    members = book["团队成员"]
    members.delete_cols(headers.index("单位") + 1)
    old = tmp_path / "old.xlsx"
    book.save(old)
    older = Database.open(tmp_path / "older.sqlite3")
    try:
        with older.write() as s:
            import_roster(s, YEAR, old)
        assert set(_members(older)) == set(expected) and not any(_members(older).values())
    finally:
        older.dispose()


def test_a_member_of_the_reviewers_institution_is_suggested(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        d = roster.add_district(s, "东城区", "首都功能核心区")
        planner = roster.add_planner(s, "甲团队", is_team=True, organisation="规划院")
        roster.add_member(s, planner, "张三", organisation="北京建筑大学")
        roster.appoint(s, YEAR, roster.add_unit(s, d, "景山街道"), planner)
        roster.add_reviewer(s, YEAR, "district", "王评审", district_id=d, organisation="北京建筑大学")
        roster.add_reviewer(s, YEAR, "district", "李评审", district_id=d, organisation="清华大学")
        (found,) = conflict_suggestions(s, YEAR, district_id=d)
    assert (found.reviewer, found.basis, found.detail) == ("王评审", "member_organisation", "张三 北京建筑大学")
    assert "张三" in found.why.text("zh") and not found.declared
