"""A table for typing scores like a spreadsheet.

Typing a digit starts editing the current score cell; Tab, Enter and
Shift+Tab commit and move to the next (previous) score cell. The view is told
of every keystroke (``previewed``: live totals, an immediate refusal) and of
every commit (``committed``: one service call). The table itself never stores
a value: the view writes the stored value back after the service accepted it.

A value the view refuses (``check``) is never committed by Tab or Enter: the
editor stays open on the typed text, and the reason stands beside the cell
(:class:`CellTip`), so the scorer corrects it where it is instead of finding an
empty cell behind them. Typing on a cell that may not be changed (a finalised
sheet) says so (``blocked``) instead of jumping to some cell that starts
with the typed digit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QWidget,
)

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1   # the form item id of a score cell
KEY_ROLE = Qt.ItemDataRole.UserRole + 2    # which sheet (row key) a score cell belongs to

_MOVE_KEYS = {Qt.Key.Key_Tab: 1, Qt.Key.Key_Return: 1, Qt.Key.Key_Enter: 1, Qt.Key.Key_Backtab: -1}
_TIP_STYLES = {
    "refused": "background: #b00020; color: white; padding: 4px 6px; border-radius: 3px;",
    "locked": "background: #fff4d6; color: #5d4200; border: 1px solid #e0c46c; padding: 4px 6px;",
}
TIP_WIDTH = 340


class CellTip(QLabel):
    """A note beside one cell (why a value was refused, why the sheet takes no typing); hidden when empty.

    A child of the table's viewport, placed beside the cell's rectangle: to the
    right when there is room, else under the cell (above it at the bottom of
    the view), so the cell's own row stays readable. It follows scrolling.
    """

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table.viewport())
        self.table = table
        self.setObjectName("cellTip")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMaximumWidth(TIP_WIDTH)
        self.cell: tuple[int, int] | None = None
        self.kind = ""
        self.hide()
        for bar in (table.verticalScrollBar(), table.horizontalScrollBar()):
            bar.valueChanged.connect(self.place)

    def show_at(self, row: int, col: int, text: str, kind: str = "refused") -> None:
        if not text:
            self.clear_tip()
            return
        self.cell, self.kind = (row, col), kind
        self.setStyleSheet(_TIP_STYLES.get(kind, _TIP_STYLES["refused"]))
        self.setText(text)
        self.setFixedWidth(min(TIP_WIDTH, max(160, self.table.viewport().width() // 3)))
        self.adjustSize()
        self.place()
        self.show()
        self.raise_()

    def clear_tip(self) -> None:
        self.cell, self.kind = None, ""
        self.clear()
        self.hide()

    def place(self) -> None:
        if self.cell is None:
            return
        rect: QRect = self.table.visualRect(self.table.model().index(*self.cell))
        area = self.table.viewport().rect()
        x, y = rect.right() + 4, rect.top()
        if x + self.width() > area.right():   # no room on the right: under the cell, its right edges aligned
            x = max(area.left(), min(rect.left(), rect.right() - self.width()))
            y = rect.bottom() + 3
            if y + self.height() > area.bottom():
                y = max(area.top(), rect.top() - self.height() - 3)
        self.move(x, y)


class ScoreDelegate(QStyledItemDelegate):
    """A plain line editor whose keystrokes and commits go to the table's signals."""

    def __init__(self, table: ScoreTable) -> None:
        super().__init__(table)
        self.table = table

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        persistent = QPersistentModelIndex(index)
        editor.textEdited.connect(lambda text: self.table.previewed.emit(persistent.row(), persistent.column(),
                                                                         text))
        editor.setProperty("row", index.row())
        editor.setProperty("column", index.column())
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit) and not editor.text():
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            self.table.committed.emit(index.row(), index.column(), editor.text())

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and isinstance(editor, QLineEdit):
            step = _MOVE_KEYS.get(Qt.Key(event.key()))
            if event.key() == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                step = -1
            if step is not None:
                row, col = int(editor.property("row")), int(editor.property("column"))
                if self.table.refusal(row, col, editor.text()):
                    # the reason is beside the cell (the view's preview); the typed text stays to be corrected
                    self.table.previewed.emit(row, col, editor.text())
                    editor.selectAll()
                    return True
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.table.move_score_cell(step)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.table.previewed.emit(self.table.currentRow(), self.table.currentColumn(), None)
        return super().eventFilter(editor, event)


