"""Reading sheets: what a sheet holds, checked against its form, and never a write.

Every function here only reads: looking at a sheet that does not exist yet
shows it blank (:func:`read_sheet`) or says there is none (:func:`find_sheet`),
and creates nothing; a sheet is created by the first change written to it
(``sheets.open_sheet``, used only by writing actions). Stored values are read
through ``stored``: a value that breaks its form's rules is left out of the
scores and totals and listed in ``SheetView.damaged``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.answers import question
from zeshi_desktop.domain.forms import Form, Label
from zeshi_desktop.domain.scores import item_name
from zeshi_desktop.domain.sheet import SheetTotals, totals
from zeshi_desktop.messages import Message
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import NotFound
from zeshi_desktop.services.scoring.problems import ProblemList
from zeshi_desktop.services.scoring.scope import check_scope
from zeshi_desktop.services.scoring.stored import (
    checked_answers,
    checked_scores,
    sheet_problems,
)
from zeshi_desktop.store.models import (
    Answer,
    Appointment,
    AuditEntry,
    Score,
    Sheet,
    Unit,
    utcnow,
)

DRAFT, FINAL = "draft", "final"
UNSAVED = 0   # the id of a sheet shown blank because nothing was written to it yet


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
    damaged: tuple[Message, ...] = ()   # stored values that break the form's rules, left out of scores and totals

    @property
    def is_final(self) -> bool:
        return self.status == FINAL

    @property
    def exists(self) -> bool:
        """False for a sheet shown blank that is not stored yet (``read_sheet``)."""
        return self.id != UNSAVED

    @property
    def damage(self) -> Message | None:
        """One sentence for the app and the command line: this sheet holds damaged data, and which."""
        return Message("scoring.damaged.sheet", problems=ProblemList(self.damaged)) if self.damaged else None


@dataclass(frozen=True)
class AuditView:
    at: datetime
    actor: str
    action: str
    item_id: str | None
    old: str | None
    new: str | None
    reason: str
    role: str | None = None          # who the actor acted as (the app's selection, 命令行)
    package_id: str | None = None    # an import: which package, and its sender's key
    signer: str | None = None
    item: Label | None = None        # what ``item_id`` is called on the form (an item, 意见建议, a question)


def slot_for(form_id: str, year: int, appointment_id: int | None, district_id: int | None,
             reviewer_id: int | None) -> str:
    """The natural key of a sheet: form, year, subject, reviewer."""
    subject = f"a{appointment_id}" if appointment_id is not None else f"d{district_id}"
    return f"{form_id}|{year}|{subject}|r{reviewer_id or 0}"


def subject_ids(form_id: str, appointment_id: int | None, district_id: int | None) -> tuple[int | None, int | None]:
    """The subject a form's sheet has: an appointment (3-1, 3-2, 5-1) or a district (4-x); the other is None."""
    if catalogue.form(form_id).subject == "appointment":
        return appointment_id, None
    return None, district_id


def sheet_row(session: Session, sheet_id: int) -> Sheet:
    sheet = session.get(Sheet, sheet_id)
    if sheet is None:
        raise NotFound("scoring.sheet.not_found", sheet=sheet_id)
    return sheet


def find_sheet_id(session: Session, form_id: str, year: int, *, appointment_id: int | None = None,
                  district_id: int | None = None, reviewer_id: int | None = None) -> int | None:
    """The id of the stored sheet for this form, subject and reviewer, or None: never creates one."""
    appointment_id, district_id = subject_ids(form_id, appointment_id, district_id)
    slot = slot_for(form_id, year, appointment_id, district_id, reviewer_id)
    return session.scalar(select(Sheet.id).where(Sheet.slot == slot))


def find_sheet(session: Session, form_id: str, year: int, *, appointment_id: int | None = None,
               district_id: int | None = None, reviewer_id: int | None = None) -> SheetView | None:
    """The stored sheet for this form, subject and reviewer, or None when nothing was written to it yet."""
    sheet_id = find_sheet_id(session, form_id, year, appointment_id=appointment_id, district_id=district_id,
                             reviewer_id=reviewer_id)
    return None if sheet_id is None else view(session, sheet_id)


