"""回避: a recused reviewer's sheet is not filled and not counted; the final score is the rule over the others."""

from __future__ import annotations

from decimal import Decimal as D
from decimal import localcontext

import pytest

from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.fairness import recusals
from zeshi_desktop.services.meeting import dashboards, ranking
from zeshi_desktop.services.meeting.lens import city_fairness, district_fairness
from zeshi_desktop.services.scoring import sheets

from .panel import YEAR, city_panel, district_panel, fill


@pytest.fixture
def panel(db):
    with db.write() as s:
        return district_panel(s)


def _rows(db, district_id):
    with db.read() as s:
        return {r.unit: r for r in ranking.district_ranking(s, YEAR, district_id).rows}


def _recuse(db, panel, unit, reviewer, reason="同单位", **kw):
    with db.write() as s:
        return recusals.declare(s, "3-2", YEAR, appointment_id=panel.units[unit],
                                reviewer_id=panel.reviewers[reviewer], reason=reason, actor="主任", **kw)


def test_a_recusal_changes_the_mean_exactly_and_can_change_a_rank(db, panel):
    before = _rows(db, panel.district)
    assert before["甲街道"].district_score == D("83.6")            # (90+86+84+88+70)/5
    assert (before["甲街道"].rank, before["乙街道"].rank) == (2, 1)  # 乙 (88) leads 甲 (83.6)
    _recuse(db, panel, "甲街道", "r5")                              # the 70 of r5 no longer counts
    _recuse(db, panel, "乙街道", "r5")                              # nor the 99
    after = _rows(db, panel.district)
    assert after["甲街道"].district_score == D(87)                  # (90+86+84+88)/4
    assert after["乙街道"].district_score == D("85.25")             # (85+87+83+86)/4
    assert after["甲街道"].total == D(40) + D(87) * D("0.6")
    assert (after["甲街道"].rank, after["乙街道"].rank) == (1, 2)


def test_the_trimmed_mean_is_over_the_remaining_reviewers(db):
    wide = {"甲街道": (90, 86, 84, 88, 70, 95), "乙街道": (80, 80, 80, 80, 80, 80),
            "丙街道": (70, 70, 70, 70, 70, 70), "丁街道": (60, 60, 60, 60, 60, 60)}
    with db.write() as s:
        p = district_panel(s, wide)
        ranking.set_trimmed_mean(s, YEAR, p.district, True)
    assert _rows(db, p.district)["甲街道"].district_score == D(87)   # drop 95 and 70: (90+86+84+88)/4
    with db.write() as s:
        recusals.declare(s, "3-2", YEAR, appointment_id=p.units["甲街道"], reviewer_id=p.reviewers["r6"],
                         reason="relative")
    # five remain (90 86 84 88 70): drop 90 and 70 → (86+84+88)/3
    assert _rows(db, p.district)["甲街道"].district_score == D(86)
    with db.write() as s:
        recusals.declare(s, "3-2", YEAR, appointment_id=p.units["甲街道"], reviewer_id=p.reviewers["r1"],
                         reason="former_employer")
    # four remain: too few to trim, the plain mean of 86 84 88 70
    assert _rows(db, p.district)["甲街道"].district_score == D(82)


def test_4_3_alike(db):
    with db.write() as s:
        p = city_panel(s)
        before = {r.district: r for r in ranking.city_ranking(s, YEAR).rows}
        recusals.declare(s, "4-3", YEAR, district_id=p.districts["西城区"], reviewer_id=p.reviewers["c4"],
                         reason="other", detail="来自西城区")
        after = {r.district: r for r in ranking.city_ranking(s, YEAR).rows}
    assert before["西城区"].city_score == D(83)                # (85+90+87+70)/4
    with localcontext() as ctx:
        ctx.prec = 40
        assert after["西城区"].city_score == D(262) / 3        # (85+90+87)/3, to the domain's 40 digits
    assert (before["西城区"].rank, after["西城区"].rank) == (2, 2)
    assert after["东城区"].city_score == before["东城区"].city_score


def test_a_recused_reviewer_cannot_fill_the_sheet_and_a_filled_one_stops_counting(db, panel):
    with db.write() as s:
        unlocked = sheets.find_sheet_id(s, "3-2", YEAR, appointment_id=panel.units["丙街道"],
                                        reviewer_id=panel.reviewers["r2"])
        sheets.unlock(s, unlocked, "复核")
    found = _recuse(db, panel, "丙街道", "r2", reason="亲属关系")
    assert (found.reason, found.active, found.declared_by) == ("relative", True, "主任")
    with pytest.raises(ActionRefused) as refused, db.write() as s:
        sheets.set_score(s, unlocked, "other_tasks", "9")
    assert refused.value.code == "fairness.recused.no_scoring"
    with pytest.raises(ActionRefused), db.write() as s:
        sheets.finalize(s, unlocked, "r2")
    # a reviewer who never started the sheet cannot start it either
    with db.write() as s:
        d = panel.district
        extra = recusals.declare(s, "3-2", YEAR, appointment_id=panel.units["丁街道"],
                                 reviewer_id=panel.reviewers["r3"], reason="other", detail="合作项目")
        assert extra.reason_text.text("zh") == "其他（合作项目）"
        assert recusals.find(s, "3-2", YEAR, appointment_id=panel.units["丁街道"],
                             reviewer_id=panel.reviewers["r3"]) == extra
        assert [r.subject for r in recusals.recusals(s, YEAR, district_id=d)] == ["丙街道 — 丙街道团队",
                                                                                   "丁街道 — 丁街道团队"]


