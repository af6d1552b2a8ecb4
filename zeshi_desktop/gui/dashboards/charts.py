"""The dashboards' charts (QtCharts): bars with their figures, stacked answers, a chart emptied for a redraw.

Charts are projected, so their labels are large (``common.BASE_POINTS``) and
every bar carries its figure, with the places of the table beside it
(:func:`shown`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from zeshi_desktop.messages import number_text

from .common import BASE_POINTS


def chart_view(parent: QWidget | None = None) -> QChartView:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)   # instant on refresh
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setFont(QFont(chart.legend().font().family(), BASE_POINTS - 1))
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def _title(chart: QChart, text: str) -> None:
    font = chart.titleFont()
    font.setPointSizeF(BASE_POINTS)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setTitle(text)


def _axis_font(axis: Any, size: float = BASE_POINTS - 1.5) -> None:
    font = axis.labelsFont()
    font.setPointSizeF(size)
    axis.setLabelsFont(font)


def _reset(view: QChartView) -> QChart:
    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    return chart


def reset_chart(view: QChartView, title: str) -> QChart:
    """The view's chart emptied (series and axes) and titled: where every redraw starts."""
    chart = _reset(view)
    _title(chart, title)
    return chart


def _bar_set(name: str, values: Sequence[float], colour: QColor, border: QColor, label_points: float) -> QBarSet:
    """One named set of bars; values are given top first, Qt draws the first one at the bottom."""
    bar_set = QBarSet(name)
    bar_set.append(list(reversed(values)))
    bar_set.setColor(colour)
    bar_set.setBorderColor(border)
    font = bar_set.labelFont()
    font.setPointSizeF(label_points)
    bar_set.setLabelFont(font)
    return bar_set


def _place_bars(chart: QChart, series: Any, categories: QBarCategoryAxis, values_axis: QValueAxis, *,
                legend: bool) -> None:
    """Labels on the left, values along the bottom, the legend (when wanted) underneath."""
    _axis_font(values_axis)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values_axis)
    chart.legend().setVisible(legend)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)


def shown(value: Decimal | float) -> float:
    """A bar's figure as the table beside shows it (``number_text``: two places, half up): 84.83 and 82.34 in both.

    A float is read by its shortest text, so 82.335 (a Decimal's mean made a float) rounds up as in the table.
    """
    return float(number_text(value if isinstance(value, Decimal) else Decimal(str(value))))


def short(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def horizontal_bars(view: QChartView, title: str, labels: Sequence[str],
                    sets: Sequence[tuple[str, Sequence[Decimal | float], QColor]], *, value_min: float | None = None,
                    value_max: float | None = None, label_chars: int = 14, show_values: bool = True,
                    tick_interval: float | None = None) -> None:
    """One bar (or a group of bars, one per set) per label; the first label on top."""
    chart = reset_chart(view, title)
    series = QHorizontalBarSeries()
    everything: list[float] = []
    for name, values, colour in sets:
        bar_set = _bar_set(name, [shown(v) for v in values], colour, colour, BASE_POINTS - 2.5)
        bar_set.setLabelColor(QColor("#202020"))
        series.append(bar_set)
        everything += [float(v) for v in values]
    series.setLabelsVisible(show_values)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsPrecision(5)   # 112.25 whole: a 3-1 total goes past 100
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([short(label, label_chars) for label in reversed(labels)])
    _axis_font(categories)
    values_axis = QValueAxis()
    low = min(everything + [0.0])
    high = max(everything + [1.0])
    values_axis.setRange(value_min if value_min is not None else (low * 1.2 if low < 0 else 0.0),
                         value_max if value_max is not None else high * 1.15)
    if tick_interval is not None:
        values_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        values_axis.setTickAnchor(0)
        values_axis.setTickInterval(tick_interval)
    else:
        values_axis.applyNiceNumbers()
    values_axis.setLabelFormat("%.0f")
    _place_bars(chart, series, categories, values_axis, legend=len(sets) > 1)


def stacked_bars(view: QChartView, title: str, labels: Sequence[str],
                 sets: Sequence[tuple[str, Sequence[int], QColor]], *, label_chars: int = 18) -> None:
    """Counts per option stacked in one bar per label (5-1 answers), with a legend."""
    chart = reset_chart(view, title)
    series = QHorizontalStackedBarSeries()
    for name, values, colour in sets:
        series.append(_bar_set(name, [float(v) for v in values], colour, QColor("white"), BASE_POINTS - 3))
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([short(label, label_chars) for label in reversed(labels)])
    _axis_font(categories, BASE_POINTS - 2.5)
    values_axis = QValueAxis()
    total = max((sum(s[1][i] for s in sets) for i in range(len(labels))), default=1) or 1
    values_axis.setRange(0, total)
    values_axis.setTickType(QValueAxis.TickType.TicksDynamic)   # whole answers: 0, 5, 10 ... not 3.75
    values_axis.setTickAnchor(0)
    values_axis.setTickInterval(max(1, round(total / 5)))
    values_axis.setLabelFormat("%.0f")
    _place_bars(chart, series, categories, values_axis, legend=True)
