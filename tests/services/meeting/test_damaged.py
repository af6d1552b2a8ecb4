"""Damaged data never counts: rankings, dashboards and the questionnaire summary leave it out and name it."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from zeshi_desktop.domain.aggregation import final_score
from zeshi_desktop.services.meeting import damage, dashboards, questionnaire, ranking
from zeshi_desktop.services.scoring import sheets, stored
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.models import Appointment, Sheet, Unit

HAN = re.compile(r"[\u4e00-\u9fff]")
DONGCHENG = 1   # the demo's 东城区


def _raw(db: Database, sql: str, **params: object) -> None:
    """A change behind the program's back (a flipped bit, a hand edit), past the services' rules."""
    with db.write() as s:
        s.execute(text(sql), params)


def _sheet_of(db: Database, year: int, form_id: str, district_id: int = DONGCHENG) -> tuple[int, int]:
    """(sheet id, appointment id) of the first finalised sheet of an appointment form in a district."""
    with db.read() as s:
        row = s.execute(select(Sheet.id, Sheet.appointment_id)
                        .join(Appointment, Appointment.id == Sheet.appointment_id)
                        .join(Unit, Unit.id == Appointment.unit_id)
                        .where(Sheet.year == year, Sheet.form_id == form_id, Sheet.status == "final",
                               Unit.district_id == district_id).order_by(Sheet.id)).first()
    assert row is not None
    return row[0], row[1]


def _flip(db: Database, forms, sheet_id: int, form_id: str) -> str:   # type: ignore[no-untyped-def]
    """Store a score above its item's maximum (38.6 of 15, as a flipped bit did); returns the item."""
    item = max(forms[form_id].items, key=lambda i: i.max)
    _raw(db, "UPDATE scores SET tenths = :t WHERE sheet_id = :s AND item_id = :i",
         t=int(item.max * 10) + 236, s=sheet_id, i=item.id)
    return item.id


def _group_totals(db: Database, year: int, appointment_id: int, but: int) -> list[Decimal]:
    """The 3-2 totals of an appointment's other finalised sheets, as the scoring service reads them."""
    with db.read() as s:
        return [v.totals.total for v in sheets.sheets(s, year, "3-2", appointment_id=appointment_id, status="final")
                if v.id != but and v.totals.total is not None]


def test_a_damaged_3_2_sheet_is_left_out_of_the_ranking_and_named(demo_db, demo_year, forms):
    sid, app = _sheet_of(demo_db, demo_year, "3-2")
    with demo_db.read() as s:
        before = ranking.district_ranking(s, demo_year, DONGCHENG)
        trimmed = before.trimmed_mean
    assert before.damaged == ()
    item = _flip(demo_db, forms, sid, "3-2")
    with demo_db.read() as s:
        after = ranking.district_ranking(s, demo_year, DONGCHENG)
        final = ranking.result_is_final(s, after)
    row = next(r for r in after.rows if r.key == app)
    assert row.district_score == final_score(_group_totals(demo_db, demo_year, app, but=sid), trimmed)
    [left_out] = after.damaged
    assert (left_out.sheet_id, left_out.form_id, left_out.items) == (sid, "3-2", frozenset({item}))
    assert [m.code for m in left_out.problems] == ["check.value.out_of_range"]
    assert left_out.message.code == "meeting.damaged.sheet"
    assert left_out.message.text("zh").startswith(f"附件3-2 评审表 {sid}（")
    assert "含有损坏的数据，未计入：" in left_out.message.text("zh")
    english = left_out.message.text("en")
    assert english.startswith(f"Sheet {sid} of annex 3-2 (") and "left out" in english
    assert not HAN.search(english.replace(left_out.who, "").replace(forms["3-2"].item(item).short, ""))
    assert not final   # a 3-3 result with a sheet left out is never printed as final


def test_a_damaged_3_1_sheet_leaves_its_unit_unranked(demo_db, demo_year, forms):
    sid, app = _sheet_of(demo_db, demo_year, "3-1")
    _flip(demo_db, forms, sid, "3-1")
    with demo_db.read() as s:
        result = ranking.district_ranking(s, demo_year, DONGCHENG)
    row = next(r for r in result.rows if r.key == app)
    assert row.street_score is None and row.rank is None and not row.complete
    assert [d.sheet_id for d in result.damaged] == [sid]


def test_a_reviewer_moved_behind_the_programs_back_leaves_all_its_sheets_out(demo_db, demo_year):
    with demo_db.read() as s:
        own = s.scalars(select(Sheet.id).where(Sheet.reviewer_id == 1, Sheet.form_id == "3-2")).all()
    _raw(demo_db, "UPDATE reviewers SET district_id = 2 WHERE id = 1")   # DC-R1 now a 朝阳区 reviewer
    with demo_db.read() as s:
        result = ranking.district_ranking(s, demo_year, DONGCHENG)
    assert sorted(d.sheet_id for d in result.damaged) == sorted(own)
    assert {m.code for d in result.damaged for m in d.problems} == {"scoring.damaged.scope"}
    assert all(d.items == frozenset() for d in result.damaged)