def test_withdrawal_needs_a_reason_and_the_sheet_counts_again(db, panel):
    declared = _recuse(db, panel, "甲街道", "r5")
    with pytest.raises(ActionRefused) as refused, db.write() as s:
        recusals.withdraw(s, declared.id, "  ", "主任")
    assert refused.value.code == "fairness.recusal.withdraw_no_reason"
    with db.write() as s:
        gone = recusals.withdraw(s, declared.id, "核实无关", "主任")
        assert not gone.active and gone.withdrawn_reason == "核实无关"
        assert recusals.recusals(s, YEAR) == []
        assert [r.id for r in recusals.recusals(s, YEAR, include_withdrawn=True)] == [declared.id]
    assert _rows(db, panel.district)["甲街道"].district_score == D("83.6")
    again = _recuse(db, panel, "甲街道", "r5", reason="relative")   # declared again: the same row, active
    assert again.id == declared.id and again.active and again.reason == "relative"


def test_every_declaration_and_withdrawal_is_in_the_audit(db, panel):
    declared = _recuse(db, panel, "甲街道", "r5")
    with db.write() as s:
        recusals.withdraw(s, declared.id, "核实无关", "副主任")
    with db.read() as s:
        rows = recusals.audit_rows(s, YEAR)
        sheet = sheets.find_sheet_id(s, "3-2", YEAR, appointment_id=panel.units["甲街道"],
                                     reviewer_id=panel.reviewers["r5"])
        on_sheet = [a.action for a in sheets.audit_log(s, sheet)]
    assert [(r.action, r.actor) for r in rows] == [("recuse", "主任"), ("withdraw", "副主任")]
    assert "同单位" in rows[0].reason and "核实无关" in rows[1].reason
    assert rows[0].row_hash is not None                         # sealed into the chain
    assert on_sheet[-2:] == ["recuse", "withdraw"]


def test_refusals(db, panel):
    with pytest.raises(ActionRefused) as refused:
        _recuse(db, panel, "甲街道", "r1", reason="")
    assert refused.value.code == "fairness.recusal.no_reason"
    with pytest.raises(ActionRefused) as refused, db.write() as s:
        recusals.declare(s, "3-1", YEAR, appointment_id=panel.units["甲街道"], reviewer_id=panel.reviewers["r1"],
                         reason="relative")
    assert refused.value.code == "fairness.recusal.wrong_form"
    _recuse(db, panel, "甲街道", "r1")
    with pytest.raises(ActionRefused) as refused:
        _recuse(db, panel, "甲街道", "r1")
    assert refused.value.code == "fairness.recusal.already"


def test_the_dashboards_warn_below_three_and_owe_no_sheet(db):
    with db.write() as s:
        p = district_panel(s, {u: t[:4] for u, t in {"甲街道": (90, 86, 84, 88), "乙街道": (85, 87, 83, 86),
                                                     "丙街道": (70, 72, 74, 71), "丁街道": (60, 62, 61, 59)}.items()})
        recusals.declare(s, "3-2", YEAR, appointment_id=p.units["甲街道"], reviewer_id=p.reviewers["r1"],
                         reason="relative")
        board = district_fairness(s, YEAR, p.district)
        assert board.short_panels == ()                       # three remain: no warning
        recusals.declare(s, "3-2", YEAR, appointment_id=p.units["甲街道"], reviewer_id=p.reviewers["r2"],
                         reason="relative")
        board = district_fairness(s, YEAR, p.district)
        dash = dashboards.district_dashboard(s, YEAR, p.district)
    (short,) = board.short_panels
    assert (short.label, short.remaining, short.recused) == ("甲街道 — 甲街道团队", 2, 2)
    assert "2" in short.message.text("zh") and "fewer than 3" in short.message.text("en")
    assert [r.reviewer for r in board.recusals] == ["r1", "r2"]
    r1 = next(p_ for p_ in dash.reviewers if p_.label == "r1")
    assert (r1.progress.expected, r1.progress.final) == (3, 3)   # the recused unit is not owed


def test_city_board_lists_the_city_recusals(db):
    with db.write() as s:
        p = city_panel(s)
        recusals.declare(s, "4-3", YEAR, district_id=p.districts["东城区"], reviewer_id=p.reviewers["c1"],
                         reason="other", detail="来自东城区")
        recusals.declare(s, "4-3", YEAR, district_id=p.districts["东城区"], reviewer_id=p.reviewers["c2"],
                         reason="relative")
        board = city_fairness(s, YEAR)
    assert [r.district for r in board.recusals] == ["东城区", "东城区"]
    assert [p_.label for p_ in board.short_panels] == ["东城区"]


def test_a_sheet_filled_after_withdrawal_counts(db, panel):
    with db.write() as s:
        d = roster.add_unit(s, panel.district, "戊街道")
        planner = roster.add_planner(s, "戊团队", is_team=True)
        app = roster.appoint(s, YEAR, d, planner)
        found = recusals.declare(s, "3-2", YEAR, appointment_id=app, reviewer_id=panel.reviewers["r1"],
                                 reason="relative")
        recusals.withdraw(s, found.id, "误报", "")
        fill(s, "3-2", 77, appointment_id=app, reviewer_id=panel.reviewers["r1"])
        totals = ranking.reviewer_totals(s, YEAR, "3-2", panel.district)
    assert totals[app] == [(panel.reviewers["r1"], D(77))]
