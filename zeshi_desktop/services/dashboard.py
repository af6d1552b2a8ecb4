"""The questionnaire summary (5-1) and the results across years.

Kept apart from ``analysis`` (district and city dashboards) because neither
needs the panel figures: one counts answers, the other walks the years.
Only finalised questionnaires are counted, like every other sheet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import questionnaire as qdomain
from zeshi_desktop.domain.aggregation import mean
from zeshi_desktop.domain.forms import Band
from zeshi_desktop.store.models import Answer, Appointment, District, Planner, Sheet, Unit

from . import catalogue, roster
from .ranking import all_unit_rankings
from .errors import ActionRefused, NotFound
from .ranking import city_ranking
from .sheet_problems import questionnaire_answers
from .sheets import FINAL

QUESTIONNAIRE = "5-1"
_NUMBERING = re.compile(r"^[(（]\d+[)）]")   # the seed's "(1)" that restarts in every group


@dataclass(frozen=True)
class StatementRow:
    statement_id: str
    group: str                       # the group's section heading
    text: str
    summary: qdomain.StatementSummary
    number: str = ""                 # "2.3": third statement of the second group (texts restart at (1))

    @property
    def label(self) -> str:
        """The statement with its group number, for charts: "2.3 您对于所在区…"."""
        return f"{self.number} {_NUMBERING.sub('', self.text)}".strip()


@dataclass(frozen=True)
class YesNoRow:
    question_id: str
    text: str
    yes: int
    no: int


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


def questionnaire_summary(session: Session, year: int, district_id: int | None = None,
                          circle: str | None = None) -> QuestionnaireSummary:
    """Per statement the distribution of answers, the share agreeing, the reasons for 不同意; free texts listed."""
    form = catalogue.form(QUESTIONNAIRE)
    q = form.questionnaire
    assert q is not None
    district_name = roster.district(session, district_id).name if district_id is not None else None
    if circle is not None and circle not in roster.CIRCLES:
        raise ActionRefused(f"圈层“{circle}”不在 {'、'.join(roster.CIRCLES)} 之中", f"Unknown circle {circle!r}")
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
    answers = [questionnaire_answers(form, raw[sid]) for sid in subjects]
    summaries = {s.statement_id: s for s in qdomain.summarise(form, answers)}
    statements = tuple(StatementRow(s.id, g.section.zh, s.text.zh, summaries[s.id], f"{gi}.{si}")
                       for gi, g in enumerate(q.groups, start=1) for si, s in enumerate(g.statements, start=1))
    counts = qdomain.yes_no_counts(form, answers)
    yes_no = tuple(YesNoRow(y.id, y.text.zh, *counts[y.id]) for y in q.yes_no)
    free = tuple(FreeTextRow(d, u, p, a.free_text.strip()) for (d, u, p), a in zip(subjects.values(), answers)
                 if a.free_text.strip() and a.free_text.strip() != q.free_text.none_option)
    return QuestionnaireSummary(year, district_name, circle, len(subjects), tuple(o.zh for o in q.options),
                                q.agree_options, q.reason_option, statements, yes_no, free)


# ------------------------------------------------------------------ years

@dataclass(frozen=True)
class PlannerYear:
    year: int
    district: str
    unit: str
    rank: int | None
    ranked: int                      # units ranked in that district
    total: Decimal | None
    band: Band | None
    recommended: bool


@dataclass(frozen=True)
class DistrictYearResult:
    year: int
    rank: int | None                 # city rank by 4-3
    ranked: int
    city_score: Decimal | None
    self_score: Decimal | None
    band: Band | None
    contracts_signed: bool | None
    eligible_excellent: bool
    units: int
    mean_total: Decimal | None       # mean 3-3 总分 of its units
    recommended: int


@dataclass(frozen=True)
class YearsHistory:
    kind: str                        # planner | district
    name: str
    planner_rows: tuple[PlannerYear, ...] = ()
    district_rows: tuple[DistrictYearResult, ...] = ()


def years_history(session: Session, planner_id: int | None = None, district_id: int | None = None) -> YearsHistory:
    """A planner's 3-3 results, or a district's city results, in every year of the database."""
    if (planner_id is None) == (district_id is None):
        raise ActionRefused("请指定一位责师或一个区（二选一）", "Give either a planner or a district")
    years = roster.years(session)
    if planner_id is not None:
        planner = session.get(Planner, planner_id)
        if planner is None:
            raise NotFound(f"没有编号为 {planner_id} 的责师", f"No planner {planner_id}")
        rows = []
        for year in years:
            mine = roster.appointments(session, year, planner_id=planner_id)
            if not mine:
                continue
            rankings = {d: all_unit_rankings(session, year, d).get(d, []) for d in {a.district_id for a in mine}}
            for a in mine:
                table = rankings[a.district_id]
                row = next((r for r in table if r.key == a.id), None)
                rows.append(PlannerYear(year, a.district, a.unit, row.rank if row else None,
                                        sum(1 for r in table if r.rank is not None),
                                        row.total if row else None, row.band if row else None, a.recommended))
        return YearsHistory("planner", planner.name, planner_rows=tuple(rows))
    assert district_id is not None
    district = roster.district(session, district_id)
    out = []
    for year in years:
        city = city_ranking(session, year)
        row = next((r for r in city.rows if r.key == district_id), None)
        units = all_unit_rankings(session, year, district_id).get(district_id, [])
        totals = [u.total for u in units if u.total is not None]
        recommended = sum(1 for a in roster.appointments(session, year, district_id) if a.recommended)
        if row is None and not units:
            continue
        out.append(DistrictYearResult(
            year, row.rank if row else None, sum(1 for r in city.rows if r.rank is not None),
            row.city_score if row else None, row.self_score if row else None, row.band if row else None,
            row.contracts_signed if row else None, bool(row and row.eligible_excellent), len(units),
            mean(totals), recommended))
    return YearsHistory("district", district.name, district_rows=tuple(out))
