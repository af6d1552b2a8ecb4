"""Nominations across the districts and the city's selection of 市级优秀责任规划师 (Article 24).

A district nominates with its 推荐 mark (``Appointment.recommended``); the
district → city package carries the marks with the district's 3-3 figures
and its 4-2 contract answer (``ExcellentNomination``). The city's board lists
every nominee of every district: the rank in its district of N, 总分 and
band as the district reported them (checked against the city's own
computation of the same sheets), the district's 4-3 result and whether its
contracts are all signed — a district that has not signed them all cannot be
an excellent district (4-2), and its nominees are marked. The city decides
each nominee — selected, with a reason, or not — and may set how many a
district may have; exceeding it, or selecting from an ineligible district,
is a warning, never a stop. Every decision and limit leaves an audit row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.forms import Band
from zeshi_desktop.messages import Message
from zeshi_desktop.services import catalogue, installation
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.meeting.ranking import city_ranking
from zeshi_desktop.services.results.common import (
    LIMIT,
    RESULT_EVENTS,
    SELECT,
    Rankings,
    audit,
    item_of,
)
from zeshi_desktop.store.models import (
    Appointment,
    AuditEntry,
    District,
    Planner,
    Unit,
    utcnow,
)
from zeshi_desktop.store.result_models import (
    ExcellentLimit,
    ExcellentNomination,
    ExcellentSelection,
)

SELECTED, NOT_SELECTED = "selected", "not_selected"   # an audit row's old/new ("" when undecided)
DECIDING_ROLES = (None, "city")                       # who may decide: the city (or a store with no role yet)


@dataclass(frozen=True)
class Nominee:
    """One nominated appointment as the city's board shows it."""

    appointment_id: int
    district_id: int
    district: str
    district_code: str
    circle: str
    unit: str
    unit_code: str
    planner: str
    planner_code: str
    rank: int | None              # in its district, as reported (else computed here)
    ranked: int
    total: Decimal | None
    band: Band | None
    reported: bool                # the figures came with the district's package
    agrees: bool                  # the city's own computation of the same sheets gives the same rank and 总分
    computed_rank: int | None
    computed_total: Decimal | None
    contracts_signed: bool | None  # the district's 4-2 answer: all contracts signed (None: no final 4-2)
    district_rank: int | None     # the district's place in the city's 4-3 ranking
    district_score: Decimal | None
    district_band: Band | None
    selected: bool | None         # the city's decision; None: not decided
    reason: str = ""
    decided_by: str = ""
    decided_at: datetime | None = None

    @property
    def eligible(self) -> bool:
        """Whether the district may have excellent planners by the 4-2 rule: every contract signed."""
        return self.contracts_signed is True


@dataclass(frozen=True)
class DistrictTally:
    district_id: int
    district: str
    nominated: int
    selected: int
    limit: int | None

    @property
    def over(self) -> bool:
        return self.limit is not None and self.selected > self.limit


@dataclass(frozen=True)
class NominationsBoard:
    year: int
    nominees: tuple[Nominee, ...]
    tallies: tuple[DistrictTally, ...]
    city_limit: int | None                         # the limit of every district without its own
    warnings: tuple[Message, ...] = ()

    @property
    def pending(self) -> int:
        return sum(1 for n in self.nominees if n.selected is None)


@dataclass(frozen=True)
class Decision:
    """A decision made: the nominee as the board now shows it, and what the city should know (warnings)."""

    nominee: Nominee
    warnings: tuple[Message, ...] = field(default=())


def _band(band_id: str) -> Band | None:
    try:
        return catalogue.form("3-3").band(band_id) if band_id else None
    except KeyError:
        return None


def _decimal(raw: str) -> Decimal | None:
    try:
        value = Decimal(raw)
    except (InvalidOperation, TypeError):
        return None
    return value if value.is_finite() else None


def limits(session: Session, year: int) -> tuple[int | None, dict[int, int]]:
    """(the city's limit for every district, each district's own limit)."""
    rows = session.scalars(select(ExcellentLimit).where(ExcellentLimit.year == year)).all()
    city = next((r.most for r in rows if r.district_id is None), None)
    return city, {r.district_id: r.most for r in rows if r.district_id is not None}


