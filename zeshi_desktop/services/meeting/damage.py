"""Which sheets a figure must leave out: those holding damaged data, found in a few set-based queries.

A panel decides who is named 优秀 from the rankings, the dashboards, the
questionnaire summary, the prints and the packages; a value that breaks its
form's rules (a flipped bit, a row written behind the program's back) must
count in none of them, and a person must be told which sheet was left out.

The rules are the ones ``scoring.stored`` applies (``store_check.score_problem``
for a score, ``domain.answers.stored_problem`` for an answer,
``stored.sheet_problems`` for the sheet's status and scope). Asking them row by
row costs 1-2 s on the city-scale year, so each row first meets a cheap test
that passes only what plainly keeps the rule: in SQL, a score that is a whole
number of tenths between 0 and its item's maximum, and a sheet whose status,
subject and reviewer plainly fit its annex (the rules of ``scoring.scope``,
as migration 0004 also writes them); in Python, an answer through
``store_check.AnswerCheck``. The rule itself decides and words every row the
test does not pass, so the test can only ever be too careful, never too lax.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    case,
    cast,
    not_,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.messages import Message
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.scoring.scope import REVIEWER_LEVEL
from zeshi_desktop.services.scoring.sheets import FINAL
from zeshi_desktop.services.scoring.stored import STATUSES, sheet_problems
from zeshi_desktop.services.store_check import AnswerCheck, score_problem
from zeshi_desktop.store.models import (
    Answer,
    Appointment,
    District,
    Planner,
    Reviewer,
    Score,
    Sheet,
    Unit,
    Year,
)

CHUNK = 500   # ids in one IN list


@dataclass(frozen=True)
class DamagedSheet:
    """A sheet left out of a figure: which one, whose, and what is wrong with it (each a catalogue message)."""

    sheet_id: int
    form_id: str
    who: str                          # the unit and planner, or the district, and the reviewer: names as stored
    problems: tuple[Message, ...]
    items: frozenset[str] = frozenset()    # the items whose stored scores break a rule
    keys: frozenset[str] = frozenset()     # the answer keys whose stored answers break a rule

    @property
    def message(self) -> Message:
        """One line for a person: 附件3-2 评审表 12（景山街道 甲 / 王评审）含有损坏的数据，未计入：…"""
        return Message("meeting.damaged.sheet", form=self.form_id, sheet=self.sheet_id, who=self.who,
                       problems=list(self.problems))

    @property
    def what(self) -> Message:
        """The sheet and what is wrong, for a refusal that says itself what was not done: 附件3-2 评审表 12（…）：…"""
        return Message("meeting.damaged.what", form=self.form_id, sheet=self.sheet_id, who=self.who,
                       problems=list(self.problems))


Damage = Mapping[int, DamagedSheet]


class _Found:
    """What is wrong, gathered per sheet: the messages, and which stored values they are about."""

    def __init__(self) -> None:
        self.problems: dict[int, list[Message]] = defaultdict(list)
        self.items: dict[int, set[str]] = defaultdict(set)
        self.keys: dict[int, set[str]] = defaultdict(set)
        self.form_of: dict[int, str] = {}

    def sheet(self, sheet_id: int, problems: Iterable[Message]) -> None:
        self.problems[sheet_id].extend(problems)

    def score(self, sheet_id: int, item_id: str, problem: Message) -> None:
        self.problems[sheet_id].append(problem)
        self.items[sheet_id].add(item_id)

    def answer(self, sheet_id: int, key: str, problem: Message) -> None:
        self.problems[sheet_id].append(problem)
        self.keys[sheet_id].add(key)


def sheets_of(year: int, form_ids: Collection[str], *, district_id: int | None = None,
              final_only: bool = True) -> Select[tuple[int]]:
    """The ids of a year's sheets of some annexes (of one district: its units' sheets and its own)."""
    q = select(Sheet.id).where(Sheet.year == year, Sheet.form_id.in_(list(form_ids)))
    if final_only:
        q = q.where(Sheet.status == FINAL)
    if district_id is not None:
        forms = catalogue.forms()
        by_appointment = {forms[f].subject == "appointment" for f in form_ids if f in forms}
        in_district = (select(Appointment.id).join(Unit, Unit.id == Appointment.unit_id)
                       .where(Unit.district_id == district_id))
        if by_appointment == {True}:     # the units' sheets only: the index on the appointment does the work
            q = q.where(Sheet.appointment_id.in_(in_district))
        elif by_appointment == {False}:
            q = q.where(Sheet.district_id == district_id)
        else:
            q = q.where((Sheet.district_id == district_id) | Sheet.appointment_id.in_(in_district))
    return q


def find(session: Session, sheet_ids: Select[tuple[int]] | Collection[int], *,
         answers: bool | Mapping[int, Mapping[str, str]] = True) -> dict[int, DamagedSheet]:
    """The damaged sheets among ``sheet_ids`` (a select of ids, or the ids), each with what is wrong.

    ``answers``: True reads the sheets' answers and checks them; a mapping
    (sheet id → key → value) checks answers the caller has already read; False
    leaves answers alone, for a figure that uses none.
    """
    forms = catalogue.forms()
    found = _Found()
    if isinstance(sheet_ids, Select):
        # a district's few hundred sheets are read once and named by id; a city's are selected again in each query
        chosen = list(session.scalars(sheet_ids.limit(CHUNK + 1)))
        chunks: list[Any] = ([chosen] if chosen else []) if len(chosen) <= CHUNK else [sheet_ids]
    else:
        chunks = _chunks(sorted(set(sheet_ids)))
    for ids in chunks:
        _scope(session, ids, forms, found)
        for sheet_id, form_id, item_id, tenths in session.execute(
                select(Score.sheet_id, Sheet.form_id, Score.item_id, Score.tenths)
                .join(Sheet, Sheet.id == Score.sheet_id).where(Sheet.id.in_(ids))
                .where(_cached("scores", forms, _outside))):
            found.form_of[sheet_id] = form_id
            problem = score_problem(forms.get(form_id), item_id, tenths)
            if problem is not None:
                found.score(sheet_id, item_id, problem)
        if answers is True:
            _check_answers(session.execute(select(Answer.sheet_id, Sheet.form_id, Answer.key, Answer.value)
                                           .join(Sheet, Sheet.id == Answer.sheet_id)
                                           .where(Answer.sheet_id.in_(ids))), forms, found)
    if isinstance(answers, Mapping) and answers:
        form_of: dict[int, str] = {}
        for ids in _chunks(sorted(answers)):
            form_of.update((sid, f) for sid, f in session.execute(select(Sheet.id, Sheet.form_id)
                                                                  .where(Sheet.id.in_(ids))))
        _check_answers(((sid, form_of.get(sid, ""), k, v) for sid, given in answers.items() for k, v in given.items()),
                       forms, found)
    return _named(session, found)


def find_in_records(session: Session, rows: Mapping[int, tuple[str, Mapping[str, int], Mapping[str, str]]]
                    ) -> dict[int, DamagedSheet]:
    """The damaged sheets among sheets already read: id → (annex, item → tenths, key → answer).

    For a reader that holds the values anyway (the prints): the sheets' scope
    is read, their values are checked where they are.
    """
    forms = catalogue.forms()
    found = _Found()
    found.form_of.update((sid, form_id) for sid, (form_id, _t, _a) in rows.items())
    for ids in _chunks(sorted(rows)):
        _scope(session, ids, forms, found)
    maxima = _maxima(forms)
    for sheet_id, (form_id, tenths, _answers) in rows.items():
        form = forms.get(form_id)
        for item_id, value in tenths.items():
            top = maxima.get((form_id, item_id))
            if top is not None and isinstance(value, int) and 0 <= value <= top:
                continue   # plainly a score of its item
            problem = score_problem(form, item_id, value)
            if problem is not None:
                found.score(sheet_id, item_id, problem)
    _check_answers(((sid, form_id, k, v) for sid, (form_id, _t, given) in rows.items() for k, v in given.items()),
                   forms, found)
    return _named(session, found)


def _chunks(ids: list[int]) -> list[list[int]]:
    """IN lists of a size every database takes."""
    return [ids[start:start + CHUNK] for start in range(0, len(ids), CHUNK)]


def _check_answers(rows: Iterable[tuple[int, str, str, str]], forms: Mapping[str, Form], found: _Found) -> None:
    """(sheet id, annex, key, value) rows through ``AnswerCheck``, each distinct answer once.

    Thousands of questionnaire rows hold a few hundred distinct answers: the
    sheets are looked for only when one of those breaks a rule. An answer of no
    known annex is left to the sheet's own finding.
    """
    given = list(rows)
    problem_of = AnswerCheck().problem
    verdicts: dict[tuple[str, str, str], Message] = {}
    for form_id, key, value in {row[1:] for row in given}:
        form = forms.get(form_id)
        problem = problem_of(form, key, value) if form is not None else None
        if problem is not None:
            verdicts[(form_id, key, value)] = problem
    if not verdicts:
        return
    for sheet_id, form_id, key, value in given:
        problem = verdicts.get((form_id, key, value))
        if problem is not None:
            found.form_of[sheet_id] = form_id
            found.answer(sheet_id, key, problem)


def _named(session: Session, found: _Found) -> dict[int, DamagedSheet]:
    damaged = {sid: messages for sid, messages in found.problems.items() if messages}
    names = who(session, damaged)
    return {sid: DamagedSheet(sid, found.form_of.get(sid, ""), names.get(sid, ""), tuple(messages),
                              frozenset(found.items.get(sid, ())), frozenset(found.keys.get(sid, ())))
            for sid, messages in sorted(damaged.items())}


class _Facts(NamedTuple):
    """A sheet as ``stored.sheet_problems`` reads it (as it reads a ``Sheet``)."""

    id: int
    form_id: str
    status: str
    year: int
    appointment_id: int | None
    district_id: int | None
    reviewer_id: int | None


def _scope(session: Session, ids: Any, forms: Mapping[str, Form], found: _Found) -> None:
    """The sheets whose status, subject or reviewer do not plainly fit their annex, decided by the rule itself."""
    q = (select(Sheet.id, Sheet.form_id, Sheet.status, Sheet.year, Sheet.appointment_id, Sheet.district_id,
                Sheet.reviewer_id)
         .outerjoin(Appointment, Appointment.id == Sheet.appointment_id)
         .outerjoin(Unit, Unit.id == Appointment.unit_id)
         .outerjoin(Reviewer, Reviewer.id == Sheet.reviewer_id)
         .outerjoin(District, District.id == Sheet.district_id)
         .outerjoin(Year, Year.year == Sheet.year)
         .where(Sheet.id.in_(ids))
         .where(_cached("scope", forms, _out_of_scope)))
    for row in session.execute(q):
        facts = _Facts(*row)
        found.form_of[facts.id] = facts.form_id
        found.sheet(facts.id, sheet_problems(session, facts))


_CONDITIONS: dict[str, tuple[Mapping[str, Form], ColumnElement[bool]]] = {}


def _cached(name: str, forms: Mapping[str, Form],
            build: Callable[[Mapping[str, Form]], ColumnElement[bool]]) -> ColumnElement[bool]:
    """A condition built from the forms once per process (again only for another set of forms)."""
    cached = _CONDITIONS.get(name)
    if cached is not None and cached[0] is forms:
        return cached[1]
    condition = build(forms)
    _CONDITIONS[name] = (forms, condition)
    return condition


def _out_of_scope(forms: Mapping[str, Form]) -> ColumnElement[bool]:
    """A sheet that does not plainly keep ``scoring.scope``'s rule (its status, subject and reviewer)."""
    by_appointment = [f.id for f in forms.values() if f.subject == "appointment"]
    by_district = [f.id for f in forms.values() if f.subject != "appointment"]
    conditions: list[ColumnElement[bool]] = [
        Sheet.status.not_in(list(STATUSES)), Sheet.form_id.not_in(list(forms)),
        and_(Sheet.form_id.in_(by_appointment), or_(Appointment.year.is_(None), Appointment.year != Sheet.year)),
        and_(Sheet.form_id.in_(by_district), or_(District.id.is_(None), Year.year.is_(None)))]
    subject_district = case((Sheet.form_id.in_(by_appointment), Unit.district_id), else_=Sheet.district_id)
    levels: dict[str | None, list[str]] = defaultdict(list)
    for f in forms.values():
        levels[REVIEWER_LEVEL.get(f.filled_by)].append(f.id)
    for level, form_ids in levels.items():
        if level is None:
            conditions.append(and_(Sheet.form_id.in_(form_ids), Sheet.reviewer_id.is_not(None)))
            continue
        wrong = [Reviewer.id.is_(None), Reviewer.level != level, Reviewer.year != Sheet.year]
        if level == "district":
            wrong += [Reviewer.district_id.is_(None), subject_district.is_(None),
                      Reviewer.district_id != subject_district]
        conditions.append(and_(Sheet.form_id.in_(form_ids), or_(*wrong)))
    return or_(*conditions)


