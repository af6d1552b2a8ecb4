"""The city's dashboard: districts by 4-3 beside their 4-2 self score, the contract rule, the circles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.gui.actions import ActionRunner
from zeshi_desktop.gui.fairness.lens_tab import FairnessTab
from zeshi_desktop.gui.i18n import lang, tr
from zeshi_desktop.gui.results.nominations import NominationsTab
from zeshi_desktop.gui.views.damaged import DamagedNotice, merged
from zeshi_desktop.services.meeting import dashboards as analysis

from .charts import chart_view, horizontal_bars
from .common import (
    ALERT,
    ALERT_BG,
    BAR,
    GOOD_BG,
    SECOND,
    Dashboard,
    big,
    fill,
    item,
    note_label,
    num,
    number_item,
    signed,
    tab_widget,
    table_view,
    title_label,
)
from .district_trust import leaning_text
from .names import band_name, circle_name


def contract_text(signed_: bool | None) -> str:
    return {True: tr("是"), False: tr("否"), None: tr("未答")}[signed_]


class CityDashboard(Dashboard):
    """What the city review group projects: the district ranking and the planners by circle."""

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.board: analysis.CityDashboard | None = None
        self.circles: analysis.CircleResults | None = None
        self._filled: set[int] = set()
        root = self.root
        root.addWidget(title_label(tr("市级评审看板"), self))
        self.rule = note_label("", self)
        big(self.rule, 1.0, True)
        root.addWidget(self.rule)
        self.damaged = DamagedNotice(self)   # 4-2 and 4-3 sheets left out; 3-1 and 3-2 too once the circles are read
        big(self.damaged, 0.95)
        root.addWidget(self.damaged)
        self.tabs = tab_widget(self)
        root.addWidget(self.tabs, 1)
        # districts
        page = QWidget(self)
        layout = QHBoxLayout(page)
        split = QSplitter(Qt.Orientation.Horizontal, page)
        self.district_model = QStandardItemModel(self)
        self.district_view, _ = table_view(self.district_model, split, elastic=(2,), wrap=True)   # the circle
        split.addWidget(self.district_view)
        self.district_chart = chart_view(split)
        split.addWidget(self.district_chart)
        self.district_chart.setMinimumWidth(300)
        self.district_chart.setMaximumWidth(320)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([10_000, 320])   # the table takes what the chart leaves
        layout.addWidget(split)
        self.tabs.addTab(page, tr("各区排名（4-3 与 4-2）"))
        # circles
        page = QWidget(self)
        layout = QVBoxLayout(page)
        split = QSplitter(Qt.Orientation.Horizontal, page)
        self.circle_chart = chart_view(split)
        split.addWidget(self.circle_chart)
        self.circle_model = QStandardItemModel(self)
        self.circle_view, _ = table_view(self.circle_model, split, elastic=(0,), wrap=True)
        split.addWidget(self.circle_view)
        split.setSizes([520, 830])
        layout.addWidget(split, 2)
        bar = QHBoxLayout()
        bar.addWidget(big(QLabel(tr("各责任片区（按 3-3 总分）——圈层："), page)))
        self.circle_filter = big(QComboBox(page))  # type: ignore[assignment]
        bar.addWidget(self.circle_filter)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.planner_model = QStandardItemModel(self)
        self.planner_view, self.planner_proxy = table_view(self.planner_model, page, elastic=(4,), wrap=True)   # the planner
        layout.addWidget(self.planner_view, 3)
        self.circle_filter.currentIndexChanged.connect(self._circle_filter)
        self.tabs.addTab(page, tr("圈层对比"))
        # reviewers
        page = QWidget(self)
        layout = QHBoxLayout(page)
        self.spread_model = QStandardItemModel(self)
        self.spread_view, _ = table_view(self.spread_model, page, wrap=True)
        self.offset_model = QStandardItemModel(self)
        self.offset_view, _ = table_view(self.offset_model, page)
        layout.addWidget(self.spread_view, 3)
        layout.addWidget(self.offset_view, 2)
        self.tabs.addTab(page, tr("市级评审人"))
        self.fairness = FairnessTab(runner, "city", self)   # 回避与透镜 (gui.fairness)
        self.tabs.addTab(self.fairness, tr("回避与透镜"))
        self.nominations = NominationsTab(self)   # 优秀责师评选 (gui.results)
        self.tabs.addTab(self.nominations, tr("优秀责师评选"))
        self.tabs.currentChanged.connect(self._fill_tab)

    def draw(self) -> None:
        """Read the district ranking again; the circle tab reads its (larger) data when shown."""
        year = self.year
        self.board = self.runner.read(lambda s: analysis.city_dashboard(s, year, with_circles=False))
        self.circles = None
        self.damaged.show_damaged(self.board.damaged)
        self.fairness.flag(self.tabs, year, None)   # ⚠ on its tab when recusals leave a district short
        self._filled = set()
        self._fill_tab(self.tabs.currentIndex())

    def _fill_tab(self, index: int) -> None:
        if self.board is None or index in self._filled:
            return
        self._filled.add(index)
        [self._fill_districts, self._fill_circles, self._fill_reviewers,
         lambda: self.fairness.fill(self.board), self.nominations.fill][index]()

    def _fill_districts(self) -> None:
        b = self.board
        assert b is not None
        rule = b.contract_rule
        if rule is not None:
            self.rule.setText(tr("{year} 年度 · 合同规则：“{q}”回答“否”的区不能评为“{band}”（标红）。")
                              .format(year=b.year, q=rule.question.get(lang()).rstrip("：: "),
                                      band=rule.excluded.label.get(lang())))
            self.rule.setStyleSheet(f"color: {ALERT.name()}" if any(r.blocked_by_contracts for r in b.rows) else "")
        rows = []
        for r in b.rows:
            bg = ALERT_BG if r.blocked_by_contracts else (GOOD_BG if r.eligible_excellent else None)
            diff = r.city_score - r.self_score if r.city_score is not None and r.self_score is not None else None
            eligible = tr("是") if r.eligible_excellent else (tr("否（合同）") if r.blocked_by_contracts
                                                             else tr("否"))
            rows.append([number_item(r.rank, background=bg) if r.rank else item("—", float("inf"), background=bg),
                         item(r.district, background=bg),
                         item(circle_name(r.circle), background=bg, tooltip=circle_name(r.circle)),
                         number_item(r.city_score, background=bg,
                                     tooltip=tr("与自评之差：{d}").format(d=signed(diff))),
                         number_item(r.self_score, background=bg),
                         item(contract_text(r.contracts_signed), background=bg,
                              foreground=ALERT if r.contracts_signed is not True else None),
                         item(r.band.label.get(lang()) if r.band else "", background=bg),
                         item(eligible, background=bg, foreground=ALERT if r.blocked_by_contracts else None,
                              tooltip=tr("否：合同未全部签订") if r.blocked_by_contracts else "")])
        fill(self.district_model, [tr("排名"), tr("区"), tr("圈层"), tr("市级评审 4-3"), tr("自评 4-2"),
                                   tr("合同签订"), tr("等级"), tr("可评优秀")], rows)
        self.district_model.horizontalHeaderItem(5).setToolTip(rule.question.get(lang()) if rule else "")
        horizontal_bars(self.district_chart, tr("市级评审（4-3）与自评（4-2）", "chart title"), [r.district for r in b.rows],
                        [(tr("市级评审 4-3", "chart legend"), [float(r.city_score or 0) for r in b.rows], BAR),
                         (tr("自评 4-2", "chart legend"), [float(r.self_score or 0) for r in b.rows], SECOND)],
                        value_min=0, value_max=110, tick_interval=20, label_chars=8)

    def _fill_circles(self) -> None:
        year = self.year
        self.circles = b = self.runner.read(lambda s: analysis.circle_results(s, year))
        self.damaged.show_damaged(merged(self.board.damaged if self.board else (), b.damaged))
        bands = list(b.circles[0].bands) if b.circles else []
        horizontal_bars(self.circle_chart, tr("各圈层责任片区平均总分（3-3）"), [circle_name(c.circle) for c in b.circles],
                        [(tr("平均总分"), [float(c.mean_total or 0) for c in b.circles], BAR)],
                        value_min=0, value_max=110, tick_interval=20, label_chars=8 if lang() == "zh" else 18)
        fill(self.circle_model, [tr("圈层"), tr("区"), tr("责任片区"), tr("平均"), tr("最低"), tr("最高"),
                                 *(band_name(band) for band in bands), tr("推荐优秀")],
             [[item(circle_name(c.circle), tooltip=circle_name(c.circle)), number_item(c.districts), number_item(c.units), number_item(c.mean_total),
               number_item(c.min_total), number_item(c.max_total), *(number_item(v) for v in c.bands.values()),
               number_item(c.recommended)] for c in b.circles])
        fill(self.planner_model, [tr("圈层"), tr("区"), tr("区内排名"), tr("责任片区"), tr("责任规划师"), tr("总分"),
                                  tr("等级"), tr("推荐优秀")],
             [[item(circle_name(p.circle)), item(p.district), number_item(p.row.rank), item(p.row.unit),
               item(p.row.planner, tooltip=p.row.planner),
               number_item(p.row.total), item(p.row.band.label.get(lang()) if p.row.band else tr("未完成")),
               item("★" if p.recommended else "")] for p in b.planners])
        wanted = [tr("全部")] + [circle_name(c.circle) for c in b.circles]
        if [self.circle_filter.itemText(i) for i in range(self.circle_filter.count())] != wanted:
            self.circle_filter.blockSignals(True)
            self.circle_filter.clear()
            self.circle_filter.addItems(wanted)
            self.circle_filter.blockSignals(False)
        self._circle_filter()

    def _fill_reviewers(self) -> None:
        b = self.board
        assert b is not None
        fill(self.spread_model, [tr("区"), tr("人数"), tr("最低"), tr("最高"), tr("平均"), tr("标准差"), tr("离群评审人")],
             [[item(s.label), number_item(len(s.spread.totals)), number_item(s.spread.min), number_item(s.spread.max),
               number_item(s.spread.mean), number_item(s.spread.std),
               item(tr("；").join(f"{s.reviewer(o.reviewer)} {num(o.total)}" for o in s.spread.outliers),
                    foreground=ALERT)] for s in b.spreads])
        fill(self.offset_model, [tr("评审人"), tr("平均偏差"), tr("倾向")],
             [[item(o.reviewer.name), number_item(o.offset.offset, text=signed(o.offset.offset)),
               item(leaning_text(o.offset.leaning))] for o in b.offsets])

    def _circle_filter(self) -> None:
        index = self.circle_filter.currentIndex()
        self.planner_proxy.set_column_filter(0, "" if index <= 0 else self.circle_filter.currentText())
