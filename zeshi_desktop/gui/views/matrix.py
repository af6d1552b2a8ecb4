"""3-2: the review-group matrix of the current reviewer, entered like a spreadsheet.

One row per appointment (序号, 责任片区, 责师), the nine items under their five
headings (``matrix_header``: frozen above the rows, full or compact), total
and band per row. Each row is one sheet of this reviewer; a row's totals are
recomputed in memory. A refusal names its row (序号 and 责任片区), beside
the cell and under the matrix, so the reviewer knows which unit to correct.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
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
from ..fairness import hooks as fairness
from ..finalise_all import MatrixRow
from ..finalise_all import finalise_all as finalise_rows
from ..i18n import lang, tr
from ..score_table import ITEM_ROLE, KEY_ROLE, ScoreTable
from ..selection import PrintRequest
from ..sheet_access import SheetKey
from ..sheet_bar import SheetBar
from ..undo import ScoreCommand, describe
from .base import AnnexView, placeholder
from .matrix_header import (
    FIXED_COLS,
    HEADER_ROWS,
    SETTING,
    MatrixHeader,
    compact_default,
    settings_of,
)

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
        self.compact_button = QCheckBox(tr("紧凑表头"), self)
        self.compact_button.setToolTip(tr("表头只显示简短的项目名称（完整条文见鼠标提示），可多显示几行"))
        self.compact_button.toggled.connect(self.set_compact)
        heading = QHBoxLayout()
        heading.addWidget(self.header, 1)
        heading.addWidget(self.compact_button)
        self.root.addLayout(heading)
        self._compact_chosen = False   # read from the settings when first shown in the window
        self.stack = QStackedLayout()
        self.empty = placeholder("", self)
        self.table = ScoreTable(HEADER_ROWS, self.band_col + 1, self)
        self.heading = MatrixHeader(self.table, form, self.col_of_item, self.total_col, self.band_col)
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
        self.recused: dict[int, str] = {}   # row index → reason: rows this reviewer recused from (回避)
        fairness.add_sheet_tools(self, lambda: fairness.row_key(self, HEADER_ROWS), self.sheet_title,
                                 recusal_forms=("3-2",))
        self.table.check = self._refusal
        self.table.previewed.connect(self._on_preview)
        self.table.committed.connect(self._on_commit)
        self.table.blocked.connect(self._typing_blocked)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._row_focused(row))

    # ------------------------------------------------------------ heading
    def set_compact(self, compact: bool) -> None:
        """The compact heading (short labels) or the annex's full texts; remembered in the window's settings."""
        self.heading.set_compact(compact)
        if self.compact_button.isChecked() != compact:
            self.compact_button.setChecked(compact)
        settings = settings_of(self)
        if settings is not None and self._compact_chosen:
            settings.setValue(SETTING, compact)

    def _choose_compact(self) -> None:
        """Once, when first shown in the window: the heading the person chose, else the one for this screen."""
        if self._compact_chosen:
            return
        settings = settings_of(self)
        stored = settings.value(SETTING) if settings is not None else None
        compact = compact_default(self) if stored is None else str(stored).lower() in ("true", "1")
        self.set_compact(compact)
        self._compact_chosen = True

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
        self.table.discard_edit()   # a half-typed value belongs to the rows shown before
        if sel.district_id is None:
            return self._empty(tr("请在左侧选择一个区。"))
        reviewer = self.runner.read(lambda s: roster.reviewer(s, sel.reviewer_id)) if sel.reviewer_id else None
        if reviewer is None or reviewer.level != "district" or reviewer.district_id != sel.district_id:
            return self._empty(tr("3-2 由区级评审组成员填写：请在上方“评分人”中选择本区的一位评审人。"))
        self.reviewer_name = reviewer.name
        self._choose_compact()
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
        self.recused = fairness.recused_rows(self.runner, sel, [a.id for a in self.rows])
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
        self.heading.fit()
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
        rows = [MatrixRow(f"{i + 1} {a.unit} {a.planner}", self.row_sheets.get(i)) for i, a in enumerate(self.rows)
                if i not in self.recused]
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
        fairness.show_recused_row(self.table, row, FIXED_COLS, self.band_col, self.recused.get(index))

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
        if fairness.follows(change) and self.selection is not None:
            return self.load()   # a recusal declared or withdrawn: which rows are 回避
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

    def row_name(self, index: int) -> str:
        """How a message names a row: its 序号 and 责任片区, as the reviewer sees them on the left."""
        return tr("第 {0} 行（{1}）").format(index + 1, self.rows[index].unit)

    def _named(self, row: int, why: str) -> str:
        index = row - HEADER_ROWS
        return tr("{0}：{1}").format(self.row_name(index), why) if why and 0 <= index < len(self.rows) else why

    def _mark(self, row: int, col: int, why: str) -> None:
        """A refusal of the cell (row, col), naming the row: beside the cell and under the matrix ("" clears it)."""
        named = self._named(row, why)
        cell = self.table.item(row, col)
        cell.setBackground(QBrush(REFUSED) if why else QBrush())
        cell.setToolTip(named)
        self.hint.setText(("⚠ " + named) if named else "")
        if named:
            self.table.tip.show_at(row, col, named)
        elif self.table.tip.cell == (row, col):
            self.table.tip.clear_tip()

    def _refusal(self, row: int, col: int, text: str) -> str:
        """Why ``text`` cannot be this cell's score (Tab and Enter then keep the cursor in it); "" if it can."""
        found = self._cell(row, col)
        if found is None:
            return ""
        try:
            parse_score(self.form.item(found[1]), text)  # type: ignore[union-attr]
        except ScoreRefused as refused:
            return refused.message(lang())
        return ""

    def _typing_blocked(self, row: int, col: int) -> None:
        """Typing on a finalised row (or a matrix not this person's): why, beside the cell and under the matrix."""
        why = self.bar.why_no_typing()
        text = why if self.locked else self._named(row, why)
        self.table.tip.show_at(row, col, text, "locked")
        self.bar.message.setText(text)

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
