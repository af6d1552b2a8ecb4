"""Scoring actions: refusals leave the store unchanged, finalise locks, unlock is audited."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zeshi_desktop.domain.scores import ScoreRefused
from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused, SheetLocked
from zeshi_desktop.services.scoring import sheets


@pytest.fixture
def setup(db):
    with db.write() as s:
        d = roster.add_district(s, "东城区", "首都功能核心区")
        u = roster.add_unit(s, d, "景山街道")
        p = roster.add_planner(s, "景山责师团队", is_team=True)
        a = roster.appoint(s, 2025, u, p)
        r = roster.add_reviewer(s, 2025, "district", "王评审", district_id=d)
        sheet = sheets.open_sheet(s, "3-1", 2025, appointment_id=a).id
    return {"db": db, "district": d, "appointment": a, "reviewer": r, "sheet": sheet}


def _view(setup):
    with setup["db"].read() as s:
        return sheets.view(s, setup["sheet"])


def test_open_sheet_is_idempotent(setup):
    with setup["db"].write() as s:
        again = sheets.open_sheet(s, "3-1", 2025, appointment_id=setup["appointment"])
    assert again.id == setup["sheet"] and again.status == "draft" and again.scores == {}


def test_set_score_updates_totals_and_band(setup):
    with setup["db"].write() as s:
        v = sheets.set_scores(s, setup["sheet"], {"basic_contract": "4", "planning_advice": "9.5"}, "张三")
    assert v.scores == {"basic_contract": Decimal(4), "planning_advice": Decimal("9.5")}
    assert v.totals.total == Decimal("13.5") and v.totals.section_sums["planning"] == Decimal("9.5")


def test_refused_value_leaves_stored_value_unchanged(setup):
    with setup["db"].write() as s:
        sheets.set_score(s, setup["sheet"], "planning_advice", "7")
    with pytest.raises(ScoreRefused, match="超过单项满分 10"):
        with setup["db"].write() as s:
            sheets.set_score(s, setup["sheet"], "planning_advice", "11")
    assert _view(setup).scores["planning_advice"] == Decimal(7)


def test_one_bad_value_refuses_the_whole_batch(setup):
    with pytest.raises(ScoreRefused):
        with setup["db"].write() as s:
            sheets.set_scores(s, setup["sheet"], {"basic_contract": "3", "basic_training": "4.25"})
    assert _view(setup).scores == {}


def test_reviewer_required_for_3_2(setup):
    with pytest.raises(ActionRefused, match="区级评审人"), setup["db"].write() as s:
        sheets.open_sheet(s, "3-2", 2025, appointment_id=setup["appointment"])
    with setup["db"].write() as s:
        v = sheets.open_sheet(s, "3-2", 2025, appointment_id=setup["appointment"], reviewer_id=setup["reviewer"])
    assert v.reviewer_id == setup["reviewer"]


def test_finalise_needs_every_item(setup, forms):
    with pytest.raises(ActionRefused, match="不能定稿"), setup["db"].write() as s:
        sheets.finalize(s, setup["sheet"])
    with setup["db"].write() as s:
        sheets.set_scores(s, setup["sheet"], {i.id: "1" for i in forms["3-1"].items})
        v = sheets.finalize(s, setup["sheet"], "张三")
    assert v.is_final and v.finalized_by == "张三" and v.totals.total == len(forms["3-1"].items)


def test_finalised_sheet_is_locked_until_unlocked_with_reason(setup, forms):
    with setup["db"].write() as s:
        sheets.set_scores(s, setup["sheet"], {i.id: "2" for i in forms["3-1"].items})
        sheets.finalize(s, setup["sheet"], "张三")
    with pytest.raises(SheetLocked), setup["db"].write() as s:
        sheets.set_score(s, setup["sheet"], "basic_contract", "3")
    with pytest.raises(ActionRefused, match="理由"), setup["db"].write() as s:
        sheets.unlock(s, setup["sheet"], "   ")
    with setup["db"].write() as s:
        sheets.unlock(s, setup["sheet"], "街道复核后更正", "李四")
        sheets.set_score(s, setup["sheet"], "basic_contract", "3", "李四")
        sheets.finalize(s, setup["sheet"], "李四")
    with setup["db"].read() as s:
        log = sheets.audit_log(s, setup["sheet"])
    assert [(e.action, e.item_id, e.old, e.new) for e in log] == [
        ("finalize", None, None, None), ("unlock", None, None, None),
        ("change", "basic_contract", "2", "3"), ("finalize", None, None, None)]
    assert log[2].reason == "街道复核后更正" and log[2].actor == "李四"


def test_questionnaire_cannot_be_finalised_incomplete(db, forms):
    with db.write() as s:
        d = roster.add_district(s, "东城区", "首都功能核心区")
        a = roster.appoint(s, 2025, roster.add_unit(s, d, "景山街道"), roster.add_planner(s, "甲", is_team=True))
        sid = sheets.open_sheet(s, "5-1", 2025, appointment_id=a).id
        answers = {f"choice:{st.id}": "一般" for st in forms["5-1"].questionnaire.statements}
        answers["choice:local_3"] = "不同意"
        answers["yes_no:fixed_contact"] = "yes"
        sheets.set_answers(s, sid, answers)
    with pytest.raises(ActionRefused, match="不同意理由"), db.write() as s:
        sheets.finalize(s, sid)
    with db.write() as s:
        sheets.set_answers(s, sid, {"reason:local_3": "资料获取困难"})
        assert sheets.finalize(s, sid).is_final


def _refusal(db, action) -> ActionRefused:  # type: ignore[no-untyped-def]
    with pytest.raises(ActionRefused) as refused, db.write() as s:
        action(s)
    return refused.value


def test_refusals_carry_a_code_and_keep_their_chinese(setup, forms):
    db, sid = setup["db"], setup["sheet"]
    cases = [
        (lambda s: sheets.open_sheet(s, "3-2", 2025, appointment_id=setup["appointment"]),
         "scoring.sheet.needs_district_reviewer", "附件3-2 需要一位 2025 年度的区级评审人",
         "Annex 3-2 needs a district reviewer of 2025"),
        (lambda s: sheets.open_sheet(s, "4-3", 2025, district_id=setup["district"]),
         "scoring.sheet.needs_city_reviewer", "附件4-3 需要一位 2025 年度的市级评审人",
         "Annex 4-3 needs a city reviewer of 2025"),
        (lambda s: sheets.open_sheet(s, "3-1", 2024, appointment_id=setup["appointment"]),
         "scoring.sheet.needs_appointment", "附件3-1 需要 2024 年度的一个聘任（责师与责任单元）",
         "Annex 3-1 needs an appointment of 2024"),
        (lambda s: sheets.open_sheet(s, "4-2", 2025, district_id=9999),
         "scoring.sheet.needs_district", "附件4-2 需要一个区", "Annex 4-2 needs a district"),
        (lambda s: sheets.open_sheet(s, "3-1", 2025, appointment_id=setup["appointment"],
                                     reviewer_id=setup["reviewer"]),
         "scoring.sheet.no_reviewer", "附件3-1 不由评审人填写", "Annex 3-1 is not filled by a reviewer"),
        (lambda s: sheets.view(s, 9999), "scoring.sheet.not_found", "没有编号为 9999 的评审表", "No sheet 9999"),
        (lambda s: sheets.set_score(s, sid, "nope", "1"), "scoring.sheet.no_item", "附件3-1 没有评分项 nope",
         "Annex 3-1 has no item nope"),
        (lambda s: sheets.unlock(s, sid, " "), "scoring.unlock.no_reason", "解锁须说明理由", "Unlocking needs a reason"),
        (lambda s: sheets.unlock(s, sid, "复核"), "scoring.unlock.not_final", "该评审表尚未定稿，无需解锁",
         "This sheet is not finalised"),
    ]
    for action, code, zh, en in cases:
        err = _refusal(db, action)
        assert (err.code, err.message("zh"), err.message("en")) == (code, zh, en)
    with db.write() as s:
        sheets.set_scores(s, sid, {i.id: "1" for i in forms["3-1"].items})
        sheets.finalize(s, sid)
    err = _refusal(db, lambda s: sheets.set_remarks(s, sid, "改"))
    assert isinstance(err, SheetLocked) and err.code == "scoring.sheet.locked"
    assert err.message("zh") == "该评审表已定稿，须先说明理由解锁后才能修改"
