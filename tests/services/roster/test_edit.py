"""roster_edit: correcting members and reviewers; a reviewer with sheets stays."""

from __future__ import annotations

import pytest

from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.roster import edit as roster_edit
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database


def test_update_member_changes_every_field_and_refuses_an_empty_name(db: Database) -> None:
    with db.write() as s:
        planner = roster.add_planner(s, "某团队", is_team=True)
        member = roster.add_member(s, planner, "张三", "城乡规划", "", True)
        roster_edit.update_member(s, member, name=" 张珊 ", discipline="建筑学", qualification="注册建筑师",
                                  is_core=False)
    with db.read() as s:
        m = roster.planner(s, planner).members[0]
    assert (m.name, m.discipline, m.qualification, m.is_core) == ("张珊", "建筑学", "注册建筑师", False)
    with pytest.raises(ActionRefused, match="成员姓名不能为空") as refused, db.write() as s:
        roster_edit.update_member(s, member, name="  ")
    assert refused.value.code == "roster.required" and refused.value.message("en") == "Member name is required"
    with pytest.raises(NotFound):
        with db.write() as s:
            roster_edit.update_member(s, 999, name="x")


def test_remove_reviewer_refuses_one_with_sheets(demo_db: Database, demo_year: int) -> None:
    with demo_db.read() as s:
        reviewer = roster.reviewers(s, demo_year, "district")[0]
        count = len(sheets.sheets(s, demo_year, reviewer_id=reviewer.id))
    assert count
    with pytest.raises(ActionRefused, match=f"已有 {count} 张评审表") as refused, demo_db.write() as s:
        roster_edit.remove_reviewer(s, reviewer.id)
    assert refused.value.code == "roster.reviewer_has_sheets"
    assert refused.value.message("zh") == f"评审人“{reviewer.name}”已有 {count} 张评审表，不能删除（可修改姓名或单位）"
    with demo_db.read() as s:
        assert len(sheets.sheets(s, demo_year, reviewer_id=reviewer.id)) == count
    with demo_db.write() as s:
        roster_edit.update_reviewer(s, reviewer.id, name="改名", organisation="新单位")
    with demo_db.read() as s:
        changed = roster.reviewer(s, reviewer.id)
    assert (changed.name, changed.organisation, changed.code, changed.level) == (
        "改名", "新单位", reviewer.code, reviewer.level)


def test_remove_reviewer_without_sheets(db: Database) -> None:
    with db.write() as s:
        rid = roster.add_reviewer(s, 2025, "city", "误加")
    with db.write() as s:
        roster_edit.remove_reviewer(s, rid)
    with db.read() as s:
        assert roster.reviewers(s, 2025) == []
