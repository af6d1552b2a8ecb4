"""The questionnaire summary (5-1): answers counted per statement, yes/no question and free text.

Only finalised questionnaires are counted, like every other sheet; one holding
damaged data (an answer no question takes, a sheet out of scope) is not
counted at all and is named in the summary's ``damaged``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import questionnaire as qdomain
from zeshi_desktop.domain.forms import Form, Label
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.meeting.damage import DamagedSheet, find
from zeshi_desktop.services.scoring.problems import questionnaire_answers
from zeshi_desktop.services.scoring.sheets import FINAL
from zeshi_desktop.store.models import (
    Answer,
    Appointment,
    District,
    Planner,
    Sheet,
    Unit,
)

QUESTIONNAIRE = "5-1"
_NUMBERING = re.compile(r"^[(（]\d+[)）]")   # the seed's "(1)" that restarts in every group


@dataclass(frozen=True)
class StatementRow:
    statement_id: str
    group: str                       # the group's section heading
    text: str
    summary: qdomain.StatementSummary
    number: str = ""                 # "2.3": third statement of the second group (texts restart at (1))
    wording: Label | None = None     # the statement as the form words it, in both languages

    @property
    def label(self) -> str:
        """The statement with its group number, for charts: "2.3 您对于所在区…"."""
        return self.label_in("zh")

    def label_in(self, lang: str = "zh") -> str:
        """:attr:`label` in ``lang``: the form's English wording when it has one."""
        text = self.wording.get(lang) if self.wording is not None else self.text
        return f"{self.number} {_NUMBERING.sub('', text).strip()}".strip()


@dataclass(frozen=True)
class YesNoRow:
    question_id: str
    text: str
    yes: int
    no: int
    wording: Label | None = None     # the question as the form words it, in both languages

    def text_in(self, lang: str = "zh") -> str:
        """The question in ``lang``: the form's English wording when it has one."""
        return self.wording.get(lang) if self.wording is not None else self.text


@dataclass(frozen=True)
class FreeTextRow:
    district: str
    unit: str
    planner: str
    text: str


@dataclass(frozen=True)
class QuestionnaireSummary:
    year: int
    district: str | None             # the filter, as named
    circle: str | None
    questionnaires: int              # finalised questionnaires counted
    options: tuple[str, ...]
    agree_options: tuple[str, ...]
    reason_option: str
    statements: tuple[StatementRow, ...]
    yes_no: tuple[YesNoRow, ...]
    free_texts: tuple[FreeTextRow, ...]   # difficulties and suggestions, non-empty ones
    option_labels: tuple[Label, ...] = ()  # ``options`` as the form words them, in both languages
    title: Label | None = None             # the questionnaire's name (the form's short title)
    damaged: tuple[DamagedSheet, ...] = ()  # finalised questionnaires not counted: they hold damaged data

    def option(self, name: str) -> Label:
        """The form's label of an option named by its Chinese text (``options``, ``agree_options``)."""
        return next((o for o in self.option_labels if o.zh == name), Label(name))


def questionnaire_summary(session: Session, year: int, district_id: int | None = None,
                          circle: str | None = None) -> QuestionnaireSummary:
    """Per statement the distribution of answers, the share agreeing, the reasons for 不同意; free texts listed."""
    form = catalogue.form(QUESTIONNAIRE)
    q = form.questionnaire
    assert q is not None
    district_name = roster.district(session, district_id).name if district_id is not None else None
    if circle is not None and circle not in roster.CIRCLES:
        raise ActionRefused("meeting.unknown_circle", circle=circle, circles=list(roster.CIRCLES))
    sheets_q = (select(Sheet.id, District.name, Unit.name, Planner.name)
                .join(Appointment, Appointment.id == Sheet.appointment_id)
                .join(Unit, Unit.id == Appointment.unit_id).join(District, District.id == Unit.district_id)
                .join(Planner, Planner.id == Appointment.planner_id)
                .where(Sheet.year == year, Sheet.form_id == QUESTIONNAIRE, Sheet.status == FINAL)
                .order_by(District.code, Unit.code, Planner.code))
    if district_id is not None:
        sheets_q = sheets_q.where(Unit.district_id == district_id)
    if circle is not None:
        sheets_q = sheets_q.where(District.circle == circle)
    subjects = {sid: (d, u, p) for sid, d, u, p in session.execute(sheets_q)}
    raw: dict[int, dict[str, str]] = defaultdict(dict)
    if subjects:
        for sid, key, value in session.execute(select(Answer.sheet_id, Answer.key, Answer.value)
                                               .where(Answer.sheet_id.in_(list(subjects)))):
            raw[sid][key] = value
    damage = find(session, list(subjects), answers=raw) if subjects else {}
    for sid in damage:
        del subjects[sid]
    answers = [questionnaire_answers(form, raw[sid]) for sid in subjects]
    summaries = {s.statement_id: s for s in qdomain.summarise(form, answers)}
    statements = tuple(StatementRow(s.id, g.section.zh, s.text.zh, summaries[s.id], f"{gi}.{si}", s.text)
                       for gi, g in enumerate(q.groups, start=1) for si, s in enumerate(g.statements, start=1))
    counts = qdomain.yes_no_counts(form, answers)
    yes_no = tuple(YesNoRow(y.id, y.text.zh, *counts[y.id], y.text) for y in q.yes_no)
    free = tuple(FreeTextRow(d, u, p, a.free_text.strip()) for (d, u, p), a in zip(subjects.values(), answers)
                 if a.free_text.strip() and a.free_text.strip() != q.free_text.none_option)
    return QuestionnaireSummary(year, district_name, circle, len(subjects), tuple(o.zh for o in q.options),
                                q.agree_options, q.reason_option, statements, yes_no, free, q.options,
                                short_title(form), tuple(damage.values()))


def short_title(form: Form) -> Label:
    """The form's name without its annex number: ``short_title`` and the English title after "Annex 5-1: "."""
    return Label(form.short_title, form.title.en.partition(": ")[2] or form.title.en)
