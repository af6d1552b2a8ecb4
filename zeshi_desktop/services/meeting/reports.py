"""What the meetings take home: the 3-3 result file (Excel, PDF) and the dashboard reports (PDF).

The dashboards compute; this module words the figures for paper and hands
plain data to ``printing`` (reportlab) or ``packages`` (openpyxl). Every file
is written to a temporary name and renamed, so a failure leaves no half file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from zeshi_desktop.atomic_files import write_bytes_atomic
from zeshi_desktop.domain.aggregation import TRIM_MIN_REVIEWERS
from zeshi_desktop.domain.analysis import ItemShare, Outlier
from zeshi_desktop.messages import number_text, render, text
from zeshi_desktop.messages.numbers import percent_text
from zeshi_desktop.printing.reports import (
    BarSpec,
    Report,
    ReportSection,
    StackSpec,
    TableSpec,
    render_report,
    rows_as_text,
)
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.meeting.columns import DISTRICT_RANKING, heading, headings
from zeshi_desktop.services.meeting.dashboards import (
    CityDashboard,
    DistrictDashboard,
    SubjectSpread,
    city_dashboard,
    district_dashboard,
    leaning_text,
)
from zeshi_desktop.services.meeting.lens import city_fairness, district_fairness
from zeshi_desktop.services.meeting.lens_report import fairness_sections
from zeshi_desktop.services.meeting.questionnaire import (
    QuestionnaireSummary,
    questionnaire_summary,
)
from zeshi_desktop.services.meeting.result_file import Written, _suffix

DASH = "—"   # a figure that does not exist yet (no score, no rank)
_MAX_IN_TEXT = re.compile(r"\s*\(\d+\)$")   # the "(15)" closing an English item text: the maximum, shown apart

# Relative column widths of the tables, per language: a Chinese name on one line, and room for the
# longer English headings without breaking a word. () shares the width equally.
WIDTHS: dict[str, dict[str, tuple[float, ...]]] = {
    "district_ranking": {"zh": (0.7, 1.8, 3.3, 1.2, 1.2, 1.2, 1.2, 1, 1.2, 1.8),     # DISTRICT_RANKING
                         "en": (0.9, 1.7, 3, 1.4, 1.3, 1.5, 1.5, 1, 1.4, 2.1)},
    "district_spread": {"zh": (3.2, 0.7, 0.9, 0.9, 0.9, 0.9, 3.2), "en": (3.2, 1, 0.9, 0.9, 0.9, 0.9, 2.9)},
    "city_ranking": {"zh": (0.6, 1.2, 1.7, 1.1, 1.0, 0.8, 1.1, 0.7, 2.3),
                     "en": (0.7, 1, 1.5, 1.3, 1.3, 1.3, 1.3, 1.2, 2.1)},
    "city_spread": {"zh": (1.5, 0.7, 0.9, 0.9, 0.9, 0.9, 3), "en": (1.5, 1, 0.9, 0.9, 0.9, 0.9, 2.7)},
}


def _widths(table: str, lang: str) -> tuple[float, ...]:
    return WIDTHS[table].get(lang, WIDTHS[table]["zh"])

Say = Callable[..., str]


def _say(lang: str) -> Say:
    """``say("meeting.x", n=1)``: a catalogue text in the report's language."""
    return lambda code, **params: text(code, lang, **params)


def _or_dash(value: Decimal | None) -> str:
    """A figure by the one number formatter, or the dash of one not there yet."""
    return number_text(value) or DASH


def _signed(value: Decimal) -> str:
    """An offset with its sign: +2, -3.5 (the one number formatter writes only the minus)."""
    return ("+" if value > 0 else "") + number_text(value)


def _moved(places: int | None) -> str:
    """How far a unit's rank moves when the extremes are dropped: ↑2, ↓1, or nothing."""
    return f"{'↑' if places > 0 else '↓'}{abs(places)}" if places else ""


def _item_name(form_id: str, share: ItemShare, lang: str) -> str:
    """An item as a chart names it: the Chinese first phrase, or the form's English without the maximum."""
    if lang == "en":
        wording = catalogue.form(form_id).item(share.item_id).text
        if wording.en:
            return _MAX_IN_TEXT.sub("", wording.en)
    return share.text


