"""The spread chart: every reviewer's total per unit as a dot, outliers in red, the mean in black.

A dot chart rather than a box plot because the panel has five to seven
reviewers: every score can be shown, and the flagged ones named in the table.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QCategoryAxis, QChartView, QScatterSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from zeshi_desktop.gui.i18n import tr
from zeshi_desktop.services.meeting.dashboards import SubjectSpread

from .charts import reset_chart
from .common import ALERT, BAR, BASE_POINTS


def draw_spreads(view: QChartView, spreads: Sequence[SubjectSpread]) -> None:
    """One row per unit (first on top); x = reviewer total."""
    chart = reset_chart(view, tr("各评审人总分（红 = 离群，黑 = 平均）"))
    normal, flagged, means = QScatterSeries(), QScatterSeries(), QScatterSeries()
    normal.setName(tr("评审人总分"))
    flagged.setName(tr("离群"))
    means.setName(tr("平均"))
    normal.setColor(BAR)
    flagged.setColor(ALERT)
    means.setColor(QColor("black"))
    means.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
    normal.setMarkerSize(9)
    flagged.setMarkerSize(13)
    means.setMarkerSize(7)
    y_axis = QCategoryAxis()
    y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    n = len(spreads)
    low, high = 100.0, 0.0
    labels = []
    for i, s in enumerate(spreads):
        y = n - i   # first subject on top
        outliers = {o.reviewer for o in s.spread.outliers}
        for reviewer, total in s.spread.totals:
            (flagged if reviewer in outliers else normal).append(float(total), y)
            low, high = min(low, float(total)), max(high, float(total))
        means.append(float(s.spread.mean), y)
        unit = s.label.split(" — ")[0]
        labels.append((unit if len(unit) <= 10 else unit[:9] + "…", y))
    for label, y in sorted(labels, key=lambda lv: lv[1]):   # QCategoryAxis wants rising end values
        y_axis.append(label, y)
    for series in (normal, flagged, means):
        chart.addSeries(series)
    x_axis = QValueAxis()
    x_axis.setRange(max(0.0, low - 5), min(125.0, high + 5) if high > low else 100.0)
    x_axis.applyNiceNumbers()
    x_axis.setLabelFormat("%.0f")
    y_axis.setRange(0.5, n + 0.5)
    for axis in (x_axis, y_axis):
        f = axis.labelsFont()
        f.setPointSizeF(BASE_POINTS - 2)
        axis.setLabelsFont(f)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for series in (normal, flagged, means):
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
