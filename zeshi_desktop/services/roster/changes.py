"""Changes to the roster a clerk makes in the roster view or the CLI: add and update, refused when unsound.

Every refusal is a ``roster.*`` code from the message catalogue; a blank name
is refused naming the field (``roster.field.*``).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zeshi_desktop.messages import Message
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.roster.directory import CIRCLES, UNIT_KINDS
from zeshi_desktop.store.models import (
    Appointment,
    District,
    Member,
    Planner,
    Reviewer,
    Unit,
    Year,
)


def required_text(value: str, field: Message) -> str:
    """``value`` stripped; refused naming the ``field`` (a ``roster.field.*`` message) when it is blank."""
    value = (value or "").strip()
    if not value:
        raise ActionRefused("roster.required", field=field)
    return value


def _check_circle(circle: str) -> None:
    if circle not in CIRCLES:
        raise ActionRefused("roster.unknown_circle", circle=circle, circles=list(CIRCLES))


def _check_kind(kind: str) -> None:
    if kind not in UNIT_KINDS:
        raise ActionRefused("roster.unknown_unit_kind", kind=kind, kinds=list(UNIT_KINDS))


def ensure_year(session: Session, year: int) -> None:
    if not 2000 <= year <= 2100:
        raise ActionRefused("roster.year_out_of_range", year=year)
    if session.get(Year, year) is None:
        session.add(Year(year=year))
        session.flush()


def _next_code(session: Session, model: type, prefix: str) -> str:
    n = session.scalar(select(func.count()).select_from(model)) or 0
    while True:
        n += 1
        code = f"{prefix}{n:03d}"
        if session.scalar(select(model.id).where(model.code == code)) is None:  # type: ignore[attr-defined]
            return code


def add_district(session: Session, name: str, circle: str, code: str = "") -> int:
    name = required_text(name, Message("roster.field.district_name"))
    _check_circle(circle)
    if session.scalar(select(District.id).where(District.name == name)) is not None:
        raise ActionRefused("roster.district_exists", name=name)
    d = District(code=code or _next_code(session, District, "D"), name=name, circle=circle)
    session.add(d)
    session.flush()
    return d.id


def update_district(session: Session, district_id: int, *, name: str, circle: str) -> None:
    d = session.get(District, district_id)
    if d is None:
        raise NotFound("roster.no_district", code=district_id)
    _check_circle(circle)
    d.name, d.circle = required_text(name, Message("roster.field.district_name")), circle


def add_unit(session: Session, district_id: int, name: str, kind: str | None = None, code: str = "") -> int:
    """A unit of a district; ``kind`` defaults to the first of the terms' unit kinds (街道)."""
    name = required_text(name, Message("roster.field.unit_name"))
    kind = UNIT_KINDS[0] if kind is None else kind
    _check_kind(kind)
    if session.get(District, district_id) is None:
        raise NotFound("roster.no_district", code=district_id)
    if session.scalar(select(Unit.id).where(Unit.district_id == district_id, Unit.name == name)) is not None:
        raise ActionRefused("roster.unit_exists", name=name)
    u = Unit(code=code or _next_code(session, Unit, "U"), district_id=district_id, name=name, kind=kind)
    session.add(u)
    session.flush()
    return u.id


def update_unit(session: Session, unit_id: int, *, name: str, kind: str) -> None:
    u = session.get(Unit, unit_id)
    if u is None:
        raise NotFound("roster.no_unit", code=unit_id)
    _check_kind(kind)
    u.name, u.kind = required_text(name, Message("roster.field.unit_name")), kind


def add_planner(session: Session, name: str, *, is_team: bool, organisation: str = "", full_time: bool = False,
                leader: str = "", leader_title: str = "", leader_senior_title: bool = False,
                leader_registered: bool = False, leader_experience_years: int | None = None,
                code: str = "") -> int:
    p = Planner(code=code or _next_code(session, Planner, "P"), name=required_text(name, Message("roster.field.planner_name")),
                is_team=is_team, organisation=organisation, full_time=full_time, leader=leader or name,
                leader_title=leader_title, leader_senior_title=leader_senior_title,
                leader_registered=leader_registered, leader_experience_years=leader_experience_years)
    session.add(p)
    session.flush()
    return p.id


