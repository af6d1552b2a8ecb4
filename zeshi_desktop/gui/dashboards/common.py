"""What every dashboard shares: the page it is, projector-sized fonts, sortable tables (charts: ``charts``).

Dashboards are projected in a meeting room, so text is large (``BASE_POINTS``)
and charts carry their numbers. Numbers stay ``Decimal`` in the services;
here they become display text (``messages.number_text``, the one formatter) plus a float kept
under ``SORT_ROLE`` so that sorting a column sorts by value, not by text.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QTabWidget,
    QWidget,
)

from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.views.base import AnnexView
from zeshi_desktop.messages import number_text

from .names import heading

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


def tab_widget(parent: QWidget | None = None) -> QTabWidget:
    """A dashboard's tabs, in the dashboards' font: every tab whole, the bar scrolling when they are more than fit.

    Set here rather than left to the style: some styles elide tab titles
    ("Recusals and le…") instead of scrolling.
    """
    tabs = QTabWidget(parent)
    big(tabs.tabBar(), 1.0, True)
    tabs.setUsesScrollButtons(True)
    tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
    return tabs


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


def table_view(model: QStandardItemModel, parent: QWidget | None = None, *, sortable: bool = True,
               elastic: Sequence[int] = (), wrap: bool = False) -> tuple[QTableView, SortProxy]:
    """A sortable, read-only table of the dashboards' fonts.

    ``elastic`` columns (long names: a planner, a circle, a statement) take
    the width the others leave and elide, their whole text in the tooltip,
    so that a table fits beside the tree on a 1280-pixel screen instead of
    pushing its last columns out of sight. With ``wrap`` a long heading of
    several words goes on two lines (``names.heading``: "Weighted" over "3-1").
    """
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
    header.setStretchLastSection(not elastic)
    header.setDefaultSectionSize(48)   # the stretched last column never grows past the view for nothing
    header.setMinimumSectionSize(36)
    view.setProperty("zeshi_elastic", list(elastic))
    view.setProperty("zeshi_wrap", wrap)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
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
    view = model.property("zeshi_view")
    wrap = isinstance(view, QTableView) and bool(view.property("zeshi_wrap"))
    model.setHorizontalHeaderLabels([heading(h) if wrap else h for h in headers])
    for row in rows:
        model.appendRow(list(row))
    if isinstance(proxy, QSortFilterProxyModel):
        proxy.setSourceModel(model)
    if isinstance(view, QTableView):
        header = view.horizontalHeader()
        elastic = [c for c in (view.property("zeshi_elastic") or []) if c < model.columnCount()]
        for column in range(model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        _fit_columns(view, model)
        for column in elastic:   # takes what the others leave, never pushes them out of sight
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def _fit_columns(view: QTableView, model: QStandardItemModel) -> None:
    """Each column as wide as its cells and its heading's longest line, long names eliding past ``MAX_COLUMN``.

    Not ``resizeColumnsToContents``: Qt widens every heading by its own
    height for a sort arrow, which a heading on two lines makes as wide
    again; the arrow shows on one column at a time and may overlap its text.
    """
    header = view.horizontalHeader()
    metrics = QFontMetrics(header.font())
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 8
    for column in range(model.columnCount()):
        heading_item = model.horizontalHeaderItem(column)
        lines = heading_item.text().split("\n") if heading_item is not None else [""]
        width = max(view.sizeHintForColumn(column), max(metrics.horizontalAdvance(line) for line in lines) + margin)
        view.setColumnWidth(column, width if column == model.columnCount() - 1 else min(width, MAX_COLUMN))


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
