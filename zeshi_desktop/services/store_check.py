"""Is the store sound? Its pages, its foreign keys, the audit chain, and every stored value against the forms.

``zeshi check`` runs the thorough check; the app runs the quick one when it
opens a store (``quick=True``: ``quick_check`` instead of ``integrity_check``,
still every value). A value that breaks a form's rule — a score above its
item's maximum, an item the form does not have, a sheet neither draft nor
final, an answer its question does not take — is damaged data: it is
reported here and never shown as a score. Everything is read through
read-only connections: checking never writes.

On a PostgreSQL server (``check_server``) the server keeps its pages and
foreign keys itself; what it says in its catalogue stands in for SQLite's
``integrity_check`` (``store.integrity.server_findings``), and the audit
chain, the seals and the values are checked the same way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import answers as answer_rules
from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.scores import item_name, tenths_text
from zeshi_desktop.messages import Message
from zeshi_desktop.services import catalogue
from zeshi_desktop.store import audit, sheet_seal
from zeshi_desktop.store.database import Database, StoreError
from zeshi_desktop.store.integrity import (
    foreign_key_check,
    page_check,
    read_only,
    server_findings,
)
from zeshi_desktop.store.models import Answer, Sheet

MAX_LISTED = 200   # findings listed in full; a badly damaged file says how many more


@dataclass(frozen=True)
class Finding:
    """One thing wrong: ``kind`` is pages | foreign_key | audit | value; ``message`` says it to a person."""

    kind: str
    message: Message


@dataclass
class CheckReport:
    path: Path | str   # a file, or a server's URL (without its password)
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
        return Message("check.value.out_of_range", form=form.id, item=item_name(form.item(item_id)),
                       value=tenths_text(tenths) if isinstance(tenths, int) else str(tenths),
                       maximum=form.item(item_id).max)
    return None


class Questions:
    """``domain.answers.question``, with each form's list of questions built once instead of on every call.

    The rule builds a form's list of questions on every call (about 50 µs); a
    store holds thousands of answers. ``question`` looks a key up in that list
    first, then among the repeatable sections: so does this, on the list kept.
    """

    def __init__(self) -> None:
        self._fixed: dict[str, tuple[Form, dict[str, answer_rules.Question]]] = {}
        self._asked: dict[tuple[str, str], answer_rules.Question | None] = {}

    def question(self, form: Form, key: str) -> answer_rules.Question | None:
        asked = (form.id, key)
        if asked in self._asked:
            return self._asked[asked]
        kept = self._fixed.get(form.id)
        if kept is None or kept[0] is not form:
            kept = self._fixed[form.id] = (form, answer_rules.questions(form))
        found = kept[1].get(key)
        if found is None:
            found = answer_rules.question(form, key)
        self._asked[asked] = found
        return found


class AnswerCheck:
    """``domain.answers.stored_problem``, asked once per question and value instead of once per stored row.

    The rule's verdict depends on the question and, for a yes/no or a choice,
    on the value: a text question takes any text, so its verdict is asked once
    per question; the others once per distinct value.
    """

    def __init__(self) -> None:
        self._questions = Questions()
        self._verdicts: dict[tuple[str, str, str], Message | None] = {}
        self._seen: dict[tuple[str, str, str], Message | None] = {}   # as stored: most answers repeat

    def problem(self, form: Form, key: str, value: str) -> Message | None:
        """What ``stored_problem(form, key, value)`` says: why the answer is damaged, or None."""
        stored = (form.id, key, value)
        if stored in self._seen:
            return self._seen[stored]
        verdict = self._verdict(form, key, value)
        if len(self._seen) < 100_000:
            self._seen[stored] = verdict
        return verdict

    def _verdict(self, form: Form, key: str, value: str) -> Message | None:
        question = self._questions.question(form, key)
        if question is not None and question.kind == "text":
            value = ""   # any text: one verdict for every value
        verdict = (form.id, key, value)
        if verdict not in self._verdicts:
            self._verdicts[verdict] = answer_rules.stored_problem(form, key, value)
        return self._verdicts[verdict]


def distinct_answers(session: Session) -> list[tuple[str, str, str]]:
    """Every distinct (annex, key, value) stored, read with the driver's own cursor: far fewer than the rows."""
    cursor = session.connection().connection.cursor()
    cursor.execute("SELECT DISTINCT s.form_id, a.key, a.value FROM answers a JOIN sheets s ON s.id = a.sheet_id")
    return cursor.fetchall()


