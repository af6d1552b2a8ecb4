"""The district meeting's dashboard (3-3): ranking, what is missing, recommendations, trust figures.

One service call (``analysis.district_dashboard``) per refresh; the tabs are
filled from its result, the visible tab at once and the others when first
shown, so a refresh after a score change stays quick on a large district.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.gui.i18n import lang
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.meeting import reports, result_file
from zeshi_desktop.store.database import Database

from .common import (
    ALERT,
    ALERT_BG,
    BAR,
    GOOD_BG,
    KEY_ROLE,
    SECOND,
    FollowsYear,
    Reader,
    big,
    chart_view,
    fill,
    horizontal_bars,
    item,
    note_label,
    num,
    number_item,
    percent,
    signed,
    table_view,
    title_label,
    tr,
)
from .spread_chart import draw_spreads

RECOMMEND_COLUMN = 7
BAND_COLUMN = 6
TOTAL_COLUMN = 5


def leaning_text(leaning: str) -> str:
    return {"strict": tr("偏严"), "lenient": tr("偏松"), "in_line": tr("一致")}[leaning]


class DistrictDashboard(QWidget, FollowsYear):
    """The ranking a district task force projects in its meeting, and why it can trust it."""

    def __init__(self, db: Database, year: int, parent: QWidget | None = None, *, district_id: int | None = None,
                 runner: Any = None) -> None:
        super().__init__(parent)
        self.io = Reader(db, runner)
        self.year = year
        self.board: analysis.DistrictDashboard | None = None
        self._filled: set[int] = set()
        self._filling = False
        root = QVBoxLayout(self)
        root.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        self.title = title_label(tr("区级评审会议看板"), self)
        top.addWidget(self.title)
        top.addStretch(1)
        self.district = big(QComboBox(self))  # type: ignore[assignment]
        top.addWidget(big(QLabel(tr("区："), self)))
        top.addWidget(self.district)
        root.addLayout(top)
        self.summary = note_label("", self)
        root.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        big(self.tabs.tabBar(), 1.0, True)
        root.addWidget(self.tabs, 1)
        self._build_ranking_tab()
        self._build_spread_tab()
        self._build_offsets_tab()
        self._build_items_tab()
        self._build_impact_tab()
        self.tabs.currentChanged.connect(self._fill_tab)
        districts = self.io.read(roster.districts)
        for d in districts:
            self.district.addItem(d.name, d.id)
        if district_id is not None:
            self.district.setCurrentIndex(max(0, self.district.findData(district_id)))
        self.district.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    # -------------------------------------------------------------- building

    def _build_ranking_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.filter = big(QLineEdit(page))  # type: ignore[assignment]
        self.filter.setPlaceholderText(tr("筛选：责任片区或责师"))
        self.band = big(QComboBox(page))  # type: ignore[assignment]
        bar.addWidget(self.filter, 2)
        bar.addWidget(big(QLabel(tr("等级："), page)))
        bar.addWidget(self.band)
        bar.addStretch(1)
        self.export_xlsx = big(QPushButton(tr("导出结果文件 Excel"), page))  # type: ignore[assignment]
        self.export_pdf = big(QPushButton(tr("导出结果文件 PDF"), page))  # type: ignore[assignment]
        self.export_report = big(QPushButton(tr("导出会议报告 PDF"), page))  # type: ignore[assignment]
        for b in (self.export_xlsx, self.export_pdf, self.export_report):
            bar.addWidget(b)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal, page)
        self.ranking_model = QStandardItemModel(self)
        self.ranking_view, self.ranking_proxy = table_view(self.ranking_model, split)
        self.ranking_view.setStyleSheet("QTableView::indicator { width: 24px; height: 24px; }")
        split.addWidget(self.ranking_view)
        side = QWidget(split)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.waiting_label = big(QLabel(side), 1.0, True)
        side_layout.addWidget(self.waiting_label)
        self.progress_model = QStandardItemModel(self)
        self.progress_view, _ = table_view(self.progress_model, side)
        side_layout.addWidget(self.progress_view)
        split.addWidget(side)
        side.setMinimumWidth(340)   # 提交方 · 已定稿 · 草稿 · 缺交, whole, beside the tree of the main window
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([1000, 340])
        layout.addWidget(split, 1)
        self.tabs.addTab(page, tr("排名与推荐"))
        self.filter.textChanged.connect(self.ranking_proxy.setFilterFixedString)
        self.band.currentIndexChanged.connect(self._band_filter)
        self.ranking_model.itemChanged.connect(self._recommend_changed)
        self.export_xlsx.clicked.connect(lambda: self._ask_export(".xlsx"))
        self.export_pdf.clicked.connect(lambda: self._ask_export(".pdf"))
        self.export_report.clicked.connect(lambda: self._ask_export("report"))

    def _build_spread_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        bar.addWidget(big(QLabel(tr("离群距离（与其他评审人平均分相差超过）："), page)))
        self.distance = big(QDoubleSpinBox(page))  # type: ignore[assignment]
        self.distance.setRange(0.5, 50)
        self.distance.setDecimals(1)
        self.distance.setSingleStep(1)
        self.distance.setSuffix(tr(" 分"))
        self.distance.setValue(float(analysis.DEFAULT_OUTLIER_DISTANCE))
        self.distance.valueChanged.connect(lambda _v: self.refresh())
        bar.addWidget(self.distance)
        bar.addStretch(1)
        self.outlier_label = big(QLabel(page), 1.0, True)
        bar.addWidget(self.outlier_label)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal, page)
        self.spread_chart = chart_view(split)
        split.addWidget(self.spread_chart)
        self.spread_model = QStandardItemModel(self)
        self.spread_view, _ = table_view(self.spread_model, split)
        self.spread_view.setWordWrap(True)
        split.addWidget(self.spread_view)
        split.setSizes([600, 750])
        layout.addWidget(split, 1)
        self.tabs.addTab(page, tr("评审人离散度"))

    def _build_offsets_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.offset_note = note_label("", page)
        layout.addWidget(self.offset_note)
        split = QSplitter(Qt.Orientation.Horizontal, page)
        self.offset_chart = chart_view(split)
        split.addWidget(self.offset_chart)
        self.offset_model = QStandardItemModel(self)
        self.offset_view, _ = table_view(self.offset_model, split)
        split.addWidget(self.offset_view)
        split.setSizes([620, 720])
        layout.addWidget(split, 1)
        self.tabs.addTab(page, tr("评审人宽严"))

    def _build_items_tab(self) -> None:
        page = QWidget(self)
        layout = QHBoxLayout(page)
        self.street_chart = chart_view(page)
        self.group_chart = chart_view(page)
        layout.addWidget(self.street_chart, 1)
        layout.addWidget(self.group_chart, 1)
        self.tabs.addTab(page, tr("评分项得分率"))

    def _build_impact_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.impact_label = note_label("", page)
        big(self.impact_label, 1.05, True)
        layout.addWidget(self.impact_label)
        self.impact_model = QStandardItemModel(self)
        self.impact_view, _ = table_view(self.impact_model, page)
        layout.addWidget(self.impact_view, 1)
        self.tabs.addTab(page, tr("去掉最高最低分的影响"))

    # -------------------------------------------------------------- refreshing

    @property
    def district_id(self) -> int | None:
        value = self.district.currentData()
        return int(value) if value is not None else None

    def show_selection(self, selection: Any) -> None:
        """Called by the main window: follow its year and district."""
        self.year = selection.year
        if selection.district_id is not None and selection.district_id != self.district_id:
            self.district.blockSignals(True)
            self.district.setCurrentIndex(max(0, self.district.findData(selection.district_id)))
            self.district.blockSignals(False)
        self.refresh()

    def on_changed(self, change: Any) -> None:
        if getattr(change, "source", None) is self.io:
            return   # our own recommendation mark: already shown
        self.refresh()

    def refresh(self) -> None:
        """Read the dashboard again and redraw the visible tab (the others when shown)."""
        did = self.district_id
        if did is None:
            self.summary.setText(tr("还没有区。请先在名册中添加区。"))
            return
        distance = Decimal(str(round(self.distance.value(), 1)))
        self.board = self.io.read(lambda s: analysis.district_dashboard(s, self.year, did, outlier_distance=distance))
        b = self.board
        r = b.ranking
        aggregation = tr("去掉一个最高分和一个最低分后的平均分") if r.trimmed_mean else tr("各评审人总分的平均分")
        self.summary.setText(
            tr("{year} 年度 · 权重：责任片区行政主体 {street}%，区级评审组 {group}% · 区级评审组最终得分取{agg}")
            .format(year=b.year, street=num(r.weights.street), group=num(r.weights.district), agg=aggregation))
        self._filled = set()
        self._fill_tab(self.tabs.currentIndex())

    def _fill_tab(self, index: int) -> None:
        if self.board is None or index in self._filled:
            return
        self._filled.add(index)
        [self._fill_ranking, self._fill_spread, self._fill_offsets, self._fill_items, self._fill_impact][index]()

    def _fill_ranking(self) -> None:
        b = self.board
        assert b is not None
        rows = []
        for row in b.ranking.rows:
            band = row.band.label.get(lang()) if row.band else tr("未完成")
            rec = QStandardItem()
            rec.setCheckable(True)
            rec.setEditable(False)
            rec.setCheckState(Qt.CheckState.Checked if row.key in b.recommended else Qt.CheckState.Unchecked)
            rec.setData(row.key, KEY_ROLE)
            rec.setData(1 if row.key in b.recommended else 0, Qt.ItemDataRole.UserRole + 1)
            rec.setToolTip(tr("推荐为区级优秀责任规划师（勾选即保存）"))
            bg = GOOD_BG if row.key in b.recommended else None
            street_tip = tr("3-1 得分 {score} × {weight}%").format(score=num(row.street_score),
                                                                weight=num(b.ranking.weights.street))
            group_tip = tr("3-2 最终得分 {score} × {weight}%").format(score=num(row.district_score),
                                                                  weight=num(b.ranking.weights.district))
            rows.append([number_item(row.rank, background=bg) if row.rank is not None
                         else item("—", float("inf"), background=bg),
                         item(row.unit, key=row.key, background=bg), item(row.planner, background=bg, tooltip=row.planner),
                         number_item(row.street_weighted, background=bg, tooltip=street_tip),
                         number_item(row.district_weighted, background=bg, tooltip=group_tip),
                         number_item(row.total, background=bg), item(band, background=bg), rec])
        self._filling = True
        fill(self.ranking_model, [tr("排名"), tr("责任片区"), tr("责任规划师"), tr("加权3-1"), tr("加权3-2"),
                                  tr("总分"), tr("等级"), tr("推荐优秀")], rows)
        columns = catalogue.form("3-3").columns   # the seed's full headings, as tooltips on the short ones
        for column, label in ((0, columns[0]), (3, columns[2]), (4, columns[3])):
            self.ranking_model.horizontalHeaderItem(column).setToolTip(label.get(lang()))
        self._filling = False
        bands = [self.band.itemText(i) for i in range(self.band.count())]
        wanted = [tr("全部")] + [bd.label.get(lang()) for bd in catalogue.form("3-3").bands]
        if bands != wanted:
            self.band.blockSignals(True)
            self.band.clear()
            self.band.addItems(wanted)
            self.band.blockSignals(False)
        self._band_filter()
        waiting = b.waiting
        self.waiting_label.setText(tr("待交评审表：{n} 张").format(n=waiting) if waiting
                                   else tr("评审表已全部定稿"))
        self.waiting_label.setStyleSheet(f"color: {ALERT.name()}" if waiting else "color: #1b7837")
        prog = []
        for form_id, rows_ in (("3-1", b.offices), ("3-2", b.reviewers)):
            for p in rows_:
                bg = ALERT_BG if p.progress.waiting else None
                prog.append([item(f"{form_id} {p.label}", background=bg, tooltip=tr("附件") + form_id),
                             number_item(p.progress.final, text=f"{p.progress.final}/{p.progress.expected}",
                                         background=bg),
                             number_item(p.progress.draft, background=bg),
                             number_item(p.progress.missing, background=bg)])
        fill(self.progress_model, [tr("提交方"), tr("已定稿"), tr("草稿"), tr("缺交")], prog)

    def _band_filter(self) -> None:
        text = self.band.currentText()
        self.ranking_proxy.set_column_filter(BAND_COLUMN, "" if self.band.currentIndex() <= 0 else text)

    def _recommend_changed(self, changed: QStandardItem) -> None:
        if self._filling or changed.column() != RECOMMEND_COLUMN or not changed.isCheckable():
            return
        key = changed.data(KEY_ROLE)
        on = changed.checkState() == Qt.CheckState.Checked
        self.io.write(lambda s: analysis.set_recommended(s, int(key), on))
        if self.board is not None:
            marks = set(self.board.recommended)
            marks.add(key) if on else marks.discard(key)
            self.board = replace(self.board, recommended=frozenset(marks))

    def _fill_spread(self) -> None:
        b = self.board
        assert b is not None
        self.outlier_label.setText(tr("离群 {n} 处").format(n=b.outlier_count))
        self.outlier_label.setStyleSheet(f"color: {ALERT.name()}" if b.outlier_count else "")
        draw_spreads(self.spread_chart, b.spreads)
        rows = []
        for s in b.spreads:
            bg = ALERT_BG if s.spread.outliers else None
            outl = "；".join(f"{s.reviewer(o.reviewer)} {num(o.total)}（{signed(o.distance)}）"
                            for o in s.spread.outliers)
            unit, _, planner = s.label.partition(" — ")
            rows.append([item(unit, background=bg, tooltip=planner), number_item(len(s.spread.totals), background=bg),
                         number_item(s.spread.min, background=bg), number_item(s.spread.max, background=bg),
                         number_item(s.spread.mean, background=bg), number_item(s.spread.std, background=bg),
                         item(outl, background=bg, foreground=ALERT if outl else None)])
        fill(self.spread_model, [tr("责任片区"), tr("人数"), tr("最低"), tr("最高"), tr("平均"),
                                 tr("标准差"), tr("离群评审人")], rows)

    def _fill_offsets(self) -> None:
        b = self.board
        assert b is not None
        self.offset_note.setText(tr("平均偏差 = 该评审人总分减去其他评审人平均分，再对所评各责任片区取平均。"
                                    "负数为偏严，正数为偏松；±{tol} 分以内视为一致。")
                                 .format(tol=num(b.offset_tolerance)))
        horizontal_bars(self.offset_chart, tr("评审人平均偏差（分）"), [o.reviewer.name for o in b.offsets],
                        [(tr("平均偏差"), [float(o.offset.offset) for o in b.offsets], BAR)])
        rows = []
        for o in b.offsets:
            fg = ALERT if o.offset.leaning != "in_line" else None
            rows.append([item(o.reviewer.name), item(o.reviewer.organisation), number_item(o.offset.subjects),
                         number_item(o.offset.offset, text=signed(o.offset.offset), foreground=fg),
                         item(leaning_text(o.offset.leaning), foreground=fg), number_item(o.offset.outliers)])
        fill(self.offset_model, [tr("评审人"), tr("单位"), tr("评审数"), tr("平均偏差"), tr("倾向"), tr("离群次数")],
             rows)

    def _fill_items(self) -> None:
        b = self.board
        assert b is not None
        for view, items, title in ((self.street_chart, b.street_items, tr("附件3-1 各项得分率（%）")),
                                   (self.group_chart, b.group_items, tr("附件3-2 各项得分率（%）"))):
            horizontal_bars(view, title, [i.text for i in items],
                            [(tr("得分率"), [float(i.share or 0) * 100 for i in items], SECOND if view is
                              self.street_chart else BAR)], value_min=0, value_max=110, label_chars=12,
                            tick_interval=20)
            view.setToolTip("\n".join(f"{it.text}：{percent(it.share)}（{num(it.mean)}/{num(it.max)}）"
                                      for it in items))

    def _fill_impact(self) -> None:
        b = self.board
        assert b is not None
        imp = b.impact
        self.impact_label.setText(
            tr("改用去掉一个最高分和一个最低分后的平均分：{changed} 个责任片区的排名会改变（最多 {max} 位）；"
               "{trim} 个责任片区有不少于 5 位评审人。当前采用：{now}。")
            .format(changed=imp.changed, max=imp.max_move, trim=imp.trimmable,
                    now=tr("去掉最高最低分") if b.ranking.trimmed_mean else tr("算术平均")))
        rows = []
        for c in imp.rows:
            bg = ALERT_BG if c.moved else None
            moved = "" if not c.moved else ("↑" if c.moved > 0 else "↓") + str(abs(c.moved))
            rows.append([item(c.unit, background=bg), item(c.planner, background=bg),
                         number_item(c.rank_mean, background=bg), number_item(c.total_mean, background=bg),
                         number_item(c.rank_trimmed, background=bg), number_item(c.total_trimmed, background=bg),
                         item(moved, c.moved or 0, background=bg)])
        fill(self.impact_model, [tr("责任片区"), tr("责任规划师"), tr("平均分排名"), tr("总分（平均）"),
                                 tr("去高低后排名"), tr("总分（去高低）"), tr("变化")], rows)

    # -------------------------------------------------------------- export

    def _ask_export(self, kind: str) -> None:
        if self.board is None:
            return
        suffix = ".pdf" if kind == "report" else kind
        base = f"{self.board.district.name}{self.year}" + (tr("会议报告") if kind == "report" else tr("考核评优结果"))
        path, _ = QFileDialog.getSaveFileName(self, tr("导出"), base + suffix,
                                              tr("Excel 工作簿 (*.xlsx)") if suffix == ".xlsx" else tr("PDF (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            written = self.export_to(Path(path), report=kind == "report")
        except (OSError, ValueError) as error:
            QMessageBox.warning(self, tr("导出失败"), str(error))
            return
        QMessageBox.information(self, tr("已导出"), tr("已写入 {path}").format(path=written))

    def export_to(self, path: Path, report: bool = False) -> Path:
        """Write the 3-3 result file (.xlsx / .pdf) or, with ``report``, the meeting report PDF."""
        did = self.district_id
        assert did is not None
        if report:
            return self.io.read(lambda s: reports.write_district_report(s, self.year, did, path)).path
        return self.io.read(lambda s: result_file.export_district_results(s, self.year, did, path)).path