def board(session: Session, year: int, district_id: int | None = None) -> NominationsBoard:
    """Every nominee of the year (of one district, when given), by district and rank, with the tallies."""
    q = (select(Appointment, Unit, District, Planner).join(Unit, Unit.id == Appointment.unit_id)
         .join(District, District.id == Unit.district_id).join(Planner, Planner.id == Appointment.planner_id)
         .where(Appointment.year == year, Appointment.recommended.is_(True)))
    if district_id is not None:
        q = q.where(Unit.district_id == district_id)
    found = session.execute(q).all()
    apps = [a.id for a, *_ in found]
    reported = {n.appointment_id: n for n in session.scalars(
        select(ExcellentNomination).where(ExcellentNomination.appointment_id.in_(apps)))} if apps else {}
    decided = {s.appointment_id: s for s in session.scalars(
        select(ExcellentSelection).where(ExcellentSelection.appointment_id.in_(apps)))} if apps else {}
    city = {r.key: r for r in city_ranking(session, year).rows}
    rankings = Rankings(session)
    nominees = []
    for a, u, d, p in found:
        row = rankings.row(year, d.id, a.id)
        computed_rank, computed_total = (row.rank, row.total) if row else (None, None)
        rep = reported.get(a.id)
        c = city.get(d.id)
        if rep is not None:
            rank, ranked, total, band = rep.rank, rep.ranked or 0, _decimal(rep.total), _band(rep.band)
            agrees = rank == computed_rank and total == computed_total
            signed = rep.contracts_signed
        else:
            rank, ranked, total = computed_rank, rankings.ranked(year, d.id), computed_total
            band, agrees, signed = (row.band if row else None), True, (c.contracts_signed if c else None)
        s = decided.get(a.id)
        nominees.append(Nominee(
            a.id, d.id, d.name, d.code, d.circle, u.name, u.code, p.name, p.code, rank, ranked, total, band,
            rep is not None, agrees, computed_rank, computed_total, signed, c.rank if c else None,
            c.city_score if c else None, c.band if c else None, s.selected if s else None, s.reason if s else "",
            s.decided_by if s else "", s.decided_at if s else None))
    nominees.sort(key=lambda n: (n.district_code, n.rank is None, n.rank or 0, n.unit_code))
    city_limit, own = limits(session, year)
    tallies = []
    for did in dict.fromkeys(n.district_id for n in nominees):
        mine = [n for n in nominees if n.district_id == did]
        tallies.append(DistrictTally(did, mine[0].district, len(mine), sum(1 for n in mine if n.selected),
                                     own.get(did, city_limit)))
    warnings = [Message("results.excellent.over_limit", district=t.district, count=t.selected, limit=t.limit)
                for t in tallies if t.over]
    warnings += [Message("results.excellent.selected_ineligible", district=n.district, unit=n.unit,
                         planner=n.planner) for n in nominees if n.selected and not n.eligible]
    warnings += [Message("results.excellent.disagrees", district=n.district, unit=n.unit)
                 for n in nominees if not n.agrees]
    return NominationsBoard(year, tuple(nominees), tuple(tallies), city_limit, tuple(warnings))


def _check_city(session: Session) -> None:
    role = installation.current(session)
    if (role.role if role else None) not in DECIDING_ROLES:
        raise ActionRefused("results.excellent.city_only", role=role.name if role else "")


def decide(session: Session, year: int, appointment_id: int, selected: bool | None, reason: str = "",
           actor: str = "") -> Decision:
    """The city's decision on a nominee: ``True`` 市级优秀 (a reason needed), ``False`` not, ``None`` undecided again.

    Refused for an appointment the district did not nominate, and at an
    installation that is not the city's. The warnings say when the district
    now has more selected than its limit, or has not signed every contract.
    """
    _check_city(session)
    a = session.get(Appointment, appointment_id)
    if a is None or a.year != year:
        raise NotFound("meeting.no_appointment", appointment_id=appointment_id)
    item = item_of(session, appointment_id)
    if not a.recommended:
        raise ActionRefused("results.excellent.not_nominated", item=item.split(":", 2)[2])
    reason = reason.strip()
    if selected and not reason:
        raise ActionRefused("results.excellent.reason_needed")
    row = session.get(ExcellentSelection, appointment_id)
    old = "" if row is None else (SELECTED if row.selected else NOT_SELECTED)
    new = "" if selected is None else (SELECTED if selected else NOT_SELECTED)
    if row is not None and selected is None:
        session.delete(row)
    elif selected is not None:
        if row is None:
            row = ExcellentSelection(appointment_id=appointment_id, selected=selected)
            session.add(row)
        row.selected, row.reason, row.decided_by, row.decided_at, row.package_id = (
            selected, reason, actor, utcnow(), None)
    if old != new or selected is not None:   # a decision made again (a new reason) is recorded too
        audit(session, SELECT, item, old, new, actor, reason)
    session.flush()
    unit = session.get(Unit, a.unit_id)
    assert unit is not None
    shown = board(session, year, unit.district_id)
    nominee = next(n for n in shown.nominees if n.appointment_id == appointment_id)
    warnings = [w for w in shown.warnings if w.code == "results.excellent.over_limit"] if selected else []
    if selected and not nominee.eligible:
        warnings.append(Message("results.excellent.ineligible", district=nominee.district))
    return Decision(nominee, tuple(warnings))


