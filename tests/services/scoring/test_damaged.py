"""Stored values checked when read: a value that breaks its form's rules is never shown nor added."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from sqlalchemy import text

from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.scoring import sheets, stored

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def final_3_2(db, forms):
    """A finalised 3-2 sheet, every item at its maximum (100 of 100)."""
    with db.write() as s:
        d = roster.add_district(s, "东城区", "首都功能核心区")
        a = roster.appoint(s, 2025, roster.add_unit(s, d, "景山街道"), roster.add_planner(s, "甲", is_team=True))
        r = roster.add_reviewer(s, 2025, "district", "王评审", district_id=d)
        sid = sheets.open_sheet(s, "3-2", 2025, appointment_id=a, reviewer_id=r).id
        sheets.set_scores(s, sid, {i.id: i.max for i in forms["3-2"].items})
        sheets.finalize(s, sid, "王评审")
    return db, sid


def _raw(db, sql: str, **params: object) -> None:
    """A change behind the program's back (a flipped bit, a hand edit), past the service's rules."""
    with db.write() as s:
        s.execute(text(sql), params)


def test_a_score_above_its_maximum_is_left_out_and_the_sheet_says_it_holds_damaged_data(final_3_2, forms):
    db, sid = final_3_2
    item = max(forms["3-2"].items, key=lambda i: i.max)
    with db.read() as s:
        assert sheets.view(s, sid).totals.total == 100
    _raw(db, "UPDATE scores SET tenths = :t WHERE sheet_id = :s AND item_id = :i",
         t=int(item.max * 10) + 236, s=sid, i=item.id)
    with db.read() as s:
        v = sheets.view(s, sid)
    assert item.id not in v.scores and v.totals.total == 100 - item.max   # never 123.6 of 100
    assert v.totals.missing == 1
    assert [m.code for m in v.damaged] == ["check.value.out_of_range"]
    assert v.damage is not None and v.damage.code == "scoring.damaged.sheet"
    assert v.damage.text("zh").startswith("该评审表含有损坏的数据，未计入：")
    assert v.damage.text("en").startswith("This sheet holds damaged data, left out: the score ")
    assert not HAN.search(v.damage.text("en").replace(item.short, ""))
    with db.read() as s:
        listed = sheets.sheets(s, 2025, "3-2")
        damaged = stored.damaged_sheets(s, 2025)
    assert listed[0].totals.total == 100 - item.max and listed[0].damaged == v.damaged
    assert damaged == {sid: v.damaged}


def test_an_unknown_item_and_a_bad_answer_are_damaged_and_stop_finalising_until_cleared(final_3_2, forms):
    db, sid = final_3_2
    with db.write() as s:
        sheets.unlock(s, sid, "复核")
    _raw(db, "INSERT INTO scores (sheet_id, item_id, tenths) VALUES (:s, 'nope', 50)", s=sid)
    _raw(db, "INSERT INTO answers (sheet_id, key, value) VALUES (:s, 'foo', 'bar')", s=sid)
    with db.read() as s:
        v = sheets.view(s, sid)
        found = sheets.problems(s, sid)
    assert "nope" not in v.scores and "foo" not in v.answers and v.totals.total == 100
    assert [m.code for m in v.damaged] == ["check.value.unknown_item", "scoring.damaged.answer_key"]
    assert found == list(v.damaged)
    with pytest.raises(ActionRefused) as refused, db.write() as s:
        sheets.finalize(s, sid)
    assert refused.value.code == "scoring.finalise.incomplete" and "nope" in refused.value.message("en")
    with db.write() as s:   # damaged data can be removed
        sheets.clear_score(s, sid, "nope")
        v = sheets.set_answers(s, sid, {"foo": None})
        assert v.damaged == ()
        assert sheets.finalize(s, sid).is_final


def test_a_stored_yes_no_that_is_not_yes_or_no_is_not_an_answer(db):
    with db.write() as s:
        d = roster.add_district(s, "东城区", "首都功能核心区")
        roster.ensure_year(s, 2025)
        sid = sheets.open_sheet(s, "4-2", 2025, district_id=d).id
        sheets.set_answers(s, sid, {"contracts_signed": "yes"})
    _raw(db, "UPDATE answers SET value = 'maybe' WHERE sheet_id = :s", s=sid)
    with db.read() as s:
        v = sheets.view(s, sid)
    assert v.answers == {} and [m.code for m in v.damaged] == ["scoring.damaged.answer_value"]
    assert "maybe" in v.damaged[0].text("en")


def test_a_rewritten_score_clears_the_damage(final_3_2, forms):
    db, sid = final_3_2
    item = forms["3-2"].items[0]
    _raw(db, "UPDATE scores SET tenths = 9999 WHERE sheet_id = :s AND item_id = :i", s=sid, i=item.id)
    with db.write() as s:
        sheets.unlock(s, sid, "修复损坏的数据")
        v = sheets.set_score(s, sid, item.id, "1")
        log = sheets.audit_log(s, sid)
    assert v.damaged == () and v.scores[item.id] == Decimal(1)
    assert (log[-1].old, log[-1].new) == ("999.9", "1")   # the audit names the damaged value it replaced


def test_the_demo_year_as_every_writer_stores_it_holds_no_damaged_data(demo_db, demo_year):
    with demo_db.read() as s:
        assert stored.damaged_sheets(s, demo_year) == {}
        assert all(v.damaged == () for v in sheets.sheets(s, demo_year))