def value_findings(session: Session, scores: list[tuple[int, str, int]] | None = None) -> list[Finding]:
    """Every stored score, answer and sheet status against the forms (the seal is checked apart: ``sheet_seal``)."""
    forms = catalogue.forms()
    tops = {f.id: {i.id: int(i.max * 10) for i in f.items} for f in forms.values() if f.is_scored}
    found: list[Finding] = []
    sheets: dict[int, str] = {}
    for sheet_id, form_id, status in session.execute(select(Sheet.id, Sheet.form_id, Sheet.status)):
        sheets[sheet_id] = form_id
        if form_id not in forms:
            found.append(Finding("value", Message("check.value.sheet_form", sheet=sheet_id, form=form_id)))
        if status not in ("draft", "final"):
            found.append(Finding("value", Message("check.value.sheet_status", sheet=sheet_id, status=status)))
    none: dict[str, int] = {}
    limits = {sheet_id: tops.get(form_id, none) for sheet_id, form_id in sheets.items()}
    for sheet_id, item_id, tenths in (scores if scores is not None else sheet_seal.score_rows(session)):
        top = limits.get(sheet_id, none).get(item_id)
        if top is not None and type(tenths) is int and 0 <= tenths <= top:
            continue   # the usual case, decided without a Decimal
        form_id = sheets.get(sheet_id)
        problem = score_problem(forms.get(form_id) if form_id else None, item_id, tenths)
        if problem is not None:
            found.append(Finding("value", Message("check.value.in_sheet", sheet=sheet_id, problem=problem)))
    check = AnswerCheck()
    for form_id, key, value in distinct_answers(session):
        form = forms.get(form_id)
        if form is None:
            continue   # a sheet of no known annex is a finding of its own (check.value.sheet_form)
        problem = check.problem(form, key, value)
        if problem is not None:
            holders = session.scalars(select(Answer.sheet_id).join(Sheet, Sheet.id == Answer.sheet_id).where(
                Sheet.form_id == form_id, Answer.key == key, Answer.value == value).order_by(Answer.sheet_id))
            found += [Finding("value", Message("check.value.in_sheet", sheet=sheet_id, problem=problem))
                      for sheet_id in holders]
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
        _content(db, report)
    finally:
        db.dispose()
    return report


def _content(db: Database, report: CheckReport, catalogue_check: bool | None = None) -> None:
    """The audit chain, every sheet's seal and every value (and a server's catalogue, ``catalogue_check``)."""
    try:
        with db.read() as session:
            if catalogue_check is not None:
                report.add(Finding(f.kind, Message(f.code, **f.params))
                           for f in server_findings(session.connection(), thorough=catalogue_check))
            report.add(Finding("audit", Message(f"check.audit.{b.kind}", row=b.row_id))
                       for b in audit.verify(session))
            scores = sheet_seal.score_rows(session)
            report.add(Finding("value", Message("check.value.sheet_changed", sheet=sheet_id))
                       for sheet_id in sheet_seal.damaged(session, scores))
            report.add(value_findings(session, scores))
    except Exception as exc:  # noqa: BLE001 — a damaged file may fail anywhere; it is a finding, not a crash
        report.add([Finding("pages", Message("check.pages", detail=str(exc).splitlines()[0]))])


def check_server(db: Database, *, quick: bool = False) -> CheckReport:
    """The whole check of a store on a server, read through ``db`` (best opened read-only; nothing is written).

    ``quick`` leaves out ``amcheck``'s look at every index (when installed).
    """
    report = CheckReport(db.url)
    _content(db, report, catalogue_check=not quick)
    return report
