"""The toolbar's 年度 and 评分人: which year, and who is scoring (the role the person works as).

It only fills and reads the two boxes; the window decides what a choice
means (the selection, the runner's role, which pages may write).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QWidget

from zeshi_desktop.services import roster

from ..actions import ActionRunner
from ..i18n import tr
from ..selection import Selection

OFFICE = -1  # the reviewer box's entry for the office / district task force
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2   # the reviewer's name: who the audit records (its role says the group)


class Chooser(QToolBar):
    """年度 and 评分人 in one toolbar that is never moved or hidden by accident."""

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(tr("选择"), parent)
        self.runner = runner
        self.setObjectName("selection")
        self.setMovable(False)
        self.year_box = QComboBox(self)
        self.reviewer_box = QComboBox(self)
        self.reviewer_box.setMinimumContentsLength(34)
        self.reviewer_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.addWidget(QLabel(tr("年度：")))
        self.addWidget(self.year_box)
        self.addSeparator()
        self.addWidget(QLabel(tr("评分人：")))
        self.addWidget(self.reviewer_box)

    def load_years(self, wanted: int | None) -> int:
        """Fill the years of the roster; returns the one chosen (``wanted`` when it exists, else the latest)."""
        years = self.runner.read(roster.years) or [date.today().year]
        box = self.year_box
        box.blockSignals(True)
        box.clear()
        for y in years:
            box.addItem(str(y), y)
        year = wanted if wanted in years else years[-1]
        box.setCurrentIndex(years.index(year))
        box.blockSignals(False)
        return year

    def load_reviewers(self, selection: Selection, wanted: int | None) -> None:
        """The office, the chosen district's review group, the city's; ``wanted`` chosen when it is there."""
        def query(session):  # type: ignore[no-untyped-def]
            sel = selection
            district = roster.reviewers(session, sel.year, "district", sel.district_id) if sel.district_id else []
            return district, roster.reviewers(session, sel.year, "city")
        district, city = self.runner.read(query)
        box = self.reviewer_box
        box.blockSignals(True)
        box.clear()
        box.addItem(tr("街乡镇 / 区专班（3-1、4-1、4-2、5-1）"), OFFICE)
        for r in district:
            box.addItem(tr("区级评审组：{0}（{1}）").format(r.name, r.organisation), r.id)
            box.setItemData(box.count() - 1, "district", LEVEL_ROLE)
            box.setItemData(box.count() - 1, r.name, NAME_ROLE)
        for r in city:
            box.addItem(tr("市级评审组：{0}（{1}）").format(r.name, r.organisation), r.id)
            box.setItemData(box.count() - 1, "city", LEVEL_ROLE)
            box.setItemData(box.count() - 1, r.name, NAME_ROLE)
        index = box.findData(wanted) if wanted is not None else 0
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)

    def reviewer(self) -> tuple[int | None, str]:
        """The chosen reviewer's id (None: the office) and the name the audit records."""
        data = self.reviewer_box.currentData()
        reviewer_id = None if data in (None, OFFICE) else int(data)
        # the name alone, not the box's "区级评审组：…" in the language of the day: the audit's role gives the group
        actor = str(self.reviewer_box.currentData(NAME_ROLE)) if reviewer_id is not None else tr("街乡镇 / 区专班")
        return reviewer_id, actor

    def choose_id(self, reviewer_id: int | None) -> bool:
        index = self.reviewer_box.findData(reviewer_id if reviewer_id is not None else OFFICE)
        if index >= 0:
            self.reviewer_box.setCurrentIndex(index)
        return index >= 0

    def choose_level(self, level: str | None) -> bool:
        """The first reviewer of ``level`` (None: the office)."""
        box = self.reviewer_box
        for index in range(box.count()):
            if (level is None and box.itemData(index) == OFFICE) or box.itemData(index, LEVEL_ROLE) == level:
                box.setCurrentIndex(index)
                return True
        return False
