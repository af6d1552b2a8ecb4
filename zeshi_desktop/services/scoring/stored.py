"""Stored values read against the forms: what breaks a rule is damaged data, left out and reported.

A flipped bit in a score page, a row written behind the program's back or
an answer no form asks for must never be shown as a score or added into a
total. Scores are checked with the one rule of a stored score
(``store_check.score_problem``), answers with the form's answer rules
(``domain.answers.stored_problem``), sheets with the scope rules. Every
reader in scoring goes through here; :func:`damaged_sheets` gives the other
readers (the meeting's rankings and dashboards, which sum in SQL) the sheets
to leave out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import answers as answer_rules
from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.scores import from_tenths
from zeshi_desktop.messages import Message
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.scoring.scope import scope_refusal
from zeshi_desktop.services.store_check import score_problem
from zeshi_desktop.store.models import Answer, Score, Sheet

STATUSES = ("draft", "final")


def checked_scores(form: Form | None, rows: Iterable[tuple[str, int]]) -> tuple[dict[str, Decimal], list[Message]]:
    """The scores that are scores of ``form`` (item id → value), and a message for each stored value that is not."""
    scores: dict[str, Decimal] = {}
    damaged: list[Message] = []
    for item_id, tenths in rows:
        problem = score_problem(form, item_id, tenths)
        if problem is None:
            scores[item_id] = from_tenths(tenths)
        else:
            damaged.append(problem)
    return scores, damaged


def checked_answers(form: Form | None, rows: Iterable[tuple[str, str]]) -> tuple[dict[str, str], list[Message]]:
    """The answers that are answers of ``form`` (key → value), and a message for each stored one that is not."""
    answers: dict[str, str] = {}
    damaged: list[Message] = []
    for key, value in rows:
        problem = (answer_rules.stored_problem(form, key, value) if form is not None
                   else Message("check.value.unknown_form"))
        if problem is None:
            answers[key] = value
        else:
            damaged.append(problem)
    return answers, damaged


class StoredSheet(Protocol):
    """What :func:`sheet_problems` reads of a sheet: a ``Sheet`` or a row selected with these columns."""

    id: int
    form_id: str
    status: str
    year: int
    appointment_id: int | None
    district_id: int | None
    reviewer_id: int | None


def sheet_problems(session: Session, sheet: StoredSheet) -> list[Message]:
    """What is wrong with a stored sheet itself: an unknown annex, a status, a subject or reviewer out of scope."""
    form = catalogue.forms().get(sheet.form_id)
    if form is None:
        return [Message("check.value.sheet_form", sheet=sheet.id, form=sheet.form_id)]
    found = []
    if sheet.status not in STATUSES:
        found.append(Message("check.value.sheet_status", sheet=sheet.id, status=sheet.status))
    refusal = scope_refusal(session, form, sheet.year, sheet.appointment_id, sheet.district_id, sheet.reviewer_id)
    if refusal is not None:
        found.append(Message("scoring.damaged.scope", problem=refusal.msg))
    return found


def damaged_sheets(session: Session, year: int, form_id: str | None = None) -> dict[int, tuple[Message, ...]]:
    """The sheets of a year (of one annex) holding damaged data, each with what is wrong; sound sheets are absent.

    For readers that sum stored values themselves: leave these sheets out of
    every total and say that they hold damaged data.
    """
    q = select(Sheet.id, Sheet.form_id, Sheet.status, Sheet.year, Sheet.appointment_id, Sheet.district_id,
               Sheet.reviewer_id).where(Sheet.year == year)
    if form_id is not None:
        q = q.where(Sheet.form_id == form_id)
    rows = {row.id: row for row in session.execute(q)}
    found: dict[int, list[Message]] = defaultdict(list)
    for row in rows.values():
        found[row.id] += sheet_problems(session, row)
    forms = catalogue.forms()
    in_year = select(Sheet.id).where(Sheet.year == year)
    if form_id is not None:
        in_year = in_year.where(Sheet.form_id == form_id)
    for sheet_id, item_id, tenths in session.execute(
            select(Score.sheet_id, Score.item_id, Score.tenths).where(Score.sheet_id.in_(in_year))):
        problem = score_problem(forms.get(rows[sheet_id].form_id), item_id, tenths)
        if problem is not None:
            found[sheet_id].append(problem)
    for sheet_id, key, value in session.execute(
            select(Answer.sheet_id, Answer.key, Answer.value).where(Answer.sheet_id.in_(in_year))):
        form = forms.get(rows[sheet_id].form_id)
        problem = answer_rules.stored_problem(form, key, value) if form is not None else None
        if problem is not None:
            found[sheet_id].append(problem)
    return {sheet_id: tuple(messages) for sheet_id, messages in found.items() if messages}
