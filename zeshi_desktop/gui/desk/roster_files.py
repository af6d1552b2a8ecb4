"""文件 → 导入名册… / 导出名册…: the roster workbook in and out of the app, previewed like a package.

The preview is ``roster.workbook.preview_roster`` in a read session: how
many rows of each sheet are added, changed or unchanged, every row that
would be added, changed or moved (a unit to another district) with what
differs, names the printer cannot print, and every bad cell. Nothing is
written until 导入 is pressed, and not at all while a cell is wrong; the
import is one write through the main window's runner, after a backup,
and refreshes every page (``Change(roster=True)``). The export writes the
year's workbook and says where it went.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.printing.names import join_parts
from zeshi_desktop.services.roster import workbook
from zeshi_desktop.services.scoring.backups import backup_before

from .. import dialogs
from ..actions import ActionRunner, Change
from ..i18n import lang, tr
from . import saved

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #7a4100;"
MOVED = QColor("#7a4100")


def action_names() -> dict[str, str]:
    return {"added": tr("新增"), "changed": tr("更新"), "moved": tr("移至他区")}


def sheet_name(sheet: str) -> str:
    """A worksheet (named in Chinese in the file) in the interface's language."""
    found = next((s for s in catalogue.roster_terms().sheets if s.name.zh == sheet), None)
    return found.name.get(lang()) if found is not None else sheet


def field_name(sheet: str, key: str) -> str:
    """A column of a worksheet, as its header says it in the interface's language."""
    found = next((s for s in catalogue.roster_terms().sheets if s.name.zh == sheet), None)
    try:
        return found.header(key).get(lang()) if found is not None else key
    except StopIteration:
        return key


def details_text(row: workbook.RowChange, districts: dict[str, str] | None = None) -> str:
    """What differs in a row: 区名：东城区 → 东城区（新）; a unit's district by name: 朝阳区（CY） → 东城区（DC）."""
    separator = "; " if lang() == "en" else "；"
    named = districts or {}
    lines = []
    for key, old, new in row.fields:
        if key == "district" and row.sheet == catalogue.roster_terms().sheet("units").name.zh:
            old, new = (f"{named[c]}（{c}）" if c in named else c for c in (old, new))
        if lang() == "en":   # members' names are listed as the workbook's language lists them
            old, new = old.replace("、", ", "), new.replace("、", ", ")
        value = f"{old} → {new or '—'}" if old else new
        lines.append(tr("{field}：{value}").format(field=field_name(row.sheet, key), value=value))
    return separator.join(lines)


def years_to_offer(runner: ActionRunner, year: int) -> list[int]:
    """The store's years, the one shown and the year after the last: a roster may start a new year."""
    years = set(runner.read(roster.years)) | {year}
    return sorted(years | {max(years) + 1})


