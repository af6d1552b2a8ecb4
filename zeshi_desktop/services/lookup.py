"""Finding the things a person names on the command line: by code or by name."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.store.models import Appointment, District, Planner, Reviewer, Unit


def district_id(session: Session, ref: str) -> int:
    found = session.scalars(select(District.id).where(or_(District.code == ref, District.name == ref))).all()
    if not found:
        raise NotFound(f"没有区“{ref}”", f"No district {ref!r}")
    return found[0]


def unit_id(session: Session, ref: str, district: int | None = None) -> int:
    q = select(Unit.id).where(or_(Unit.code == ref, Unit.name == ref))
    if district is not None:
        q = q.where(Unit.district_id == district)
    found = session.scalars(q).all()
    if not found:
        raise NotFound(f"没有责任单元“{ref}”", f"No unit {ref!r}")
    if len(found) > 1:
        raise ActionRefused(f"责任单元“{ref}”不唯一，请用编号或加 --district", f"Unit {ref!r} is ambiguous")
    return found[0]


def planner_id(session: Session, ref: str) -> int:
    found = session.scalars(select(Planner.id).where(or_(Planner.code == ref, Planner.name == ref))).all()
    if not found:
        raise NotFound(f"没有责师“{ref}”", f"No planner {ref!r}")
    if len(found) > 1:
        raise ActionRefused(f"责师“{ref}”不唯一，请用编号", f"Planner {ref!r} is ambiguous")
    return found[0]


def reviewer_id(session: Session, year: int, ref: str) -> int:
    found = session.scalars(select(Reviewer.id).where(Reviewer.year == year,
                                                      or_(Reviewer.code == ref, Reviewer.name == ref))).all()
    if not found:
        raise NotFound(f"{year} 年度没有评审人“{ref}”", f"No reviewer {ref!r} in {year}")
    if len(found) > 1:
        raise ActionRefused(f"评审人“{ref}”不唯一，请用编号", f"Reviewer {ref!r} is ambiguous")
    return found[0]


def appointment_id(session: Session, year: int, unit: str, planner: str | None = None,
                   district: str | None = None) -> int:
    """The appointment of a unit (and planner, when the unit has several)."""
    uid = unit_id(session, unit, district_id(session, district) if district else None)
    q = select(Appointment.id).where(Appointment.year == year, Appointment.unit_id == uid)
    if planner:
        q = q.where(Appointment.planner_id == planner_id(session, planner))
    found = session.scalars(q).all()
    if not found:
        raise NotFound(f"{year} 年度“{unit}”没有聘任责师", f"No appointment for {unit!r} in {year}")
    if len(found) > 1:
        raise ActionRefused(f"“{unit}”有多位责师，请加 --planner", f"{unit!r} has several planners; add --planner")
    return found[0]
