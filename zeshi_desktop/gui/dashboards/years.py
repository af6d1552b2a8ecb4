"""Results across the years in the database: one planner's 3-3 results, one district's city results.

The page follows the tree: a planner chosen there (an appointment) is the
planner shown, its district the district; the boxes choose others.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from zeshi_desktop.gui.actions import ActionRunner
from zeshi_desktop.gui.i18n import lang, tr
from zeshi_desktop.gui.selection import Selection
from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import NotFound
from zeshi_desktop.services.meeting import history
from zeshi_desktop.store.database import Session

from .charts import chart_view, reset_chart
from .common import (
    BAR,
    SECOND,
    Dashboard,
    big,
    fill,
    item,
    number_item,
    table_view,
    title_label,
)


class YearsView(Dashboard):
    """How a planner and a district did, year after year."""

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        root = self.root
        root.addWidget(title_label(tr("历年结果"), self))
        grid = QGridLayout()
        root.addLayout(grid, 1)
        bar = QHBoxLayout()
        bar.addWidget(big(QLabel(tr("责任规划师："), self)))
        self.planner = big(QComboBox(self))  # type: ignore[assignment]
        bar.addWidget(self.planner, 1)
        grid.addLayout(bar, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(big(QLabel(tr("区："), self)))
        self.district = big(QComboBox(self))  # type: ignore[assignment]
        bar.addWidget(self.district, 1)
        grid.addLayout(bar, 0, 1)
        self.planner_model = QStandardItemModel(self)
        self.planner_view, _ = table_view(self.planner_model, self, elastic=(2,))   # the unit
        self.district_model = QStandardItemModel(self)
        self.district_view, _ = table_view(self.district_model, self, wrap=True)
        self.planner_chart = chart_view(self)
        self.district_chart = chart_view(self)
        grid.addWidget(self.planner_chart, 1, 0)
        grid.addWidget(self.district_chart, 1, 1)
        grid.addWidget(self.planner_view, 2, 0)
        grid.addWidget(self.district_view, 2, 1)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 2)
        grid.setColumnStretch(0, 4)   # the district's table has more columns: every one in sight at 1280 px
        grid.setColumnStretch(1, 5)
        self._load_lists()
        self.planner.currentIndexChanged.connect(lambda _i: self.refresh())
        self.district.currentIndexChanged.connect(lambda _i: self.refresh())

    def roster_changed(self) -> None:
        self._load_lists()

    def _load_lists(self) -> None:
        """The planners and districts to choose from (again after a roster change); the chosen ones stay chosen."""
        def query(session: Session):  # type: ignore[no-untyped-def]
            return roster.planners(session, with_members=False), roster.districts(session)
        planners, districts = self.runner.read(query)
        for combo, rows in ((self.planner, planners), (self.district, districts)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for row in rows:
                combo.addItem(row.name, row.id)
            if chosen is not None:
                combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def show_selection(self, selection: Selection) -> None:
        """Follow the main window's tree: its planner (an appointment chosen there) and its district."""
        if selection.appointment_id is not None:
            appointment_id = selection.appointment_id

            def planner_of(session: Session) -> int | None:
                try:
                    return roster.appointment(session, appointment_id).planner_id
                except NotFound:   # removed since the tree was drawn
                    return None
            self._choose(self.planner, self.runner.read(planner_of))
        self._choose(self.district, selection.district_id)
        super().show_selection(selection)

    @staticmethod
    def _choose(combo: QComboBox, ident: int | None) -> None:
        if ident is None or combo.findData(ident) < 0:
            return
        combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(ident))
        combo.blockSignals(False)

    def draw(self) -> None:
        pid, did = self.planner.currentData(), self.district.currentData()
        if pid is not None:
            h = self.runner.read(lambda s: history.years_history(s, planner_id=int(pid)))
            fill(self.planner_model, [tr("年度"), tr("区"), tr("责任片区"), tr("排名"), tr("总分"), tr("等级"),
                                      tr("推荐")],
                 [[number_item(r.year), item(r.district), item(r.unit),
                   number_item(r.rank, text=f"{r.rank}/{r.ranked}" if r.rank else "—"), number_item(r.total),
                   item(r.band.label.get(lang()) if r.band else ""), item("★" if r.recommended else "")]
                  for r in h.planner_rows])
            self._line(self.planner_chart, tr("{name}：历年总分（3-3）").format(name=h.name),
                       [(f"{r.unit}", r.year, float(r.total)) for r in h.planner_rows if r.total is not None])
        if did is not None:
            h = self.runner.read(lambda s: history.years_history(s, district_id=int(did)))
            fill(self.district_model, [tr("年度"), tr("排名"), tr("4-3"), tr("4-2"), tr("等级"),
                                       tr("合同签订"), tr("平均总分"), tr("推荐")],
                 [[number_item(r.year), number_item(r.rank, text=f"{r.rank}/{r.ranked}" if r.rank else "—"),
                   number_item(r.city_score), number_item(r.self_score), item(r.band.label.get(lang()) if r.band else ""),
                   item({True: tr("是"), False: tr("否"), None: "—"}[r.contracts_signed]),
                   number_item(r.mean_total), number_item(r.recommended)] for r in h.district_rows])
            self._line(self.district_chart, tr("{name}：历年得分").format(name=h.name),
                       [(tr("市级评审 4-3"), r.year, float(r.city_score)) for r in h.district_rows
                        if r.city_score is not None] +
                       [(tr("自评 4-2"), r.year, float(r.self_score)) for r in h.district_rows
                        if r.self_score is not None])

    def _line(self, view: Any, title: str, points: list[tuple[str, int, float]]) -> None:
        """One line per series name over the years; single years show as dots."""
        chart = reset_chart(view, title)
        years = sorted({y for _, y, _ in points}) or [self.year]
        x_axis, y_axis = QValueAxis(), QValueAxis()
        x_axis.setRange(years[0] - 0.5, years[-1] + 0.5)
        x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        x_axis.setTickAnchor(years[0])
        x_axis.setTickInterval(1)
        x_axis.setLabelFormat("%d")
        low = min((v for _, _, v in points), default=0.0)
        top = 130 if any(v > 100 for _, _, v in points) else 100
        y_axis.setRange(max(0, (int(low) // 10 - 1) * 10), top)   # room between close lines for their labels
        y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        y_axis.setTickAnchor(0)
        y_axis.setTickInterval(10)
        y_axis.setLabelFormat("%.0f")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        colours = [BAR, SECOND]
        for i, name in enumerate(dict.fromkeys(n for n, _, _ in points)):
            line, dots = QLineSeries(), QScatterSeries()
            line.setName(name)
            line.setColor(colours[i % 2])
            dots.setColor(colours[i % 2])
            dots.setMarkerSize(12)
            dots.setPointLabelsVisible(True)
            dots.setPointLabelsFormat("@yPoint")
            for n, year, value in sorted(points, key=lambda p: p[1]):
                if n == name:
                    line.append(year, round(value, 2))
                    dots.append(year, round(value, 2))
            for series in (line, dots):
                chart.addSeries(series)
                series.attachAxis(x_axis)
                series.attachAxis(y_axis)
            chart.legend().markers(dots)[0].setVisible(False)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
