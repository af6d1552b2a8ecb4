"""The roster of a year: districts (circle), units, planners and members, appointments, reviewers.

Each addition is one service call; the measures' warnings (more than 3
units, more than 8 core members, renewal term, leader's qualification) are
listed under the tables and refreshed after every change. The measures'
terms (circles, kinds of unit, disciplines) are stored in Chinese and shown
in the interface language (``dashboards.names``); a term is written as the
years it covers (``rules.term_span``: 2024–2026), as on every other page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.domain.rules import term_span
from zeshi_desktop.services import roster

from ..actions import ActionRunner, Change
from ..dashboards.names import term_name
from ..i18n import tr
from .base import AnnexView, text_size
from .roster_corrections import (
    ID_ROLE,
    RosterCorrections,
    fill,
    form_row,
    table,
    term_value,
    terms,
)


class RosterView(AnnexView, RosterCorrections):
    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.heading = text_size(QLabel(self), 1.3, bold=True)
        self.root.addWidget(self.heading)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.root.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.tabs = QTabWidget(split)
        split.addWidget(self.tabs)
        warn_box = QGroupBox(tr("按管理办法的提示（不阻止保存）"), split)
        warn_layout = QHBoxLayout(warn_box)
        self.warnings = QListWidget(warn_box)
        warn_layout.addWidget(self.warnings)
        split.addWidget(warn_box)
        split.setSizes([480, 140])
        self.root.addWidget(split, 1)
        self._districts_tab()
        self._units_tab()
        self._planners_tab()
        self._appointments_tab()
        self._reviewers_tab()

    # ------------------------------------------------------------ tabs
    def _districts_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.district_table = table([tr("编码"), tr("区"), tr("圈层")], page)
        layout.addWidget(self.district_table)
        self.district_name = QLineEdit(page)
        self.district_name.setPlaceholderText(tr("区名"))
        self.district_circle = QComboBox(page)
        terms(self.district_circle, "circles", roster.CIRCLES)
        add = QPushButton(tr("添加区"), page)
        add.clicked.connect(self.add_district)
        save = QPushButton(tr("保存对所选的修改"), page)
        save.clicked.connect(self.update_district)
        self.district_table.itemSelectionChanged.connect(self._district_picked)
        layout.addWidget(form_row(page, QLabel(tr("区：")), self.district_name, self.district_circle, add, save))
        self.tabs.addTab(page, tr("区与圈层"))

    def _units_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.unit_table = table([tr("编码"), tr("区"), tr("责任单元"), tr("类型")], page)
        layout.addWidget(self.unit_table)
        self.unit_name = QLineEdit(page)
        self.unit_name.setPlaceholderText(tr("责任单元名称"))
        self.unit_kind = QComboBox(page)
        terms(self.unit_kind, "unit_kinds", roster.UNIT_KINDS)
        add = QPushButton(tr("添加到所选区"), page)
        add.clicked.connect(self.add_unit)
        save = QPushButton(tr("保存对所选的修改"), page)
        save.clicked.connect(self.update_unit)
        self.unit_table.itemSelectionChanged.connect(self._unit_picked)
        layout.addWidget(form_row(page, QLabel(tr("责任单元：")), self.unit_name, self.unit_kind, add, save))
        self.tabs.addTab(page, tr("责任单元", "tab"))

    def _planners_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.planner_table = table([tr("编码"), tr("责师"), tr("类型"), tr("所在单位"), tr("负责人"), tr("职称"),
                                     tr("核心成员")], page)
        self.planner_table.itemSelectionChanged.connect(self._show_members)
        layout.addWidget(self.planner_table, 2)
        self.planner_name = QLineEdit(page)
        self.planner_name.setPlaceholderText(tr("责师或团队名称"))
        self.planner_team = QCheckBox(tr("团队"), page)
        self.planner_org = QLineEdit(page)
        self.planner_org.setPlaceholderText(tr("所在单位"))
        for edit in (self.planner_name, self.planner_org):
            edit.setMinimumWidth(240)   # a team's or institution's whole name
        self.planner_senior = QCheckBox(tr("负责人具有高级职称"), page)
        self.planner_registered = QCheckBox(tr("注册规划师/建筑师"), page)
        self.planner_years = QSpinBox(page)
        self.planner_years.setRange(0, 60)
        self.planner_years.setSuffix(tr(" 年经验"))
        add = QPushButton(tr("添加责师"), page)
        add.clicked.connect(self.add_planner)
        save = QPushButton(tr("保存对所选的修改"), page)
        save.clicked.connect(self.update_planner)
        layout.addWidget(form_row(page, self.planner_name, self.planner_team, self.planner_org, add, save))
        layout.addWidget(form_row(page, self.planner_senior, self.planner_registered, self.planner_years))
        self._member_section(page, layout)
        self.tabs.addTab(page, tr("责师与成员"))

    def _appointments_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.appointment_table = table([tr("区"), tr("责任单元"), tr("责师"), tr("聘期"), tr("续聘"),
                                         tr("合同已签订"), tr("经费已落实")], page)
        self.appointment_table.itemChanged.connect(self._appointment_flag)
        layout.addWidget(self.appointment_table)
        self.appoint_unit = QComboBox(page)
        self.appoint_planner = QComboBox(page)
        self.appoint_years = QSpinBox(page)
        self.appoint_years.setRange(1, 10)
        self.appoint_years.setSuffix(tr(" 年"))
        self.appoint_renewal = QCheckBox(tr("续聘"), page)
        self.appoint_signed = QCheckBox(tr("合同已签订"), page)
        add = QPushButton(tr("聘任"), page)
        add.clicked.connect(self.appoint)
        layout.addWidget(form_row(page, QLabel(tr("新聘任：")), self.appoint_unit, self.appoint_planner,
                               self.appoint_years, self.appoint_renewal, self.appoint_signed, add))
        self.tabs.addTab(page, tr("聘任", "tab"))

    def _reviewers_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.reviewer_table = table([tr("编码"), tr("级别"), tr("姓名"), tr("单位")], page)
        layout.addWidget(self.reviewer_table)
        self.reviewer_name = QLineEdit(page)
        self.reviewer_name.setPlaceholderText(tr("评审人姓名"))
        self.reviewer_org = QLineEdit(page)
        self.reviewer_org.setPlaceholderText(tr("单位"))
        self.reviewer_level = QComboBox(page)
        self.reviewer_level.addItem(tr("区级评审组（所选区）"), "district")
        self.reviewer_level.addItem(tr("市级评审组"), "city")
        add = QPushButton(tr("添加评审人"), page)
        add.clicked.connect(self.add_reviewer)
        save = QPushButton(tr("保存对所选的修改"), page)
        save.clicked.connect(self.update_reviewer)
        remove = QPushButton(tr("删除所选评审人…"), page)
        remove.clicked.connect(self.remove_reviewer)
        self.reviewer_table.itemSelectionChanged.connect(self._reviewer_picked)
        layout.addWidget(form_row(page, self.reviewer_name, self.reviewer_org, self.reviewer_level, add, save, remove))
        self.tabs.addTab(page, tr("评审人", "tab"))

    # ------------------------------------------------------------ loading
    def load(self) -> None:
        sel = self.selection
        assert sel is not None
        year, district_id = sel.year, sel.district_id

        def query(session):  # type: ignore[no-untyped-def]
            return (roster.districts(session), roster.units(session, district_id), roster.planners(session),
                    roster.appointments(session, year, district_id), roster.reviewers(session, year),
                    roster.warnings(session, year, district_id),
                    roster.district(session, district_id) if district_id else None)
        districts, units, planners, appointments, reviewers, warnings, district = self.runner.read(query)
        self.heading.setText(tr("名册 — {0} 年度").format(year) + (f" — {district.name}" if district else ""))
        fill(self.district_table, [(d.id, [d.code, d.name, term_name("circles", d.circle)]) for d in districts])
        fill(self.unit_table, [(u.id, [u.code, u.district, u.name, term_name("unit_kinds", u.kind)]) for u in units])
        fill(self.planner_table, [(p.id, [p.code, p.name, tr("团队") if p.is_team else tr("个人"), p.organisation,
                                           p.leader, p.leader_title, str(sum(1 for m in p.members if m.is_core))])
                                   for p in planners])
        self._planners = {p.id: p for p in planners}
        self.appointment_table.blockSignals(True)
        rows = [(a.id, [a.district, a.unit, a.planner, term_span(a.term_start, a.term_years), tr("是") if a.renewal
                        else tr("否"), "", ""]) for a in appointments]
        fill(self.appointment_table, rows)
        for r, a in enumerate(appointments):
            for col, value, field in ((5, a.contract_signed, "contract_signed"), (6, a.fee_paid, "fee_paid")):
                cell = self.appointment_table.item(r, col)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                cell.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
                cell.setData(ID_ROLE + 1, field)
        self.appointment_table.blockSignals(False)
        level = {"district": tr("区级"), "city": tr("市级")}
        shown = [r for r in reviewers if r.level == "city" or district_id is None or r.district_id == district_id]
        fill(self.reviewer_table, [(r.id, [r.code, level.get(r.level, r.level), r.name, r.organisation])
                                    for r in shown])
        self.warnings.clear()
        for w in warnings:
            self.warnings.addItem("⚠ " + w.text("en" if self._english() else "zh"))
        if not warnings:
            self.warnings.addItem(tr("没有提示。"))
        self.appoint_unit.clear()
        for u in units:
            self.appoint_unit.addItem(f"{u.district} {u.name}", u.id)
        self.appoint_planner.clear()
        for p in planners:
            self.appoint_planner.addItem(p.name, p.id)
        self._show_members()

    @staticmethod
    def _english() -> bool:
        from ..i18n import lang
        return lang() == "en"

    def _district_picked(self) -> None:
        row = self.district_table.currentRow()
        if row >= 0:
            self.district_name.setText(self.district_table.item(row, 1).text())
            self.district_circle.setCurrentIndex(max(0, self.district_circle.findText(self.district_table.item(row, 2).text())))

    def _unit_picked(self) -> None:
        row = self.unit_table.currentRow()
        if row >= 0:
            self.unit_name.setText(self.unit_table.item(row, 2).text())
            self.unit_kind.setCurrentIndex(max(0, self.unit_kind.findText(self.unit_table.item(row, 3).text())))

    def _show_members(self) -> None:
        planner_id = self._selected(self.planner_table)
        planner = self._planners.get(planner_id) if planner_id is not None else None
        if planner is not None:  # the fields below the table edit the chosen planner
            self.planner_name.setText(planner.name)
            self.planner_team.setChecked(planner.is_team)
            self.planner_org.setText(planner.organisation)
            self.planner_senior.setChecked(planner.leader_senior_title)
            self.planner_registered.setChecked(planner.leader_registered)
            self.planner_years.setValue(planner.leader_experience_years or 0)
        self._fill_members(planner)

    @staticmethod
    def _selected(table: QTableWidget) -> int | None:
        item = table.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    # ------------------------------------------------------------ changes
    def _run(self, action) -> bool:  # type: ignore[no-untyped-def]
        self.message.clear()
        ok, _ = self.runner.run(action, Change(roster=True), self.message.setText)
        return ok

    def add_district(self) -> None:
        name, circle = self.district_name.text(), term_value(self.district_circle)
        if self._run(lambda s: roster.add_district(s, name, circle)):
            self.district_name.clear()

    def update_district(self) -> None:
        district_id = self._selected(self.district_table)
        if district_id is None:
            self.message.setText(tr("请先在表中选择要修改的一行。"))
            return
        name, circle = self.district_name.text(), term_value(self.district_circle)
        self._run(lambda s: roster.update_district(s, district_id, name=name, circle=circle))

    def update_unit(self) -> None:
        unit_id = self._selected(self.unit_table)
        if unit_id is None:
            self.message.setText(tr("请先在表中选择要修改的一行。"))
            return
        name, kind = self.unit_name.text(), term_value(self.unit_kind)
        self._run(lambda s: roster.update_unit(s, unit_id, name=name, kind=kind))

    def update_planner(self) -> None:
        planner_id = self._selected(self.planner_table)
        if planner_id is None:
            self.message.setText(tr("请先在表中选择要修改的一行。"))
            return
        fields = {"name": self.planner_name.text(), "is_team": self.planner_team.isChecked(),
                  "organisation": self.planner_org.text(), "leader_senior_title": self.planner_senior.isChecked(),
                  "leader_registered": self.planner_registered.isChecked(),
                  "leader_experience_years": self.planner_years.value()}
        self._run(lambda s: roster.update_planner(s, planner_id, **fields))

    def add_unit(self) -> None:
        sel = self.selection
        if sel is None or sel.district_id is None:
            self.message.setText(tr("请先在左侧选择一个区。"))
            return
        name, kind = self.unit_name.text(), term_value(self.unit_kind)
        if self._run(lambda s: roster.add_unit(s, sel.district_id, name, kind)):  # type: ignore[arg-type]
            self.unit_name.clear()

    def add_planner(self) -> None:
        name, team, org = self.planner_name.text(), self.planner_team.isChecked(), self.planner_org.text()
        senior, registered = self.planner_senior.isChecked(), self.planner_registered.isChecked()
        years = self.planner_years.value()
        if self._run(lambda s: roster.add_planner(s, name, is_team=team, organisation=org,
                                                  leader_senior_title=senior, leader_registered=registered,
                                                  leader_experience_years=years)):
            self.planner_name.clear()

    def appoint(self) -> None:
        sel = self.selection
        unit_id, planner_id = self.appoint_unit.currentData(), self.appoint_planner.currentData()
        if sel is None or unit_id is None or planner_id is None:
            self.message.setText(tr("请选择责任单元和责师。"))
            return
        years, renewal, signed = self.appoint_years.value(), self.appoint_renewal.isChecked(), \
            self.appoint_signed.isChecked()
        self._run(lambda s: roster.appoint(s, sel.year, unit_id, planner_id, term_years=years, renewal=renewal,
                                           contract_signed=signed))

    def _appointment_flag(self, item: QTableWidgetItem) -> None:
        field = item.data(ID_ROLE + 1)
        if not field:
            return
        appointment_id, value = int(item.data(ID_ROLE)), item.checkState() == Qt.CheckState.Checked
        self._run(lambda s: roster.update_appointment(s, appointment_id, **{field: value}))

    def add_reviewer(self) -> None:
        sel = self.selection
        if sel is None:
            return
        level, name, org = self.reviewer_level.currentData(), self.reviewer_name.text(), self.reviewer_org.text()
        if level == "district" and sel.district_id is None:
            self.message.setText(tr("区级评审人须属于一个区：请先在左侧选择一个区。"))
            return
        if self._run(lambda s: roster.add_reviewer(s, sel.year, level, name, district_id=sel.district_id,
                                                   organisation=org)):
            self.reviewer_name.clear()
