"""Scoring: create a sheet with its first change, set or clear an item, remarks and answers, finalise, unlock.

Each function is one user action on a session that the caller opened with
``Database.write()``; none of them commits. Every change is checked here
first, before the database's own rules would refuse it: the sheet's scope
(who may fill it), the item (one of the form's, in tenths from 0 to its
maximum), the answer (a question of the form, one of its options). A
finalised sheet refuses changes until it is unlocked with a reason, and every
change to a sheet that was once finalised lands in the audit log. Unlocking
and finalising many sheets at once take a backup of the store first.

Reading is in ``views`` (re-exported here): nothing there writes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import answers as answer_rules
from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.scores import display, parse_score, tenths_text, to_tenths
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import ActionRefused, NotFound, SheetLocked
from zeshi_desktop.services.scoring.backups import backup_before
from zeshi_desktop.services.scoring.entries import check_entries_agree
from zeshi_desktop.services.scoring.problems import (
    Problem,
    ProblemList,
    form_problems,
    form_warnings,
)
from zeshi_desktop.services.scoring.recused import check_not_recused
from zeshi_desktop.services.scoring.scope import check_scope
from zeshi_desktop.services.scoring.views import (
    DRAFT,
    FINAL,
    UNSAVED,
    AuditView,
    SheetView,
    audit_log,
    find_sheet,
    find_sheet_id,
    read_sheet,
    sheet_row,
    sheets,
    slot_for,
    subject_ids,
    view,
)
from zeshi_desktop.store.models import Answer, AuditEntry, Score, Sheet, utcnow

__all__ = ["DRAFT", "FINAL", "UNSAVED", "AuditView", "SheetView", "audit_log", "clear_score", "finalize",
           "finalize_all", "find_sheet", "find_sheet_id", "open_sheet", "problems", "read_sheet", "set_answers",
           "set_remarks", "set_score", "set_scores", "sheets", "slot_for", "unlock", "view", "warnings"]


def open_sheet(session: Session, form_id: str, year: int, *, appointment_id: int | None = None,
               district_id: int | None = None, reviewer_id: int | None = None) -> SheetView:
    """The sheet for this form, subject and reviewer, created blank the first time: for writing actions only.

    A reader uses ``find_sheet`` or ``read_sheet``, which never create one.
    """
    form = catalogue.form(form_id)
    appointment_id, district_id = subject_ids(form_id, appointment_id, district_id)
    existing = find_sheet_id(session, form_id, year, appointment_id=appointment_id, district_id=district_id,
                             reviewer_id=reviewer_id)
    if existing is not None:
        return view(session, existing)
    check_scope(session, form, year, appointment_id, district_id, reviewer_id)
    check_not_recused(session, slot_for(form_id, year, appointment_id, district_id, reviewer_id))
    sheet = Sheet(uid=str(uuid.uuid4()), slot=slot_for(form_id, year, appointment_id, district_id, reviewer_id),
                  form_id=form_id, form_version=form.version, year=year, appointment_id=appointment_id,
                  district_id=district_id, reviewer_id=reviewer_id, status=DRAFT)
    session.add(sheet)
    session.flush()
    return view(session, sheet.id)


def _in_scope(session: Session, sheet: Sheet) -> Form:
    """The sheet's form, once the sheet is one its subject and reviewer may have (the roster may have changed)."""
    form = catalogue.form(sheet.form_id)
    check_scope(session, form, sheet.year, sheet.appointment_id, sheet.district_id, sheet.reviewer_id)
    return form


def _writable(session: Session, sheet_id: int) -> tuple[Sheet, Form]:
    """The sheet and its form, for a change: refused when it is finalised or out of scope."""
    sheet = sheet_row(session, sheet_id)
    if sheet.status == FINAL:
        raise SheetLocked("scoring.sheet.locked")
    check_not_recused(session, sheet.slot)
    return sheet, _in_scope(session, sheet)


def _audit(session: Session, sheet: Sheet, actor: str, action: str, item_id: str | None = None,
           old: str | None = None, new: str | None = None, reason: str = "") -> None:
    session.add(AuditEntry(sheet_id=sheet.id, actor=actor, action=action, item_id=item_id, old=old, new=new,
                           reason=reason))


def _touch(sheet: Sheet) -> None:
    sheet.updated_at = utcnow()


def _score_value(form: Form, item_id: str, raw: object) -> Decimal:
    """What ``raw`` stands for as the score of one of the form's items: refused for any other item."""
    if not form.has_item(item_id):
        raise NotFound("scoring.sheet.no_item", form=form.id, item=item_id)
    return parse_score(form.item(item_id), raw)


def set_score(session: Session, sheet_id: int, item_id: str, raw: object, actor: str = "") -> SheetView:
    """Set one item; ``raw`` is what was typed. Refused values raise ``ScoreRefused``."""
    sheet, form = _writable(session, sheet_id)
    _write_scores(session, sheet, {item_id: _score_value(form, item_id, raw)}, actor)
    return view(session, sheet_id)


def set_scores(session: Session, sheet_id: int, raw_scores: Mapping[str, object], actor: str = "") -> SheetView:
    """Set several items at once; one refused value refuses them all."""
    sheet, form = _writable(session, sheet_id)
    values = {item_id: _score_value(form, item_id, raw) for item_id, raw in raw_scores.items()}
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
                   tenths_text(old[item_id]) if item_id in old else None, display(value), sheet.reopened_reason)
    _touch(sheet)
    session.flush()


