"""What stops finalising: messages with codes, rendered in either language, the same in the refusal."""

from __future__ import annotations

import re

import pytest

from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_blank_sheets_problems_have_codes_and_english_has_no_chinese(db: Database, demo_year: int) -> None:
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
            found = sheets.problems(s, sid)
            assert found and all(p.code.startswith(("scoring.problem.", "scoring.answer.")) for p in found)
            assert not [p.text("en") for p in found if HAN.search(p.text("en"))]
    form = catalogue.form("3-1")
    first = form.items[0]
    with db.read() as s:
        found = sheets.problems(s, ids[0])
    assert found[0].code == "scoring.problem.no_score"
    assert found[0].text("en").startswith('"' + first.text.en.split(",")[0][:20])
    assert found[0].text("zh") == f"“{first.short}”尚未评分"
    with db.read() as s:
        contract = sheets.problems(s, ids[1])[-1]
    assert contract.code == "scoring.problem.unanswered" and contract.text("zh").startswith("请回答：")
    assert contract.text("en").startswith("Please answer: ")


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
        found = sheets.problems(s, sid)
    mine = next(p for p in found if statement.text.zh in p.text("zh"))
    assert mine.code == "scoring.answer.reason_required" and "不同意理由" in mine.text("zh")
    assert mine.text("en") == f"{statement.text.en}: a 'disagree' needs a reason"


def test_the_finalise_refusal_lists_five_problems_in_the_language_asked(db: Database, demo_year: int) -> None:
    with db.write() as s:
        district = roster.add_district(s, "测试区", "中心城区", "TS")
        unit = roster.add_unit(s, district, "测试街道", "街道")
        planner = roster.add_planner(s, "测试责师", is_team=False)
        appointment = roster.appoint(s, demo_year, unit, planner, contract_signed=True)
        sid = sheets.open_sheet(s, "3-1", demo_year, appointment_id=appointment).id
        found = sheets.problems(s, sid)
        with pytest.raises(ActionRefused) as refused:
            sheets.finalize(s, sid)
    assert len(found) > 5
    err = refused.value
    assert err.code == "scoring.finalise.incomplete"
    assert err.message("zh") == "不能定稿：" + "；".join(p.text("zh") for p in found[:5]) + "……"
    assert err.message("en") == "Cannot finalise: " + "; ".join(p.text("en") for p in found[:5]) + "…"
    assert not HAN.search(err.message("en"))