class RosterImportDialog(QDialog):
    """Choose a workbook and a year, see what importing would do, then import (or not)."""

    def __init__(self, runner: ActionRunner, year: int, parent: QWidget | None = None, path: str = "") -> None:
        super().__init__(parent)
        self.runner = runner
        self.plan: workbook.RosterPlan | None = None
        self.report: workbook.RosterReport | None = None
        self.districts = [(d.code, d.name) for d in runner.read(roster.districts)]
        self.setWindowTitle(tr("导入名册"))
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("名册是一个 Excel 工作簿（区、责任单元、责师、团队成员、聘任、评审人），按编号匹配："
                          "已有的编号更新，新的编号新增。先看预览，点“导入”才写入；有错误的单元格时不写入任何数据。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(path, self)
        self.path_edit.setPlaceholderText(tr("选择名册工作簿（.xlsx）"))
        browse = QPushButton(tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(tr("文件："), row)
        self.year_box = QComboBox(self)
        for y in years_to_offer(runner, year):
            self.year_box.addItem(str(y), y)
        self.year_box.setCurrentIndex(self.year_box.findData(year))
        form.addRow(tr("导入到年度："), self.year_box)

        self.counts = QTableWidget(3, 0, self)   # a column per worksheet: 新增 / 更新 / 未变 in three rows
        self.counts.setVerticalHeaderLabels([tr("新增", "rows"), tr("更新", "rows"), tr("未变", "rows")])
        self.counts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.counts.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.counts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.counts)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        layout.addWidget(self.warnings)
        self.problems = QListWidget(self)
        self.problems.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.problems, 1)
        self.rows = QTableWidget(0, 5, self)
        self.rows.setHorizontalHeaderLabels([tr("工作表"), tr("编号"), tr("名称"), tr("变化"), tr("详情")])
        self.rows.verticalHeader().hide()
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rows.setWordWrap(False)
        layout.addWidget(self.rows, 2)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons, self.import_button = dialogs.dialog_buttons(self, tr("导入"), self.import_now)
        layout.addWidget(buttons)
        self.path_edit.editingFinished.connect(self.preview)
        self.year_box.currentIndexChanged.connect(lambda _i: self.preview())
        self.preview()

    @property
    def year(self) -> int:
        return int(self.year_box.currentData())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("导入名册"), self.path_edit.text(),
                                              tr("Excel 工作簿 (*.xlsx);;所有文件 (*)"))
        if path:
            self.path_edit.setText(path)
            self.preview()

    def _refused(self, text: str) -> None:
        self.plan = None
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE)

    def preview(self) -> workbook.RosterPlan | None:
        """Read the workbook and show what importing it would do; 导入 only when it is clean and changes something."""
        self.plan = None
        path = self.path_edit.text().strip()
        self.message.clear()
        self.message.setStyleSheet("")
        if path:
            year = self.year
            ok, plan = self.runner.attempt(lambda s: workbook.preview_roster(s, year, Path(path)), self._refused,
                                           progress=tr("正在读取名册…"))
            self.plan = plan if ok else None
        self._show(self.plan)
        return self.plan

    def _show(self, plan: workbook.RosterPlan | None) -> None:
        sheets = list(plan.counts.items()) if plan is not None else []
        self.counts.setColumnCount(len(sheets))
        self.counts.setHorizontalHeaderLabels([sheet_name(sheet) for sheet, _ in sheets])
        for col, (_sheet, c) in enumerate(sheets):
            for r, value in enumerate((c.added, c.changed, c.unchanged)):
                item = QTableWidgetItem(str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.counts.setItem(r, col, item)
        self.counts.setVisible(bool(sheets))
        height = self.counts.horizontalHeader().sizeHint().height() + 2 * self.counts.frameWidth()
        self.counts.setFixedHeight(height + sum(self.counts.rowHeight(r) for r in range(3)))
        moved = [row for row in plan.rows if row.action == "moved"] if plan is not None else []
        notes = [tr("{0} 个责任单元将移到另一个区，它们的评审表随之移动。").format(len(moved))] if moved else []
        notes += [p.message(lang()) for p in plan.warnings] if plan is not None else []
        self.warnings.setText("\n".join(notes))
        self.warnings.setVisible(bool(notes))
        problems = plan.problems if plan is not None else []
        self.problems.clear()
        self.problems.addItems([p.message(lang()) for p in problems])
        self.problems.setVisible(bool(problems))
        self._show_rows(plan.rows if plan is not None and not problems else [], plan)
        clean = plan is not None and not problems
        if problems:
            self.message.setText(tr("名册有 {0} 处错误，请改正后重新预览；不会写入任何数据。").format(len(problems)))
            self.message.setStyleSheet(ERROR_STYLE)
        elif clean and not plan.changes:   # type: ignore[union-attr]
            self.message.setText(tr("名册与本机 {0} 年度的名册相同，没有需要导入的内容。").format(self.year))
        elif clean:
            self.message.setText(tr("确认无误后点“导入”：先备份本机数据库，再写入 {0} 年度。").format(self.year))
        assert self.import_button is not None
        self.import_button.setEnabled(clean and bool(plan.changes) and not self.runner.read_only)  # type: ignore[union-attr]

    def _show_rows(self, rows: list[workbook.RowChange], plan: workbook.RosterPlan | None) -> None:
        names = action_names()
        districts = dict(self.districts)
        if plan is not None:   # a district the workbook adds or renames, as the workbook names it
            districts.update({code: values["name"] for code, values in plan.districts.items()})
        self.rows.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (sheet_name(row.sheet), row.code, row.name, names.get(row.action, row.action),
                      details_text(row, districts))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if row.action == "moved":
                    item.setForeground(MOVED)
                self.rows.setItem(r, col, item)
        self.rows.resizeColumnsToContents()
        self.rows.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.rows.setVisible(self.problems.isHidden())   # the bad cells, or the rows: never both

    def import_now(self) -> None:
        """One write: a backup of the store as it was, then the workbook; a refusal stays in the dialog."""
        path, year = Path(self.path_edit.text().strip()), self.year

        def run(session):  # type: ignore[no-untyped-def]
            backup_before(session, "import")
            return workbook.import_roster(session, year, path)

        ok, report = self.runner.run(run, Change(roster=True), self._refused, progress=tr("正在导入名册…"))
        if ok:
            self.report = report
            self.accept()


def counts_text(report: workbook.RosterReport) -> str:
    """新增 3，更新 1 per sheet that changed; the import's closing words."""
    separator = "; " if lang() == "en" else "；"
    return separator.join(tr("{sheet}：新增 {added}，更新 {changed}").format(
        sheet=sheet_name(sheet), added=c.added, changed=c.changed)
        for sheet, c in report.counts.items() if c.added or c.changed) or tr("没有改动")


def choose_import(parent: QWidget | None, runner: ActionRunner, year: int) -> workbook.RosterReport | None:
    """The dialog (tests replace this): the report of the import made, or None."""
    dialog = RosterImportDialog(runner, year, parent)
    return dialog.report if dialog.exec() == QDialog.DialogCode.Accepted else None


def import_roster(parent: QWidget | None, runner: ActionRunner, year: int) -> workbook.RosterReport | None:
    """文件 → 导入名册…: preview, import, say what changed."""
    report = choose_import(parent, runner, year)
    if report is not None:
        dialogs.show_info(parent, tr("已导入 {0} 年度名册：{1}").format(report.year, counts_text(report)))
    return report


def export_name(year: int) -> str:
    """名册_2025_2026-11-30.xlsx / roster_2025_2026-11-30.xlsx."""
    return join_parts((tr("名册"), str(year), date.today().isoformat())) + ".xlsx"


def choose_export_path(parent: QWidget | None, suggested: str) -> str | None:
    """Where to write the roster (tests replace this)."""
    return dialogs.ask_save_path(parent, tr("导出名册"), suggested, tr("Excel 工作簿 (*.xlsx)"), ".xlsx")


def export_roster(parent: QWidget | None, runner: ActionRunner, year: int) -> Path | None:
    """文件 → 导出名册…: the year's roster workbook, then where it went."""
    chosen = choose_export_path(parent, str(Path.home() / export_name(year)))
    if not chosen:
        return None
    path = Path(chosen)
    try:
        ok, counts = runner.attempt(lambda s: workbook.export_roster(s, year, path), progress=tr("正在导出名册…"))
    except OSError as error:   # a folder that cannot be written, a full disk: a sentence naming the file
        dialogs.show_error(parent, tr("无法写入 {0}：{1}").format(path, error.strerror or error))
        return None
    if not ok or counts is None:
        return None
    separator = ", " if lang() == "en" else "，"
    rows = separator.join(f"{sheet_name(sheet)} {n}" for sheet, n in counts.items())
    saved.show_saved(parent, path, tr("已导出 {0} 年度名册（{1}）。").format(year, rows))
    return path