class ScoreTable(QTableWidget):
    """QTableWidget with spreadsheet-like movement between its editable score cells."""

    previewed = Signal(int, int, object)   # row, column, text typed so far (None: editing cancelled)
    committed = Signal(int, int, str)      # row, column, text to store
    blocked = Signal(int, int)             # row, column of a score cell typed on that may not be changed

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.setItemDelegate(ScoreDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(True)
        # why a value typed in (row, col) cannot be stored, "" when it can: set by the view (the form's rules)
        self.check: Callable[[int, int, str], str] | None = None
        self.tip = CellTip(self)
        self.currentCellChanged.connect(self._left_cell)

    def refusal(self, row: int, col: int, text: str) -> str:
        """Why ``text`` cannot be the value of the score cell (row, col); "" when it can (or when empty)."""
        if self.check is None or not text.strip():
            return ""
        return self.check(row, col, text)

    def discard_edit(self) -> None:
        """Close an open editor without storing what it holds, and the note: the table shows another sheet now."""
        for editor in self.viewport().findChildren(QLineEdit):
            if editor.isVisible():
                self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.tip.clear_tip()

    def is_score_cell(self, row: int, col: int) -> bool:
        item = self.item(row, col)
        return item is not None and item.data(ITEM_ROLE) is not None

    def score_cells(self) -> list[tuple[int, int]]:
        """Editable cells in reading order (row by row), rows hidden from view left out."""
        cells = []
        for row in range(self.rowCount()):
            if self.isRowHidden(row):
                continue
            for col in range(self.columnCount()):
                if self.is_score_cell(row, col):
                    cells.append((row, col))
        return cells

    def move_score_cell(self, step: int) -> None:
        cells = self.score_cells()
        if not cells:
            return
        here = (self.currentRow(), self.currentColumn())
        if here in cells:
            target = cells[(cells.index(here) + step) % len(cells)]
        else:
            later = [c for c in cells if c > here] if step > 0 else [c for c in cells if c < here][::-1]
            target = later[0] if later else cells[0]
        self.setCurrentCell(*target)
        self.scrollToItem(self.item(*target))

    def _left_cell(self, row: int, col: int, *_previous: int) -> None:
        """A note about another cell goes when the cursor moves on (the view's own hint keeps a refusal)."""
        if self.tip.cell is not None and self.tip.cell != (row, col):
            self.tip.clear_tip()

    def _typed(self, event: QKeyEvent) -> bool:
        """Whether ``event`` types a character (not a shortcut, not a movement)."""
        text = event.text()
        mods = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                    | Qt.KeyboardModifier.MetaModifier)
        return bool(text) and text.isprintable() and not mods

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        editing = self.state() == QAbstractItemView.State.EditingState
        if key in _MOVE_KEYS and not editing:
            backwards = key == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.move_score_cell(-1 if backwards and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) else
                                 _MOVE_KEYS[Qt.Key(key)])
            event.accept()
            return
        item = self.currentItem()
        on_score = item is not None and item.data(ITEM_ROLE) is not None
        editable = on_score and bool(item.flags() & Qt.ItemFlag.ItemIsEditable)  # type: ignore[union-attr]
        erase = key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if not editing and on_score and not editable and (erase or self._typed(event)):
            self.blocked.emit(self.currentRow(), self.currentColumn())
            event.accept()
            return
        if erase and not editing and editable:
            self.committed.emit(self.currentRow(), self.currentColumn(), "")
            event.accept()
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """No jumping to a cell whose text starts with the typed key: digits are scores here, not a search."""

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab stays inside the table while it has score cells (a sheet is filled by keyboard)."""
        if self.score_cells():
            self.move_score_cell(1 if next else -1)
            return True
        return super().focusNextPrevChild(next)