def test_the_district_dashboard_counts_no_damaged_value(demo_db, demo_year, forms):
    sid, _ = _sheet_of(demo_db, demo_year, "3-2")
    with demo_db.read() as s:
        before = dashboards.district_dashboard(s, demo_year, DONGCHENG)
    item = _flip(demo_db, forms, sid, "3-2")
    with demo_db.read() as s:
        after = dashboards.district_dashboard(s, demo_year, DONGCHENG)
    assert [d.sheet_id for d in after.damaged] == [sid] and after.damaged == after.ranking.damaged
    shares = {i.item_id: i for i in before.group_items}, {i.item_id: i for i in after.group_items}
    assert shares[1][item].count == shares[0][item].count - 1
    assert shares[1][item].share is not None and shares[1][item].share <= 1
    assert sum(len(s.spread.totals) for s in after.spreads) == sum(len(s.spread.totals) for s in before.spreads) - 1


def test_the_city_ranking_and_dashboard_leave_out_a_damaged_4_3_sheet(demo_db, demo_year, forms):
    with demo_db.read() as s:
        sid, district = s.execute(select(Sheet.id, Sheet.district_id).where(Sheet.form_id == "4-3")
                                  .order_by(Sheet.id)).first()
        others = [v.totals.total for v in sheets.sheets(s, demo_year, "4-3", district_id=district) if v.id != sid]
        trimmed = ranking.city_ranking(s, demo_year).trimmed_mean
    _flip(demo_db, forms, sid, "4-3")
    with demo_db.read() as s:
        city = ranking.city_ranking(s, demo_year)
        board = dashboards.city_dashboard(s, demo_year)
        circles = dashboards.circle_results(s, demo_year)
    row = next(r for r in city.rows if r.key == district)
    assert row.city_score == final_score(others, trimmed)
    assert [d.sheet_id for d in city.damaged] == [sid] and [d.sheet_id for d in board.damaged] == [sid]
    assert circles.damaged == ()


def test_a_damaged_answer_leaves_a_questionnaire_uncounted(demo_db, demo_year):
    with demo_db.read() as s:
        before = questionnaire.questionnaire_summary(s, demo_year)
        sid = s.scalars(select(Sheet.id).where(Sheet.form_id == "5-1").order_by(Sheet.id)).first()
    _raw(demo_db, "UPDATE answers SET value = 'maybe' WHERE sheet_id = :s AND key LIKE 'choice:%'", s=sid)
    with demo_db.read() as s:
        after = questionnaire.questionnaire_summary(s, demo_year)
    assert after.questionnaires == before.questionnaires - 1
    [left_out] = after.damaged
    assert left_out.sheet_id == sid and {m.code for m in left_out.problems} == {"scoring.damaged.answer_value"}
    assert all(k.startswith("choice:") for k in left_out.keys) and left_out.items == frozenset()


@pytest.mark.sqlite_only   # a real or a text in an integer column: SQLite's kind of damage, refused by a server
@pytest.mark.parametrize("chunk", [500, 7])   # a few sheets named by id; many selected again, in IN lists of 7
def test_the_cheap_check_finds_what_the_rule_finds(demo_db, demo_year, forms, chunk, monkeypatch):
    """``damage.find`` (set-based) and ``scoring.stored.damaged_sheets`` (row by row) agree on every kind of damage."""
    monkeypatch.setattr(damage, "CHUNK", chunk)
    with demo_db.read() as s:
        ids = {f: s.scalars(select(Sheet.id).where(Sheet.form_id == f).order_by(Sheet.id)).all()
               for f in ("3-1", "3-2", "4-2", "4-3", "5-1")}
    _flip(demo_db, forms, ids["3-1"][0], "3-1")
    _raw(demo_db, "INSERT INTO scores (sheet_id, item_id, tenths) VALUES (:s, 'no_such_item', 10)", s=ids["3-2"][3])
    _raw(demo_db, "UPDATE answers SET value = '也许' WHERE sheet_id = :s AND key = 'contracts_signed'",
         s=ids["4-2"][0])
    _raw(demo_db, "INSERT INTO answers (sheet_id, key, value) VALUES (:s, 'foo', 'bar')", s=ids["5-1"][2])
    _raw(demo_db, "UPDATE reviewers SET level = 'district', district_id = 1 WHERE code = 'CITY-R1'")
    for n, flipped in ((6, 15.5), (7, "x")):   # a real, a text where a whole number of tenths was
        _raw(demo_db, "UPDATE scores SET tenths = :t WHERE rowid = (SELECT min(rowid) FROM scores WHERE sheet_id = :s)",
             t=flipped, s=ids["3-2"][n])
    with demo_db.read() as s:
        thorough = stored.damaged_sheets(s, demo_year)
        every = s.scalars(select(Sheet.id)).all()
        for cheap in (damage.find(s, damage.sheets_of(demo_year, forms, final_only=False)), damage.find(s, every)):
            assert set(cheap) == set(thorough) and len(cheap) >= 6 + 4   # CITY-R1's 4-3 sheets among them
            for sid, found in cheap.items():
                assert sorted(m.text("en") for m in found.problems) == sorted(m.text("en") for m in thorough[sid])
