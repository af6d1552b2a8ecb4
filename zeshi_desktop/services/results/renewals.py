"""The renewal view: each appointment's term, contract and payment, its results in every year of the term, and flags.

A reference for the hiring body (Article 20: the results are "续聘、奖励或解除合同的参考"),
never a decision: the flags (``domain.renewal``) say where to look — the
term ends this year, a 不合格 this year, two years in a row below 合格 — and
the hiring body's own decision is a note in its own words beside the figures
(``RenewalNote``). The results are the 3-3 rows ``zeshi rank`` shows, for
the same planner in the same unit in each year the store holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.forms import Band
from zeshi_desktop.domain.results import renewal
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.results.common import Rankings, texts
from zeshi_desktop.store.models import Appointment, Planner, Unit, utcnow
from zeshi_desktop.store.result_models import RenewalNote

NOTE_LIMIT = 2000   # characters: a decision in a few sentences, not a report


@dataclass(frozen=True)
class TermYear:
    """One year of a term: the 3-3 result of the same planner in the same unit (``held`` False: not in the store)."""

    year: int
    held: bool
    rank: int | None = None
    ranked: int = 0
    total: Decimal | None = None
    band: Band | None = None


@dataclass(frozen=True)
class RenewalRow:
    appointment_id: int
    unit: str
    unit_code: str
    planner: str
    planner_code: str
    term: renewal.Term
    contract_signed: bool
    fee_paid: bool
    fee_amount: int | None
    results: tuple[TermYear, ...]
    flags: tuple[str, ...]
    note: str = ""
    note_by: str = ""
    note_at: datetime | None = None

    @property
    def this_year(self) -> TermYear | None:
        return self.results[-1] if self.results else None


@dataclass(frozen=True)
class RenewalView:
    year: int
    district: roster.DistrictView
    rows: tuple[RenewalRow, ...]

    def flagged(self, flag: str) -> int:
        return sum(1 for r in self.rows if flag in r.flags)


def _same_appointments(session: Session, unit_planner: set[tuple[int, int]], years: set[int]
                       ) -> dict[tuple[int, int, int], int]:
    """(year, unit, planner) → appointment id, for the pairs and years asked."""
    if not unit_planner or not years:
        return {}
    q = select(Appointment.id, Appointment.year, Appointment.unit_id, Appointment.planner_id).where(
        Appointment.year.in_(sorted(years)), Appointment.unit_id.in_({u for u, _ in unit_planner}))
    return {(y, u, p): a for a, y, u, p in session.execute(q) if (u, p) in unit_planner}


def renewal_view(session: Session, year: int, district_id: int) -> RenewalView:
    """Every appointment of the district in ``year`` with its term, results and flags, by unit."""
    district = roster.district(session, district_id)
    q = (select(Appointment, Unit, Planner).join(Unit, Unit.id == Appointment.unit_id)
         .join(Planner, Planner.id == Appointment.planner_id)
         .where(Appointment.year == year, Unit.district_id == district_id).order_by(Unit.code, Planner.code))
    found = session.execute(q).all()
    terms = {a.id: renewal.Term(a.term_start, a.term_years, a.renewal) for a, _, _ in found}
    years = {y for a, _, _ in found for y in terms[a.id].years_until(year)} | {year - 1}
    same = _same_appointments(session, {(a.unit_id, a.planner_id) for a, _, _ in found}, years)
    notes = {n.appointment_id: n for n in session.scalars(
        select(RenewalNote).where(RenewalNote.appointment_id.in_(list(terms))))} if terms else {}
    rankings = Rankings(session)
    rule = texts().renewal
    bands = catalogue.form("3-3").bands

    def result(y: int, a: Appointment) -> TermYear:
        app = same.get((y, a.unit_id, a.planner_id))
        if app is None:
            return TermYear(y, False)
        row = rankings.row(y, district_id, app)
        return TermYear(y, True, row.rank if row else None, rankings.ranked(y, district_id),
                        row.total if row else None, row.band if row else None)

    rows = []
    for a, u, p in found:
        term = terms[a.id]
        results = tuple(result(y, a) for y in term.years_until(year))
        now = next((r for r in results if r.year == year), None) or result(year, a)
        last = result(year - 1, a)
        note = notes.get(a.id)
        rows.append(RenewalRow(a.id, u.name, u.code, p.name, p.code, term, a.contract_signed, a.fee_paid,
                               a.fee_amount, results,
                               renewal.flags(year, term, now.band, last.band, bands, rule.fail_band,
                                             rule.below_band),
                               note.note if note else "", note.updated_by if note else "",
                               note.updated_at if note else None))
    return RenewalView(year, district, tuple(rows))


def set_note(session: Session, appointment_id: int, note: str, actor: str = "") -> str:
    """Keep the hiring body's decision (or what it is waiting for) beside the figures; an empty note removes it."""
    if session.get(Appointment, appointment_id) is None:
        raise NotFound("meeting.no_appointment", appointment_id=appointment_id)
    note = note.strip()
    if len(note) > NOTE_LIMIT:
        raise ActionRefused("results.renewal.note_too_long", limit=NOTE_LIMIT, length=len(note))
    row = session.get(RenewalNote, appointment_id)
    if not note:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(RenewalNote(appointment_id=appointment_id, note=note, updated_by=actor, updated_at=utcnow()))
    else:
        row.note, row.updated_by, row.updated_at = note, actor, utcnow()
    session.flush()
    return note
