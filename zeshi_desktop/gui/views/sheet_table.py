"""The paper-like table of a scored sheet: 工作职责 / 工作版块 / 单项满分 / 评分 / 提示.

Rows come from the form (parts > sections > items, then part subtotals and
the total); the table shows values and sums it is given and keeps row
heights fitted to the wrapped texts. It holds no scores itself.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidgetItem, QWidget

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.scores import display
from zeshi_desktop.domain.sheet import SheetTotals

from ..i18n import lang, tr
from ..score_table import ITEM_ROLE, ScoreTable

COL_GROUP, COL_TEXT, COL_MAX, COL_SCORE, COL_HINT = range(5)
REFUSED = QColor("#fde2e1")
TOTAL_BG = QColor("#eef2f7")
HINT_FG = QColor("#b00020")


def set_text(cell: QTableWidgetItem, text: str) -> None:
    """Only a real change reaches the model (each setText repaints and notifies)."""
    if cell.text() != text:
        cell.setText(text)


class PaperTable(ScoreTable):
    def __init__(self, form: Form, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.form = form
        self.row_of_item: dict[str, int] = {}
        self.section_rows: dict[str, int] = {}
        self.part_rows: dict[str, int] = {}
        self.total_row = -1
        self._build()
        # Row heights follow the wrapped texts, which change only with the column widths: fitting them
        # once per resize (not on every setText, as ResizeToContents would) keeps switching fast.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self.fit_rows)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._fit_timer.start(0))
        self.fit_rows()

    def _headers(self) -> list[str]:
        if len(self.form.columns) == 4:  # 3-1 and 4-3 name their four columns
            labels = [c.get(lang()) for c in self.form.columns]
        else:
            labels = [tr("类别"), tr("评分内容"), tr("分值"), tr("评分")]
        return labels + [tr("提示")]

    def _build(self) -> None:
        form = self.form
        self.setHorizontalHeaderLabels(self._headers())
        single_section = len(form.sections) == 1
        row = 0
        for part in form.parts:
            for section in part.sections:
                first = row
                for index, item in enumerate(section.items, start=1):
                    self.insertRow(row)
                    group = item.number or str(index) if single_section else section.title.get(lang())
                    self._fixed(row, COL_GROUP, group)
                    self._fixed(row, COL_TEXT, item.text.get(lang()))
                    self._fixed(row, COL_MAX, display(item.max), center=True)
                    cell = QTableWidgetItem("")
                    cell.setData(ITEM_ROLE, item.id)
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.setItem(row, COL_SCORE, cell)
                    self._fixed(row, COL_HINT, "")
                    self.row_of_item[item.id] = row
                    row += 1
                if not single_section:
                    self.section_rows[section.id] = first
                    if row - first > 1:
                        self.setSpan(first, COL_GROUP, row - first, 1)
            if len(form.parts) > 1:
                self.insertRow(row)
                self._total_row(row, part.total_label.get(lang()), display(part.max))
                self.part_rows[part.id] = row
                row += 1
        self.insertRow(row)
        self._total_row(row, form.total_label.get(lang()), display(form.total) if form.total else "")
        self.total_row = row
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_GROUP, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_HINT, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(COL_GROUP, 60 if single_section else 160)
        self.setColumnWidth(COL_MAX, 64)
        self.setColumnWidth(COL_SCORE, 64)
        self.setColumnWidth(COL_HINT, 120)
        self.verticalHeader().hide()
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def _fixed(self, row: int, col: int, text: str, center: bool = False) -> QTableWidgetItem:
        cell = QTableWidgetItem(text)
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if center:
            cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setItem(row, col, cell)
        return cell

    def _total_row(self, row: int, label: str, maximum: str) -> None:
        self.setSpan(row, COL_GROUP, 1, 2)
        for col, text in ((COL_GROUP, label), (COL_MAX, maximum), (COL_SCORE, ""), (COL_HINT, "")):
            cell = self._fixed(row, col, text, center=col != COL_GROUP)
            cell.setBackground(QBrush(TOTAL_BG))
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)

    # ------------------------------------------------------------ heights
    def _text_height(self, text: str, width: int) -> int:
        rect = self.fontMetrics().boundingRect(QRect(0, 0, max(width - 10, 20), 10_000),
                                               int(Qt.TextFlag.TextWordWrap), text)
        return rect.height() + 12

    def fit_rows(self) -> None:
        """Row heights for the wrapped texts; a spanned 工作职责 cell stretches its last row if needed.

        (Qt's own resizeRowsToContents counts a spanned cell in every row it covers.)
        """
        spanned = set(self.section_rows.values())
        minimum = self.fontMetrics().height() + 12
        for row in range(self.rowCount()):
            height = minimum
            for col in (COL_GROUP, COL_TEXT, COL_HINT):
                cell = self.item(row, col)
                if cell is None or self.columnSpan(row, col) > 1 or \
                        (col == COL_GROUP and (self.rowSpan(row, col) > 1 or row in spanned)):
                    continue
                height = max(height, self._text_height(cell.text(), self.columnWidth(col)))
            self.setRowHeight(row, height)
        for first in spanned:
            rows = self.rowSpan(first, COL_GROUP)
            need = self._text_height(self.item(first, COL_GROUP).text(), self.columnWidth(COL_GROUP))
            have = sum(self.rowHeight(first + i) for i in range(rows))
            if need > have:
                last = first + rows - 1
                self.setRowHeight(last, self.rowHeight(last) + need - have)

    # ------------------------------------------------------------ values
    def item_id_at(self, row: int, col: int) -> str | None:
        cell = self.item(row, col)
        return cell.data(ITEM_ROLE) if cell is not None else None

    def show_scores(self, scores: dict, editable: bool) -> None:  # type: ignore[type-arg]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        for item_id, row in self.row_of_item.items():
            cell = self.item(row, COL_SCORE)
            set_text(cell, display(scores.get(item_id)))
            if cell.flags() != flags:
                cell.setFlags(flags)

    def show_score(self, item_id: str, text: str) -> None:
        self.item(self.row_of_item[item_id], COL_SCORE).setText(text)

    def show_sums(self, sums: SheetTotals) -> None:
        for section in self.form.sections:
            row = self.section_rows.get(section.id)
            if row is not None:
                set_text(self.item(row, COL_GROUP), f"{section.title.get(lang())}\n" + tr("小计 {0} / {1}").format(
                    display(sums.section_sums[section.id]), display(section.max)))
        for part in self.form.parts:
            row = self.part_rows.get(part.id)
            if row is not None:
                set_text(self.item(row, COL_SCORE), display(sums.part_sums[part.id]))
        set_text(self.item(self.total_row, COL_SCORE), display(sums.total))
        set_text(self.item(self.total_row, COL_HINT), sums.band.label.get(lang()) if sums.complete else "")

    def set_hint(self, row: int, text: str) -> None:
        """The reason a value was refused, in the 提示 column beside its cell (empty: clear it)."""
        hint = self.item(row, COL_HINT)
        if hint.text() == text:
            return
        hint.setText(text)
        hint.setForeground(QBrush(HINT_FG))
        hint.setToolTip(text)
        self.item(row, COL_SCORE).setBackground(QBrush(REFUSED) if text else QBrush())
        self._fit_timer.start(0)   # the reason wraps in its column
