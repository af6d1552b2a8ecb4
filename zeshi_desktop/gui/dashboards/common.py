"""What every dashboard shares: the page it is, projector-sized fonts, sortable tables, QtCharts helpers.

Dashboards are projected in a meeting room, so text is large (``BASE_POINTS``)
and charts carry their numbers. Numbers stay ``Decimal`` in the services;
here they become display text (``messages.number_text``, the one formatter) plus a float kept
under ``SORT_ROLE`` so that sorting a column sorts by value, not by text.
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
from PySide6.QtCore import QMargins, QSortFilterProxyModel, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.views.base import AnnexView
from zeshi_desktop.messages import number_text

BASE_POINTS = 12          # readable from the back of a meeting room at 1366x768
MAX_COLUMN = 230         # px; wider cells elide so that a table fits the window beside the tree
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
ALERT = QColor("#c0392b")
ALERT_BG = QColor("#fde0dc")
GOOD_BG = QColor("#e3f1e1")
BAR = QColor("#2166ac")
SECOND = QColor("#f4a582")
LIKERT = (QColor("#1b7837"), QColor("#7fbf7b"), QColor("#bdbdbd"), QColor("#d6604d"), QColor("#8c510a"))


def num(value: Decimal | None, places: int = 2) -> str:
    return "—" if value is None else number_text(value, places)


def signed(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + number_text(value)


def percent(share: Decimal | float | None) -> str:
    return "—" if share is None else f"{float(share) * 100:.1f}%"


def big(widget: QWidget, factor: float = 1.0, bold: bool = False) -> QWidget:
    font = widget.font()
    font.setPointSizeF(BASE_POINTS * factor)
    font.setBold(bold)
    widget.setFont(font)
    return widget


def title_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    big(label, 1.35, True)
    return label


def note_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    big(label, 0.95)
    return label


# ------------------------------------------------------------------ tables

def item(text: str, sort: float | str | None = None, *, key: object = None, align_right: bool = False,
         background: QColor | None = None, foreground: QColor | None = None, tooltip: str = "") -> QStandardItem:
    it = QStandardItem(text)   # not editable: every view has NoEditTriggers (setEditable per item is slow)
    it.setData(sort if sort is not None else text, SORT_ROLE)
    if key is not None:
        it.setData(key, KEY_ROLE)
    if align_right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if background is not None:
        it.setBackground(QBrush(background))
    if foreground is not None:
        it.setForeground(QBrush(foreground))
    if tooltip:
        it.setToolTip(tooltip)
    return it


def number_item(value: Decimal | int | None, text: str | None = None, **kw: Any) -> QStandardItem:
    """A right-aligned number that sorts by value; a missing value sorts last."""
    shown = text if text is not None else ("—" if value is None else
                                           number_text(value) if isinstance(value, Decimal) else str(value))
    return item(shown, float(value) if value is not None else float("-inf"), align_right=True, **kw)


class SortProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; filters on a text (any column) and an optional column value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self._column: int | None = None
        self._value = ""

    def set_column_filter(self, column: int | None, value: str) -> None:
        if hasattr(self, "beginFilterChange"):   # Qt >= 6.9: invalidateFilter() is deprecated
            self.beginFilterChange()
            self._column, self._value = column, value
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._column, self._value = column, value
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Any) -> bool:
        if self._column is not None and self._value:
            index = self.sourceModel().index(row, self._column, parent)
            if str(self.sourceModel().data(index)) != self._value:
                return False
        return super().filterAcceptsRow(row, parent)


def table_view(model: QStandardItemModel, parent: QWidget | None = None, *, sortable: bool = True
               ) -> tuple[QTableView, SortProxy]:
    proxy = SortProxy(parent)
    proxy.setSourceModel(model)
    model.setProperty("zeshi_proxy", proxy)   # fill() detaches it while refilling
    view = QTableView(parent)
    view.setModel(proxy)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order
    view.setSortingEnabled(sortable)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    big(view)
    big(view.horizontalHeader(), 0.95, True)
    header = view.horizontalHeader()
    # Columns are sized once per refill (``fill``): ResizeToContents would measure every cell on every layout.
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setDefaultSectionSize(48)   # the stretched last column never grows past the view for nothing
    model.setProperty("zeshi_view", view)
    view.verticalHeader().setDefaultSectionSize(int(BASE_POINTS * 2.3))
    return view, proxy


_EMPTY: list[QStandardItemModel] = []


def fill(model: QStandardItemModel, headers: Sequence[str], rows: Sequence[Sequence[QStandardItem]]) -> None:
    """Replace a model's rows; the view sees one reset instead of one resize pass per appended row."""
    proxy = model.property("zeshi_proxy")
    if isinstance(proxy, QSortFilterProxyModel):
        if not _EMPTY:
            _EMPTY.append(QStandardItemModel())
        proxy.setSourceModel(_EMPTY[0])
    model.clear()
    model.setHorizontalHeaderLabels(list(headers))
    for row in rows:
        model.appendRow(list(row))
    if isinstance(proxy, QSortFilterProxyModel):
        proxy.setSourceModel(model)
    view = model.property("zeshi_view")
    if isinstance(view, QTableView):
        view.resizeColumnsToContents()
        for column in range(model.columnCount() - 1):   # long names elide (full text in the tooltip)
            if view.columnWidth(column) > MAX_COLUMN:
                view.setColumnWidth(column, MAX_COLUMN)


# ------------------------------------------------------------------ charts

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


class Dashboard(AnnexView):
    """A meeting dashboard: a page like the sheets, reading through the runner and following its changes.

    The main window's selection gives the year (and, where a dashboard
    follows it, the district); nothing is read before the first selection.
    Any change that may move a figure (a score, a finalised sheet, the
    roster, the weights, a recommendation) makes it read again, at once when
    shown, else when next shown. Its own marks come back with ``source`` set
    to the dashboard and are already on screen. Subclasses implement
    :meth:`draw`.
    """

    @property
    def year(self) -> int:
        assert self.selection is not None, "a dashboard draws after its first selection"
        return self.selection.year

    def load(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read and draw again (after a filter was changed on the dashboard, or a change)."""
        if self.selection is not None:
            self.draw()

    def draw(self) -> None:
        raise NotImplementedError

    def on_changed(self, change: Change) -> None:
        if change.source is not self and change.touches_results:
            self.reload_when_visible()


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


def short(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def horizontal_bars(view: QChartView, title: str, labels: Sequence[str],
                    sets: Sequence[tuple[str, Sequence[float], QColor]], *, value_min: float | None = None,
                    value_max: float | None = None, label_chars: int = 14, show_values: bool = True,
                    tick_interval: float | None = None) -> None:
    """One bar (or a group of bars, one per set) per label; the first label on top."""
    chart = reset_chart(view, title)
    series = QHorizontalBarSeries()
    everything: list[float] = []
    for name, values, colour in sets:
        # rounded: the table beside has the exact figure
        bar_set = _bar_set(name, [round(float(v), 1) for v in values], colour, colour, BASE_POINTS - 2.5)
        bar_set.setLabelColor(QColor("#202020"))
        series.append(bar_set)
        everything += [float(v) for v in values]
    series.setLabelsVisible(show_values)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsPrecision(4)
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
