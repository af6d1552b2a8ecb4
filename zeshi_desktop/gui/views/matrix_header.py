"""The 3-2 matrix's heading: two rows over the score columns, frozen above the rows, full or compact.

The heading is the annex's: 序号, 责任片区, 责师, then the five groups over
their nine items, 总分 and 等级. It lives in the table's first
:data:`HEADER_ROWS` rows (so spans can group the items, which a
``QHeaderView`` cannot) and is shown by :class:`FrozenHeader`, a second view
of the same rows placed above the viewport: it stays while a district's
forty rows scroll under it.

Full, the item cells carry the annex's whole texts (about 245 px at
1366x768); compact, a few words each (``column_label`` in the form) with the
whole text as the tooltip, so a laptop screen shows many more rows. The
person chooses (:data:`SETTING`, remembered); until they do, a screen less
than :data:`TALL_SCREEN` pixels high starts compact.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from zeshi_desktop.domain.forms import Form, Item, Section
from zeshi_desktop.domain.scores import display, short_en

from ..i18n import lang, tr

HEADER_ROWS = 2
FIXED_COLS = 3  # 序号, 责任片区, 责师
HEADER_BG = QColor("#e8edf3")
SETTING = "matrix/compact_header"
TALL_SCREEN = 900   # available height (logical pixels) from which the full heading is the default


def settings_of(widget: QWidget) -> QSettings | None:
    """The main window's settings (a page built on its own, as in a test, has none)."""
    settings = getattr(widget.window(), "settings", None)
    return settings if isinstance(settings, QSettings) else None


def compact_default(widget: QWidget) -> bool:
    """Compact on a screen too short for the annex's full texts over the rows."""
    screen = widget.screen()
    return screen is None or screen.availableGeometry().height() < TALL_SCREEN


def item_heading(item: Item, compact: bool) -> str:
    """An item column's heading: the annex's text, or its few words and its maximum."""
    if not compact:
        return item.text.get(lang())
    label = item.column_label.get(lang()) if item.column_label else (item.short if lang() == "zh"
                                                                     else short_en(item))
    return f"{label}\n{display(item.max)}"


def section_heading(section: Section, compact: bool) -> str:
    """A group's heading: the annex's title (with its points), or its few words (the points are under its items)."""
    if not compact or section.column_label is None:
        return section.title.get(lang())
    return section.column_label.get(lang())


class FrozenHeader(QTableView):
    """The table's heading rows, shown where its horizontal header is; they scroll sideways with it only.

    The table's own copies of those rows are hidden, so the row numbers stay
    the model's (row 2 is the first unit) and only units scroll. The table's
    (unlabelled) horizontal header keeps the place above the rows: the table
    lays out its viewport below it, and this view covers it exactly.
    """

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        self.setModel(table.model())
        self.setObjectName("matrixHeader")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)   # the table's widths only
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrap(True)
        self.font_changed: Callable[[], None] | None = None   # the heading refits its rows to a new font
        font = QFont(table.font())   # a little smaller than the rows; the zoom (Ctrl+=) scales it from here
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.setFont(font)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = table.horizontalHeader()
        header.show()
        header.setSectionsClickable(False)
        table.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        header.sectionResized.connect(lambda col, _old, new: self.setColumnWidth(col, new))
        header.installEventFilter(self)
        for row in range(HEADER_ROWS):
            table.setRowHidden(row, True)

    def set_heights(self, heights: list[int]) -> None:
        """The heading rows' heights; the table's header takes their sum, so its rows start below them."""
        for row, height in enumerate(heights):
            self.setRowHeight(row, height)
        self.table.horizontalHeader().setFixedHeight(sum(heights))
        self.table.updateGeometries()
        self.place()

    def place(self) -> None:
        self.setGeometry(self.table.horizontalHeader().geometry())
        self.horizontalScrollBar().setValue(self.table.horizontalScrollBar().value())
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.place()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.font_changed is not None:
            self.font_changed()


class MatrixHeader:
    """Builds the heading rows of a 3-2 table and fits them, in the full or the compact form."""

    def __init__(self, table: QTableWidget, form: Form, col_of_item: dict[str, int], total_col: int,
                 band_col: int) -> None:
        self.table, self.form, self.col_of_item = table, form, col_of_item
        self.total_col, self.band_col = total_col, band_col
        self.compact = False
        self.frozen = FrozenHeader(table)
        self._build()
        self.frozen.font_changed = lambda: self._timer.start(0)
        self._timer = QTimer(table)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.fit)
        table.horizontalHeader().sectionResized.connect(lambda *_: self._timer.start(0))

    def _build(self) -> None:
        form, t, spans = self.form, self.table, self.frozen.setSpan   # the heading's spans are the frozen view's
        t.verticalHeader().hide()
        for col, text in enumerate((tr("序号"), tr("责任片区"), tr("责师"))):
            self._head(0, col, text)
            spans(0, col, 2, 1)
        for section in form.sections:
            first = self.col_of_item[section.items[0].id]
            self._head(0, first, "")
            if len(section.items) > 1:
                spans(0, first, 1, len(section.items))
            for item in section.items:
                self._head(1, self.col_of_item[item.id], "")
        for col, text in ((self.total_col, form.total_label.get(lang())), (self.band_col, tr("等级"))):
            self._head(0, col, text)
            spans(0, col, 2, 1)
        header = t.horizontalHeader()
        for col in range(self.band_col + 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if FIXED_COLS <= col < self.total_col
                                        else QHeaderView.ResizeMode.Fixed)
        for col, width in ((0, 44), (1, 120), (2, 150), (self.total_col, 60), (self.band_col, 60)):
            t.setColumnWidth(col, width)
        self._fill()

    def _head(self, row: int, col: int, text: str) -> QTableWidgetItem:
        cell = QTableWidgetItem(text)
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
        cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        cell.setBackground(QBrush(HEADER_BG))
        self.table.setItem(row, col, cell)
        return cell

    def _fill(self) -> None:
        """The group and item texts for the current form of the heading; the whole text always as tooltip."""
        t = self.table
        for section in self.form.sections:
            cell = t.item(0, self.col_of_item[section.items[0].id])
            cell.setText(section_heading(section, self.compact))
            cell.setToolTip(section.title.get(lang()))
            for item in section.items:
                cell = t.item(1, self.col_of_item[item.id])
                cell.setText(item_heading(item, self.compact))
                cell.setToolTip(f"{section.title.get(lang())}\n{item.text.get(lang())}")

    def set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        self._fill()
        self.fit()

    def _wrapped_height(self, row: int, col: int, width: int) -> int:
        cell = self.table.item(row, col)
        rect = QFontMetrics(self.frozen.font()).boundingRect(QRect(0, 0, max(width - 8, 20), 10_000),
                                                      int(Qt.TextFlag.TextWordWrap), cell.text())
        return rect.height() + 10

    def fit(self) -> None:
        """Heights of the two heading rows for the current column widths and texts.

        Computed here because Qt's row fitting mis-counts the cells spanning both rows.
        """
        t = self.table
        items = max(self._wrapped_height(1, self.col_of_item[i.id], t.columnWidth(self.col_of_item[i.id]))
                    for i in self.form.items)
        groups = 0
        for section in self.form.sections:
            first = self.col_of_item[section.items[0].id]
            width = sum(t.columnWidth(first + i) for i in range(len(section.items)))
            groups = max(groups, self._wrapped_height(0, first, width))
        self.frozen.set_heights([groups, items])

    def height(self) -> int:
        return sum(self.frozen.rowHeight(row) for row in range(HEADER_ROWS))