def clear_score(session: Session, sheet_id: int, item_id: str, actor: str = "") -> SheetView:
    """Remove one item's score; a stored value of an item the form does not have (damaged data) may be removed."""
    sheet, form = _writable(session, sheet_id)
    old = session.get(Score, (sheet_id, item_id))
    if old is None and not form.has_item(item_id):
        raise NotFound("scoring.sheet.no_item", form=form.id, item=item_id)
    if old is not None:
        if sheet.reopened_reason is not None:
            _audit(session, sheet, actor, "change", item_id, tenths_text(old.tenths), None, sheet.reopened_reason)
        session.delete(old)
        _touch(sheet)
        session.flush()
    return view(session, sheet_id)


def set_remarks(session: Session, sheet_id: int, text: str, actor: str = "") -> SheetView:
    sheet, _ = _writable(session, sheet_id)
    if sheet.remarks != text:
        if sheet.reopened_reason is not None:
            _audit(session, sheet, actor, "change", "remarks", sheet.remarks, text, sheet.reopened_reason)
        sheet.remarks = text
        _touch(sheet)
    return view(session, sheet_id)


def _answer_values(form: Form, answers: Mapping[str, str | None], current: Mapping[str, str]) -> dict[str, str | None]:
    """Each answer as it is stored (yes/no as ``yes``/``no``), all checked before any is written.

    Removing a stored key the form does not have is allowed: it is how damaged
    data is cleared.
    """
    values: dict[str, str | None] = {}
    for key, raw in answers.items():
        if raw is None and key in current:
            values[key] = None
        else:
            values[key] = answer_rules.read_answer(form, key, raw)
    return values


def set_answers(session: Session, sheet_id: int, answers: Mapping[str, str | None], actor: str = "") -> SheetView:
    """Set non-numeric content (5-1 choices, 4-2 是/否, 4-1 texts, header fields); ``None`` removes a key.

    Only a question of the form, and for a question with options one of them
    (是/否, yes/no, true/false for a yes/no question): one refused answer
    refuses them all, naming the question and what it takes.
    """
    sheet, form = _writable(session, sheet_id)
    current = dict(session.execute(select(Answer.key, Answer.value).where(Answer.sheet_id == sheet_id)).all())
    changed = False
    for key, value in _answer_values(form, answers, current).items():
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
    """What stops this sheet from being finalised (empty when it can be): damaged data first, then what is missing."""
    v = view(session, sheet_id)
    return [*v.damaged, *form_problems(catalogue.form(v.form_id), v.scores, v.answers)]


def warnings(session: Session, sheet_id: int) -> list[Problem]:
    """What is worth a look before finalising but does not stop it (a 4-1 text outside its length)."""
    v = view(session, sheet_id)
    return form_warnings(catalogue.form(v.form_id), v.answers)


def _finalise(session: Session, sheet: Sheet, actor: str) -> None:
    sheet.status = FINAL
    sheet.finalized_at = utcnow()
    sheet.finalized_by = actor or None
    _audit(session, sheet, actor, "finalize", reason=sheet.reopened_reason or "")
    sheet.reopened_reason = None
    _touch(sheet)


def finalize(session: Session, sheet_id: int, actor: str = "") -> SheetView:
    """Lock a complete sheet; an incomplete one is refused with what is missing."""
    sheet = sheet_row(session, sheet_id)
    if sheet.status == FINAL:
        return view(session, sheet_id)
    _in_scope(session, sheet)
    check_not_recused(session, sheet.slot)
    missing = problems(session, sheet_id)
    if missing:
        raise ActionRefused("scoring.finalise.incomplete", problems=ProblemList(tuple(missing)))
    check_entries_agree(session, sheet_id)
    _finalise(session, sheet, actor)
    session.flush()
    return view(session, sheet_id)


def finalize_all(session: Session, sheet_ids: Iterable[int], actor: str = "") -> list[SheetView]:
    """Finalise many sheets at once (a reviewer's whole matrix), all or none, after a backup of the store.

    Every sheet is checked first; the first that cannot be finalised refuses
    the lot, naming it and what it lacks, before the backup and before
    anything is written. A backup that fails refuses the action.
    """
    pending = [sheet_row(session, sid) for sid in dict.fromkeys(sheet_ids)]
    pending = [sheet for sheet in pending if sheet.status != FINAL]
    for sheet in pending:
        _in_scope(session, sheet)
        missing = problems(session, sheet.id)
        if missing:
            raise ActionRefused("scoring.finalise_all.incomplete", sheet=sheet.id,
                                problems=ProblemList(tuple(missing)))
        check_not_recused(session, sheet.slot)
        check_entries_agree(session, sheet.id)
    if pending:
        backup_before(session, "finalise-all")
    for sheet in pending:
        _finalise(session, sheet, actor)
    session.flush()
    return [view(session, sheet.id) for sheet in pending]


def unlock(session: Session, sheet_id: int, reason: str, actor: str = "") -> SheetView:
    """Reopen a finalised sheet after a backup of the store; the reason goes to the audit log with every later change."""
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused("scoring.unlock.no_reason")
    sheet = sheet_row(session, sheet_id)
    if sheet.status != FINAL:
        raise ActionRefused("scoring.unlock.not_final")
    _in_scope(session, sheet)
    backup_before(session, "unlock")
    sheet.status = DRAFT
    sheet.reopened_reason = reason
    _audit(session, sheet, actor, "unlock", reason=reason)
    _touch(sheet)
    session.flush()
    return view(session, sheet_id)
