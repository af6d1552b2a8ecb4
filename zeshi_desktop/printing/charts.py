"""The dashboard charts for paper: horizontal bars (totals, shares) and stacked bars (5-1 answers).

Horizontal bars because the labels are Chinese unit and statement names that
would not fit under a vertical bar. Every text uses the embedded CJK font.
Values arrive as ``Decimal`` and become floats here only for drawing.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from .fonts import one_font, register

FONT = register()
# Likert colours from agreeing (dark green) to disagreeing (red); readable in greyscale too.
STACK_COLOURS = (colors.HexColor("#1b7837"), colors.HexColor("#7fbf7b"), colors.HexColor("#d9d9d9"),
                 colors.HexColor("#d6604d"), colors.HexColor("#8c510a"))
BAR = colors.HexColor("#2166ac")
ALERT = colors.HexColor("#d6604d")


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _label_fonts(chart: HorizontalBarChart) -> None:
    """A label with a character only the fallback font has (㛃) is drawn in the fallback (one font per label)."""
    for i, name in enumerate(chart.categoryAxis.categoryNames):
        if (font := one_font(name)) != FONT:
            chart.categoryAxis.labels[i].fontName = font


def bar_chart(labels: Sequence[str], values: Sequence[Decimal | None], width: float, *, title: str = "",
              value_max: Decimal | None = None, highlight: Sequence[bool] = (), label_chars: int = 14,
              row_height: float = 14) -> Drawing:
    """One horizontal bar per label (top to bottom in the given order); ``highlight`` bars in the alert colour."""
    n = max(1, len(labels))
    label_width = min(width * 0.42, 8.5 * label_chars + 6)
    top = 18 if title else 6
    height = n * row_height + top + 22
    d = Drawing(width, height)
    if title:
        d.add(String(0, height - 12, title, fontName=FONT, fontSize=10))
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 18
    chart.width, chart.height = width - label_width - 36, n * row_height
    # reportlab draws the first category at the bottom: reverse so that the first label is on top
    data = [float(v) if v is not None else 0.0 for v in reversed(values)] or [0.0]
    chart.data = [data]
    chart.categoryAxis.categoryNames = [_short(lb, label_chars) for lb in reversed(labels)] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    _label_fonts(chart)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.joinAxisMode = "left"   # labels stay left of the plot when bars go negative
    low = min(data + [0.0])
    chart.valueAxis.valueMin = low * 1.15 if low < 0 else 0   # offsets can be negative: bars go left
    chart.valueAxis.valueMax = float(value_max) if value_max is not None else max(data + [1.0]) * 1.15
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7.5
    chart.barWidth = row_height * 0.6
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    flags = list(reversed(list(highlight))) if highlight else []
    for i, flag in enumerate(flags):
        if flag:
            chart.bars[(0, i)].fillColor = ALERT
    chart.barLabelFormat = "%.2f"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d


def stacked_bars(labels: Sequence[str], series: Sequence[tuple[str, Sequence[int]]], width: float, *,
                 title: str = "", label_chars: int = 18, row_height: float = 13) -> Drawing:
    """Counts per option stacked in one bar per label, with a legend of the options."""
    n = max(1, len(labels))
    label_width = min(width * 0.45, 8.2 * label_chars + 6)
    top = 18 if title else 6
    legend_h = 16
    height = n * row_height + top + 22 + legend_h
    d = Drawing(width, height)
    if title:
        d.add(String(0, height - 12, title, fontName=FONT, fontSize=10))
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 18 + legend_h
    chart.width, chart.height = width - label_width - 12, n * row_height
    chart.data = [[float(v) for v in reversed(values)] or [0.0] for _, values in series]
    chart.categoryAxis.categoryNames = [_short(lb, label_chars) for lb in reversed(labels)] or [""]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    _label_fonts(chart)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    total = max((sum(vals[i] for _, vals in series) for i in range(len(labels))), default=1) or 1
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = total
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7.5
    chart.barWidth = row_height * 0.7
    for i in range(len(series)):
        chart.bars[i].fillColor = STACK_COLOURS[i % len(STACK_COLOURS)]
        chart.bars[i].strokeColor = colors.white
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = label_width, 10
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = FONT
    legend.fontSize = 8
    legend.dx = legend.dy = 7
    legend.deltax = 70
    legend.colorNamePairs = [(STACK_COLOURS[i % len(STACK_COLOURS)], name) for i, (name, _) in enumerate(series)]
    d.add(legend)
    return d
