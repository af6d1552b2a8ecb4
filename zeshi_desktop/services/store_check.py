"""Is the store sound? Its pages, its foreign keys, the audit chain, and every stored value against the forms.

``zeshi check`` runs the thorough check; the app runs the quick one when it
opens a store (``quick=True``: ``quick_check`` instead of ``integrity_check``,
still every value). A value that breaks a form's rule — a score above its
item's maximum, an item the form does not have, a sheet neither draft nor
final — is damaged data: it is reported here and never shown as a score.
Everything is read through read-only connections: checking never writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.scores import tenths_text
from zeshi_desktop.messages import Message
from zeshi_desktop.services import catalogue
from zeshi_desktop.store import audit, sheet_seal
from zeshi_desktop.store.database import Database, StoreError
from zeshi_desktop.store.integrity import foreign_key_check, page_check, read_only
from zeshi_desktop.store.models import Sheet

MAX_LISTED = 200   # findings listed in full; a badly damaged file says how many more


@dataclass(frozen=True)
class Finding:
    """One thing wrong: ``kind`` is pages | foreign_key | audit | value; ``message`` says it to a person."""

    kind: str
    message: Message


@dataclass
class CheckReport:
    path: Path
    findings: list[Finding] = field(default_factory=list)
    more: int = 0

    @property
    def sound(self) -> bool:
        return not self.findings

    def add(self, found: Iterable[Finding]) -> None:
        for f in found:
            if len(self.findings) < MAX_LISTED:
                self.findings.append(f)
            else:
                self.more += 1


def score_problem(form: Form | None, item_id: str, tenths: int) -> Message | None:
    """Why a stored score is not a score of its form, or None when it is one."""
    if form is None:
        return Message("check.value.unknown_form")
    if not form.is_scored or not form.has_item(item_id):
        return Message("check.value.unknown_item", form=form.id, item=item_id)
    if not isinstance(tenths, int) or tenths < 0 or tenths > int(form.item(item_id).max * 10):
        return Message("check.value.out_of_range", form=form.id, item=form.item(item_id).short,
                       value=tenths_text(tenths) if isinstance(tenths, int) else str(tenths),
                       maximum=form.item(item_id).max)
    return None


def value_findings(session: Session, scores: list[tuple[int, str, int]] | None = None) -> list[Finding]:
    """Every stored score and sheet status against the forms (the seal is checked apart: ``sheet_seal``)."""
    forms = catalogue.forms()
    maxima = {(f.id, i.id): int(i.max * 10) for f in forms.values() if f.is_scored for i in f.items}
    found: list[Finding] = []
    sheets = dict(session.execute(select(Sheet.id, Sheet.form_id)).all())
    for sheet_id, form_id, status in session.execute(select(Sheet.id, Sheet.form_id, Sheet.status)):
        if form_id not in forms:
            found.append(Finding("value", Message("check.value.sheet_form", sheet=sheet_id, form=form_id)))
        if status not in ("draft", "final"):
            found.append(Finding("value", Message("check.value.sheet_status", sheet=sheet_id, status=status)))
    for sheet_id, item_id, tenths in (scores if scores is not None else sheet_seal.score_rows(session)):
        form_id = sheets.get(sheet_id)
        top = maxima.get((form_id, item_id))
        if top is not None and isinstance(tenths, int) and 0 <= tenths <= top:
            continue   # the usual case, decided without a Decimal
        problem = score_problem(forms.get(form_id) if form_id else None, item_id, tenths)
        if problem is not None:
            found.append(Finding("value", Message("check.value.in_sheet", sheet=sheet_id, problem=problem)))
    return found


def _sqlite_findings(path: Path, quick: bool) -> list[Finding]:
    try:
        with read_only(path) as connection:
            pages = page_check(connection, quick=quick)
            keys = [] if pages else foreign_key_check(connection)
    except sqlite3.DatabaseError as exc:
        return [Finding("pages", Message("check.pages", detail=str(exc)))]
    return ([Finding("pages", Message("check.pages", detail=f.detail)) for f in pages]
            + [Finding("foreign_key", Message("check.foreign_key", detail=f.detail)) for f in keys])


def check_store(path: Path, *, quick: bool = False) -> CheckReport:
    """The whole check of the store at ``path``; refuses (StoreError) only when there is no such file."""
    path = Path(path)
    if not path.is_file():
        raise StoreError("store.no_database_hint", path=str(path))
    report = CheckReport(path)
    report.add(_sqlite_findings(path, quick))
    if any(f.kind == "pages" for f in report.findings):
        return report   # the tables cannot be trusted enough to read values from them
    db = Database.open(path, readonly=True)
    try:
        with db.read() as session:
            report.add(Finding("audit", Message(f"check.audit.{b.kind}", row=b.row_id))
                       for b in audit.verify(session))
            scores = sheet_seal.score_rows(session)
            report.add(Finding("value", Message("check.value.sheet_changed", sheet=sheet_id))
                       for sheet_id in sheet_seal.damaged(session, scores))
            report.add(value_findings(session, scores))
    except Exception as exc:  # noqa: BLE001 — a damaged file may fail anywhere; it is a finding, not a crash
        report.add([Finding("pages", Message("check.pages", detail=str(exc).splitlines()[0]))])
    finally:
        db.dispose()
    return report
