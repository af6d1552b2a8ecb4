"""续聘参考: each appointment's term, contract and payment, its results in every year of the term, and flags.

A tab of the district dashboard, worded as the report (``renewal_report``)
words it. Flagged rows (term ends this year, 不合格 this year, two years
below 合格) are shaded and can be shown alone; the hiring body's decision is
typed as a note beside them (编辑聘任主体意见…). The banner says what the view
is: a reference, never a decision. Exported as Excel or PDF.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.gui import dialogs as common
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.dashboards.common import (
    ALERT,
    ALERT_BG,
    KEY_ROLE,
    big,
    fill,
    item,
    note_label,
    table_view,
)
from zeshi_desktop.gui.i18n import lang, tr
from zeshi_desktop.messages import text
from zeshi_desktop.services.results import renewals
from zeshi_desktop.services.results.renewal_report import (
    cells,
    summary,
)

from . import dialogs

if TYPE_CHECKING:
    from zeshi_desktop.gui.dashboards.common import Dashboard
    from zeshi_desktop.services.meeting.dashboards import DistrictDashboard

FLAGS_COLUMN = 5   # the flags column of the table shown
WIDTHS = (90, 150, 140, 160, 190, 120)   # px of the columns before the note, which takes the rest


class RenewalTab(QWidget):
    """续聘参考 of a district dashboard."""

    def __init__(self, dashboard: Dashboard) -> None:
        super().__init__(dashboard)
        self.dashboard = dashboard
        self.view_data: renewals.RenewalView | None = None
        layout = QVBoxLayout(self)
        self.banner = note_label(text("results.renewal.reference", lang()), self)
        self.banner.setStyleSheet("background: #fff8e1; border: 1px solid #e0c068; padding: 6px;")
        layout.addWidget(self.banner)
        self.summary = note_label("", self)
        big(self.summary, 1.0, True)
        layout.addWidget(self.summary)
        bar = QHBoxLayout()
        self.only_flagged = big(QCheckBox(tr("只看有提示的"), self))  # type: ignore[assignment]
        bar.addWidget(self.only_flagged)
        bar.addStretch(1)
        self.note_button = big(QPushButton(tr("编辑聘任主体意见…"), self))
        bar.addWidget(self.note_button)
        for label, suffix in ((tr("导出 Excel"), ".xlsx"), (tr("导出 PDF"), ".pdf")):
            button = big(QPushButton(label, self))
            button.clicked.connect(lambda _checked=False, s=suffix: self.ask_export(s))
            bar.addWidget(button)
        layout.addLayout(bar)
        self.model = QStandardItemModel(self)
        self.view, self.proxy = table_view(self.model, self)
        self.view.setWordWrap(True)
        layout.addWidget(self.view, 1)
        self.only_flagged.toggled.connect(self._filter)
        self.note_button.clicked.connect(self.edit_note)
        self.view.doubleClicked.connect(lambda _index: self.edit_note())

    def fill(self, board: DistrictDashboard) -> None:
        year, did = board.year, board.district.id
        self.view_data = v = self.dashboard.runner.read(lambda s: renewals.renewal_view(s, year, did))
        language = lang()
        self.banner.setText(text("results.renewal.reference", language))
        self.summary.setText(summary(v, language))
        rows = []
        for r in v.rows:
            shown = cells(r, language)
            bg = ALERT_BG if r.flags else None
            term = tr("{term}，{kind}").format(term=shown["term"], kind=shown["kind"])
            state = tr("合同：{contract}；经费：{fee}").format(contract=shown["contract"], fee=shown["fee"])
            row = [item(shown["unit"], key=r.appointment_id, background=bg),
                   item(shown["planner"], background=bg, tooltip=shown["planner"]),
                   item(term, r.term.end, background=bg), item(state, background=bg, tooltip=state),
                   item(shown["results"], float(r.this_year.total) if r.this_year and r.this_year.total else -1.0,
                        background=bg, tooltip=shown["results"]),
                   item(shown["flags"].replace(text("results.renewal.separator", language), "\n"),
                        "1" if r.flags else "0", background=bg, foreground=ALERT if r.flags else None),
                   item(shown["note"], background=bg, tooltip=shown["note"])]
            rows.append(row)
        fill(self.model, [tr("责任片区"), tr("责任规划师"), tr("聘期"), tr("合同与经费"), tr("聘期内历年结果"),
                          tr("续聘提示"), tr("聘任主体意见")], rows)
        for column, width in enumerate(WIDTHS):   # wrapped, so that the note keeps room beside them
            self.view.setColumnWidth(column, width)
        self.view.resizeRowsToContents()
        self._filter()

    def _filter(self) -> None:
        self.proxy.set_column_filter(FLAGS_COLUMN, "")
        self.proxy.setFilterKeyColumn(-1)
        if self.only_flagged.isChecked():
            self.proxy.setFilterRole(Qt.ItemDataRole.UserRole + 1)   # the flags column sorts "1" when flagged
            self.proxy.setFilterKeyColumn(FLAGS_COLUMN)
            self.proxy.setFilterFixedString("1")
        else:
            self.proxy.setFilterRole(Qt.ItemDataRole.DisplayRole)
            self.proxy.setFilterFixedString("")

    def chosen(self) -> renewals.RenewalRow | None:
        index = self.view.currentIndex()
        if self.view_data is None or not index.isValid():
            return None
        key = self.proxy.index(index.row(), 0).data(KEY_ROLE)
        return next((r for r in self.view_data.rows if r.appointment_id == key), None)

    def edit_note(self) -> bool:
        row = self.chosen()
        if row is None:
            self.summary.setText(tr("请先在表中选择一个聘任。"))
            return False
        note = dialogs.ask_note(self, f"{row.unit} — {row.planner}", row.note)
        if note is None:
            return False
        selection = self.dashboard.selection
        actor = selection.actor if selection is not None else ""
        app = row.appointment_id
        ok, _ = self.dashboard.runner.run(lambda s: renewals.set_note(s, app, note, actor),
                                          Change(source=self.dashboard))
        if ok and self.dashboard.board is not None:   # type: ignore[attr-defined]
            self.fill(self.dashboard.board)   # type: ignore[attr-defined]
        return ok

    def ask_export(self, suffix: str) -> None:
        v = self.view_data
        if v is None:
            return
        base = text("results.renewal.title", lang(), district=v.district.name, year=v.year)
        path = common.ask_save_path(self, tr("导出"), base + suffix,
                                    tr("Excel 工作簿 (*.xlsx)") if suffix == ".xlsx" else tr("PDF (*.pdf)"), suffix)
        if path is None:
            return
        written = self.export_to(Path(path))
        if written is not None:
            common.show_info(self, tr("已写入 {path}").format(path=written))

    def export_to(self, path: Path) -> Path | None:
        """Write the renewal view (.xlsx or .pdf) through the runner; a refusal is shown, giving None."""
        from zeshi_desktop.services.results import renewal_report

        v = self.view_data
        assert v is not None
        year, did, language = v.year, v.district.id, lang()
        ok, written = self.dashboard.runner.attempt(
            lambda s: renewal_report.write_renewals(s, year, did, path, language).path, progress=tr("正在导出…"))
        return written if ok else None