def _spread_table(spreads: tuple[SubjectSpread, ...], first: str, widths: tuple[float, ...], say: Say,
                  with_distance: bool) -> TableSpec:
    """Reviewers' totals per subject: count, lowest, highest, mean, deviation and the outlying reviewers."""
    def outlier(s: SubjectSpread, o: Outlier[int]) -> str:
        name, total = s.reviewer(o.reviewer), _or_dash(o.total)
        if with_distance:
            return say("meeting.report.outlier_by", name=name, total=total, distance=_signed(o.distance))
        return say("meeting.report.outlier", name=name, total=total)

    return TableSpec((first, *(say(f"meeting.heading.{h}") for h in ("reviewers", "lowest", "highest", "mean",
                                                                     "std", "outliers"))),
                     rows_as_text([(s.label, len(s.spread.totals), _or_dash(s.spread.min), _or_dash(s.spread.max),
                                    _or_dash(s.spread.mean), _or_dash(s.spread.std),
                                    say("meeting.report.separator").join(outlier(s, o) for o in s.spread.outliers))
                                   for s in spreads]),
                     widths, tuple(i for i, s in enumerate(spreads) if s.spread.outliers))


# ------------------------------------------------------------------ district report

def district_report(board: DistrictDashboard, lang: str = "zh") -> Report:
    """The district meeting's report: ranking with chart, what is missing, and the trust figures."""
    say = _say(lang)
    r = board.ranking
    aggregation = say("meeting.report.district.trimmed_mean" if r.trimmed_mean
                      else "meeting.report.district.plain_mean")
    ranked = [row for row in r.rows if row.total is not None]
    progress = [(say("meeting.report.with_form", name=p.label, form=form_id), p.progress)
                for form_id, rows in (("3-1", board.offices), ("3-2", board.reviewers)) for p in rows]
    sections = [
        ReportSection(say("meeting.report.district.ranking"),
                      say("meeting.report.district.ranking_text", street=number_text(r.weights.street),
                          district=number_text(r.weights.district), aggregation=aggregation),
                      BarSpec(tuple(f"{row.rank}. {row.unit}" for row in ranked), tuple(row.total for row in ranked),
                              heading("total").text(lang),
                              highlight=tuple(row.key in board.recommended for row in ranked)),
                      TableSpec(tuple(headings(DISTRICT_RANKING, lang)),
                                rows_as_text([(row.rank or DASH, row.unit, row.planner, _or_dash(row.street_score),
                                               _or_dash(row.district_score), _or_dash(row.street_weighted),
                                               _or_dash(row.district_weighted), _or_dash(row.total),
                                               row.band.label.get(lang) if row.band else "",
                                               "★" if row.key in board.recommended else "") for row in r.rows]),
                                _widths("district_ranking", lang))),
        ReportSection(say("meeting.report.district.waiting"),
                      say("meeting.report.district.waiting_text", count=board.waiting),
                      table=TableSpec(tuple(say(f"meeting.heading.{h}") for h in ("submitter", "expected", "final",
                                                                                  "draft", "missing")),
                                      rows_as_text([(label, p.expected, p.final, p.draft, p.missing)
                                                    for label, p in progress]),
                                      (3, 1, 1, 1, 1))),
        ReportSection(say("meeting.report.district.spread"),
                      say("meeting.report.district.spread_text", distance=number_text(board.outlier_distance),
                          count=board.outlier_count),
                      table=_spread_table(board.spreads, say("meeting.heading.subject"),
                                          _widths("district_spread", lang), say, with_distance=True)),
        ReportSection(say("meeting.report.district.offsets"),
                      say("meeting.report.district.offsets_text", tolerance=number_text(board.offset_tolerance)),
                      BarSpec(tuple(o.reviewer.name for o in board.offsets),
                              tuple(o.offset.offset for o in board.offsets),
                              say("meeting.report.district.offsets_chart"),
                              highlight=tuple(o.offset.leaning == "strict" for o in board.offsets)),
                      TableSpec(tuple(say(f"meeting.heading.{h}") for h in ("reviewer", "organisation", "reviews",
                                                                            "offset", "leaning", "outlier_count")),
                                rows_as_text([(o.reviewer.name, o.reviewer.organisation, o.offset.subjects,
                                               _signed(o.offset.offset), leaning_text(o.offset.leaning, lang),
                                               o.offset.outliers) for o in board.offsets]),
                                (1.4, 3, 1, 1, 0.8, 1))),
        _items_section(board, say, lang),
        ReportSection(say("meeting.report.district.impact"),
                      say("meeting.report.district.impact_text", changed=board.impact.changed,
                          max_move=board.impact.max_move, trimmable=board.impact.trimmable,
                          minimum=TRIM_MIN_REVIEWERS),
                      table=TableSpec((heading("unit").text(lang), heading("planner").text(lang),
                                       say("meeting.heading.rank_mean"), heading("total").text(lang),
                                       say("meeting.heading.rank_trimmed"), heading("total").text(lang),
                                       say("meeting.heading.change")),
                                      rows_as_text([(c.unit, c.planner, c.rank_mean or DASH, _or_dash(c.total_mean),
                                                     c.rank_trimmed or DASH, _or_dash(c.total_trimmed),
                                                     _moved(c.moved))
                                                    for c in board.impact.rows]),
                                      (2.2, 3, 1.1, 1, 1.2, 1, 0.8),
                                      tuple(i for i, c in enumerate(board.impact.rows) if c.moved))),
    ]
    name, year = board.district.name, board.year
    return Report(say("meeting.report.district.title", district=name, year=year),
                  say("meeting.report.district.subtitle", circle=board.district.circle), tuple(sections),
                  footer=say("meeting.report.district.footer", district=name, year=year), lang=lang)


