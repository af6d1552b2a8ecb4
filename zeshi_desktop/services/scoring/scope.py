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

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.messages import Message, Refused
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
    r = session.get(Reviewer, reviewer_id) if reviewer_id is not None else None
    scope = (r.level, r.district_id) if r is not None and r.year == year else None
    named = r.name if r is not None else (None if reviewer_id is None else "")
    subject = (_district_of(session, form, appointment_id, district_id)
               if REVIEWER_LEVEL.get(form.filled_by) == "district" else None)   # asked only where the rule needs it
    problem = reviewer_rule(form, year, named, scope, subject,
                            lambda ident: d.name if (d := session.get(District, ident)) is not None else "")
    if problem is None:
        return None
    return NotFound(problem) if problem.code.startswith("scoring.sheet.needs_") else ActionRefused(problem)


def reviewer_rule(form: Form, year: int, reviewer: str | None, scope: tuple[str, Any] | None,
                  subject_district: Any, district_name: Callable[[Any], str]) -> Message | None:
    """The reviewer rule on plain facts: for a sheet of the store (above) and one a package brings (``handover.plan``).

    ``reviewer`` names the reviewer in the refusal (None: the sheet has none);
    ``scope`` is the reviewer's (level, district) in the sheet's year, None when
    there is no such reviewer; ``subject_district`` is the district of the
    sheet's subject (None: not known yet, which is said elsewhere).
    """
    level = REVIEWER_LEVEL.get(form.filled_by)
    if level is None:
        return Message("scoring.sheet.no_reviewer", form=form.id) if reviewer is not None else None
    if scope is None or scope[0] != level or (level == "district" and scope[1] is None):
        return Message(f"scoring.sheet.needs_{level}_reviewer", form=form.id, year=year)
    if level == "district" and subject_district is not None and scope[1] != subject_district:
        return Message("scoring.sheet.reviewer_other_district", form=form.id, reviewer=reviewer or "",
                       reviewer_district=district_name(scope[1]), district=district_name(subject_district))
    return None


def check_scope(session: Session, form: Form, year: int, appointment_id: int | None, district_id: int | None,
                reviewer_id: int | None) -> None:
    """Refuse (``NotFound`` / ``ActionRefused``) a sheet this subject and reviewer may not have."""
    refusal = scope_refusal(session, form, year, appointment_id, district_id, reviewer_id)
    if refusal is not None:
        raise refusal