def read_sheet(session: Session, form_id: str, year: int, *, appointment_id: int | None = None,
               district_id: int | None = None, reviewer_id: int | None = None) -> SheetView:
    """The sheet as a reader shows it: the stored one, or a blank one (``exists`` False) that is not stored.

    A blank sheet is shown only for a subject and reviewer that may have one
    (the scope rules); otherwise the refusal says why.
    """
    form = catalogue.form(form_id)
    appointment_id, district_id = subject_ids(form_id, appointment_id, district_id)
    found = find_sheet(session, form_id, year, appointment_id=appointment_id, district_id=district_id,
                       reviewer_id=reviewer_id)
    if found is not None:
        return found
    check_scope(session, form, year, appointment_id, district_id, reviewer_id)
    return SheetView(UNSAVED, "", form_id, year, appointment_id, district_id, reviewer_id, DRAFT, {}, {}, "",
                     utcnow(), None, None, None, totals(form, {}) if form.is_scored else None)


def view(session: Session, sheet_id: int) -> SheetView:
    """The stored sheet; a value that breaks its form's rules is left out and listed in ``damaged``."""
    sheet = sheet_row(session, sheet_id)
    form = catalogue.forms().get(sheet.form_id)
    damaged = sheet_problems(session, sheet)
    scores, bad_scores = checked_scores(form, session.execute(
        select(Score.item_id, Score.tenths).where(Score.sheet_id == sheet_id)).all())
    answers, bad_answers = checked_answers(form, session.execute(
        select(Answer.key, Answer.value).where(Answer.sheet_id == sheet_id)).all())
    if damaged:   # a sheet that may not exist: none of its values count
        scores, answers = {}, {}
    sums = totals(form, scores) if form is not None and form.is_scored else None
    return SheetView(sheet.id, sheet.uid, sheet.form_id, sheet.year, sheet.appointment_id, sheet.district_id,
                     sheet.reviewer_id, sheet.status, scores, answers, sheet.remarks, sheet.updated_at,
                     sheet.finalized_at, sheet.finalized_by, sheet.reopened_reason, sums,
                     tuple(damaged + bad_scores + bad_answers))


def field_name(form: Form | None, key: str | None) -> Label | None:
    """How people name what an audit row changed: the item as messages name it, 意见建议, a question.

    None for a key the form does not have (a form changed since, a damaged row): the reader shows the key.
    """
    if form is None or not key:
        return None
    if form.has_item(key):
        return item_name(form.item(key))
    if key == "remarks":
        return form.remarks
    found = question(form, key)
    return found.label if found is not None else None


def audit_log(session: Session, sheet_id: int) -> list[AuditView]:
    """The sheet's audit rows, oldest first, each naming its item as the form does (``item``)."""
    sheet = sheet_row(session, sheet_id)
    form = catalogue.forms().get(sheet.form_id)
    # a recusal declared before the sheet existed is on no sheet (0), named by the sheet's slot
    rows = session.scalars(select(AuditEntry).where(
        (AuditEntry.sheet_id == sheet_id) | ((AuditEntry.sheet_id == 0) & (AuditEntry.item_id == sheet.slot[:64])
                                             & AuditEntry.action.in_(("recuse", "withdraw")))).order_by(AuditEntry.id))
    return [AuditView(r.at, r.actor, r.action, r.item_id, r.old, r.new, r.reason, r.role, r.package_id, r.signer,
                      field_name(form, r.item_id)) for r in rows]


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
        in_district = select(Appointment.id).join(Unit, Appointment.unit_id == Unit.id).where(
            Unit.district_id == district_id)
        q = q.where((Sheet.district_id == district_id) | Sheet.appointment_id.in_(in_district))
    return [view(session, sid) for sid in session.scalars(q.order_by(Sheet.id))]
