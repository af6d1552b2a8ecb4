"""The district meeting's dashboard (3-3): ranking, what is missing, recommendations, trust figures.

One service call (``analysis.district_dashboard``) per refresh, through the
runner; the tabs (``district_ranking``, ``district_trust``) are filled from
its result, the visible tab at once and the others when first shown, so a
refresh after a score change stays quick on a large district.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from zeshi_desktop.gui import dialogs
from zeshi_desktop.gui.actions import ActionRunner, Change
from zeshi_desktop.gui.fairness.lens_tab import FairnessTab
from zeshi_desktop.gui.i18n import tr
from zeshi_desktop.gui.results.outcomes import OutcomesTab
from zeshi_desktop.gui.results.renewals import RenewalTab
from zeshi_desktop.gui.selection import Selection
from zeshi_desktop.gui.views.damaged import DamagedNotice
from zeshi_desktop.services import roster
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.meeting import reports, result_file
from zeshi_desktop.store.database import Session

from .common import Dashboard, big, note_label, num, tab_widget, title_label
from .district_ranking import RankingTab
from .district_trust import ImpactTab, ItemsTab, OffsetsTab, SpreadTab


class DistrictDashboard(Dashboard):
    """The ranking a district task force projects in its meeting, and why it can trust it."""

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.board: analysis.DistrictDashboard | None = None
        self._filled: set[int] = set()
        top = QHBoxLayout()
        self.title = title_label(tr("区级评审会议看板"), self)
        top.addWidget(self.title)
        top.addStretch(1)
        self.district = big(QComboBox(self))  # type: ignore[assignment]
        top.addWidget(big(QLabel(tr("区："), self)))
        top.addWidget(self.district)
        self.root.addLayout(top)
        self.summary = note_label("", self)
        self.root.addWidget(self.summary)
        self.damaged = DamagedNotice(self)   # the 3-1 and 3-2 sheets this board left out
        big(self.damaged, 0.95)
        self.root.addWidget(self.damaged)
        self.tabs = tab_widget(self)
        self.root.addWidget(self.tabs, 1)
        self.ranking = RankingTab(self)
        self.spread = SpreadTab(self)
        self.offsets = OffsetsTab(self)
        self.items = ItemsTab(self)
        self.impact = ImpactTab(self)
        self.fairness = FairnessTab(runner, "district", self)   # 回避与透镜 (gui.fairness)
        self.outcomes, self.renewals = OutcomesTab(self), RenewalTab(self)   # 推荐与结果反馈, 续聘参考 (gui.results)
        for tab, title in ((self.ranking, tr("排名与推荐")), (self.spread, tr("评审人离散度")),
                           (self.offsets, tr("评审人宽严")), (self.items, tr("评分项得分率")),
                           (self.impact, tr("去掉最高最低分的影响")), (self.fairness, tr("回避与透镜")),
                           (self.outcomes, tr("推荐与结果反馈")), (self.renewals, tr("续聘参考"))):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(self._fill_tab)
        self.ranking.recommend.connect(self._recommend)
        self.ranking.export.connect(self._ask_export)
        self.spread.distance.valueChanged.connect(lambda _v: self.refresh())   # a parameter of the reading
        self._load_districts()
        self.district.currentIndexChanged.connect(lambda _i: self.refresh())

    # -------------------------------------------------------------- following the window

    @property
    def district_id(self) -> int | None:
        value = self.district.currentData()
        return int(value) if value is not None else None

    def show_selection(self, selection: Selection) -> None:
        """Follow the main window's year and, when it names one, its district."""
        if selection.district_id is not None and selection.district_id != self.district_id:
            self._choose(selection.district_id)
        super().show_selection(selection)

    def roster_changed(self) -> None:
        self._load_districts()

    def _load_districts(self) -> None:
        """The district list, again after a roster change; the chosen district stays chosen."""
        chosen = self.district_id
        self.district.blockSignals(True)
        self.district.clear()
        for d in self.runner.read(roster.districts):
            self.district.addItem(d.name, d.id)
        self.district.blockSignals(False)
        if chosen is not None:
            self._choose(chosen)

    def _choose(self, district_id: int) -> None:
        self.district.blockSignals(True)
        self.district.setCurrentIndex(max(0, self.district.findData(district_id)))
        self.district.blockSignals(False)

    # -------------------------------------------------------------- refreshing

    def draw(self) -> None:
        """Read the dashboard again and redraw the visible tab (the others when shown)."""
        did = self.district_id
        if did is None:
            self.board = None
            self.summary.setText(tr("还没有区。请先在名册中添加区。"))
            self.damaged.show_damaged(())
            return
        year = self.year
        distance = Decimal(str(round(self.spread.distance.value(), 1)))
        self.board = b = self.runner.read(
            lambda s: analysis.district_dashboard(s, year, did, outlier_distance=distance))
        r = b.ranking
        aggregation = tr("去掉一个最高分和一个最低分后的平均分") if r.trimmed_mean else tr("各评审人总分的平均分")
        self.summary.setText(
            tr("{year} 年度 · 权重：责任片区行政主体 {street}%，区级评审组 {group}% · 区级评审组最终得分取{agg}")
            .format(year=b.year, street=num(r.weights.street), group=num(r.weights.district), agg=aggregation))
        self.damaged.show_damaged(b.damaged)
        self.fairness.flag(self.tabs, b.year, did)   # ⚠ on its tab when recusals leave a unit short
        self._filled = set()
        self._fill_tab(self.tabs.currentIndex())

    def _fill_tab(self, index: int) -> None:
        if self.board is None or index in self._filled:
            return
        self._filled.add(index)
        [self.ranking, self.spread, self.offsets, self.items, self.impact, self.fairness, self.outcomes,
         self.renewals][index].fill(self.board)

    def _recommend(self, key: int, on: bool) -> None:
        """Save a recommendation mark at once; a refused mark is taken back off the screen."""
        actor = self.selection.actor if self.selection is not None else ""   # who nominated, in the audit
        ok, _ = self.runner.run(lambda s: analysis.set_recommended(s, key, on, actor),
                                Change(recommendations=True, source=self))
        if self.board is None:
            return
        if ok:
            marks = set(self.board.recommended)
            marks.add(key) if on else marks.discard(key)
            self.board = replace(self.board, recommended=frozenset(marks))
        else:
            self.ranking.fill(self.board)

    # -------------------------------------------------------------- export

    def _ask_export(self, kind: str) -> None:
        if self.board is None:
            return
        suffix = ".pdf" if kind == "report" else kind
        base = f"{self.board.district.name}{self.year}" + (tr("会议报告") if kind == "report" else tr("考核评优结果"))
        path = dialogs.ask_save_path(self, tr("导出"), base + suffix,
                                     tr("Excel 工作簿 (*.xlsx)") if suffix == ".xlsx" else tr("PDF (*.pdf)"), suffix)
        if path is None:
            return
        try:
            written = self.export_to(Path(path), report=kind == "report",
                                     on_refused=lambda text: QMessageBox.warning(self, tr("导出失败"), text))
        except OSError as error:
            QMessageBox.warning(self, tr("导出失败"), str(error))
            return
        if written is not None:
            QMessageBox.information(self, tr("已导出"), tr("已写入 {path}").format(path=written))

    def export_to(self, path: Path, report: bool = False,
                  on_refused: Callable[[str], None] | None = None) -> Path | None:
        """Write the 3-3 result file (.xlsx / .pdf) or, with ``report``, the meeting report PDF.

        Through the runner, like every action: a refusal goes to ``on_refused``
        (else the main window) and gives None.
        """
        did, year = self.district_id, self.year
        assert did is not None

        def write(session: Session) -> Path:
            if report:
                return reports.write_district_report(session, year, did, path).path
            return result_file.export_district_results(session, year, did, path).path

        _ok, written = self.runner.attempt(write, on_refused, progress=tr("正在导出…"))
        return written
