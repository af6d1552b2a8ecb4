"""3-2: the review-group matrix of the current reviewer, entered like a spreadsheet.

One row per appointment (序号, 责任片区, 责师), the nine items under their five
headings (two header rows built from the form), total and band per row. Each
row is one sheet of this reviewer; a row's totals are recomputed in memory.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedLayout,
    QTableWidgetItem,
    QWidget,
)

from zeshi_desktop.domain.scores import ScoreRefused, display, parse_score
from zeshi_desktop.domain.sheet import totals
from zeshi_desktop.services import roster
from zeshi_desktop.services.roster.directory import AppointmentView
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.scoring.sheets import SheetView

from ..actions import ActionRunner, Change
from ..finalise_all import MatrixRow
from ..finalise_all import finalise_all as finalise_rows
from ..i18n import lang, tr
from ..score_table import ITEM_ROLE, KEY_ROLE, ScoreTable
from ..selection import PrintRequest
from ..sheet_access import SheetKey
from ..sheet_bar import SheetBar
from ..undo import ScoreCommand, describe
from .base import AnnexView, placeholder

HEADER_ROWS = 2
FIXED_COLS = 3  # 序号, 责任片区, 责师
HEADER_BG = QColor("#e8edf3")
REFUSED = QColor("#fde2e1")
LOCKED_BG = QColor("#f1f8e9")


def _labelled(label: str, value: str) -> str:
    """“单位：X” in Chinese, “Organisation: X” in English."""
    return f"{label} {value}" if label.endswith(":") else f"{label}{value}"


class MatrixView(AnnexView):
    form_id = "3-2"
    reviewer_level = "district"

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        form = self.form
        assert form is not None
        self.items = list(form.items)
        self.col_of_item = {item.id: FIXED_COLS + i for i, item in enumerate(self.items)}
        self.total_col = FIXED_COLS + len(self.items)
        self.band_col = self.total_col + 1
        self.rows: list[AppointmentView] = []
        self.row_sheets: dict[int, SheetView | None] = {}
        self.row_scores: dict[int, dict[str, Decimal]] = {}
        self.reviewer_name = ""

        self.root.addWidget(self.title_label())
        self.header = QLabel(self)
        self.root.addWidget(self.header)
        self.stack = QStackedLayout()
        self.empty = placeholder("", self)
        self.table = ScoreTable(HEADER_ROWS, self.band_col + 1, self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.root.addLayout(self.stack, 1)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #b00020; font-weight: bold;")
        self.root.addWidget(self.hint)
        notes = QLabel("  ".join(n.get(lang()) for n in form.notes), self)
        notes.setWordWrap(True)
        self.root.addWidget(notes)
        self.bar = SheetBar(runner, self.sheet_title, lambda: self.selection.actor if self.selection else "",
                            self.request_print, self)
        self.finalise_all_button = QPushButton(tr("全部定稿"), self.bar)
        self.finalise_all_button.setToolTip(tr("定稿本评审人的全部行（先检查每一行是否完整）"))
        self.finalise_all_button.clicked.connect(self.finalise_all)
        self.bar.layout().insertWidget(3, self.finalise_all_button)
        self.root.addWidget(self.bar)
        self._build_header()
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self.fit_header)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_timer.start(0))
        self.table.previewed.connect(self._on_preview)
        self.table.committed.connect(self._on_commit)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._row_focused(row))

    def _build_header(self) -> None:
        form = self.form
        assert form is not None
        t = self.table
        t.horizontalHeader().hide()
        t.verticalHeader().hide()
        fixed = [tr("序号"), tr("责任片区"), tr("责师")]
        for col, text in enumerate(fixed):
            self._head(0, col, text)
            t.setSpan(0, col, 2, 1)
        for section in form.sections:
            first = self.col_of_item[section.items[0].id]
            self._head(0, first, section.title.get(lang()))
            if len(section.items) > 1:
                t.setSpan(0, first, 1, len(section.items))
            for item in section.items:
                cell = self._head(1, self.col_of_item[item.id], item.text.get(lang()))
                cell.setToolTip(item.text.get(lang()))
        self._head(0, self.total_col, form.total_label.get(lang()))
        t.setSpan(0, self.total_col, 2, 1)
        self._head(0, self.band_col, tr("等级"))
        t.setSpan(0, self.band_col, 2, 1)
        header = t.horizontalHeader()
        for col in range(self.band_col + 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if FIXED_COLS <= col < self.total_col
                                        else QHeaderView.ResizeMode.Fixed)
        t.setColumnWidth(0, 44)
        t.setColumnWidth(1, 120)
        t.setColumnWidth(2, 150)
        t.setColumnWidth(self.total_col, 60)
        t.setColumnWidth(self.band_col, 60)
        t.setRowHeight(0, 44)

    def fit_header(self) -> None:
        """Height of the item-text header row for the current column widths.

        Computed here because Qt's row fitting mis-counts the cells spanning both header rows.
        """
        t = self.table
        tallest = 0
        for item in self.items:
            col = self.col_of_item[item.id]
            cell = t.item(1, col)
            metrics = QFontMetrics(cell.font())
            rect = metrics.boundingRect(QRect(0, 0, max(t.columnWidth(col) - 8, 20), 10_000),
                                        int(Qt.TextFlag.TextWordWrap), cell.text())
            tallest = max(tallest, rect.height() + 10)
        t.setRowHeight(1, tallest)
        tallest = 0
        for section in self.form.sections:  # type: ignore[union-attr]
            first = self.col_of_item[section.items[0].id]
            width = sum(t.columnWidth(first + i) for i in range(len(section.items)))
            cell = t.item(0, first)
            rect = QFontMetrics(cell.font()).boundingRect(QRect(0, 0, max(width - 8, 20), 10_000),
                                                          int(Qt.TextFlag.TextWordWrap), cell.text())
            tallest = max(tallest, rect.height() + 10)
        t.setRowHeight(0, tallest)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._fit_timer.start(0)  # the item texts wrap to the new column widths

    def _head(self, row: int, col: int, text: str) -> QTableWidgetItem:
        cell = QTableWidgetItem(text)
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
        cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        cell.setBackground(QBrush(HEADER_BG))
        font = cell.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        cell.setFont(font)
        self.table.setItem(row, col, cell)
        return cell

    # ------------------------------------------------------------ loading
    def sheet_title(self) -> str:
        row = self.table.currentRow() - HEADER_ROWS
        if 0 <= row < len(self.rows):
            return f"{self.rows[row].unit} {self.rows[row].planner} — {self.reviewer_name}"
        return self.reviewer_name

    def key(self, row: int) -> SheetKey:
        sel = self.selection
        assert sel is not None
        return SheetKey("3-2", sel.year, appointment_id=self.rows[row].id, reviewer_id=sel.reviewer_id)

    def load(self) -> None:
        sel = self.selection
        assert sel is not None
        if sel.district_id is None:
            return self._empty(tr("请在左侧选择一个区。"))
        reviewer = self.runner.read(lambda s: roster.reviewer(s, sel.reviewer_id)) if sel.reviewer_id else None
        if reviewer is None or reviewer.level != "district" or reviewer.district_id != sel.district_id:
            return self._empty(tr("3-2 由区级评审组成员填写：请在上方“评分人”中选择本区的一位评审人。"))
        self.reviewer_name = reviewer.name
        self.locked_reason(sel.reviewer_id)
        header_values = [reviewer.organisation, reviewer.name]
        self.header.setText("    ".join(_labelled(f.label.get(lang()), v) for f, v in zip(self.form.header_fields,
                                                                                     header_values, strict=False))
                            + "    " + tr("年度：{0}").format(sel.year))

        def query(session):  # type: ignore[no-untyped-def]
            apps = roster.appointments(session, sel.year, sel.district_id)
            found = {}
            for a in apps:
                sid = sheets.find_sheet_id(session, "3-2", sel.year, appointment_id=a.id,
                                           reviewer_id=sel.reviewer_id)
                found[a.id] = sheets.view(session, sid) if sid is not None else None
            return apps, found
        self.rows, by_app = self.runner.read(query)
        t = self.table
        t.setRowCount(HEADER_ROWS + len(self.rows))
        for index, a in enumerate(self.rows):
            row = HEADER_ROWS + index
            for col, text in enumerate((str(index + 1), a.unit, a.planner)):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                cell.setToolTip(text)
                t.setItem(row, col, cell)
            for item in self.items:
                cell = QTableWidgetItem("")
                cell.setData(ITEM_ROLE, item.id)
                cell.setData(KEY_ROLE, index)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                t.setItem(row, self.col_of_item[item.id], cell)
            for col in (self.total_col, self.band_col):
                cell = QTableWidgetItem("")
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                t.setItem(row, col, cell)
            self._show_row(index, by_app[a.id])
        t.setColumnWidth(2, max(150, min(260, t.sizeHintForColumn(2))))
        self.fit_header()
        self.stack.setCurrentWidget(t)
        self.finalise_all_button.setEnabled(bool(self.rows) and not self.locked)
        self.hint.clear()
        if self.rows and t.currentRow() < HEADER_ROWS:
            t.setCurrentCell(HEADER_ROWS, FIXED_COLS)
        self._row_focused(t.currentRow())

    def print_request(self) -> PrintRequest | None:
        """The whole matrix of this reviewer, as the paper 3-2 is one sheet per reviewer."""
        sel = self.selection
        if sel is None or not self.rows or sel.reviewer_id is None:
            return None
        return PrintRequest("sheet-3-2", "3-2", sel.year, district_id=sel.district_id, reviewer_id=sel.reviewer_id)

    def finalise_all(self) -> bool:
        """全部定稿: one confirmation, all rows or none."""
        if not self.rows or self.selection is None:
            return False
        if self.locked:
            self.bar.message.setText(self.locked)
            return False
        rows = [MatrixRow(f"{i + 1} {a.unit} {a.planner}", self.row_sheets.get(i)) for i, a in enumerate(self.rows)]
        return finalise_rows(self, self.runner, rows, self.selection.actor, self.bar.message.setText)

    def _empty(self, why: str) -> None:
        self.rows = []
        self.locked = ""
        self.show_notice("")
        self.header.clear()
        self.empty.setText(why)
        self.stack.setCurrentWidget(self.empty)
        self.bar.show_sheet(None, editable_subject=False)
        self.finalise_all_button.setEnabled(False)

    def _show_row(self, index: int, sheet: SheetView | None) -> None:
        self.row_sheets[index] = sheet
        self.row_scores[index] = dict(sheet.scores) if sheet else {}
        final = sheet is not None and sheet.is_final
        row = HEADER_ROWS + index
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not final and not self.locked:
            flags |= Qt.ItemFlag.ItemIsEditable
        for item in self.items:
            cell = self.table.item(row, self.col_of_item[item.id])
            text = display(self.row_scores[index].get(item.id))
            if cell.text() != text:
                cell.setText(text)
            if cell.flags() != flags:
                cell.setFlags(flags)
                cell.setBackground(QBrush(LOCKED_BG) if final else QBrush())
        self._update_row_total(index)

    def _update_row_total(self, index: int, preview: tuple[str, Decimal] | None = None) -> None:
        form = self.form
        assert form is not None
        scores = self.row_scores[index]
        if preview is not None:
            scores = {**scores, preview[0]: preview[1]}
        sums = totals(form, scores)
        row = HEADER_ROWS + index
        total = self.table.item(row, self.total_col)
        text = display(sums.total) if sums.filled else ""
        if total.text() != text:
            total.setText(text)
        band = self.table.item(row, self.band_col)
        text = sums.band.label.get(lang()) if sums.complete else ""
        if band.text() != text:
            band.setText(text)

    def _row_focused(self, row: int) -> None:
        index = row - HEADER_ROWS
        self.bar.show_sheet(self.row_sheets.get(index) if 0 <= index < len(self.rows) else None, locked=self.locked)

    def on_changed(self, change: Change) -> None:
        if not self.rows or not change.any_sheet:
            return
        origin = getattr(change.source, "key", None)  # a score command says which sheet it wrote
        for index in range(len(self.rows)):
            sheet = self.row_sheets.get(index)
            if origin is not None and sheet is None:
                stale = origin == self.key(index)
            else:
                stale = sheet is None or change.touches_sheet(sheet.id)
            if stale:
                key = self.key(index)
                fresh = self.runner.read(key.find)
                if fresh != sheet:
                    self._show_row(index, fresh)
        self._row_focused(self.table.currentRow())

    # ------------------------------------------------------------ entry
    def _cell(self, row: int, col: int) -> tuple[int, str] | None:
        cell = self.table.item(row, col)
        if cell is None or cell.data(ITEM_ROLE) is None:
            return None
        return int(cell.data(KEY_ROLE)), str(cell.data(ITEM_ROLE))

    def _mark(self, row: int, col: int, why: str) -> None:
        cell = self.table.item(row, col)
        cell.setBackground(QBrush(REFUSED) if why else QBrush())
        cell.setToolTip(why)
        self.hint.setText(("⚠ " + why) if why else "")

    def _on_preview(self, row: int, col: int, text: object) -> None:
        found = self._cell(row, col)
        if found is None:
            return
        index, item_id = found
        preview = None
        if isinstance(text, str) and text.strip():
            try:
                preview = (item_id, parse_score(self.form.item(item_id), text))  # type: ignore[union-attr]
                self._mark(row, col, "")
            except ScoreRefused as refused:
                self._mark(row, col, refused.message(lang()))
        else:
            self._mark(row, col, "")
        self._update_row_total(index, preview)

    def _on_commit(self, row: int, col: int, text: str) -> None:
        found = self._cell(row, col)
        if found is None or self.selection is None:
            return
        index, item_id = found
        item = self.form.item(item_id)  # type: ignore[union-attr]
        old = self.row_scores[index].get(item_id)
        cell = self.table.item(row, col)
        new: Decimal | None = None
        if text.strip():
            try:
                new = parse_score(item, text)
            except ScoreRefused as refused:
                self._mark(row, col, refused.message(lang()))
                cell.setText(display(old))
                self._update_row_total(index)
                return
        self._mark(row, col, "")
        cell.setText(display(new))
        if new == old:
            self._update_row_total(index)
            return
        if new is None:
            self.row_scores[index].pop(item_id, None)
        else:
            self.row_scores[index][item_id] = new
        self._update_row_total(index)
        label = f"{self.rows[index].unit} {item.short}"
        self.runner.undo_stack.push(ScoreCommand(self.runner, self.key(index), item_id, old, new,
                                                 self.selection.actor, describe(label, old, new),
                                                 lambda why: self._mark(row, col, why)))