def _items_section(board: DistrictDashboard, say: Say, lang: str) -> ReportSection:
    """Section five: each item's mean as a share of its maximum, 3-1 and 3-2."""
    forms = (("3-1", board.street_items), ("3-2", board.group_items))
    return ReportSection(
        say("meeting.report.district.items"), say("meeting.report.district.items_text"),
        BarSpec(tuple(_item_name("3-2", i, lang) for i in board.group_items),
                tuple((i.share or Decimal(0)) * 100 for i in board.group_items),
                say("meeting.report.district.items_chart", form="3-2"), value_max=Decimal(100)),
        TableSpec(tuple(say(f"meeting.heading.{h}") for h in ("annex", "item", "maximum", "mean_score", "share")),
                  rows_as_text([(form_id, _item_name(form_id, i, lang), number_text(i.max), _or_dash(i.mean),
                                 percent_text(i.share)) for form_id, items in forms for i in items]),
                  (0.7, 4.5, 0.8, 1, 1)))


# ------------------------------------------------------------------ city report

def city_report(board: CityDashboard, lang: str = "zh") -> Report:
    """The city's report: districts by 4-3 beside 4-2 and the contract rule, circles, reviewer spread."""
    say = _say(lang)
    ranked = [r for r in board.rows if r.city_score is not None]
    rule = board.contract_rule
    band_name = rule.excluded.label if rule is not None else board.excluded_band
    rule_text = (say("meeting.report.city.rule", question=rule.question.get(lang).rstrip("：:"), band=band_name)
                 if rule is not None else "")
    answered = {True: render(True, lang), False: render(False, lang), None: say("meeting.report.unanswered")}
    band_labels = {b.label.zh: b.label for b in catalogue.form("3-3").bands}
    circle_bands = [render(band_labels.get(b, b), lang) for b in (board.circles[0].bands if board.circles else ())]
    sections = [
        ReportSection(say("meeting.report.city.ranking"), rule_text,
                      BarSpec(tuple(f"{r.rank}. {r.district}" for r in ranked), tuple(r.city_score for r in ranked),
                              say("meeting.report.city.ranking_chart"), value_max=Decimal(100),
                              highlight=tuple(r.blocked_by_contracts for r in ranked)),
                      TableSpec((heading("rank").text(lang),
                                 *(say(f"meeting.heading.{h}") for h in ("district", "circle", "city_score",
                                                                         "self_score", "difference",
                                                                         "contracts_signed")),
                                 heading("band").text(lang), say("meeting.heading.eligible", band=band_name)),
                                rows_as_text([(r.rank or DASH, r.district, r.circle, _or_dash(r.city_score),
                                               _or_dash(r.self_score),
                                               _or_dash(r.city_score - r.self_score)
                                               if r.city_score is not None and r.self_score is not None else DASH,
                                               answered[r.contracts_signed],
                                               r.band.label.get(lang) if r.band else "",
                                               render(True, lang) if r.eligible_excellent else
                                               (say("meeting.report.city.blocked") if r.blocked_by_contracts
                                                else render(False, lang)))
                                              for r in board.rows]),
                                _widths("city_ranking", lang),
                                tuple(i for i, r in enumerate(board.rows) if r.blocked_by_contracts))),
        ReportSection(say("meeting.report.city.circles"), "",
                      BarSpec(tuple(c.circle for c in board.circles), tuple(c.mean_total for c in board.circles),
                              say("meeting.heading.mean_total")),
                      TableSpec((*(say(f"meeting.heading.{h}") for h in ("circle", "districts", "units", "ranked",
                                                                         "mean_total", "lowest", "highest")),
                                 *circle_bands, heading("recommended").text(lang))
                                if board.circles else (say("meeting.heading.circle"),),
                                rows_as_text([(c.circle, c.districts, c.units, c.ranked, _or_dash(c.mean_total),
                                               _or_dash(c.min_total), _or_dash(c.max_total), *c.bands.values(),
                                               c.recommended) for c in board.circles]),
                                (1.5, 1.1, 0.9, 1, 1.3, 1.1, 1.1, *([1.2] * len(circle_bands)), 1.9)
                                if lang == "en" and board.circles else ())),
        ReportSection(say("meeting.report.city.spread"),
                      say("meeting.report.city.spread_text", distance=number_text(board.outlier_distance)),
                      table=_spread_table(board.spreads, say("meeting.heading.district"),
                                          _widths("city_spread", lang), say, with_distance=False)),
    ]
    return Report(say("meeting.report.city.title", year=board.year), say("meeting.report.city.subtitle"),
                  tuple(sections), footer=say("meeting.report.city.footer", year=board.year), lang=lang)


