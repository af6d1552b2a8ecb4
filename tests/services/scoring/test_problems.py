"""sheet_problems: the same refusals as ``sheets.problems``, with an English side."""

from __future__ import annotations

import re

from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_blank_sheets_pairs_match_the_chinese_service_and_english_has_no_chinese(db: Database, demo_year: int) -> None:
    with db.write() as s:
        district = roster.add_district(s, "测试区", "中心城区", "TS")
        unit = roster.add_unit(s, district, "测试街道", "街道")
        planner = roster.add_planner(s, "测试责师", is_team=False)
        appointment = roster.appoint(s, demo_year, unit, planner, contract_signed=True)
        ids = [sheets.open_sheet(s, "3-1", demo_year, appointment_id=appointment).id,
               sheets.open_sheet(s, "4-2", demo_year, district_id=district).id,
               sheets.open_sheet(s, "5-1", demo_year, appointment_id=appointment).id]
    with db.read() as s:
        for sid in ids:
            pairs = sheets.problem_pairs(s, sid)
            assert [p.zh for p in pairs] == sheets.problems(s, sid) and pairs
            assert not [p.en for p in pairs if HAN.search(p.en)]
    form = catalogue.form("3-1")
    first = form.items[0]
    with db.read() as s:
        pairs = sheets.problem_pairs(s, ids[0])
    assert pairs[0].get("en").startswith("“" + first.text.en.split(",")[0][:20])
    assert pairs[0].get("zh") == f"“{first.short}”尚未评分"


def test_a_disagree_without_reason_is_named_in_english(db: Database, demo_year: int) -> None:
    form = catalogue.form("5-1")
    q = form.questionnaire
    assert q is not None
    statement = q.statements[0]
    with db.write() as s:
        district = roster.add_district(s, "测试区", "中心城区", "TS")
        unit = roster.add_unit(s, district, "测试街道", "街道")
        planner = roster.add_planner(s, "测试责师", is_team=False)
        appointment = roster.appoint(s, demo_year, unit, planner, contract_signed=True)
        sid = sheets.open_sheet(s, "5-1", demo_year, appointment_id=appointment).id
        sheets.set_answers(s, sid, {f"choice:{statement.id}": q.reason_option})
    with db.read() as s:
        pairs = sheets.problem_pairs(s, sid)
    mine = next(p for p in pairs if statement.text.zh in p.zh)
    assert "不同意理由" in mine.zh
    assert mine.en == f"{statement.text.en}: a 'disagree' needs a reason"