def _maxima(forms: Mapping[str, Form]) -> dict[tuple[str, str], int]:
    return {(f.id, i.id): int(i.max * 10) for f in forms.values() if f.is_scored for i in f.items}


def _outside(forms: Mapping[str, Form]) -> ColumnElement[bool]:
    """A score that is not plainly a whole number of tenths between 0 and its item's maximum.

    One CASE on the annex, then on the item, gives the maximum (-1 for an
    item or annex without one); the CAST finds a real or a text where a whole
    number was (a flipped type byte). Cheap SQL opcodes only: no function call per row.
    """
    maximum = case({f.id: case({i.id: int(i.max * 10) for i in f.items}, value=Score.item_id, else_=-1)
                    for f in forms.values() if f.is_scored}, value=Sheet.form_id, else_=-1)
    return or_(Score.tenths.is_(None), not_(Score.tenths.between(0, maximum)),
               cast(Score.tenths, Integer) != Score.tenths)


def who(session: Session, sheet_ids: Collection[int]) -> dict[int, str]:
    """How a person names each sheet: 景山街道 甲 / 王评审, or 东城区 / 李评审 (names as stored)."""
    if not sheet_ids:
        return {}
    own = aliased(District)
    q = (select(Sheet.id, Unit.name, Planner.name, own.name, Reviewer.name)
         .outerjoin(Appointment, Appointment.id == Sheet.appointment_id)
         .outerjoin(Unit, Unit.id == Appointment.unit_id).outerjoin(Planner, Planner.id == Appointment.planner_id)
         .outerjoin(own, own.id == Sheet.district_id).outerjoin(Reviewer, Reviewer.id == Sheet.reviewer_id)
         .where(Sheet.id.in_(list(sheet_ids))))
    out = {}
    for sid, unit, planner, district, reviewer in session.execute(q):
        subject = " ".join(n for n in (unit, planner) if n) or district or ""
        out[sid] = " / ".join(n for n in (subject, reviewer) if n)
    return out


def messages(damage: Damage) -> tuple[Message, ...]:
    """One line per damaged sheet, in sheet order: what a view lists under a figure."""
    return tuple(d.message for _, d in sorted(damage.items()))
