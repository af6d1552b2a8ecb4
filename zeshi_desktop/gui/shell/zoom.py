"""Ctrl+= / Ctrl+− / Ctrl+0: the pages' text made larger or smaller, for a projector or tired eyes.

Qt Widgets have no per-window scale, and the pages set some fonts of their
own (the dashboards' 12 pt tables and charts, a sheet's bold title). So the
zoom sets the page area's font to the application's times the factor (what
inherits it follows), and scales each font a page set itself, each table's
row height and column widths and each chart's texts, remembering their own
sizes in a property so that zooming back restores them exactly. A page that
sets a font again (a dashboard refilled) is noticed by its size and taken as
the new base. Pages built or refilled later are caught after each page
switch, selection and change.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView, QTabWidget, QWidget

STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5)
BASE, LAST = "zeshi_zoom_base", "zeshi_zoom_last"   # a size as its page set it; as this module last set it
APPLIED = "zeshi_zoom_applied"   # the factor the page area's font was last set to
TOUCHED, HOOKED = "zeshi_zoom_touched", "zeshi_zoom_hooked"
FOLLOWS = "zeshi_zoom_follows"   # a styled widget whose font is its parent's (see _follow_parent)


def _scaled(obj: QObject, get: Callable[[], float], put: Callable[[float], None], factor: float) -> None:
    """Set a size of ``obj`` to its page's own size times ``factor``.

    The size last set here is kept (``LAST``, as read back: row heights are
    whole pixels); a size that differs from it was set anew by the page and
    becomes the base.
    """
    current = get()
    base, last = obj.property(BASE), obj.property(LAST)
    if base is None or last is None or abs(current - float(last)) > 0.01:
        base = current
    target = float(base) * factor
    if abs(target - current) > 0.01:
        put(target)
    obj.setProperty(BASE, float(base))
    obj.setProperty(LAST, float(get()))


def _resized(font: QFont, points: float) -> QFont:
    changed = QFont(font)
    changed.setPointSizeF(points)
    return changed


def _set_font(widget: QWidget, font: QFont) -> None:
    widget.setFont(font)
    _repolish(widget)


def _follow_parent(widget: QWidget) -> None:
    """Give a widget with a style sheet of its own (a coloured status, a bold note) its parent's font.

    Such a widget keeps the font it was first polished with: the page area's
    new font does not reach it. Its style sheet's own font settings (bold)
    still apply on top once re-polished. Marked, so that later zooms treat
    the font as its parent's, not as one its page set.
    """
    parent = widget.parentWidget()
    if parent is None:
        return
    widget.setProperty(FOLLOWS, True)
    if widget.font().pointSizeF() != parent.font().pointSizeF():
        _set_font(widget, QFont(parent.font()))


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    if style.metaObject().className() == "QStyleSheetStyle":   # under a style sheet a new font shows once re-polished
        style.unpolish(widget)
        style.polish(widget)


def _font_of(widget: QWidget, factor: float) -> None:
    if widget.font().pointSizeF() > 0:
        _scaled(widget, lambda: widget.font().pointSizeF(),
                lambda points: _set_font(widget, _resized(widget.font(), points)), factor)


def _chart_fonts(view: QWidget, factor: float) -> None:
    from PySide6.QtCharts import QAbstractBarSeries
    chart = view.chart()  # type: ignore[attr-defined]
    targets: list[tuple[QObject, Callable[[], QFont], Callable[[QFont], None]]] = [
        (chart, chart.titleFont, chart.setTitleFont),
        (chart.legend(), chart.legend().font, chart.legend().setFont)]
    for axis in chart.axes():
        targets.append((axis, axis.labelsFont, axis.setLabelsFont))
    for series in chart.series():
        if isinstance(series, QAbstractBarSeries):
            targets.extend((bar_set, bar_set.labelFont, bar_set.setLabelFont) for bar_set in series.barSets())
    for obj, get, put in targets:
        if get().pointSizeF() > 0:
            _scaled(obj, lambda get=get: get().pointSizeF(),
                    lambda points, get=get, put=put: put(_resized(get(), points)), factor)


def _table(view: QTableView, factor: float) -> None:
    rows = view.verticalHeader()
    _scaled(rows, rows.defaultSectionSize, lambda size: rows.setDefaultSectionSize(round(size)), factor)
    columns = view.horizontalHeader()
    before = view.property("zeshi_zoom_columns") or 1.0
    if abs(float(before) - factor) > 0.01:
        # each column sized by its page (a stretching one, e.g. a name that takes what the others leave, follows)
        for column in range(columns.count() - (1 if columns.stretchLastSection() else 0)):
            if columns.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive:
                view.setColumnWidth(column, round(view.columnWidth(column) * factor / float(before)))
    view.setProperty("zeshi_zoom_columns", factor)


class Zoom(QObject):
    """The zoom of one widget tree (the window's pages); ``factor`` 1.0 leaves every page as it built itself."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self.root = root
        self.factor = 1.0
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.apply)

    def set(self, factor: float) -> float:
        self.factor = min(max(factor, STEPS[0]), STEPS[-1])
        self.apply()
        return self.factor

    def step(self, direction: int) -> float:
        """The next step up (``+1``) or down (``-1``) from the present factor."""
        if direction > 0:
            bigger = [s for s in STEPS if s > self.factor + 0.001]
            return self.set(bigger[0] if bigger else STEPS[-1])
        smaller = [s for s in STEPS if s < self.factor - 0.001]
        return self.set(smaller[-1] if smaller else STEPS[0])

    def soon(self) -> None:
        """Catch what a page built or refilled since (after the current event, once however often asked)."""
        if self.factor != 1.0:
            self._pending.start()

    def apply(self) -> None:
        """Scale the page area to ``factor``: its font, and what its pages sized themselves."""
        factor = self.factor
        if factor == 1.0 and self.root.property(APPLIED) is None:
            return   # never zoomed: nothing to undo
        font = QFont(QApplication.font())
        font.setPointSizeF(QApplication.font().pointSizeF() * factor)
        self.root.setFont(font)
        self.root.setProperty(APPLIED, factor)
        charts = sys.modules.get("PySide6.QtCharts")   # no chart on any page until a dashboard loaded it
        for widget in self.root.findChildren(QWidget):
            if isinstance(widget, QTabWidget) and not widget.property(HOOKED):
                widget.currentChanged.connect(lambda _i: self.soon())   # a dashboard's own tabs
                widget.setProperty(HOOKED, True)
            if factor == 1.0 and not widget.property(TOUCHED):
                continue   # built after the zoom went back to 100 %: already as its page made it
            widget.setProperty(TOUCHED, True)
            if widget.property(FOLLOWS) or (widget.styleSheet() and not widget.testAttribute(
                    Qt.WidgetAttribute.WA_SetFont)):
                _follow_parent(widget)
            elif widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                _font_of(widget, factor)   # first: a header's least row height follows its font
            if isinstance(widget, QTableView):
                _table(widget, factor)
            elif charts is not None and isinstance(widget, charts.QChartView):
                _chart_fonts(widget, factor)
