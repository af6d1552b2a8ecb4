"""The roster page's members and corrections: a team's members (added, corrected, removed), reviewers.

A mixin of :class:`.roster.RosterView` (kept apart so that the page stays
readable): choosing a row fills the fields under its table, 保存对所选的修改
saves them, 删除… asks once. Each is one service call (``services.roster`` /
``services.roster_edit``) through the page's ``_run``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.services import roster
from zeshi_desktop.services.roster import edit as roster_edit

from .. import dialogs
from ..dashboards.names import term_name
from ..i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def fill(table: QTableWidget, rows: list[tuple[int, list[str]]]) -> None:
    table.setRowCount(len(rows))
    for r, (ident, values) in enumerate(rows):
        for c, value in enumerate(values):
            cell = QTableWidgetItem(value)
            cell.setData(ID_ROLE, ident)
            table.setItem(r, c, cell)


def form_row(parent: QWidget, *widgets: QWidget) -> QWidget:
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        row.addWidget(w)
    row.addStretch(1)
    return box


def terms(combo: QComboBox, kind: str, stored: tuple[str, ...]) -> None:
    """A box of the measures' terms (``circles`` …): shown in the interface language, each item's data its Chinese."""
    for value in stored:
        combo.addItem(term_name(kind, value), value)


def term_value(combo: QComboBox) -> str:
    """What a box of terms stores: the Chinese of the term shown, or the text typed (an editable box)."""
    index = combo.findText(combo.currentText())
    return str(combo.itemData(index)) if index >= 0 else combo.currentText()


class RosterCorrections:
    """Needs from the page: the member and reviewer tables and fields, ``_selected`` and ``_run``."""

    member_table: QTableWidget
    member_name: QLineEdit
    member_discipline: QComboBox
    member_qualification: QLineEdit
    member_core: QCheckBox
    member_org: QLineEdit
    planner_table: QTableWidget
    reviewer_table: QTableWidget
    reviewer_name: QLineEdit
    reviewer_org: QLineEdit
    message: QLabel

    def _selected(self, table: QTableWidget) -> int | None:  # provided by the page
        raise NotImplementedError

    def _run(self, action) -> bool:  # type: ignore[no-untyped-def]  # provided by the page
        raise NotImplementedError

    def _chosen(self, table: QTableWidget) -> int | None:
        """The chosen row's id, or None with the hint to choose one."""
        ident = self._selected(table)
        if ident is None:
            self.message.setText(tr("请先在表中选择要修改的一行。"))
        return ident

    # ------------------------------------------------------------ members
    def _member_section(self, page: QWidget, layout: QVBoxLayout) -> None:
        """The chosen planner's members, and the fields to add or correct one (its 单位 feeds the 回避 hints)."""
        self.member_table = table([tr("成员"), tr("专业"), tr("资质"), tr("单位"), tr("核心成员")], page)
        layout.addWidget(self.member_table, 1)
        self.member_name = QLineEdit(page)
        self.member_name.setPlaceholderText(tr("成员姓名"))
        self.member_discipline = QComboBox(page)
        self.member_discipline.setEditable(True)
        terms(self.member_discipline, "disciplines", roster.DISCIPLINES)
        self.member_qualification = QLineEdit(page)
        self.member_qualification.setPlaceholderText(tr("资质（如注册规划师）"))
        self.member_org = QLineEdit(page)
        self.member_org.setPlaceholderText(tr("成员的单位（用于回避提示）"))
        self.member_org.setMinimumWidth(240)   # a full institution's name
        self.member_core = QCheckBox(tr("核心成员"), page)
        self.member_core.setChecked(True)
        add_member = QPushButton(tr("添加到所选责师"), page)
        add_member.clicked.connect(self.add_member)
        save_member = QPushButton(tr("保存对所选成员的修改"), page)
        save_member.clicked.connect(self.update_member)
        remove_member = QPushButton(tr("删除所选成员…"), page)
        remove_member.clicked.connect(self.remove_member)
        self.member_table.itemSelectionChanged.connect(self._member_picked)
        layout.addWidget(form_row(page, self.member_name, self.member_discipline, self.member_qualification,
                                  self.member_org, self.member_core))
        layout.addWidget(form_row(page, add_member, save_member, remove_member))

    def _fill_members(self, planner: roster.PlannerView | None) -> None:
        members = planner.members if planner else ()
        fill(self.member_table, [(m.id, [m.name, term_name("disciplines", m.discipline), m.qualification,
                                         m.organisation, tr("是") if m.is_core else tr("否")]) for m in members])

    def add_member(self) -> None:
        planner_id = self._selected(self.planner_table)
        if planner_id is None:
            self.message.setText(tr("请先在上表中选择一位责师。"))
            return
        name, discipline = self.member_name.text(), term_value(self.member_discipline)
        qualification, core, organisation = (self.member_qualification.text(), self.member_core.isChecked(),
                                             self.member_org.text())
        if self._run(lambda s: roster.add_member(s, planner_id, name, discipline, qualification, core,
                                                 organisation=organisation)):
            self.member_name.clear()
            self.member_org.clear()

    def _member_picked(self) -> None:
        row = self.member_table.currentRow()
        if row < 0 or self.member_table.item(row, 0) is None:
            return
        self.member_name.setText(self.member_table.item(row, 0).text())
        self.member_discipline.setCurrentText(self.member_table.item(row, 1).text())
        self.member_qualification.setText(self.member_table.item(row, 2).text())
        self.member_org.setText(self.member_table.item(row, 3).text())
        self.member_core.setChecked(self.member_table.item(row, 4).text() == tr("是"))

    def update_member(self) -> None:
        member_id = self._chosen(self.member_table)
        if member_id is None:
            return
        name, discipline = self.member_name.text(), term_value(self.member_discipline)
        qualification, core, organisation = (self.member_qualification.text(), self.member_core.isChecked(),
                                             self.member_org.text())
        self._run(lambda s: roster_edit.update_member(s, member_id, name=name, discipline=discipline,
                                                      qualification=qualification, is_core=core,
                                                      organisation=organisation))

    def remove_member(self) -> None:
        member_id = self._chosen(self.member_table)
        if member_id is None:
            return
        name = self.member_table.item(self.member_table.currentRow(), 0).text()
        if dialogs.confirm(self, tr("删除成员"), tr("从团队中删除成员“{0}”吗？").format(name)):  # type: ignore[arg-type]
            self._run(lambda s: roster.remove_member(s, member_id))

    # ------------------------------------------------------------ reviewers
    def _reviewer_picked(self) -> None:
        row = self.reviewer_table.currentRow()
        if row < 0 or self.reviewer_table.item(row, 2) is None:
            return
        self.reviewer_name.setText(self.reviewer_table.item(row, 2).text())
        self.reviewer_org.setText(self.reviewer_table.item(row, 3).text())

    def update_reviewer(self) -> None:
        reviewer_id = self._chosen(self.reviewer_table)
        if reviewer_id is None:
            return
        name, organisation = self.reviewer_name.text(), self.reviewer_org.text()
        self._run(lambda s: roster_edit.update_reviewer(s, reviewer_id, name=name, organisation=organisation))

    def remove_reviewer(self) -> None:
        reviewer_id = self._chosen(self.reviewer_table)
        if reviewer_id is None:
            return
        name = self.reviewer_table.item(self.reviewer_table.currentRow(), 2).text()
        if dialogs.confirm(self, tr("删除评审人"), tr("删除评审人“{0}”吗？已有评审表的评审人不能删除。")  # type: ignore[arg-type]
                           .format(name)):
            self._run(lambda s: roster_edit.remove_reviewer(s, reviewer_id))
