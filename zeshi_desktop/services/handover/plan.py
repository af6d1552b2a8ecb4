"""What importing a package would do, sheet by sheet: added, changed, conflict, unchanged.

A sheet is matched by its natural key (form, subject, reviewer), never by
database ids, because every laptop numbers its rows differently. A sheet that
is finalised here and differs in the package is a conflict: it is never
overwritten unless the user chose to keep the package's side. So is a draft
edited here since an import last wrote it (its content hash no longer the one
``ImportedSheet`` recorded): what was typed here is not lost without a
choice. Any other draft the package changes is *changed*, each differing
field listed (old → new). A blank sheet in
a package (a district's assignment) never wipes what is here. Manual entry
(a filled template, ``manual``) brings every sheet in as a draft. Every answer is
read as the app reads a typed one (``domain.answers.read_answer``): one its
question does not take is a refused cell, naming the sheet, the cell and why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.answers import AnswerRefused, read_answer
from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.scores import display, from_tenths, to_tenths
from zeshi_desktop.messages import Message
from zeshi_desktop.packages.errors import CellProblem
from zeshi_desktop.packages.model import STATUS_FIELD, FormBlock
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.handover.pictures import (
    PackagePicture,
    pictures_detail,
    stored_digests,
)
from zeshi_desktop.services.scoring.scope import REVIEWER_LEVEL, reviewer_rule
from zeshi_desktop.services.scoring.sheets import slot_for
from zeshi_desktop.services.store_check import Questions
from zeshi_desktop.store.models import (
    Answer,
    Appointment,
    District,
    ImportedSheet,
    Planner,
    Reviewer,
    Score,
    Sheet,
    Unit,
)


@dataclass
class SheetChange:
    key: str                     # how the user names it in --keep KEY=mine|theirs
    form: str
    subject: str
    label: str
    reviewer: str
    action: str                  # added | changed | conflict | unchanged
    why: str = ""                # a conflict: final (finalised here) | edited (a draft edited here since an import)
    edited_here: bool = False    # changed here since an import last wrote it
    details: list[Message] = field(default_factory=list)      # handover.detail.*: what differs, field by field
    keep: str = ""               # conflicts: mine | theirs
    status: str = "draft"        # the package's status for this sheet
    scores: dict[str, int] = field(default_factory=dict)      # tenths
    answers: dict[str, str] = field(default_factory=dict)
    answer_keys: frozenset[str] = frozenset()                 # the keys this package speaks for
    remarks: str = ""
    existing_id: int | None = None
    slot: str = ""
    pictures: tuple[PackagePicture, ...] | None = None        # 4-1: the package's pictures; None: it has none to say

    @property
    def writes(self) -> bool:
        """Whether importing writes this sheet (added, changed, or a conflict resolved for the package)."""
        return self.action in ("added", "changed") or (self.action == "conflict" and self.keep == "theirs")


@dataclass
class Resolver:
    """Codes → ids of this store, loaded once per import."""

    year: int
    districts: dict[str, int] = field(default_factory=dict)
    units: dict[str, int] = field(default_factory=dict)
    planners: dict[str, int] = field(default_factory=dict)
    appointments: dict[tuple[int, int], int] = field(default_factory=dict)
    reviewers: dict[str, int] = field(default_factory=dict)
    district_names: dict[str, str] = field(default_factory=dict)
    unit_districts: dict[str, str] = field(default_factory=dict)              # unit code → district code
    # reviewer code → (level, district code or None)
    reviewer_scopes: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session, year: int) -> Resolver:
        r = cls(year)
        for code, ident, name in session.execute(select(District.code, District.id, District.name)):
            r.districts[code], r.district_names[code] = ident, name
        r.unit_districts = {u: d for u, d in session.execute(
            select(Unit.code, District.code).join(District, District.id == Unit.district_id))}
        r.reviewer_scopes = {c: (level, d or None) for c, level, d in session.execute(
            select(Reviewer.code, Reviewer.level, District.code).outerjoin(District, District.id == Reviewer.district_id)
            .where(Reviewer.year == year))}
        r.units = {c: i for c, i in session.execute(select(Unit.code, Unit.id))}
        r.planners = {c: i for c, i in session.execute(select(Planner.code, Planner.id))}
        r.appointments = {(u, p): i for i, u, p in session.execute(
            select(Appointment.id, Appointment.unit_id, Appointment.planner_id).where(Appointment.year == year))}
        r.reviewers = {c: i for c, i in session.execute(select(Reviewer.code, Reviewer.id)
                                                        .where(Reviewer.year == year))}
        return r

    def subject(self, form_subject: str, key: str) -> tuple[int | None, int | None]:
        """(appointment id, district id) of a subject key, ``None`` where unknown here."""
        if form_subject == "appointment":
            unit, _, planner = key.partition("/")
            u, p = self.units.get(unit), self.planners.get(planner)
            return (self.appointments.get((u, p)) if u is not None and p is not None else None), None
        return None, self.districts.get(key)

    def scope_refusal(self, form: Form, reviewer: str, subject_key: str) -> Message | None:
        """Why ``reviewer`` may not fill ``form`` for this subject, or None: the store's own rule
        (``services.scoring.scope.reviewer_rule``, migration 0004), said per cell before the store would refuse
        the import. A reviewer this store does not know is said elsewhere (``handover.unknown.reviewer``).
        """
        scope = self.reviewer_scopes.get(reviewer) if reviewer else None
        if reviewer and scope is None and form.filled_by in REVIEWER_LEVEL:
            return None
        subject = (self.unit_districts.get(subject_key.partition("/")[0]) if form.subject == "appointment"
                   else subject_key)
        return reviewer_rule(form, self.year, reviewer or None, scope, subject,
                             lambda code: self.district_names.get(code, code))

    def unknown_parts(self, form_subject: str, key: str) -> list[Message]:
        """What of a subject key this store does not know (``handover.unknown.*``)."""
        if form_subject != "appointment":
            return [] if key in self.districts else [Message("handover.unknown.district", district=key)]
        unit, _, planner = key.partition("/")
        out = []
        if unit not in self.units:
            out.append(Message("handover.unknown.unit", unit=unit))
        if planner not in self.planners:
            out.append(Message("handover.unknown.planner", planner=planner))
        if not out and self.subject(form_subject, key)[0] is None:
            out.append(Message("handover.unknown.not_appointed", year=self.year, unit=unit, planner=planner))
        return out


def _split(form: Form, values: dict[str, str]) -> tuple[str, dict[str, int], dict[str, str], str]:
    scores = {k: to_tenths(Decimal(v)) for k, v in values.items() if v and form.has_item(k)}
    answers = {k: v for k, v in values.items()
               if v and k not in (STATUS_FIELD, "remarks") and not form.has_item(k)}
    return values.get(STATUS_FIELD) or "draft", scores, answers, values.get("remarks", "")


class AnswerReader:
    """``domain.answers.read_answer`` for a whole package: asked once per question and typed value.

    A text question takes what was typed as it is (the rule returns it
    unchanged), so only a yes/no or a choice is asked, once per distinct value;
    the question itself is found without rebuilding the form's list each time.
    """

    def __init__(self) -> None:
        self._questions = Questions()
        self._read: dict[tuple[str, str, str], str | None | AnswerRefused] = {}

    def read(self, form: Form, key: str, raw: str) -> str | None | AnswerRefused:
        """What ``read_answer(form, key, raw)`` gives: the value to store (None: none), or its refusal."""
        question = self._questions.question(form, key)
        if question is not None and question.kind == "text":
            return raw
        asked = (form.id, key, raw)
        if asked not in self._read:
            try:
                self._read[asked] = read_answer(form, key, raw)
            except AnswerRefused as refused:
                self._read[asked] = refused
        return self._read[asked]


def _read_answers(reader: AnswerReader, form: Form, title: str, subject: str, given: dict[str, str],
                  cells: Mapping[tuple[str, str, str], str], problems: list[CellProblem]) -> dict[str, str]:
    """The answers as they are stored (是/否 read as yes/no); one the question does not take is a refused cell."""
    read: dict[str, str] = {}
    for key, raw in given.items():
        value = reader.read(form, key, raw)
        if isinstance(value, AnswerRefused):
            problems.append(CellProblem(title, cells.get((title, subject, key), ""), value.msg))
        elif value is not None:
            read[key] = value
    return read


def plan_sheets(session: Session, year: int, blocks: list[FormBlock], resolver: Resolver, strict: bool,
                subject_cells: dict[tuple[str, str], str], problems: list[CellProblem],
                pictures: dict[str, tuple[PackagePicture, ...]] | None = None,
                cells: Mapping[tuple[str, str, str], str] | None = None, manual: bool = False) -> list[SheetChange]:
    """Compare every sheet of the package with this store; unknown subjects are problems when ``strict``.

    ``pictures`` (district code → the package's 4-1 pictures) is given when the
    package carries a picture table; each 4-1 sheet then speaks for its pictures.
    ``cells`` ((worksheet, subject, field) → cell) names the cell of a refused answer.
    ``manual``: manual entry, every sheet a draft whatever its status cell says.
    """
    changes: list[SheetChange] = []
    existing: dict[str, tuple[int, str, str]] = {}
    edited: set[int] = set()
    recorded = {sid: digest for sid, digest in session.execute(
        select(ImportedSheet.sheet_id, ImportedSheet.content_hash).join(Sheet, Sheet.id == ImportedSheet.sheet_id)
        .where(Sheet.year == year))}
    for sid, slot, status, remarks, digest in session.execute(
            select(Sheet.id, Sheet.slot, Sheet.status, Sheet.remarks, Sheet.content_hash).where(Sheet.year == year)):
        existing[slot] = (sid, status, remarks)
        if sid in recorded and recorded[sid] != digest:
            edited.add(sid)
    wanted: list[tuple[SheetChange, FormBlock]] = []
    forms = catalogue.forms()
    reader = AnswerReader()
    for block in blocks:
        form = forms[block.form_id]
        reviewer_id = None
        if block.reviewer:
            reviewer_id = resolver.reviewers.get(block.reviewer)
            if reviewer_id is None and strict:
                problems.append(CellProblem(block.title, "B2", Message("handover.unknown.reviewer", year=year,
                                                                       reviewer=block.reviewer)))
        answer_keys = frozenset(f.key for f in block.fields if f.key not in (STATUS_FIELD, "remarks")
                                and not form.has_item(f.key))
        for subject in block.subjects:
            values = block.values.get(subject.key, {})
            status, scores, given, remarks = _split(form, values)
            if manual:
                status = "draft"
            answers = _read_answers(reader, form, block.title, subject.key, given, cells or {}, problems)
            if not scores and not answers and not remarks and status != "final":
                continue  # a blank assignment sheet: nothing to bring in
            appointment_id, district_id = resolver.subject(form.subject, subject.key)
            where = subject_cells.get((block.title, subject.key), "")
            if strict and (appointment_id is None and district_id is None):
                for reason in resolver.unknown_parts(form.subject, subject.key):
                    problems.append(CellProblem(block.title, where, reason))
            if (refusal := resolver.scope_refusal(form, block.reviewer, subject.key)) is not None:
                problems.append(CellProblem(block.title, where or "B2", refusal))
            key = f"{block.title}:{subject.key}"
            change = SheetChange(key, form.id, subject.key, " / ".join(subject.labels), block.reviewer, "added",
                                 status=status, scores=scores, answers=answers, answer_keys=answer_keys,
                                 remarks=remarks)
            if pictures is not None and form.id == "4-1":
                change.pictures = pictures.get(subject.key, ())
            known = (appointment_id is not None or district_id is not None) and (not block.reviewer or reviewer_id)
            if known:
                change.slot = slot_for(form.id, year, appointment_id, district_id, reviewer_id)
                found = existing.get(change.slot)
                if found is not None:
                    change.existing_id = found[0]
                    change.edited_here = found[0] in edited
                    wanted.append((change, block))
            changes.append(change)
    _compare(session, wanted, existing)
    return changes


def _compare(session: Session, wanted: list[tuple[SheetChange, FormBlock]],
             existing: dict[str, tuple[int, str, str]]) -> None:
    ids = [c.existing_id for c, _ in wanted if c.existing_id is not None]
    scores: dict[int, dict[str, int]] = defaultdict(dict)
    answers: dict[int, dict[str, str]] = defaultdict(dict)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for sid, item, tenths in session.execute(select(Score.sheet_id, Score.item_id, Score.tenths)
                                                 .where(Score.sheet_id.in_(chunk))):
            scores[sid][item] = tenths
        for sid, k, v in session.execute(select(Answer.sheet_id, Answer.key, Answer.value)
                                         .where(Answer.sheet_id.in_(chunk))):
            answers[sid][k] = v
    stored_pictures = stored_digests(session, [c.existing_id for c, _ in wanted
                                               if c.pictures is not None and c.existing_id is not None])
    for change, _block in wanted:
        sid = change.existing_id
        assert sid is not None
        _, status, remarks = existing[change.slot]
        mine_answers = {k: v for k, v in answers[sid].items() if k in change.answer_keys and v}
        details = [_detail(item, _tenths(scores[sid].get(item)), _tenths(change.scores.get(item)))
                   for item in sorted(set(scores[sid]) | set(change.scores))
                   if scores[sid].get(item) != change.scores.get(item)]
        details += [_detail(k, mine_answers.get(k, "")[:20], change.answers.get(k, "")[:20])
                    for k in sorted(set(mine_answers) | set(change.answers))
                    if mine_answers.get(k) != change.answers.get(k)]
        if (remarks or "") != change.remarks:
            details.append(_detail("remarks", remarks[:20], change.remarks[:20]))
        if change.pictures is not None and (moved := pictures_detail(stored_pictures.get(sid, []), change.pictures)):
            details.append(moved)
        if not details:
            promote = status != "final" and change.status == "final"
            change.action = "changed" if promote else "unchanged"
            if promote:
                change.details = [_detail("status", "draft", "final")]
            continue
        change.details = details
        change.why = "final" if status == "final" else "edited" if change.edited_here else ""
        change.action = "conflict" if change.why else "changed"


def _detail(key: str, old: str, new: str) -> Message:
    """One difference: ``basic_contract: 2.5 → 1`` (the field's id; the GUI names it)."""
    return Message("handover.detail.value", field=key, old=old, new=new)


def _tenths(value: int | None) -> str:
    return "" if value is None else display(from_tenths(value))