def update_planner(session: Session, planner_id: int, **fields: object) -> None:
    p = session.get(Planner, planner_id)
    if p is None:
        raise NotFound("roster.no_planner", code=planner_id)
    allowed = {"name", "is_team", "organisation", "full_time", "leader", "leader_title",
               "leader_senior_title", "leader_registered", "leader_experience_years"}
    for key, value in fields.items():
        if key not in allowed:
            raise ActionRefused("roster.planner_no_field", field=key)
        if key == "name":
            value = required_text(str(value), Message("roster.field.planner_name"))
        setattr(p, key, value)


def add_member(session: Session, planner_id: int, name: str, discipline: str = "", qualification: str = "",
               is_core: bool = True, organisation: str = "") -> int:
    """A team member; ``organisation``, the member's own 单位, is what the 回避 suggestions compare."""
    if session.get(Planner, planner_id) is None:
        raise NotFound("roster.no_planner", code=planner_id)
    m = Member(planner_id=planner_id, name=required_text(name, Message("roster.field.member_name")),
               discipline=discipline,
               qualification=qualification, is_core=is_core, organisation=(organisation or "").strip())
    session.add(m)
    session.flush()
    return m.id


def remove_member(session: Session, member_id: int) -> None:
    m = session.get(Member, member_id)
    if m is None:
        raise NotFound("roster.no_member", code=member_id)
    session.delete(m)


def appoint(session: Session, year: int, unit_id: int, planner_id: int, *, term_start: int | None = None,
            term_years: int = 1, renewal: bool = False, contract_signed: bool = False, fee_paid: bool = False,
            fee_amount: int | None = None) -> int:
    ensure_year(session, year)
    if session.get(Unit, unit_id) is None:
        raise NotFound("roster.no_unit", code=unit_id)
    if session.get(Planner, planner_id) is None:
        raise NotFound("roster.no_planner", code=planner_id)
    if term_years < 1:
        raise ActionRefused("roster.term_impossible", years=term_years)
    exists = session.scalar(select(Appointment.id).where(
        Appointment.year == year, Appointment.unit_id == unit_id, Appointment.planner_id == planner_id))
    if exists is not None:
        raise ActionRefused("roster.already_appointed")
    a = Appointment(year=year, unit_id=unit_id, planner_id=planner_id, term_start=term_start or year,
                    term_years=term_years, renewal=renewal, contract_signed=contract_signed, fee_paid=fee_paid,
                    fee_amount=fee_amount)
    session.add(a)
    session.flush()
    return a.id


def update_appointment(session: Session, appointment_id: int, **fields: object) -> None:
    a = session.get(Appointment, appointment_id)
    if a is None:
        raise NotFound("roster.no_appointment", code=appointment_id)
    allowed = {"term_start", "term_years", "renewal", "contract_signed", "fee_paid", "fee_amount", "recommended"}
    for key, value in fields.items():
        if key not in allowed:
            raise ActionRefused("roster.appointment_no_field", field=key)
        setattr(a, key, value)


def add_reviewer(session: Session, year: int, level: str, name: str, *, district_id: int | None = None,
                 organisation: str = "", code: str = "") -> int:
    ensure_year(session, year)
    if level not in ("district", "city"):
        raise ActionRefused("roster.unknown_level", level=level)
    if level == "district" and district_id is None:
        raise ActionRefused("roster.reviewer_needs_district")
    r = Reviewer(code=code or _next_code(session, Reviewer, "R"), year=year, level=level,
                 district_id=district_id if level == "district" else None,
                 name=required_text(name, Message("roster.field.reviewer_name")), organisation=organisation)
    session.add(r)
    session.flush()
    return r.id


__all__ = [
    "required_text",
    "ensure_year",
    "add_district",
    "update_district",
    "add_unit",
    "update_unit",
    "add_planner",
    "update_planner",
    "add_member",
    "remove_member",
    "appoint",
    "update_appointment",
    "add_reviewer",
]
