"""复核录入: the second, blind typing of a paper sheet. The first entry is never read into this window.

A clerk types a 3-1 from a street office without the program (or a 3-2 row a
reviewer filled on paper); a second person opens this mode and types the
same paper again. Only the second entry's own values are shown (what this
typist typed before); after 保存 the program compares item by item and says
which items differ — by name, never with the first entry's value. A third
person resolves the differences in 核对两次录入 (``compare``).
"""

from __future__ import annotations

from decimal import Decimal

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

from zeshi_desktop.domain.scores import ScoreRefused, display, item_name, parse_score
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.scoring import double_entry, entries

from .. import dialogs
from ..actions import ActionRunner, Change
from ..i18n import lang, tr
from ..sheet_access import SheetKey

BANNER = "background: #e8f0fe; color: #0b3d91; border: 1px solid #8ab4f8; padding: 6px; font-weight: bold;"
REFUSED = QColor("#fde2e1")
ENTRY_COL = 3


class SecondEntryDialog(QDialog):
    """The form's items with one column to type: the second entry, blind."""

    def __init__(self, runner: ActionRunner, key: SheetKey, subject: str, typist: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.key = runner, key
        self.form = catalogue.form(key.form_id)
        self.sheet_id: int | None = None
        self.setWindowTitle(tr("复核录入") + f" — {subject}")
        layout = QVBoxLayout(self)
        banner = QLabel(tr("复核录入模式：第一次录入的分数已隐藏。请对照纸质表逐项录入，保存后程序逐项比较两次录入。"), self)
        banner.setWordWrap(True)
        banner.setStyleSheet(BANNER)
        layout.addWidget(banner)
        layout.addWidget(QLabel(subject, self))
        form = QFormLayout()
        self.first_typist = QLineEdit(self)
        self.first_typist.setPlaceholderText(tr("第一次录入人姓名（如尚未记录）"))
        form.addRow(tr("第一次录入人："), self.first_typist)
        self.typist = QLineEdit(typist, self)
        self.typist.setPlaceholderText(tr("复核录入人姓名（须与第一次录入人不同）"))
        form.addRow(tr("复核录入人："), self.typist)
        layout.addLayout(form)
        self.table = QTableWidget(len(self.form.items), 4, self)
        self.table.setHorizontalHeaderLabels([tr("部分"), tr("评分项"), tr("满分"), tr("第二次录入")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        section_of = {i.id: s.title.get(lang()) for s in self.form.sections for i in s.items}
        for row, item in enumerate(self.form.items):
            for col, text in enumerate((section_of.get(item.id, ""), item.text.get(lang()), display(item.max))):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, col, cell)
            self.table.setItem(row, ENTRY_COL, QTableWidgetItem(""))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(2, 60)
        self.table.setColumnWidth(ENTRY_COL, 110)
        layout.addWidget(self.table, 1)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        buttons, self.save_button = dialogs.dialog_buttons(self, tr("保存复核录入"), self.save)
        layout.addWidget(buttons)
        self.resize(980, 640)
        self._load()

    def _load(self) -> None:
        """The second entry's own values (this typist's earlier typing); the first entry stays unread here."""
        key = self.key
        found = self.runner.read(key.find)
        self.sheet_id = found.id if found is not None else None
        if self.sheet_id is None:
            return
        sheet_id = self.sheet_id
        own = self.runner.read(lambda s: entries.entry_state(s, sheet_id).second)
        typists = self.runner.read(lambda s: entries.typists(s, sheet_id))
        if typists.get(entries.SECOND) and not self.typist.text():
            self.typist.setText(typists[entries.SECOND])
        if typists.get(entries.FIRST):
            self.first_typist.setText(typists[entries.FIRST])
            self.first_typist.setReadOnly(True)
        for row, item in enumerate(self.form.items):
            value = own.get(item.id)
            self.table.item(row, ENTRY_COL).setText(display(value) if value is not None else "")  # type: ignore[arg-type]

    def values(self) -> dict[str, Decimal | None] | None:
        """What was typed, checked; None (and the cells marked) when a value cannot be a score."""
        out: dict[str, Decimal | None] = {}
        bad = []
        for row, item in enumerate(self.form.items):
            cell = self.table.item(row, ENTRY_COL)
            text = cell.text().strip()
            cell.setBackground(QBrush())
            cell.setToolTip("")
            if not text:
                out[item.id] = None
                continue
            try:
                out[item.id] = parse_score(item, text)
            except ScoreRefused as refused:
                cell.setBackground(QBrush(REFUSED))
                cell.setToolTip(refused.message(lang()))
                bad.append(refused.message(lang()))
        if bad:
            self.result.setStyleSheet("color: #b00020;")
            self.result.setText(tr("有 {0} 项不能保存：").format(len(bad)) + tr("；").join(bad[:3]))
            return None
        return out

    def save(self) -> bool:
        values = self.values()
        if values is None:
            return False
        typed = {k: ("" if v is None else str(v)) for k, v in values.items()}
        typist, key = self.typist.text(), self.key
        first = "" if self.first_typist.isReadOnly() else self.first_typist.text().strip()

        def action(session, sheet_id):  # type: ignore[no-untyped-def]
            if first:
                double_entry.name_typist(session, sheet_id, entries.FIRST, first)
            return double_entry.record_entry(session, sheet_id, entries.SECOND, typed, typist)
        ok, state = self.runner.run(key.then(action, self.runner.role),
                                    lambda st: Change(sheets=frozenset({st.sheet_id}), source=self),
                                    self._refused)
        if not ok or state is None:
            return False
        self.sheet_id = state.sheet_id
        if first:
            self.first_typist.setReadOnly(True)
        differs = [c for c in state.items if c.open and c.second is not None]
        untyped = sum(1 for c in state.items if c.second is None)
        if differs:
            names = tr("、").join(item_name(self.form.item(c.item_id)).get(lang()) for c in differs[:6])
            text = tr("已保存。有 {0} 项与第一次录入不一致：{1}。请核对纸质表；仍不一致的由第三人在“核对两次录入”中裁定。"
                      ).format(len(differs), names)
            self.result.setStyleSheet("color: #b00020;")
        else:
            text = tr("已保存。已录入的各项与第一次录入一致。")
            self.result.setStyleSheet("color: #1b5e20;")
        if untyped:
            text += " " + tr("尚有 {0} 项未录入。").format(untyped)
        self.result.setText(text)
        return True

    def _refused(self, why: str) -> None:
        self.result.setStyleSheet("color: #b00020;")
        self.result.setText(why)
