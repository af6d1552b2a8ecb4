"""Double entry of a paper sheet: a second, blind typing; finalising waits for agreement or a third person."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.scoring import double_entry, entries, sheets

from ..fairness.panel import items_for

YEAR = 2025


@pytest.fixture
def paper(db):
    """A 3-1 typed in full by 甲 (entry 1)."""
    with db.write() as s:
        d = roster.add_district(s, "东城区", "首都功能核心区")
        a = roster.appoint(s, YEAR, roster.add_unit(s, d, "景山街道"), roster.add_planner(s, "景山团队", is_team=True))
        sheet = sheets.open_sheet(s, "3-1", YEAR, appointment_id=a).id
        double_entry.record_entry(s, sheet, 1, items_for("3-1", 95), "甲")
    return {"db": db, "sheet": sheet, "first": items_for("3-1", 95)}


def _second(paper, changes=None, typist="乙"):
    values = {**paper["first"], **(changes or {})}
    with paper["db"].write() as s:
        return double_entry.record_entry(s, paper["sheet"], 2, values, typist)


def _finalise(paper):
    with paper["db"].write() as s:
        return sheets.finalize(s, paper["sheet"], "主任")


def test_a_sheet_typed_once_works_as_today(paper):
    assert _finalise(paper).is_final


def test_a_second_entry_that_differs_blocks_finalising_and_names_the_item(paper):
    state = _second(paper, {"planning_coordination": "9.5"})     # entry 1 has 10
    assert [c.item_id for c in state.open] == ["planning_coordination"]
    with pytest.raises(ActionRefused) as refused:
        _finalise(paper)
    assert refused.value.code == "fairness.entry.differs"
    zh, en = refused.value.message("zh"), refused.value.message("en")
    assert "助力规划统筹：第一次 10，第二次 9.5" in zh
    assert "first 10, second 9.5" in en and "1 item" in en
    with paper["db"].read() as s:
        assert not sheets.view(s, paper["sheet"]).is_final


def test_agreement_finalises(paper):
    state = _second(paper)
    assert state.agree and state.typists == {1: "甲", 2: "乙"}
    assert _finalise(paper).is_final


def test_an_item_the_second_entry_left_blank_differs(paper):
    values = dict(paper["first"])
    del values["basic_contract"]
    with paper["db"].write() as s:
        state = double_entry.record_entry(s, paper["sheet"], 2, values, "乙")
    assert [(c.item_id, c.second) for c in state.open] == [("basic_contract", None)]
    with pytest.raises(ActionRefused, match="第二次 空"):
        _finalise(paper)


def test_a_resolution_records_its_reason_and_the_value_becomes_the_sheets(paper):
    _second(paper, {"planning_coordination": "9.5"})
    with paper["db"].write() as s:
        state = double_entry.resolve(s, paper["sheet"], "planning_coordination", "9.5", "核对纸质表，应为9.5", "丙")
        view = sheets.view(s, paper["sheet"])
        log = sheets.audit_log(s, paper["sheet"])
    (decided,) = [c for c in state.items if c.resolution is not None]
    assert decided.resolution.reason == "核对纸质表，应为9.5" and decided.resolution.resolver == "丙"
    assert view.scores["planning_coordination"] == D("9.5") and state.agree
    resolve = [a for a in log if a.action == "resolve"]
    assert resolve and resolve[0].actor == "丙" and "核对纸质表" in resolve[0].reason
    assert (resolve[0].old, resolve[0].new) == ("10", "9.5")
    assert "第一次 10，第二次 9.5" in resolve[0].reason
    # both typists are in the audit, with what each typed
    assert {(a.action, a.actor) for a in log if a.action.startswith("entry")} == {("entry1", "甲"), ("entry2", "乙")}
    assert _finalise(paper).is_final


def test_keeping_the_first_value_also_resolves(paper):
    _second(paper, {"planning_coordination": "9.5"})
    with paper["db"].write() as s:
        state = double_entry.resolve(s, paper["sheet"], "planning_coordination", "10", "第二次看错", "丙")
    (c,) = [c for c in state.items if c.item_id == "planning_coordination"]
    assert c.resolved and not c.open and c.first == D(10) and c.second == D("9.5")
    assert _finalise(paper).is_final


def test_who_may_type_and_resolve(paper):
    with pytest.raises(ActionRefused) as refused:
        _second(paper, typist="甲")
    assert refused.value.code == "fairness.entry.same_typist"
    with pytest.raises(ActionRefused) as refused:
        _second(paper, typist="  ")
    assert refused.value.code == "fairness.entry.needs_typist"
    _second(paper, {"planning_coordination": "9.5"})
    for who, code in (("甲", "fairness.resolve.typist"), ("乙", "fairness.resolve.typist")):
        with pytest.raises(ActionRefused) as refused, paper["db"].write() as s:
            double_entry.resolve(s, paper["sheet"], "planning_coordination", "10", "理由", who)
        assert refused.value.code == code
    with pytest.raises(ActionRefused) as refused, paper["db"].write() as s:
        double_entry.resolve(s, paper["sheet"], "planning_coordination", "10", "", "丙")
    assert refused.value.code == "fairness.resolve.no_reason"
    with pytest.raises(ActionRefused) as refused, paper["db"].write() as s:
        double_entry.resolve(s, paper["sheet"], "basic_contract", "4", "理由", "丙")
    assert refused.value.code == "fairness.resolve.agree"


def test_the_first_entry_changed_after_a_resolution_differs_again(paper):
    _second(paper, {"planning_coordination": "9.5"})
    with paper["db"].write() as s:
        double_entry.resolve(s, paper["sheet"], "planning_coordination", "10", "第二次看错", "丙")
        sheets.set_score(s, paper["sheet"], "planning_coordination", "8")
        assert [c.item_id for c in entries.entry_state(s, paper["sheet"]).open] == ["planning_coordination"]


def test_finalise_all_refuses_too(paper):
    _second(paper, {"basic_training": "1"})
    with pytest.raises(ActionRefused) as refused, paper["db"].write() as s:
        sheets.finalize_all(s, [paper["sheet"]], "主任")
    assert refused.value.code == "fairness.entry.differs"
