"""The city's nominations board: every district's nominees, the city's decisions, the limit, the list to print.

A tab of the city dashboard. Each nominee shows its rank in its district of N,
总分 and band as the district reported them (✓ when the city's own
computation of the same sheets agrees), its district's 4-3 result and
whether the district signed every contract — a district that did not is
shaded and says why its nominees cannot make an excellent district. The
city decides with 评为市级优秀… / 不入选… / 待定, each with a reason, and may
set how many each district may have (统一, or one district's own limit above or
below it); what exceeds it is a warning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.dashboards.common import (
    ALERT,
    ALERT_BG,
    GOOD_BG,
    KEY_ROLE,
    big,
    fill,
    item,
    note_label,
    num,
    number_item,
    table_view,
)
from zeshi_desktop.gui.i18n import lang, tr
from zeshi_desktop.messages import text
from zeshi_desktop.services.results import excellent

from . import dialogs
from .papers import print_papers

if TYPE_CHECKING:
    from zeshi_desktop.gui.dashboards.common import Dashboard

NO_LIMIT = -1   # the spin box's 不限 (its special value text): 0 is a limit of its own


def decision_text(selected: bool | None) -> str:
    return {True: tr("入选"), False: tr("未入选"), None: tr("待定")}[selected]


class NominationsTab(QWidget):
    """The board of a city dashboard (``dashboard`` gives the runner, the year and who acts)."""

    def __init__(self, dashboard: Dashboard) -> None:
        super().__init__(dashboard)
        self.dashboard = dashboard
        self.board: excellent.NominationsBoard | None = None
        layout = QVBoxLayout(self)
        self.summary = note_label("", self)
        big(self.summary, 1.0, True)
        layout.addWidget(self.summary)
        bar = QHBoxLayout()
        self.select_button = big(QPushButton(tr("评为市级优秀…"), self))
        self.reject_button = big(QPushButton(tr("不入选…"), self))
        self.pending_button = big(QPushButton(tr("改为待定"), self))
        for button in (self.select_button, self.reject_button, self.pending_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        bar = QHBoxLayout()   # a second row: in English one row is wider than a 1280x720 screen
        bar.addWidget(big(QLabel(tr("每区限额："), self)))
        self.scope = big(QComboBox(self))  # type: ignore[assignment]
        self.scope.addItem(tr("统一（各区）"), None)   # then each district that nominated, for a limit of its own
        bar.addWidget(self.scope)
        self.own_limits: dict[int, int] = {}
        self.limit = big(QSpinBox(self))  # type: ignore[assignment]
        self.limit.setRange(NO_LIMIT, 99)
        self.limit.setSpecialValueText(tr("不限"))
        widest = max(self.limit.fontMetrics().horizontalAdvance(t) for t in (tr("不限"), tr("按统一限额"), "99"))
        self.limit.setMinimumWidth(widest + 48)   # either special text whole, with the arrows
        bar.addWidget(self.limit)
        self.limit_button = big(QPushButton(tr("设定"), self))
        bar.addWidget(self.limit_button)
        bar.addStretch(1)
        self.print_button = big(QPushButton(tr("打印名单…"), self))
        bar.addWidget(self.print_button)
        layout.addLayout(bar)
        self.warnings = note_label("", self)   # above the table: seen on a small screen too
        self.warnings.setStyleSheet(f"color: {ALERT.name()}")
        layout.addWidget(self.warnings)
        self.model = QStandardItemModel(self)
        self.view, self.proxy = table_view(self.model, self)
        layout.addWidget(self.view, 1)
        self.select_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.pending_button.clicked.connect(lambda: self.decide(None, ask=False))
        self.limit_button.clicked.connect(self.apply_limit)
        self.scope.currentIndexChanged.connect(self._scope_changed)   # a method: not called once the tab is gone
        self.print_button.clicked.connect(self.print_list)
        self.view.doubleClicked.connect(lambda _index: self.decide(True))

    # -------------------------------------------------------------- reading

    @property
    def year(self) -> int:
        return self.dashboard.year

    def fill(self, _board: object = None) -> None:
        year = self.year
        b, (_city, self.own_limits) = self.dashboard.runner.read(
            lambda s: (excellent.board(s, year), excellent.limits(s, year)))
        self.board = b
        selected = sum(1 for n in b.nominees if n.selected)
        self.summary.setText(tr("{year} 年度 · 各区推荐 {n} 名 · 已入选 {s} 名 · 待定 {p} 名")
                             .format(year=b.year, n=len(b.nominees), s=selected, p=b.pending))
        rows = []
        for n in b.nominees:
            bg = ALERT_BG if not n.eligible else (GOOD_BG if n.selected else None)
            check = tr("一致") if n.agrees else tr("不一致：本机算得 {rank} 名 {total}").format(
                rank=n.computed_rank or "—", total=num(n.computed_total))
            contracts = {True: tr("是"), False: tr("否"), None: tr("未答")}[n.contracts_signed]
            why = "" if n.eligible else tr("该区合同未全部签订（附件4-2）：按规定不能评为优秀区，其推荐仍可评选，但请注意")
            city = f"{n.district_rank or '—'} · {num(n.district_score)} · " + (
                n.district_band.label.get(lang()) if n.district_band else "—")
            rank = (tr("{rank}/{ranked}").format(rank=n.rank, ranked=n.ranked) if n.rank is not None else "—")
            rows.append([item(n.district, key=n.appointment_id, background=bg),
                         number_item(n.rank, text=rank, background=bg), item(n.unit, background=bg),
                         item(n.planner, background=bg, tooltip=n.planner), number_item(n.total, background=bg),
                         item(n.band.label.get(lang()) if n.band else "—", background=bg),
                         item(contracts, background=bg, tooltip=why, foreground=None if n.eligible else ALERT),
                         item(decision_text(n.selected), background=bg),
                         item(n.reason, background=bg, tooltip=n.reason),
                         item(city, background=bg),
                         item(check, background=bg, foreground=None if n.agrees else ALERT,
                              tooltip=tr("区报送的排名与总分，与本机按同样评审表计算的结果比较"))])
        fill(self.model, [tr("区"), tr("区内排名"), tr("责任片区"), tr("责任规划师"), tr("总分"), tr("等级"),
                          tr("合同已全签"), tr("市级评选"), tr("理由"), tr("区 4-3 结果"), tr("核对")], rows)
        self._fill_scope(b)
        self.warnings.setText("\n".join(w.text(lang()) for w in b.warnings))
        self.warnings.setVisible(bool(b.warnings))
        empty = not b.nominees
        for button in (self.select_button, self.reject_button, self.pending_button):
            button.setEnabled(not empty)
        if empty:
            self.summary.setText(tr("{year} 年度尚无区级推荐：各区的推荐随“区→市”交接包到达。").format(year=b.year))

    def _fill_scope(self, b: excellent.NominationsBoard) -> None:
        """统一 and each district that nominated (keeping the one chosen), then the chosen scope's limit."""
        keep = self.scope.currentData()
        self.scope.blockSignals(True)
        while self.scope.count() > 1:
            self.scope.removeItem(1)
        for t in b.tallies:
            self.scope.addItem(t.district, t.district_id)
        self.scope.setCurrentIndex(max(0, self.scope.findData(keep)) if keep is not None else 0)
        self.scope.blockSignals(False)
        self._show_limit()

    def _scope_changed(self, _index: int) -> None:
        self._show_limit()

    def _show_limit(self) -> None:
        """The limit of the scope chosen: 统一's, or a district's own (不限 there: the district follows 统一)."""
        district_id = self.scope.currentData()
        city_limit = self.board.city_limit if self.board is not None else None
        value = city_limit if district_id is None else self.own_limits.get(district_id)
        self.limit.blockSignals(True)
        self.limit.setSpecialValueText(tr("不限") if district_id is None else tr("按统一限额"))
        self.limit.setValue(value if value is not None else NO_LIMIT)
        self.limit.blockSignals(False)

    def chosen(self) -> excellent.Nominee | None:
        index = self.view.currentIndex()
        if self.board is None or not index.isValid():
            return None
        key = self.proxy.index(index.row(), 0).data(KEY_ROLE)
        return next((n for n in self.board.nominees if n.appointment_id == key), None)

    # -------------------------------------------------------------- acting

    def _actor(self) -> str:
        selection = self.dashboard.selection
        return selection.actor if selection is not None else ""

    def decide(self, selected: bool | None, ask: bool = True) -> bool:
        """The city's decision on the chosen nominee, with its reason; warnings shown, the board read again."""
        nominee = self.chosen()
        if nominee is None:
            dialogs_missing = tr("请先在表中选择一名被推荐的责任规划师。")
            self.warnings.setText(dialogs_missing)
            self.warnings.setVisible(True)
            return False
        reason = nominee.reason
        if ask:
            who = f"{nominee.district} {nominee.unit}（{nominee.planner}）"
            answer = dialogs.ask_decision(self, who, selected if nominee.selected is None else nominee.selected,
                                          reason)
            if answer is None:
                return False
            selected, reason = answer.selected, answer.reason
        year, app, actor = self.year, nominee.appointment_id, self._actor()
        ok, done = self.dashboard.runner.run(lambda s: excellent.decide(s, year, app, selected, reason, actor),
                                             Change(recommendations=True, source=self.dashboard))
        if not ok or done is None:
            return False
        self.fill()
        if done.warnings:
            from zeshi_desktop.gui import dialogs as common

            common.show_warning(self, tr("请注意"), "\n".join(w.text(lang()) for w in done.warnings))
        return True

    def apply_limit(self) -> None:
        value, district_id = self.limit.value(), self.scope.currentData()
        year, actor = self.year, self._actor()
        most = None if value == NO_LIMIT else value
        ok, _ = self.dashboard.runner.run(lambda s: excellent.set_limit(s, year, district_id, most, actor),
                                          Change(recommendations=True, source=self.dashboard))
        if ok:
            self.fill()

    def print_list(self) -> None:
        from zeshi_desktop.services.results import papers

        year, language = self.year, lang()
        print_papers(self, self.dashboard.runner, lambda s: papers.prepare_honours(s, year, language),
                     text("results.kind.honours", language))


def focus_first(tab: NominationsTab) -> None:
    """Choose the first row (for a screenshot, a test)."""
    if tab.proxy.rowCount():
        tab.view.setCurrentIndex(tab.proxy.index(0, 0))
        tab.view.selectRow(0)
        tab.view.setFocus(Qt.FocusReason.OtherFocusReason)