# ------------------------------------------------------------------ questionnaire report

def questionnaire_report(summary: QuestionnaireSummary, lang: str = "zh") -> Report:
    """The questionnaire summary: agreement per statement, yes/no counts, reasons, difficulties."""
    say = _say(lang)
    where = [x for x in (summary.district, summary.circle) if x]
    scope = render(where, lang) if where else say("meeting.report.questionnaire.whole_city")
    labels = tuple(st.label_in(lang) for st in summary.statements)
    options = [render(summary.option(o), lang) for o in summary.options]
    series = tuple((name, tuple(st.summary.counts[o] for st in summary.statements))
                   for o, name in zip(summary.options, options))
    reasons = [(st.label_in(lang), reason) for st in summary.statements for reason in st.summary.reasons]
    none = say("meeting.report.none")
    sections = [
        ReportSection(say("meeting.report.questionnaire.agreement"),
                      say("meeting.report.questionnaire.agreement_text",
                          options=[summary.option(o) for o in summary.agree_options]),
                      StackSpec(labels, series, say("meeting.report.questionnaire.answers_chart")),
                      TableSpec((say("meeting.heading.statement"), *options, say("meeting.heading.agree_share")),
                                rows_as_text([(st.label_in(lang), *st.summary.counts.values(),
                                               percent_text(st.summary.agree_share, 0))
                                              for st in summary.statements]),
                                (5, *([0.9] * len(summary.options)), 1))),
        ReportSection(say("meeting.report.questionnaire.yes_no"), "",
                      table=TableSpec(tuple(say(f"meeting.heading.{h}") for h in ("question", "yes", "no")),
                                      rows_as_text([(y.text_in(lang), y.yes, y.no) for y in summary.yes_no]),
                                      (6, 1, 1))),
        ReportSection(say("meeting.report.questionnaire.reasons", option=summary.option(summary.reason_option)),
                      "" if reasons else none,
                      table=TableSpec((say("meeting.heading.statement"), say("meeting.heading.reason")),
                                      rows_as_text(reasons), (3, 4)) if reasons else None),
        ReportSection(say("meeting.report.questionnaire.free_text"), "" if summary.free_texts else none,
                      table=TableSpec(tuple(say(f"meeting.heading.{h}") for h in ("district", "unit", "planner",
                                                                                  "free_text")),
                                      rows_as_text([(f.district, f.unit, f.planner, f.text)
                                                    for f in summary.free_texts]), (1, 1.4, 2, 5))
                      if summary.free_texts else None),
    ]
    title = summary.title if summary.title is not None else ""
    return Report(say("meeting.report.questionnaire.title", year=summary.year, form=title),
                  say("meeting.report.questionnaire.subtitle", scope=scope, count=summary.questionnaires),
                  tuple(sections), footer=say("meeting.report.questionnaire.footer", year=summary.year, scope=scope),
                  lang=lang)


# ------------------------------------------------------------------ writing the reports

def write_district_report(session: Session, year: int, district_id: int, path: Path, lang: str = "zh") -> Written:
    _suffix(path, (".pdf",))
    board = district_dashboard(session, year, district_id)
    report = district_report(board, lang)
    report = replace(report, sections=report.sections + fairness_sections(district_fairness(session, year, district_id),
                                                                          lang, len(report.sections) + 1))
    write_bytes_atomic(Path(path), render_report(report))
    return Written(Path(path), "pdf", len(board.ranking.rows))


def write_city_report(session: Session, year: int, path: Path, lang: str = "zh") -> Written:
    _suffix(path, (".pdf",))
    board = city_dashboard(session, year)
    report = city_report(board, lang)
    report = replace(report, sections=report.sections + fairness_sections(city_fairness(session, year), lang,
                                                                          len(report.sections) + 1))
    write_bytes_atomic(Path(path), render_report(report))
    return Written(Path(path), "pdf", len(board.rows))


def write_questionnaire_report(session: Session, year: int, path: Path, district_id: int | None = None,
                               circle: str | None = None, lang: str = "zh") -> Written:
    _suffix(path, (".pdf",))
    summary = questionnaire_summary(session, year, district_id, circle)
    write_bytes_atomic(Path(path), render_report(questionnaire_report(summary, lang)))
    return Written(Path(path), "pdf", len(summary.statements))
