"""The roster of a year: districts, units, planners and members, appointments, reviewers.

Queries return small frozen views, never ORM objects, so the GUI holds nothing
that needs an open session. The circles, unit kinds and disciplines are the
measures' terms (``forms/roster.toml``); ``CIRCLES``, ``UNIT_KINDS`` and
``DISCIPLINES`` are their Chinese texts, the values the store keeps.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import rules
from zeshi_desktop.messages import Message
from zeshi_desktop.services.catalogue import roster_terms
from zeshi_desktop.services.errors import NotFound
from zeshi_desktop.store.models import (
    Appointment,
    District,
    Planner,
    Reviewer,
    Unit,
    Year,
)

CIRCLES: tuple[str, ...] = tuple(c.zh for c in roster_terms().circles)
UNIT_KINDS: tuple[str, ...] = tuple(k.zh for k in roster_terms().unit_kinds)
DISCIPLINES: tuple[str, ...] = tuple(d.zh for d in roster_terms().disciplines)


@dataclass(frozen=True)
class DistrictView:
    id: int
    code: str
    name: str
    circle: str


@dataclass(frozen=True)
class UnitView:
    id: int
    code: str
    district_id: int
    district: str
    name: str
    kind: str


@dataclass(frozen=True)
class MemberView:
    id: int
    name: str
    discipline: str
    qualification: str
    is_core: bool
    organisation: str = ""      # the member's own 单位, when given (the conflict suggestions compare it)


@dataclass(frozen=True)
class PlannerView:
    id: int
    code: str
    name: str
    is_team: bool
    organisation: str
    full_time: bool
    leader: str
    leader_title: str
    leader_senior_title: bool
    leader_registered: bool
    leader_experience_years: int | None
    members: tuple[MemberView, ...] = ()


@dataclass(frozen=True)
class AppointmentView:
    id: int
    year: int
    unit_id: int
    unit: str
    district_id: int
    district: str
    circle: str
    planner_id: int
    planner: str
    is_team: bool
    term_start: int
    term_years: int
    renewal: bool
    contract_signed: bool
    fee_paid: bool
    fee_amount: int | None
    recommended: bool


@dataclass(frozen=True)
class ReviewerView:
    id: int
    code: str
    year: int
    level: str
    district_id: int | None
    name: str
    organisation: str


@dataclass(frozen=True)
class RosterWarning:
    """A rule of the measures the roster breaks: ``code`` says which (``too_many_units`` …)."""

    code: str
    message: Message
    planner_id: int | None = None
    appointment_id: int | None = None

    def text(self, lang: str = "zh") -> str:
        return self.message.text(lang)


@dataclass
class RosterCounts:
    districts: int = 0
    units: int = 0
    planners: int = 0
    appointments: int = 0
    reviewers: int = 0
    extra: dict[str, int] = field(default_factory=dict)


# ---------------------------------------------------------------- queries

def years(session: Session) -> list[int]:
    return list(session.scalars(select(Year.year).order_by(Year.year)))


def districts(session: Session) -> list[DistrictView]:
    return [DistrictView(d.id, d.code, d.name, d.circle)
            for d in session.scalars(select(District).order_by(District.code))]


def district(session: Session, district_id: int) -> DistrictView:
    d = session.get(District, district_id)
    if d is None:
        raise NotFound("roster.no_district", code=district_id)
    return DistrictView(d.id, d.code, d.name, d.circle)


def units(session: Session, district_id: int | None = None) -> list[UnitView]:
    q = select(Unit, District.name).join(District).order_by(District.code, Unit.code)
    if district_id is not None:
        q = q.where(Unit.district_id == district_id)
    return [UnitView(u.id, u.code, u.district_id, dname, u.name, u.kind) for u, dname in session.execute(q)]


def _planner_view(p: Planner, with_members: bool = True) -> PlannerView:
    members = tuple(MemberView(m.id, m.name, m.discipline, m.qualification, m.is_core, m.organisation)
                    for m in p.members) if with_members else ()
    return PlannerView(p.id, p.code, p.name, p.is_team, p.organisation, p.full_time, p.leader, p.leader_title,
                       p.leader_senior_title, p.leader_registered, p.leader_experience_years, members)


def planners(session: Session, with_members: bool = True) -> list[PlannerView]:
    return [_planner_view(p, with_members) for p in session.scalars(select(Planner).order_by(Planner.code))]


def planner(session: Session, planner_id: int) -> PlannerView:
    p = session.get(Planner, planner_id)
    if p is None:
        raise NotFound("roster.no_planner", code=planner_id)
    return _planner_view(p)


def _appointment_query():  # type: ignore[no-untyped-def]
    return (select(Appointment, Unit, District, Planner)
            .join(Unit, Appointment.unit_id == Unit.id)
            .join(District, Unit.district_id == District.id)
            .join(Planner, Appointment.planner_id == Planner.id))


def _appointment_view(a: Appointment, u: Unit, d: District, p: Planner) -> AppointmentView:
    return AppointmentView(a.id, a.year, u.id, u.name, d.id, d.name, d.circle, p.id, p.name, p.is_team,
                           a.term_start, a.term_years, a.renewal, a.contract_signed, a.fee_paid, a.fee_amount,
                           a.recommended)


def appointments(session: Session, year: int, district_id: int | None = None,
                 unit_id: int | None = None, planner_id: int | None = None) -> list[AppointmentView]:
    q = _appointment_query().where(Appointment.year == year)
    if district_id is not None:
        q = q.where(Unit.district_id == district_id)
    if unit_id is not None:
        q = q.where(Appointment.unit_id == unit_id)
    if planner_id is not None:
        q = q.where(Appointment.planner_id == planner_id)
    q = q.order_by(District.code, Unit.code, Planner.code)
    return [_appointment_view(*row) for row in session.execute(q)]


def appointment(session: Session, appointment_id: int) -> AppointmentView:
    row = session.execute(_appointment_query().where(Appointment.id == appointment_id)).first()
    if row is None:
        raise NotFound("roster.no_appointment", code=appointment_id)
    return _appointment_view(*row)


def reviewers(session: Session, year: int, level: str | None = None,
              district_id: int | None = None) -> list[ReviewerView]:
    q = select(Reviewer).where(Reviewer.year == year).order_by(Reviewer.level, Reviewer.code)
    if level is not None:
        q = q.where(Reviewer.level == level)
    if district_id is not None:
        q = q.where(Reviewer.district_id == district_id)
    return [ReviewerView(r.id, r.code, r.year, r.level, r.district_id, r.name, r.organisation)
            for r in session.scalars(q)]


def reviewer(session: Session, reviewer_id: int) -> ReviewerView:
    r = session.get(Reviewer, reviewer_id)
    if r is None:
        raise NotFound("roster.no_reviewer", code=reviewer_id)
    return ReviewerView(r.id, r.code, r.year, r.level, r.district_id, r.name, r.organisation)


def counts(session: Session, year: int) -> RosterCounts:
    return RosterCounts(
        districts=session.scalar(select(func.count()).select_from(District)) or 0,
        units=session.scalar(select(func.count()).select_from(Unit)) or 0,
        planners=session.scalar(select(func.count()).select_from(Planner)) or 0,
        appointments=session.scalar(select(func.count()).select_from(Appointment)
                                    .where(Appointment.year == year)) or 0,
        reviewers=session.scalar(select(func.count()).select_from(Reviewer).where(Reviewer.year == year)) or 0,
    )


def warnings(session: Session, year: int, district_id: int | None = None) -> list[RosterWarning]:
    """The measures' rules that the roster of ``year`` breaks, planner by planner."""
    found: list[RosterWarning] = []
    apps = appointments(session, year, district_id)
    per_planner: dict[int, int] = {}
    for a in appointments(session, year):
        per_planner[a.planner_id] = per_planner.get(a.planner_id, 0) + 1
    seen: set[int] = set()
    required = roster_terms().disciplines
    for a in apps:
        for w in rules.term_warnings(unit=a.unit, planner=a.planner, term_years=a.term_years, renewal=a.renewal):
            found.append(RosterWarning(w.code, w.message, a.planner_id, a.id))
        if a.planner_id in seen:
            continue
        seen.add(a.planner_id)
        p = planner(session, a.planner_id)
        core = [m for m in p.members if m.is_core]
        for w in rules.planner_warnings(
                name=p.name, is_team=p.is_team, unit_count=per_planner[p.id], core_members=len(core),
                disciplines=[m.discipline for m in p.members], required_disciplines=required,
                leader_senior_title=p.leader_senior_title,
                leader_registered=p.leader_registered, leader_experience_years=p.leader_experience_years):
            found.append(RosterWarning(w.code, w.message, p.id, None))
    return found


__all__ = [
    "DistrictView",
    "UnitView",
    "MemberView",
    "PlannerView",
    "AppointmentView",
    "ReviewerView",
    "RosterWarning",
    "RosterCounts",
    "years",
    "districts",
    "district",
    "units",
    "planners",
    "planner",
    "appointments",
    "appointment",
    "reviewers",
    "reviewer",
    "counts",
    "warnings",
    "CIRCLES",
    "UNIT_KINDS",
    "DISCIPLINES",
]
