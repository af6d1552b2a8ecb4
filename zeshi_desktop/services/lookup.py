"""Finding the things a person names on the command line: by code or by name.

A name that matches nothing, or more than one thing, is refused (``lookup.*``)
rather than guessed: two reviewers with one name must not be picked at random.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.store.models import Appointment, District, Planner, Reviewer, Unit


def district_id(session: Session, ref: str) -> int:
    found = session.scalars(select(District.id).where(or_(District.code == ref, District.name == ref))).all()
    if not found:
        raise NotFound("lookup.no_district", ref=ref)
    return found[0]


def unit_id(session: Session, ref: str, district: int | None = None) -> int:
    q = select(Unit.id).where(or_(Unit.code == ref, Unit.name == ref))
    if district is not None:
        q = q.where(Unit.district_id == district)
    found = session.scalars(q).all()
    if not found:
        raise NotFound("lookup.no_unit", ref=ref)
    if len(found) > 1:
        raise ActionRefused("lookup.unit_ambiguous", ref=ref)
    return found[0]


def planner_id(session: Session, ref: str) -> int:
    found = session.scalars(select(Planner.id).where(or_(Planner.code == ref, Planner.name == ref))).all()
    if not found:
        raise NotFound("lookup.no_planner", ref=ref)
    if len(found) > 1:
        raise ActionRefused("lookup.planner_ambiguous", ref=ref)
    return found[0]


def reviewer_id(session: Session, year: int, ref: str) -> int:
    found = session.scalars(select(Reviewer.id).where(Reviewer.year == year,
                                                      or_(Reviewer.code == ref, Reviewer.name == ref))).all()
    if not found:
        raise NotFound("lookup.no_reviewer", year=year, ref=ref)
    if len(found) > 1:
        raise ActionRefused("lookup.reviewer_ambiguous", ref=ref)
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
        raise NotFound("lookup.no_appointment", year=year, unit=unit)
    if len(found) > 1:
        raise ActionRefused("lookup.several_planners", unit=unit)
    return found[0]
