"""The roster of a year: districts, units, planners and members, appointments, reviewers.

Queries return small frozen views, never ORM objects, so the GUI holds nothing
that needs an open session.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import rules
from zeshi_desktop.store.models import (
    Appointment,
    District,
    DistrictYear,
    Member,
    Planner,
    Reviewer,
    Unit,
    Year,
)

from .errors import ActionRefused, NotFound

CIRCLES = ("首都功能核心区", "中心城区", "城市副中心", "多点地区", "生态涵养区")
UNIT_KINDS = ("街道", "镇", "乡", "园区", "片区", "地区")


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
    code: str
    zh: str
    en: str
    planner_id: int | None = None
    appointment_id: int | None = None


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
        raise NotFound(f"没有编号为 {district_id} 的区", f"No district {district_id}")
    return DistrictView(d.id, d.code, d.name, d.circle)


def find_district(session: Session, name_or_code: str) -> DistrictView:
    d = session.scalar(select(District).where((District.name == name_or_code) | (District.code == name_or_code)))
    if d is None:
        raise NotFound(f"没有名为“{name_or_code}”的区", f"No district named {name_or_code!r}")
    return DistrictView(d.id, d.code, d.name, d.circle)


def units(session: Session, district_id: int | None = None) -> list[UnitView]:
    q = select(Unit, District.name).join(District).order_by(District.code, Unit.code)
    if district_id is not None:
        q = q.where(Unit.district_id == district_id)
    return [UnitView(u.id, u.code, u.district_id, dname, u.name, u.kind) for u, dname in session.execute(q)]


def _planner_view(p: Planner, with_members: bool = True) -> PlannerView:
    members = tuple(MemberView(m.id, m.name, m.discipline, m.qualification, m.is_core)
                    for m in p.members) if with_members else ()
    return PlannerView(p.id, p.code, p.name, p.is_team, p.organisation, p.full_time, p.leader, p.leader_title,
                       p.leader_senior_title, p.leader_registered, p.leader_experience_years, members)


def planners(session: Session, with_members: bool = True) -> list[PlannerView]:
    return [_planner_view(p, with_members) for p in session.scalars(select(Planner).order_by(Planner.code))]


def planner(session: Session, planner_id: int) -> PlannerView:
    p = session.get(Planner, planner_id)
    if p is None:
        raise NotFound(f"没有编号为 {planner_id} 的责师", f"No planner {planner_id}")
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
        raise NotFound(f"没有编号为 {appointment_id} 的聘任", f"No appointment {appointment_id}")
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
        raise NotFound(f"没有编号为 {reviewer_id} 的评审人", f"No reviewer {reviewer_id}")
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
    for a in apps:
        for w in rules.term_warnings(unit=a.unit, planner=a.planner, term_years=a.term_years, renewal=a.renewal):
            found.append(RosterWarning(w.code, w.zh, w.en, a.planner_id, a.id))
        if a.planner_id in seen:
            continue
        seen.add(a.planner_id)
        p = planner(session, a.planner_id)
        core = [m for m in p.members if m.is_core]
        for w in rules.planner_warnings(
                name=p.name, is_team=p.is_team, unit_count=per_planner[p.id], core_members=len(core),
                disciplines=[m.discipline for m in p.members], leader_senior_title=p.leader_senior_title,
                leader_registered=p.leader_registered, leader_experience_years=p.leader_experience_years):
            found.append(RosterWarning(w.code, w.zh, w.en, p.id, None))
    return found


# ---------------------------------------------------------------- changes

def required_text(value: str, zh: str, en: str) -> str:
    """``value`` stripped; refused naming the field when it is blank."""
    value = (value or "").strip()
    if not value:
        raise ActionRefused(f"{zh}不能为空", f"{en} is required")
    return value


def ensure_year(session: Session, year: int) -> None:
    if not 2000 <= year <= 2100:
        raise ActionRefused(f"年度 {year} 不合理", f"Year {year} is out of range")
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
    name = required_text(name, "区名", "District name")
    if circle not in CIRCLES:
        raise ActionRefused(f"圈层“{circle}”不在：{'、'.join(CIRCLES)}", f"Unknown circle {circle!r}")
    if session.scalar(select(District.id).where(District.name == name)) is not None:
        raise ActionRefused(f"区“{name}”已存在", f"District {name!r} exists")
    d = District(code=code or _next_code(session, District, "D"), name=name, circle=circle)
    session.add(d)
    session.flush()
    return d.id


def update_district(session: Session, district_id: int, *, name: str, circle: str) -> None:
    d = session.get(District, district_id)
    if d is None:
        raise NotFound(f"没有编号为 {district_id} 的区", f"No district {district_id}")
    if circle not in CIRCLES:
        raise ActionRefused(f"圈层“{circle}”不在：{'、'.join(CIRCLES)}", f"Unknown circle {circle!r}")
    d.name, d.circle = required_text(name, "区名", "District name"), circle


def add_unit(session: Session, district_id: int, name: str, kind: str = "街道", code: str = "") -> int:
    name = required_text(name, "责任单元名称", "Unit name")
    if kind not in UNIT_KINDS:
        raise ActionRefused(f"单元类型“{kind}”不在：{'、'.join(UNIT_KINDS)}", f"Unknown unit kind {kind!r}")
    if session.get(District, district_id) is None:
        raise NotFound(f"没有编号为 {district_id} 的区", f"No district {district_id}")
    if session.scalar(select(Unit.id).where(Unit.district_id == district_id, Unit.name == name)) is not None:
        raise ActionRefused(f"责任单元“{name}”已存在", f"Unit {name!r} exists")
    u = Unit(code=code or _next_code(session, Unit, "U"), district_id=district_id, name=name, kind=kind)
    session.add(u)
    session.flush()
    return u.id


def update_unit(session: Session, unit_id: int, *, name: str, kind: str) -> None:
    u = session.get(Unit, unit_id)
    if u is None:
        raise NotFound(f"没有编号为 {unit_id} 的责任单元", f"No unit {unit_id}")
    if kind not in UNIT_KINDS:
        raise ActionRefused(f"单元类型“{kind}”不在：{'、'.join(UNIT_KINDS)}", f"Unknown unit kind {kind!r}")
    u.name, u.kind = required_text(name, "责任单元名称", "Unit name"), kind


def add_planner(session: Session, name: str, *, is_team: bool, organisation: str = "", full_time: bool = False,
                leader: str = "", leader_title: str = "", leader_senior_title: bool = False,
                leader_registered: bool = False, leader_experience_years: int | None = None,
                code: str = "") -> int:
    p = Planner(code=code or _next_code(session, Planner, "P"), name=required_text(name, "责师名称", "Planner name"),
                is_team=is_team, organisation=organisation, full_time=full_time, leader=leader or name,
                leader_title=leader_title, leader_senior_title=leader_senior_title,
                leader_registered=leader_registered, leader_experience_years=leader_experience_years)
    session.add(p)
    session.flush()
    return p.id


def update_planner(session: Session, planner_id: int, **fields: object) -> None:
    p = session.get(Planner, planner_id)
    if p is None:
        raise NotFound(f"没有编号为 {planner_id} 的责师", f"No planner {planner_id}")
    allowed = {"name", "is_team", "organisation", "full_time", "leader", "leader_title",
               "leader_senior_title", "leader_registered", "leader_experience_years"}
    for key, value in fields.items():
        if key not in allowed:
            raise ActionRefused(f"责师没有字段 {key}", f"Planner has no field {key}")
        if key == "name":
            value = required_text(str(value), "责师名称", "Planner name")
        setattr(p, key, value)


def add_member(session: Session, planner_id: int, name: str, discipline: str = "", qualification: str = "",
               is_core: bool = True) -> int:
    if session.get(Planner, planner_id) is None:
        raise NotFound(f"没有编号为 {planner_id} 的责师", f"No planner {planner_id}")
    m = Member(planner_id=planner_id, name=required_text(name, "成员姓名", "Member name"), discipline=discipline,
               qualification=qualification, is_core=is_core)
    session.add(m)
    session.flush()
    return m.id


def remove_member(session: Session, member_id: int) -> None:
    m = session.get(Member, member_id)
    if m is None:
        raise NotFound(f"没有编号为 {member_id} 的成员", f"No member {member_id}")
    session.delete(m)


def appoint(session: Session, year: int, unit_id: int, planner_id: int, *, term_start: int | None = None,
            term_years: int = 1, renewal: bool = False, contract_signed: bool = False, fee_paid: bool = False,
            fee_amount: int | None = None) -> int:
    ensure_year(session, year)
    if session.get(Unit, unit_id) is None:
        raise NotFound(f"没有编号为 {unit_id} 的责任单元", f"No unit {unit_id}")
    if session.get(Planner, planner_id) is None:
        raise NotFound(f"没有编号为 {planner_id} 的责师", f"No planner {planner_id}")
    if term_years < 1:
        raise ActionRefused(f"聘期 {term_years} 年不合理", f"A term of {term_years} years is impossible")
    exists = session.scalar(select(Appointment.id).where(
        Appointment.year == year, Appointment.unit_id == unit_id, Appointment.planner_id == planner_id))
    if exists is not None:
        raise ActionRefused("该责师已聘任于该责任单元", "This planner is already appointed to this unit")
    a = Appointment(year=year, unit_id=unit_id, planner_id=planner_id, term_start=term_start or year,
                    term_years=term_years, renewal=renewal, contract_signed=contract_signed, fee_paid=fee_paid,
                    fee_amount=fee_amount)
    session.add(a)
    session.flush()
    return a.id


def update_appointment(session: Session, appointment_id: int, **fields: object) -> None:
    a = session.get(Appointment, appointment_id)
    if a is None:
        raise NotFound(f"没有编号为 {appointment_id} 的聘任", f"No appointment {appointment_id}")
    allowed = {"term_start", "term_years", "renewal", "contract_signed", "fee_paid", "fee_amount", "recommended"}
    for key, value in fields.items():
        if key not in allowed:
            raise ActionRefused(f"聘任没有字段 {key}", f"Appointment has no field {key}")
        setattr(a, key, value)


def add_reviewer(session: Session, year: int, level: str, name: str, *, district_id: int | None = None,
                 organisation: str = "", code: str = "") -> int:
    ensure_year(session, year)
    if level not in ("district", "city"):
        raise ActionRefused(f"评审组级别 {level} 只能是 district 或 city", f"Level {level!r} is not district/city")
    if level == "district" and district_id is None:
        raise ActionRefused("区级评审人须属于一个区", "A district reviewer needs a district")
    r = Reviewer(code=code or _next_code(session, Reviewer, "R"), year=year, level=level,
                 district_id=district_id if level == "district" else None,
                 name=required_text(name, "评审人姓名", "Reviewer name"), organisation=organisation)
    session.add(r)
    session.flush()
    return r.id


def district_year(session: Session, year: int, district_id: int) -> DistrictYear | None:
    return session.scalar(select(DistrictYear).where(DistrictYear.year == year,
                                                     DistrictYear.district_id == district_id))
