"""Who may fill which sheet: the subject a form needs and the reviewer it may have.

A 3-2 sheet is filled only by a district reviewer of the unit's own district
and year; a 4-3 sheet only by a city reviewer of its year; a form not filled
by reviewers has none. Migration 0004 keeps the same rules in the database;
they are checked here first, so a person reads which rule and why instead of
the database's refusal. The same check tells a stored sheet that breaks them
(a roster changed after the sheet was filled, a file older than the rules):
its values are damaged data, not scores.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.messages import Refused
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.store.models import Appointment, District, Reviewer, Unit, Year

REVIEWER_LEVEL = {"district_reviewer": "district", "city_reviewer": "city"}


def _district_of(session: Session, form: Form, appointment_id: int | None, district_id: int | None) -> int | None:
    if form.subject == "appointment":
        a = session.get(Appointment, appointment_id) if appointment_id is not None else None
        unit = session.get(Unit, a.unit_id) if a is not None else None
        return unit.district_id if unit is not None else None
    return district_id


def scope_refusal(session: Session, form: Form, year: int, appointment_id: int | None, district_id: int | None,
                  reviewer_id: int | None) -> Refused | None:
    """Why this subject and reviewer cannot have a sheet of ``form`` in ``year``, or None when they can."""
    if form.subject == "appointment":
        a = session.get(Appointment, appointment_id) if appointment_id is not None else None
        if a is None or a.year != year:
            return NotFound("scoring.sheet.needs_appointment", form=form.id, year=year)
    elif district_id is None or session.get(District, district_id) is None:
        return NotFound("scoring.sheet.needs_district", form=form.id)
    elif session.get(Year, year) is None:
        return NotFound("scoring.sheet.no_year", form=form.id, year=year)
    level = REVIEWER_LEVEL.get(form.filled_by)
    if level is None:
        return ActionRefused("scoring.sheet.no_reviewer", form=form.id) if reviewer_id is not None else None
    r = session.get(Reviewer, reviewer_id) if reviewer_id is not None else None
    if r is None or r.level != level or r.year != year or (level == "district" and r.district_id is None):
        return NotFound(f"scoring.sheet.needs_{level}_reviewer", form=form.id, year=year)
    if level == "district":
        subject_district = _district_of(session, form, appointment_id, district_id)
        if r.district_id != subject_district:
            own = session.get(District, r.district_id)
            theirs = session.get(District, subject_district) if subject_district is not None else None
            return ActionRefused("scoring.sheet.reviewer_other_district", form=form.id, reviewer=r.name,
                                 reviewer_district=own.name if own else "", district=theirs.name if theirs else "")
    return None


def check_scope(session: Session, form: Form, year: int, appointment_id: int | None, district_id: int | None,
                reviewer_id: int | None) -> None:
    """Refuse (``NotFound`` / ``ActionRefused``) a sheet this subject and reviewer may not have."""
    refusal = scope_refusal(session, form, year, appointment_id, district_id, reviewer_id)
    if refusal is not None:
        raise refusal
