"""Roster changes refused by code: the Chinese texts as before, the English without Chinese but the data."""

from __future__ import annotations

import re

import pytest

from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.store.database import Database

CJK = re.compile(r"[\u3400-\u9fff]")


def _refused(db: Database, action) -> ActionRefused:  # type: ignore[no-untyped-def]
    with pytest.raises(ActionRefused) as refused, db.write() as s:
        action(s)
    return refused.value


def test_terms_come_from_the_data_file() -> None:
    from zeshi_desktop.services.catalogue import roster_terms

    terms = roster_terms()
    assert roster.CIRCLES == tuple(c.zh for c in terms.circles)
    assert roster.UNIT_KINDS == tuple(k.zh for k in terms.unit_kinds)
    assert roster.DISCIPLINES == tuple(d.zh for d in terms.disciplines)
    assert roster_terms() is terms   # read once


def test_blank_names_are_refused_naming_the_field(db: Database) -> None:
    refused = _refused(db, lambda s: roster.add_district(s, "  ", roster.CIRCLES[0]))
    assert refused.code == "roster.required"
    assert (refused.message("zh"), refused.message("en")) == ("区名不能为空", "District name is required")
    assert _refused(db, lambda s: roster.add_planner(s, "", is_team=False)).message("zh") == "责师名称不能为空"
    assert _refused(db, lambda s: roster.add_reviewer(s, 2025, "city", " ")).message("en") == \
        "Reviewer name is required"


def test_unknown_circle_and_kind_list_the_terms(db: Database) -> None:
    refused = _refused(db, lambda s: roster.add_district(s, "火星区", "外环"))
    assert refused.code == "roster.unknown_circle"
    assert refused.message("zh") == "圈层“外环”不在：首都功能核心区、中心城区、城市副中心、多点地区、生态涵养区"
    with db.write() as s:
        district = roster.add_district(s, "东城区", "首都功能核心区")
        unit = roster.add_unit(s, district, "东华门")
    with db.read() as s:
        assert roster.units(s)[0].kind == "街道"   # the first kind of the terms is the default
    refused = _refused(db, lambda s: roster.update_unit(s, unit, name="东华门", kind="村"))
    assert refused.code == "roster.unknown_unit_kind" and refused.message("zh").startswith("单元类型“村”不在：街道、镇")
    assert _refused(db, lambda s: roster.add_district(s, "东城区", "中心城区")).message("zh") == "区“东城区”已存在"
    assert _refused(db, lambda s: roster.add_unit(s, district, "东华门")).message("en") == "Unit \"东华门\" exists"


def test_refusals_by_code(db: Database) -> None:
    with db.write() as s:
        district = roster.add_district(s, "东城区", "首都功能核心区")
        unit = roster.add_unit(s, district, "东华门")
        planner = roster.add_planner(s, "张三", is_team=False)
        roster.appoint(s, 2025, unit, planner)
    cases = [
        (lambda s: roster.ensure_year(s, 1999), "roster.year_out_of_range", "年度 1999 不合理"),
        (lambda s: roster.appoint(s, 2025, unit, planner), "roster.already_appointed", "该责师已聘任于该责任单元"),
        (lambda s: roster.appoint(s, 2025, unit, planner, term_years=0), "roster.term_impossible", "聘期 0 年不合理"),
        (lambda s: roster.update_planner(s, planner, colour="red"), "roster.planner_no_field", "责师没有字段 colour"),
        (lambda s: roster.add_reviewer(s, 2025, "street", "李四"), "roster.unknown_level",
         "评审组级别 street 只能是 district 或 city"),
        (lambda s: roster.add_reviewer(s, 2025, "district", "李四"), "roster.reviewer_needs_district",
         "区级评审人须属于一个区"),
    ]
    for action, code, zh in cases:
        refused = _refused(db, action)
        assert (refused.code, refused.message("zh")) == (code, zh)
        assert not CJK.search(refused.message("en")), code


@pytest.mark.parametrize(("action", "code", "zh", "en"), [
    (lambda s: roster.district(s, 99), "roster.no_district", "没有编号为 99 的区", "No district 99"),
    (lambda s: roster.planner(s, 99), "roster.no_planner", "没有编号为 99 的责师", "No planner 99"),
    (lambda s: roster.appointment(s, 99), "roster.no_appointment", "没有编号为 99 的聘任", "No appointment 99"),
    (lambda s: roster.reviewer(s, 99), "roster.no_reviewer", "没有编号为 99 的评审人", "No reviewer 99"),
    (lambda s: roster.remove_member(s, 99), "roster.no_member", "没有编号为 99 的成员", "No member 99"),
    (lambda s: roster.update_unit(s, 99, name="x", kind="街道"), "roster.no_unit", "没有编号为 99 的责任单元",
     "No unit 99"),
])
def test_not_found_by_number(db: Database, action, code: str, zh: str, en: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound) as refused, db.write() as s:
        action(s)
    assert (refused.value.code, refused.value.message("zh"), refused.value.message("en")) == (code, zh, en)


def test_warnings_carry_a_code_and_a_message_in_both_languages(db: Database) -> None:
    with db.write() as s:
        district = roster.add_district(s, "东城区", "首都功能核心区")
        unit = roster.add_unit(s, district, "东华门")
        team = roster.add_planner(s, "某团队", is_team=True, leader_senior_title=True)
        roster.add_member(s, team, "张三", "城乡规划")
        roster.appoint(s, 2025, unit, team, term_years=2)
    with db.read() as s:
        found = {w.code: w for w in roster.warnings(s, 2025)}
    assert set(found) == {"first_term", "disciplines_missing"}
    assert found["disciplines_missing"].text("zh") == "某团队 团队成员未覆盖：建筑学、结构工程、风景园林、市政交通"
    assert found["disciplines_missing"].text("en") == ("某团队: the team does not cover Architecture, Structural "
                                                       "engineering, Landscape architecture, Municipal and "
                                                       "transport engineering")
    assert found["first_term"].message.code == "roster.warning.first_term"
    assert found["first_term"].text("en") == "某团队 in 东华门: a first term of 2 years; 1 required"


def test_an_unknown_annex_is_refused_by_code_and_is_still_a_key_error() -> None:
    from zeshi_desktop.services import catalogue

    with pytest.raises(KeyError) as refused:
        catalogue.form("9-9")
    assert isinstance(refused.value, NotFound) and refused.value.code == "annex.unknown"
    assert refused.value.message("zh").startswith("未知的附件 '9-9'（已有：3-1, 3-2")
    assert not CJK.search(refused.value.message("en"))
