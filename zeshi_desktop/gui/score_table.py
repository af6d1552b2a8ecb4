"""A table for typing scores like a spreadsheet.

Typing a digit starts editing the current score cell; Tab, Enter and
Shift+Tab commit and move to the next (previous) score cell. The view is told
of every keystroke (``previewed``: live totals, an immediate refusal) and of
every commit (``committed``: one service call). The table itself never stores
a value: the view writes the stored value back after the service accepted it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QWidget,
)

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1   # the form item id of a score cell
KEY_ROLE = Qt.ItemDataRole.UserRole + 2    # which sheet (row key) a score cell belongs to

_MOVE_KEYS = {Qt.Key.Key_Tab: 1, Qt.Key.Key_Return: 1, Qt.Key.Key_Enter: 1, Qt.Key.Key_Backtab: -1}


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
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and isinstance(editor, QWidget):
            step = _MOVE_KEYS.get(Qt.Key(event.key()))
            if event.key() == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                step = -1
            if step is not None:
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

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.setItemDelegate(ScoreDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(True)

    def score_cells(self) -> list[tuple[int, int]]:
        """Editable cells in reading order (row by row)."""
        cells = []
        for row in range(self.rowCount()):
            for col in range(self.columnCount()):
                item = self.item(row, col)
                if item is not None and item.data(ITEM_ROLE) is not None:
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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _MOVE_KEYS and self.state() != QAbstractItemView.State.EditingState:
            backwards = key == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.move_score_cell(-1 if backwards and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) else
                                 _MOVE_KEYS[Qt.Key(key)])
            event.accept()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != QAbstractItemView.State.EditingState:
            item = self.currentItem()
            if item is not None and item.data(ITEM_ROLE) is not None and item.flags() & Qt.ItemFlag.ItemIsEditable:
                self.committed.emit(self.currentRow(), self.currentColumn(), "")
                event.accept()
                return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        """Tab stays inside the table while it has score cells (a sheet is filled by keyboard)."""
        if self.score_cells():
            self.move_score_cell(1 if next else -1)
            return True
        return super().focusNextPrevChild(next)