def set_limit(session: Session, year: int, district_id: int | None, most: int | None, actor: str = "") -> None:
    """At most ``most`` 市级优秀 for the district (``None``: every district without its own); ``most`` None removes it."""
    _check_city(session)
    if most is not None and most < 0:
        raise ActionRefused("results.excellent.limit_negative", limit=most)
    code = "*"
    if district_id is not None:
        d = session.get(District, district_id)
        if d is None:
            raise NotFound("meeting.no_district", district_id=district_id)
        code = d.code
    q = select(ExcellentLimit).where(ExcellentLimit.year == year)
    q = q.where(ExcellentLimit.district_id.is_(None) if district_id is None
                else ExcellentLimit.district_id == district_id)
    row = session.scalars(q).first()
    old = None if row is None else str(row.most)
    if most is None:
        if row is not None:
            session.execute(delete(ExcellentLimit).where(ExcellentLimit.id == row.id))
    elif row is None:
        from zeshi_desktop.services.roster.changes import ensure_year

        ensure_year(session, year)
        session.add(ExcellentLimit(year=year, district_id=district_id, most=most))
    else:
        row.most = most
    new = None if most is None else str(most)
    if old != new:
        audit(session, LIMIT, f"limit:{year}:{code}", old, new, actor)
    session.flush()


@dataclass(frozen=True)
class Outcome:
    """What a district sees of the city's decision on one of its nominees."""

    appointment_id: int
    unit: str
    planner: str
    nominated: bool
    selected: bool | None
    reason: str
    decided_at: datetime | None
    package_id: str | None


def outcomes(session: Session, year: int, district_id: int) -> list[Outcome]:
    """The district's nominees and the city's decision on each (as the city → district package brought it)."""
    q = (select(Appointment, Unit, Planner, ExcellentSelection)
         .join(Unit, Unit.id == Appointment.unit_id).join(Planner, Planner.id == Appointment.planner_id)
         .outerjoin(ExcellentSelection, ExcellentSelection.appointment_id == Appointment.id)
         .where(Appointment.year == year, Unit.district_id == district_id,
                Appointment.recommended.is_(True) | ExcellentSelection.appointment_id.is_not(None))
         .order_by(Unit.code, Planner.code))
    return [Outcome(a.id, u.name, p.name, bool(a.recommended), s.selected if s else None, s.reason if s else "",
                    s.decided_at if s else None, s.package_id if s else None) for a, u, p, s in session.execute(q)]


@dataclass(frozen=True)
class Event:
    """One audit row of a nomination, a selection or a limit."""

    at: datetime
    actor: str
    role: str | None
    action: str
    item: str
    old: str
    new: str
    reason: str
    package_id: str | None


def history(session: Session, year: int | None = None) -> list[Event]:
    """The audit rows of nominations, selections and limits (of one year), oldest first."""
    q = (select(AuditEntry).where(AuditEntry.sheet_id == RESULT_EVENTS,
                                  AuditEntry.action.in_(("nominate", SELECT, LIMIT))).order_by(AuditEntry.id))
    if year is not None:
        q = q.where(AuditEntry.item_id.like(f"%:{year}:%"))
    return [Event(e.at, e.actor, e.role, e.action, e.item_id or "", e.old or "", e.new or "", e.reason or "",
                  e.package_id) for e in session.scalars(q)]
