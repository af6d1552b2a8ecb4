"""Meeting reports as PDF: a title, then sections of text, a chart and a table each.

The services decide what a district, city or questionnaire report says (they
hold the figures); this module only lays it out, so the same few shapes
serve every report. Texts are checked against the font before anything is
drawn, so a rare character in a name refuses the report instead of printing
an empty box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from zeshi_desktop.messages import text

from . import ranking
from .charts import bar_chart, stacked_bars
from .data import RankingDoc
from .document import LANDSCAPE, PORTRAIT, PageMeta, Part, build, frame_width
from .fonts import require_glyphs
from .layout import CELL, CELL_C, H2, TEXT, TITLE, grid, para


@dataclass(frozen=True)
class BarSpec:
    labels: tuple[str, ...]
    values: tuple[Decimal | None, ...]
    title: str = ""
    value_max: Decimal | None = None
    highlight: tuple[bool, ...] = ()


@dataclass(frozen=True)
class StackSpec:
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]   # option -> count per label
    title: str = ""


@dataclass(frozen=True)
class TableSpec:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()       # relative; equal when empty
    highlight_rows: tuple[int, ...] = ()  # 0-based data rows shaded (outliers, blocked districts)


@dataclass(frozen=True)
class ReportSection:
    heading: str
    text: str = ""
    chart: BarSpec | StackSpec | None = None
    table: TableSpec | None = None


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    sections: tuple[ReportSection, ...]
    orientation: str = PORTRAIT
    footer: str = ""
    lines: tuple[str, ...] = field(default=())     # short facts under the subtitle
    lang: str = "zh"                               # the language it is written in: names its parts in a refusal


def _texts(report: Report) -> list[tuple[str, str]]:
    def part(name: str) -> str:
        return text(f"meeting.report.part.{name}", report.lang)

    out = [(part("title"), report.title), (part("subtitle"), report.subtitle), (part("footer"), report.footer)]
    out += [(part("line"), line) for line in report.lines]
    for s in report.sections:
        out += [(s.heading, s.heading), (s.heading, s.text)]
        if isinstance(s.chart, BarSpec):
            out += [(s.heading, label) for label in s.chart.labels] + [(s.heading, s.chart.title)]
        elif isinstance(s.chart, StackSpec):
            out += [(s.heading, label) for label in s.chart.labels] + [(s.heading, n) for n, _ in s.chart.series]
        if s.table is not None:
            out += [(s.heading, h) for h in s.table.headers]
            out += [(s.heading, cell) for row in s.table.rows for cell in row]
    return out


def _table(spec: TableSpec, width: float) -> Flowable:
    weights = list(spec.widths) or [1.0] * len(spec.headers)
    total = sum(weights)
    widths = [width * w / total for w in weights]
    rows: list[list[object]] = [[para(h, CELL_C) for h in spec.headers]]
    for row in spec.rows:
        rows.append([para(cell, CELL) for cell in row])
    extra: list[tuple] = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef6"))]
    extra += [("BACKGROUND", (0, i + 1), (-1, i + 1), colors.HexColor("#fde0dc")) for i in spec.highlight_rows]
    return grid(rows, widths, extra, repeat=1)


def _chart(spec: BarSpec | StackSpec, width: float) -> Flowable:
    if isinstance(spec, BarSpec):
        return bar_chart(spec.labels, spec.values, width, title=spec.title, value_max=spec.value_max,
                         highlight=spec.highlight)
    return stacked_bars(spec.labels, spec.series, width, title=spec.title)


def render_report(report: Report) -> bytes:
    """The report as PDF bytes (A4, numbered pages, CJK font embedded)."""
    require_glyphs(_texts(report))
    orientation = report.orientation if report.orientation in (PORTRAIT, LANDSCAPE) else PORTRAIT
    width = frame_width(orientation)
    flow: list[Flowable] = [para(report.title, TITLE), para(report.subtitle, CELL_C), Spacer(1, 3 * mm)]
    flow += [para(line, TEXT) for line in report.lines]
    for s in report.sections:
        flow += _section(s, width)
    meta = PageMeta(1, report.footer or report.title, draft=False, lang=report.lang)   # its footer in its language
    data, _pages = build([Part(flow, orientation, meta)], title=report.title)
    return data


def _section(s: ReportSection, width: float) -> list[Flowable]:
    block: list[Flowable] = [para(s.heading, H2)]
    if s.text:
        block.append(para(s.text, TEXT))
    if s.chart is not None:
        block += [_chart(s.chart, width), Spacer(1, 2 * mm)]
    flow: list[Flowable] = [KeepTogether(block)]
    if s.table is not None:
        flow += [_table(s.table, width), Spacer(1, 4 * mm)]
    return flow


def render_result_file(doc: RankingDoc, recommended: ReportSection | None = None) -> bytes:
    """附件3-3 as the printing module lays it out, then the recommended-excellent list on its own page."""
    parts = [ranking.render(doc, 1)]
    if recommended is not None:
        require_glyphs(_texts(Report("", "", (recommended,))))
        parts.append(Part(_section(recommended, frame_width(PORTRAIT)), PORTRAIT,
                          PageMeta(2, recommended.heading, draft=not doc.final)))
    data, _pages = build(parts, title=doc.form.title.zh)
    return data


def rows_as_text(rows: Sequence[Sequence[object]]) -> tuple[tuple[str, ...], ...]:
    """Cells to strings for a ``TableSpec`` (None prints empty)."""
    return tuple(tuple("" if c is None else str(c) for c in row) for row in rows)
