"""services.lookup: what a person names is found by code or name, or refused by code (never guessed)."""

from __future__ import annotations

import pytest

from zeshi_desktop.services import lookup, roster
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.store.database import Database


@pytest.fixture
def store(db: Database) -> Database:
    with db.write() as s:
        east = roster.add_district(s, "东城区", "首都功能核心区", code="DC")
        west = roster.add_district(s, "西城区", "首都功能核心区", code="XC")
        unit = roster.add_unit(s, east, "新街口")
        other = roster.add_unit(s, west, "新街口")
        first = roster.add_planner(s, "张三", is_team=False)
        second = roster.add_planner(s, "张三", is_team=False)
        roster.appoint(s, 2025, unit, first)
        roster.appoint(s, 2025, other, first)
        roster.appoint(s, 2025, other, second)
        roster.add_reviewer(s, 2025, "city", "李四")
        roster.add_reviewer(s, 2025, "city", "李四")
    return db


def test_found_by_code_or_name(store: Database) -> None:
    with store.read() as s:
        assert lookup.district_id(s, "DC") == lookup.district_id(s, "东城区")
        east = lookup.district_id(s, "东城区")
        unit = lookup.unit_id(s, "新街口", east)
        appointment = roster.appointment(s, lookup.appointment_id(s, 2025, "新街口", district="东城区"))
        assert (appointment.unit_id, appointment.district) == (unit, "东城区")


@pytest.mark.parametrize(("action", "code", "zh", "en"), [
    (lambda s: lookup.district_id(s, "火星区"), "lookup.no_district", "没有区“火星区”", "No district \"火星区\""),
    (lambda s: lookup.unit_id(s, "月球"), "lookup.no_unit", "没有责任单元“月球”", "No unit \"月球\""),
    (lambda s: lookup.unit_id(s, "新街口"), "lookup.unit_ambiguous", "责任单元“新街口”不唯一，请用编号或加 --district",
     "Unit \"新街口\" is ambiguous; use its code or add --district"),
    (lambda s: lookup.planner_id(s, "王五"), "lookup.no_planner", "没有责师“王五”", "No planner \"王五\""),
    (lambda s: lookup.planner_id(s, "张三"), "lookup.planner_ambiguous", "责师“张三”不唯一，请用编号",
     "Planner \"张三\" is ambiguous; use its code"),
    (lambda s: lookup.reviewer_id(s, 2025, "王五"), "lookup.no_reviewer", "2025 年度没有评审人“王五”",
     "No reviewer \"王五\" in 2025"),
    (lambda s: lookup.reviewer_id(s, 2025, "李四"), "lookup.reviewer_ambiguous", "评审人“李四”不唯一，请用编号",
     "Reviewer \"李四\" is ambiguous; use its code"),
    (lambda s: lookup.appointment_id(s, 2024, "新街口", district="东城区"), "lookup.no_appointment",
     "2024 年度“新街口”没有聘任责师", "No planner is appointed to \"新街口\" in 2024"),
    (lambda s: lookup.appointment_id(s, 2025, "新街口", district="西城区"), "lookup.several_planners",
     "“新街口”有多位责师，请加 --planner", "\"新街口\" has several planners; add --planner"),
])
def test_refused_by_code(store: Database, action, code: str, zh: str, en: str) -> None:  # type: ignore[no-untyped-def]
    with store.read() as s, pytest.raises(ActionRefused) as refused:
        action(s)
    assert (refused.value.code, refused.value.message("zh"), refused.value.message("en")) == (code, zh, en)
    assert isinstance(refused.value, NotFound) == code.startswith("lookup.no_")
