"""The district's results going out and coming back: its nominations, the city's decisions, the feedback letters.

A tab of the district dashboard: each unit with its 3-3 result (the
dashboard's own ranking), whether the district nominated it (★, ticked on
the ranking tab) and what the city decided, with its reason, once the city →
district package has brought it. From here the 考核结果反馈 is printed for the
chosen unit or for the whole district, in the program's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from zeshi_desktop.gui.dashboards.common import (
    GOOD_BG,
    KEY_ROLE,
    big,
    fill,
    item,
    note_label,
    number_item,
    table_view,
)
from zeshi_desktop.gui.i18n import lang, tr
from zeshi_desktop.messages import text
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.results import excellent

from .nominations import decision_text
from .papers import print_papers

if TYPE_CHECKING:
    from zeshi_desktop.gui.dashboards.common import Dashboard


class OutcomesTab(QWidget):
    """推荐与结果反馈 of a district dashboard."""

    def __init__(self, dashboard: Dashboard) -> None:
        super().__init__(dashboard)
        self.dashboard = dashboard
        self.board: analysis.DistrictDashboard | None = None
        self.outcomes: dict[int, excellent.Outcome] = {}
        layout = QVBoxLayout(self)
        self.summary = note_label("", self)
        big(self.summary, 1.0, True)
        layout.addWidget(self.summary)
        bar = QHBoxLayout()
        self.print_one = big(QPushButton(tr("打印所选单位的考核结果反馈…"), self))
        self.print_all = big(QPushButton(tr("打印全区考核结果反馈…"), self))
        bar.addWidget(self.print_one)
        bar.addWidget(self.print_all)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.model = QStandardItemModel(self)
        self.view, self.proxy = table_view(self.model, self)
        layout.addWidget(self.view, 1)
        hint = note_label(tr("推荐在“排名与推荐”页勾选，随“区→市”交接包报送市级专班；市级评选结果随“市→区”交接包返回，"
                             "显示在这里。考核结果反馈函的数字与排名页相同，评审人意见不具名。"), self)
        layout.addWidget(hint)
        self.print_one.clicked.connect(self.print_chosen)
        self.print_all.clicked.connect(self.print_district)

    def fill(self, board: analysis.DistrictDashboard) -> None:
        self.board = board
        year, did = board.year, board.district.id
        self.outcomes = {o.appointment_id: o for o in
                         self.dashboard.runner.read(lambda s: excellent.outcomes(s, year, did))}
        rows = []
        for row in board.ranking.rows:
            nominated = row.key in board.recommended
            outcome = self.outcomes.get(row.key)
            shown = decision_text(outcome.selected if outcome else None) if nominated or outcome else "—"
            bg = GOOD_BG if outcome is not None and outcome.selected else None
            rows.append([number_item(row.rank, background=bg) if row.rank is not None
                         else item("—", float("inf"), background=bg),
                         item(row.unit, key=row.key, background=bg), item(row.planner, background=bg,
                                                                          tooltip=row.planner),
                         number_item(row.total, background=bg),
                         item(row.band.label.get(lang()) if row.band else tr("未完成"), background=bg),
                         item("★" if nominated else "", background=bg),
                         item(shown, background=bg),
                         item(outcome.reason if outcome else "", background=bg,
                              tooltip=outcome.reason if outcome else "")])
        fill(self.model, [tr("排名"), tr("责任片区"), tr("责任规划师"), tr("总分"), tr("等级"), tr("区级推荐"),
                          tr("市级评选"), tr("理由")], rows)
        nominated = [o for o in self.outcomes.values() if o.nominated]
        chosen = sum(1 for o in self.outcomes.values() if o.selected)
        self.summary.setText(tr("{year} 年度 · 推荐 {n} 名 · 入选市级优秀 {s} 名").format(
            year=year, n=len(nominated), s=chosen))

    def chosen(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        key = self.proxy.index(index.row(), 1).data(KEY_ROLE)
        return int(key) if key is not None else None

    def print_chosen(self) -> None:
        from zeshi_desktop.services.results import papers

        app = self.chosen()
        if app is None or self.board is None:
            self.summary.setText(tr("请先在表中选择一个责任片区。"))
            return
        year, language = self.board.year, lang()
        print_papers(self, self.dashboard.runner,
                     lambda s: papers.prepare_feedback(s, year, language, appointment_ids=[app]),
                     text("results.kind.feedback", language))

    def print_district(self) -> None:
        from zeshi_desktop.services.results import papers

        if self.board is None:
            return
        year, did, language = self.board.year, self.board.district.id, lang()
        print_papers(self, self.dashboard.runner, lambda s: papers.prepare_feedback(s, year, language, district_id=did),
                     f"{self.board.district.name} {text('results.kind.feedback', language)}")
