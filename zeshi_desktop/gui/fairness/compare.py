"""核对两次录入: both entries of a paper sheet side by side, and a third person's decision on each difference.

Not blind: this is for the person who resolves (neither typist). Each open
difference takes the value kept (the first, the second, or what the paper
says) and a reason; 保存裁定 writes every decision at once, each with its
audit row. While a difference is open the sheet cannot be finalised.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.domain.scores import display, item_name
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.scoring import double_entry, entries

from .. import dialogs
from ..actions import ActionRunner, Change
from ..i18n import lang, tr

OPEN_BG = QColor("#fde2e1")
RESOLVED_BG = QColor("#e3f1e1")
VALUE_COL, REASON_COL = 5, 6
COLUMNS = 7


class CompareDialog(QDialog):
    """Every item: first entry, second entry, state; for an open difference, the value kept and why."""

    def __init__(self, runner: ActionRunner, sheet_id: int, subject: str, resolver: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.sheet_id = runner, sheet_id
        self.state: entries.EntryState | None = None
        self.setWindowTitle(tr("核对两次录入") + f" — {subject}")
        layout = QVBoxLayout(self)
        self.typists = QLabel(self)
        self.typists.setWordWrap(True)
        layout.addWidget(self.typists)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setHorizontalHeaderLabels([tr("评分项"), tr("满分"), tr("第一次"), tr("第二次"), tr("状态"),
                                              tr("裁定值"), tr("裁定理由")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.resolver = QLineEdit(resolver, self)
        self.resolver.setPlaceholderText(tr("裁定人姓名（不能是两位录入人之一）"))
        form.addRow(tr("裁定人："), self.resolver)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons, self.save_button = dialogs.dialog_buttons(self, tr("保存裁定"), self.save)
        layout.addWidget(buttons)
        self.resize(1080, 620)
        self.load()

    def load(self) -> None:
        sheet_id = self.sheet_id
        self.state = state = self.runner.read(lambda s: entries.entry_state(s, sheet_id))
        form = catalogue.form(state.form_id)
        who = [tr("第 {0} 次录入：{1}").format(k, v) for k, v in sorted(state.typists.items())]
        self.typists.setText(tr("；").join(who) if who else tr("尚无录入人记录。"))
        self.table.setRowCount(len(state.items))
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for row, c in enumerate(state.items):
            item = form.item(c.item_id)
            decided = c.resolution is not None and not c.open
            status = tr("不一致") if c.open else tr("已裁定") if decided else tr("一致", "entries")
            values = [item_name(item).get(lang()), display(item.max), display(c.first) or "—",
                      display(c.second) or "—", status,
                      display(c.resolution.value) if decided and c.resolution and c.resolution.value is not None
                      else "", c.resolution.reason if decided and c.resolution else ""]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(item.text.get(lang()) if col == 0 else value)
                if not c.open or col < VALUE_COL:
                    cell.setFlags(fixed)
                if c.open:
                    cell.setBackground(QBrush(OPEN_BG))
                elif decided:
                    cell.setBackground(QBrush(RESOLVED_BG))
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 320))
        for col, least in ((1, 56), (2, 70), (3, 70), (4, 76), (VALUE_COL, 90)):
            self.table.setColumnWidth(col, max(self.table.columnWidth(col), least))
        self.table.horizontalHeader().setSectionResizeMode(REASON_COL, QHeaderView.ResizeMode.Stretch)
        count = len(state.open)
        self.message.setStyleSheet("color: #b00020;" if count else "color: #1b5e20;")
        self.message.setText(tr("{0} 项不一致：请对照纸质表，在“裁定值”中填写应采用的分数（留空表示该项不填）并写明理由。")
                             .format(count) if count else tr("两次录入一致（或差异均已裁定），可以定稿。"))
        self.save_button.setEnabled(bool(count))

    def decisions(self) -> dict[str, tuple[str, str]]:
        """Item → (value, reason) for every open difference given a reason."""
        assert self.state is not None
        out = {}
        for row, c in enumerate(self.state.items):
            if not c.open:
                continue
            reason = self.table.item(row, REASON_COL).text().strip()
            if reason:
                out[c.item_id] = (self.table.item(row, VALUE_COL).text().strip(), reason)
        return out

    def save(self) -> bool:
        chosen = self.decisions()
        if not chosen:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(tr("请至少为一项不一致写明裁定值和理由。"))
            return False
        sheet_id, resolver = self.sheet_id, self.resolver.text()

        def action(session):  # type: ignore[no-untyped-def]
            state = None
            for item_id, (value, reason) in chosen.items():
                state = double_entry.resolve(session, sheet_id, item_id, value, reason, resolver)
            return state
        ok, _ = self.runner.run(action, Change(sheets=frozenset({sheet_id}), source=self), self._refused)
        if ok:
            self.load()
        return ok

    def _refused(self, why: str) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(why)
