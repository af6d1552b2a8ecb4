"""Scoring: open a sheet, set or clear an item, remarks and answers, finalise, unlock.

Each function is one user action on a session that the caller opened with
``Database.write()``; none of them commits. A finalised sheet refuses changes
until it is unlocked with a reason, and every change to a sheet that was once
finalised lands in the audit log.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.scores import display, from_tenths, parse_score, to_tenths
from zeshi_desktop.domain.sheet import SheetTotals, totals
from zeshi_desktop.messages import Message
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import ActionRefused, NotFound, SheetLocked
from zeshi_desktop.services.scoring.problems import Problem, ProblemList, form_problems
from zeshi_desktop.store.models import (
    Answer,
    Appointment,
    AuditEntry,
    District,
    Reviewer,
    Score,
    Sheet,
    utcnow,
)

DRAFT, FINAL = "draft", "final"


@dataclass(frozen=True)
class SheetView:
    id: int
    uid: str
    form_id: str
    year: int
    appointment_id: int | None
    district_id: int | None
    reviewer_id: int | None
    status: str
    scores: dict[str, Decimal]
    answers: dict[str, str]
    remarks: str
    updated_at: datetime
    finalized_at: datetime | None
    finalized_by: str | None
    reopened_reason: str | None
    totals: SheetTotals | None = None

    @property
    def is_final(self) -> bool:
        return self.status == FINAL


@dataclass(frozen=True)
class AuditView:
    at: datetime
    actor: str
    action: str
    item_id: str | None
    old: str | None
    new: str | None
    reason: str


def slot_for(form_id: str, year: int, appointment_id: int | None, district_id: int | None,
             reviewer_id: int | None) -> str:
    """The natural key of a sheet: form, year, subject, reviewer."""
    subject = f"a{appointment_id}" if appointment_id is not None else f"d{district_id}"
    return f"{form_id}|{year}|{subject}|r{reviewer_id or 0}"


def _check_subject(session: Session, form: Form, year: int, appointment_id: int | None,
                   district_id: int | None, reviewer_id: int | None) -> None:
    if form.subject == "appointment":
        a = session.get(Appointment, appointment_id) if appointment_id is not None else None
        if a is None or a.year != year:
            raise NotFound("scoring.sheet.needs_appointment", form=form.id, year=year)
    elif district_id is None or session.get(District, district_id) is None:
        raise NotFound("scoring.sheet.needs_district", form=form.id)
    needs_reviewer = form.filled_by in ("district_reviewer", "city_reviewer")
    if needs_reviewer:
        r = session.get(Reviewer, reviewer_id) if reviewer_id is not None else None
        level = "district" if form.filled_by == "district_reviewer" else "city"
        if r is None or r.level != level or r.year != year:
            raise NotFound(Message(f"scoring.sheet.needs_{level}_reviewer", form=form.id, year=year))
    elif reviewer_id is not None:
        raise ActionRefused("scoring.sheet.no_reviewer", form=form.id)


def _sheet(session: Session, sheet_id: int) -> Sheet:
    sheet = session.get(Sheet, sheet_id)
    if sheet is None:
        raise NotFound("scoring.sheet.not_found", sheet=sheet_id)
    return sheet


def find_sheet_id(session: Session, form_id: str, year: int, *, appointment_id: int | None = None,
                  district_id: int | None = None, reviewer_id: int | None = None) -> int | None:
    slot = slot_for(form_id, year, appointment_id, district_id, reviewer_id)
    return session.scalar(select(Sheet.id).where(Sheet.slot == slot))


def open_sheet(session: Session, form_id: str, year: int, *, appointment_id: int | None = None,
               district_id: int | None = None, reviewer_id: int | None = None) -> SheetView:
    """The sheet for this form, subject and reviewer, created blank the first time."""
    form = catalogue.form(form_id)
    if form.subject == "appointment":
        district_id = None
    else:
        appointment_id = None
    existing = find_sheet_id(session, form_id, year, appointment_id=appointment_id, district_id=district_id,
                             reviewer_id=reviewer_id)
    if existing is not None:
        return view(session, existing)
    _check_subject(session, form, year, appointment_id, district_id, reviewer_id)
    sheet = Sheet(uid=str(uuid.uuid4()), slot=slot_for(form_id, year, appointment_id, district_id, reviewer_id),
                  form_id=form_id, form_version=form.version, year=year, appointment_id=appointment_id,
                  district_id=district_id, reviewer_id=reviewer_id, status=DRAFT)
    session.add(sheet)
    session.flush()
    return view(session, sheet.id)


def view(session: Session, sheet_id: int) -> SheetView:
    sheet = _sheet(session, sheet_id)
    scores = {item: from_tenths(t) for item, t in session.execute(
        select(Score.item_id, Score.tenths).where(Score.sheet_id == sheet_id))}
    answers = dict(session.execute(select(Answer.key, Answer.value).where(Answer.sheet_id == sheet_id)).all())
    form = catalogue.form(sheet.form_id)
    sums = totals(form, scores) if form.is_scored else None
    return SheetView(sheet.id, sheet.uid, sheet.form_id, sheet.year, sheet.appointment_id, sheet.district_id,
                     sheet.reviewer_id, sheet.status, scores, answers, sheet.remarks, sheet.updated_at,
                     sheet.finalized_at, sheet.finalized_by, sheet.reopened_reason, sums)


def _editable(sheet: Sheet) -> None:
    if sheet.status == FINAL:
        raise SheetLocked("scoring.sheet.locked")


def _audit(session: Session, sheet: Sheet, actor: str, action: str, item_id: str | None = None,
           old: str | None = None, new: str | None = None, reason: str = "") -> None:
    session.add(AuditEntry(sheet_id=sheet.id, actor=actor, action=action, item_id=item_id, old=old, new=new,
                           reason=reason))


def _touch(sheet: Sheet) -> None:
    sheet.updated_at = utcnow()


def set_score(session: Session, sheet_id: int, item_id: str, raw: object, actor: str = "") -> SheetView:
    """Set one item; ``raw`` is what was typed. Refused values raise ``ScoreRefused``."""
    sheet = _sheet(session, sheet_id)
    _editable(sheet)
    form = catalogue.form(sheet.form_id)
    if not form.has_item(item_id):
        raise NotFound("scoring.sheet.no_item", form=form.id, item=item_id)
    value = parse_score(form.item(item_id), raw)
    _write_scores(session, sheet, {item_id: value}, actor)
    return view(session, sheet_id)


def set_scores(session: Session, sheet_id: int, raw_scores: Mapping[str, object], actor: str = "") -> SheetView:
    """Set several items at once; one refused value refuses them all."""
    sheet = _sheet(session, sheet_id)
    _editable(sheet)
    form = catalogue.form(sheet.form_id)
    values: dict[str, Decimal] = {}
    for item_id, raw in raw_scores.items():
        if not form.has_item(item_id):
            raise NotFound("scoring.sheet.no_item", form=form.id, item=item_id)
        values[item_id] = parse_score(form.item(item_id), raw)
    _write_scores(session, sheet, values, actor)
    return view(session, sheet_id)


def _write_scores(session: Session, sheet: Sheet, values: Mapping[str, Decimal], actor: str) -> None:
    old = dict(session.execute(select(Score.item_id, Score.tenths).where(
        Score.sheet_id == sheet.id, Score.item_id.in_(list(values)))).all())
    for item_id, value in values.items():
        tenths = to_tenths(value)
        if item_id in old:
            if old[item_id] == tenths:
                continue
            session.execute(Score.__table__.update().where(Score.sheet_id == sheet.id, Score.item_id == item_id)
                            .values(tenths=tenths))
        else:
            session.add(Score(sheet_id=sheet.id, item_id=item_id, tenths=tenths))
        if sheet.reopened_reason is not None:
            _audit(session, sheet, actor, "change", item_id,
                   display(from_tenths(old[item_id])) if item_id in old else None, display(value),
                   sheet.reopened_reason)
    _touch(sheet)
    session.flush()


def clear_score(session: Session, sheet_id: int, item_id: str, actor: str = "") -> SheetView:
    sheet = _sheet(session, sheet_id)
    _editable(sheet)
    old = session.get(Score, (sheet_id, item_id))
    if old is not None:
        if sheet.reopened_reason is not None:
            _audit(session, sheet, actor, "change", item_id, display(from_tenths(old.tenths)), None,
                   sheet.reopened_reason)
        session.delete(old)
        _touch(sheet)
        session.flush()
    return view(session, sheet_id)


def set_remarks(session: Session, sheet_id: int, text: str, actor: str = "") -> SheetView:
    sheet = _sheet(session, sheet_id)
    _editable(sheet)
    if sheet.remarks != text:
        if sheet.reopened_reason is not None:
            _audit(session, sheet, actor, "change", "remarks", sheet.remarks, text, sheet.reopened_reason)
        sheet.remarks = text
        _touch(sheet)
    return view(session, sheet_id)


def set_answers(session: Session, sheet_id: int, answers: Mapping[str, str | None], actor: str = "") -> SheetView:
    """Set non-numeric content (5-1 choices, 4-2 是/否, 4-1 texts); ``None`` removes a key."""
    sheet = _sheet(session, sheet_id)
    _editable(sheet)
    current = dict(session.execute(select(Answer.key, Answer.value).where(Answer.sheet_id == sheet_id)).all())
    changed = False
    for key, value in answers.items():
        if current.get(key) == value:
            continue
        changed = True
        if sheet.reopened_reason is not None:
            _audit(session, sheet, actor, "change", key, current.get(key), value, sheet.reopened_reason)
        if value is None:
            session.execute(delete(Answer).where(Answer.sheet_id == sheet_id, Answer.key == key))
        elif key in current:
            session.execute(Answer.__table__.update().where(Answer.sheet_id == sheet_id, Answer.key == key)
                            .values(value=value))
        else:
            session.add(Answer(sheet_id=sheet_id, key=key, value=value))
    if changed:
        _touch(sheet)
        session.flush()
    return view(session, sheet_id)


def problems(session: Session, sheet_id: int) -> list[Problem]:
    """What stops this sheet from being finalised (empty when it can be), as messages the caller renders."""
    v = view(session, sheet_id)
    return form_problems(catalogue.form(v.form_id), v.scores, v.answers)


def finalize(session: Session, sheet_id: int, actor: str = "") -> SheetView:
    """Lock a complete sheet; an incomplete one is refused with what is missing."""
    sheet = _sheet(session, sheet_id)
    if sheet.status == FINAL:
        return view(session, sheet_id)
    missing = problems(session, sheet_id)
    if missing:
        raise ActionRefused("scoring.finalise.incomplete", problems=ProblemList(tuple(missing)))
    sheet.status = FINAL
    sheet.finalized_at = utcnow()
    sheet.finalized_by = actor or None
    _audit(session, sheet, actor, "finalize", reason=sheet.reopened_reason or "")
    sheet.reopened_reason = None
    _touch(sheet)
    session.flush()
    return view(session, sheet_id)


def unlock(session: Session, sheet_id: int, reason: str, actor: str = "") -> SheetView:
    """Reopen a finalised sheet; the reason goes to the audit log with every later change."""
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused("scoring.unlock.no_reason")
    sheet = _sheet(session, sheet_id)
    if sheet.status != FINAL:
        raise ActionRefused("scoring.unlock.not_final")
    sheet.status = DRAFT
    sheet.reopened_reason = reason
    _audit(session, sheet, actor, "unlock", reason=reason)
    _touch(sheet)
    session.flush()
    return view(session, sheet_id)


def audit_log(session: Session, sheet_id: int) -> list[AuditView]:
    _sheet(session, sheet_id)
    rows = session.scalars(select(AuditEntry).where(AuditEntry.sheet_id == sheet_id).order_by(AuditEntry.id))
    return [AuditView(r.at, r.actor, r.action, r.item_id, r.old, r.new, r.reason) for r in rows]


def sheets(session: Session, year: int, form_id: str | None = None, *, district_id: int | None = None,
           reviewer_id: int | None = None, appointment_id: int | None = None,
           status: str | None = None) -> list[SheetView]:
    """Sheets of a year, filtered; subjects in a district include its appointments' sheets."""
    q = select(Sheet.id).where(Sheet.year == year)
    if form_id is not None:
        q = q.where(Sheet.form_id == form_id)
    if reviewer_id is not None:
        q = q.where(Sheet.reviewer_id == reviewer_id)
    if appointment_id is not None:
        q = q.where(Sheet.appointment_id == appointment_id)
    if status is not None:
        q = q.where(Sheet.status == status)
    if district_id is not None:
        from zeshi_desktop.store.models import Unit
        in_district = select(Appointment.id).join(Unit, Appointment.unit_id == Unit.id).where(
            Unit.district_id == district_id)
        q = q.where((Sheet.district_id == district_id) | Sheet.appointment_id.in_(in_district))
    return [view(session, sid) for sid in session.scalars(q.order_by(Sheet.id))]
