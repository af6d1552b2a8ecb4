"""The roster page's corrections: edit or remove a team member, edit or remove a reviewer.

A mixin of :class:`.roster.RosterView` (kept apart so that the page stays
readable): choosing a row fills the fields under its table, 保存对所选的修改
saves them, 删除… asks once. Each is one service call (``services.roster`` /
``services.roster_edit``) through the page's ``_run``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QTableWidget

from zeshi_desktop.services import roster
from zeshi_desktop.services.roster import edit as roster_edit

from .. import dialogs
from ..dashboards.names import term_name
from ..i18n import tr


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
    def _member_picked(self) -> None:
        row = self.member_table.currentRow()
        if row < 0 or self.member_table.item(row, 0) is None:
            return
        self.member_name.setText(self.member_table.item(row, 0).text())
        self.member_discipline.setCurrentText(self.member_table.item(row, 1).text())
        self.member_qualification.setText(self.member_table.item(row, 2).text())
        self.member_core.setChecked(self.member_table.item(row, 3).text() == tr("是"))

    def update_member(self) -> None:
        member_id = self._chosen(self.member_table)
        if member_id is None:
            return
        name, discipline = self.member_name.text(), term_value(self.member_discipline)
        qualification, core = self.member_qualification.text(), self.member_core.isChecked()
        self._run(lambda s: roster_edit.update_member(s, member_id, name=name, discipline=discipline,
                                                      qualification=qualification, is_core=core))

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
