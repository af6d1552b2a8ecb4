"""The district dashboard's first tab: the 3-3 ranking with the recommendation marks, and what is missing.

The ranking's columns are the ones the reports and ``zeshi rank`` use
(``services.meeting.columns``), so the three tables cannot drift. Marking a
unit recommended is asked for with ``recommend(key, on)``; the dashboard runs
it through the runner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.gui.i18n import lang, tr
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.meeting.columns import DISTRICT_RANKING_SHORT, headings

from .common import (
    ALERT,
    ALERT_BG,
    GOOD_BG,
    KEY_ROLE,
    SORT_ROLE,
    big,
    fill,
    item,
    num,
    number_item,
    table_view,
)

COLUMNS = DISTRICT_RANKING_SHORT
RECOMMEND_COLUMN = COLUMNS.index("recommended")
BAND_COLUMN = COLUMNS.index("band")
TOTAL_COLUMN = COLUMNS.index("total")
# The annex's full headings (form 3-3) as tooltips on the short ones, by the annex's column order.
ANNEX_COLUMN = {"rank": 0, "street_weighted": 2, "district_weighted": 3}


class RankingTab(QWidget):
    """The ranking, filterable by text and band, with a check box per unit for "recommended excellent"."""

    recommend = Signal(int, bool)   # appointment id, marked
    export = Signal(str)            # ".xlsx", ".pdf" or "report"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter = big(QLineEdit(self))  # type: ignore[assignment]
        self.filter.setPlaceholderText(tr("筛选：责任片区或责师"))
        self.band = big(QComboBox(self))  # type: ignore[assignment]
        bar.addWidget(self.filter, 2)
        bar.addWidget(big(QLabel(tr("等级："), self)))
        bar.addWidget(self.band)
        bar.addStretch(1)
        for label, kind in ((tr("导出结果文件 Excel"), ".xlsx"), (tr("导出结果文件 PDF"), ".pdf"),
                            (tr("导出会议报告 PDF"), "report")):
            button = big(QPushButton(label, self))
            button.clicked.connect(lambda _checked=False, k=kind: self.export.emit(k))
            bar.addWidget(button)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = QStandardItemModel(self)
        self.view, self.proxy = table_view(self.model, split, elastic=(COLUMNS.index("planner"),), wrap=True)
        self.view.setStyleSheet("QTableView::indicator { width: 24px; height: 24px; }")
        split.addWidget(self.view)
        side = QWidget(split)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.waiting_label = big(QLabel(side), 1.0, True)
        side_layout.addWidget(self.waiting_label)
        self.progress_model = QStandardItemModel(self)
        self.progress_view, _ = table_view(self.progress_model, side, elastic=(0,))
        side_layout.addWidget(self.progress_view)
        split.addWidget(side)
        side.setMinimumWidth(340)   # 提交方 · 已定稿 · 草稿 · 缺交, whole, beside the tree of the main window
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([1000, 340])
        layout.addWidget(split, 1)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.band.currentIndexChanged.connect(self._band_filter)
        self.model.itemChanged.connect(self._recommend_changed)

    def fill(self, board: analysis.DistrictDashboard) -> None:
        weights = board.ranking.weights
        rows = []
        for row in board.ranking.rows:
            marked = row.key in board.recommended
            bg = GOOD_BG if marked else None
            rec = QStandardItem()
            rec.setCheckable(True)
            rec.setEditable(False)
            rec.setCheckState(Qt.CheckState.Checked if marked else Qt.CheckState.Unchecked)
            rec.setData(row.key, KEY_ROLE)
            rec.setData(1 if marked else 0, SORT_ROLE)
            rec.setToolTip(tr("推荐为区级优秀责任规划师（勾选即保存）"))
            street_tip = tr("3-1 得分 {score} × {weight}%").format(score=num(row.street_score),
                                                                weight=num(weights.street))
            group_tip = tr("3-2 最终得分 {score} × {weight}%").format(score=num(row.district_score),
                                                                  weight=num(weights.district))
            cells = {
                "rank": number_item(row.rank, background=bg) if row.rank is not None
                else item("—", float("inf"), background=bg),
                "unit": item(row.unit, key=row.key, background=bg),
                "planner": item(row.planner, background=bg, tooltip=row.planner),
                "street_weighted": number_item(row.street_weighted, background=bg, tooltip=street_tip),
                "district_weighted": number_item(row.district_weighted, background=bg, tooltip=group_tip),
                "total": number_item(row.total, background=bg),
                "band": item(row.band.label.get(lang()) if row.band else tr("未完成"), background=bg),
                "recommended": rec,
            }
            rows.append([cells[column] for column in COLUMNS])
        self._filling = True
        fill(self.model, headings(COLUMNS, lang()), rows)
        annex = catalogue.form("3-3").columns
        for column, index in ANNEX_COLUMN.items():
            self.model.horizontalHeaderItem(COLUMNS.index(column)).setToolTip(annex[index].get(lang()))
        self._filling = False
        self._fill_bands()
        self._fill_progress(board)

    def _fill_bands(self) -> None:
        bands = [self.band.itemText(i) for i in range(self.band.count())]
        wanted = [tr("全部")] + [band.label.get(lang()) for band in catalogue.form("3-3").bands]
        if bands != wanted:
            self.band.blockSignals(True)
            self.band.clear()
            self.band.addItems(wanted)
            self.band.blockSignals(False)
        self._band_filter()

    def _fill_progress(self, board: analysis.DistrictDashboard) -> None:
        waiting = board.waiting
        self.waiting_label.setText(tr("待交评审表：{n} 张").format(n=waiting) if waiting
                                   else tr("评审表已全部定稿"))
        self.waiting_label.setStyleSheet(f"color: {ALERT.name()}" if waiting else "color: #1b7837")
        rows = []
        for form_id, progress_rows in (("3-1", board.offices), ("3-2", board.reviewers)):
            for p in progress_rows:
                bg = ALERT_BG if p.progress.waiting else None
                annex = tr("附件{form}").format(form=form_id)
                rows.append([item(f"{form_id} {p.label}", background=bg, tooltip=annex),
                             number_item(p.progress.final, text=f"{p.progress.final}/{p.progress.expected}",
                                         background=bg),
                             number_item(p.progress.draft, background=bg),
                             number_item(p.progress.missing, background=bg)])
        fill(self.progress_model, [tr("提交方"), tr("已定稿"), tr("草稿"), tr("缺交")], rows)

    def _band_filter(self) -> None:
        text = self.band.currentText()
        self.proxy.set_column_filter(BAND_COLUMN, "" if self.band.currentIndex() <= 0 else text)

    def _recommend_changed(self, changed: QStandardItem) -> None:
        if self._filling or changed.column() != RECOMMEND_COLUMN or not changed.isCheckable():
            return
        self.recommend.emit(int(changed.data(KEY_ROLE)), changed.checkState() == Qt.CheckState.Checked)
