"""文件 → 导出交接包… / 导出填报模板…: one Excel package for the next office in the hand-over.

The dialog asks only for what the chosen kind needs (``Kind.needs``: units,
a district, a reviewer or nothing) and a file name; the export itself is one
read-only service call (``services.handover.packages.export_package``) run
through the main window's action runner, which shows its progress and, when
the service refuses, the reason; the file is written atomically, so a
cancelled or refused export leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.services import roster
from zeshi_desktop.services.handover import packages
from zeshi_desktop.services.printing.names import join_parts

from . import dialogs
from .actions import ActionRunner
from .i18n import lang, tr
from .selection import Selection

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2   # the name a file name uses
REVIEWER_LEVEL = {"reviewer-district": "district", "reviewer-city": "city"}


@dataclass(frozen=True)
class ExportChoice:
    """What the user asked for: the arguments of ``export_package``."""

    kind: str
    year: int
    path: Path
    template: bool = False
    units: tuple[str, ...] = field(default_factory=tuple)
    district: str | None = None
    reviewer: str | None = None


def kind_name(kind: packages.Kind) -> str:
    return kind.name.text(lang())


def short_kind(kind_id: str) -> str:
    """The hand-over as a file name says it: 区至街道 / district-to-street."""
    return {"district-street": tr("区至街道"), "street-district": tr("街道至区"),
            "reviewer-district": tr("区级评审人至区"), "district-city": tr("区至市"),
            "reviewer-city": tr("市级评审人至市"), "city-district": tr("市至区")}.get(kind_id, kind_id)


class ExportDialog(QDialog):
    """Kind, the selectors it needs, and the file to write."""

    def __init__(self, runner: ActionRunner, selection: Selection, template: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.year = selection.year
        self.template = template
        self.setWindowTitle(tr("导出填报模板") if template else tr("导出交接包"))
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("填报模板只开放评分单元格（含数据有效性），供没有本程序的单位在 Excel 或 WPS 中填写，"
                          "填好后可像交接包一样导入。") if template else
                       tr("交接包是一个可阅读的 .xlsx 文件，带有本机签名，由接收方在其电脑上导入。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)

        self.kind_box = QComboBox(self)
        for kind in packages.KINDS.values():
            self.kind_box.addItem(kind_name(kind), kind.id)
        form.addRow(tr("包类型："), self.kind_box)
        form.addRow(tr("年度："), QLabel(str(self.year), self))

        units, districts, reviewers = runner.read(lambda s: (
            roster.units(s, selection.district_id), roster.districts(s), roster.reviewers(s, self.year)))
        self.unit_list = QListWidget(self)
        for u in units:
            item = QListWidgetItem(f"{u.code}  {u.district} {u.name}", self.unit_list)
            item.setData(CODE_ROLE, u.code)
            item.setData(NAME_ROLE, u.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.unit_label = QLabel(tr("责任单元："), self)
        self.all_units = QPushButton(tr("全选"), self)
        self.no_units = QPushButton(tr("全不选"), self)
        self.all_units.clicked.connect(lambda: self.check_all(True))
        self.no_units.clicked.connect(lambda: self.check_all(False))
        unit_buttons = QHBoxLayout()
        unit_buttons.addWidget(self.all_units)
        unit_buttons.addWidget(self.no_units)
        unit_buttons.addStretch(1)
        unit_box = QVBoxLayout()
        unit_box.addWidget(self.unit_list)
        unit_box.addLayout(unit_buttons)
        form.addRow(self.unit_label, unit_box)

        self.district_box = QComboBox(self)
        for d in districts:
            self.district_box.addItem(f"{d.code}  {d.name}", d.code)
            self.district_box.setItemData(self.district_box.count() - 1, d.name, NAME_ROLE)
        index = next((i for i, d in enumerate(districts) if d.id == selection.district_id), 0)
        self.district_box.setCurrentIndex(index)
        self.district_label = QLabel(tr("区："), self)
        form.addRow(self.district_label, self.district_box)

        self.reviewers = reviewers
        self.reviewer_box = QComboBox(self)
        self.reviewer_label = QLabel(tr("评审人："), self)
        form.addRow(self.reviewer_label, self.reviewer_box)

        row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.named = ""   # the name this dialog last suggested: replaced as the choice changes, unless typed over
        browse = QPushButton(tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(tr("文件："), row)

        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons, self.ok_button = dialogs.dialog_buttons(self, tr("导出"), self._accept)
        layout.addWidget(buttons)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.unit_list.itemChanged.connect(lambda _item: self._suggest_name())
        self.district_box.currentIndexChanged.connect(lambda _i: self._suggest_name())
        self.reviewer_box.currentIndexChanged.connect(lambda _i: self._suggest_name())
        self._kind_changed()

    def check_all(self, checked: bool) -> None:
        """全选 / 全不选 the units."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.unit_list.blockSignals(True)
        for i in range(self.unit_list.count()):
            self.unit_list.item(i).setCheckState(state)
        self.unit_list.blockSignals(False)
        self._suggest_name()

    @property
    def kind(self) -> packages.Kind:
        return packages.KINDS[str(self.kind_box.currentData())]

    def _kind_changed(self) -> None:
        """Show only the selectors the kind needs; city → district names one district (never all)."""
        kind = self.kind
        needs_district = kind.needs == "district"
        for widget, shown in ((self.unit_list, kind.needs == "units"), (self.unit_label, kind.needs == "units"),
                              (self.all_units, kind.needs == "units"), (self.no_units, kind.needs == "units"),
                              (self.district_box, needs_district), (self.district_label, needs_district),
                              (self.reviewer_box, kind.needs == "reviewer"),
                              (self.reviewer_label, kind.needs == "reviewer")):
            widget.setVisible(shown)
        self.reviewer_box.blockSignals(True)
        self.reviewer_box.clear()
        level = REVIEWER_LEVEL.get(kind.id)
        for r in self.reviewers:
            if r.level == level:
                self.reviewer_box.addItem(f"{r.code}  {r.name}（{r.organisation}）", r.code)
                self.reviewer_box.setItemData(self.reviewer_box.count() - 1, r.name, NAME_ROLE)
        self.reviewer_box.blockSignals(False)
        self._suggest_name()

    def _suggest_name(self) -> None:
        """The default name follows the choice, in the folder already chosen, unless the person typed another."""
        current = self.path_edit.text().strip()
        if current and Path(current).name != self.named:
            return
        self.named = self.default_name()
        folder = Path(current).parent if current else Path.home()
        self.path_edit.setText(str(folder / self.named))

    def subject(self) -> str:
        """Whom the package is for, as its file name says: the unit(s), the district or the reviewer."""
        needs = self.kind.needs
        if needs == "units":
            names = [self.unit_list.item(i).data(NAME_ROLE) for i in range(self.unit_list.count())
                     if self.unit_list.item(i).checkState() == Qt.CheckState.Checked]
            if len(names) > 1:
                return tr("{0}等{1}个单元").format(names[0], len(names))
            return str(names[0]) if names else ""
        if needs == "district":
            return str(self.district_box.currentData(NAME_ROLE) or "")
        if needs == "reviewer":
            return str(self.reviewer_box.currentData(NAME_ROLE) or "")
        return ""

    def default_name(self) -> str:
        """2025_区至街道_呼家楼街道_交接包_2026-11-30.xlsx: year, hand-over, for whom, what, the day."""
        suffix = tr("填报模板") if self.template else tr("交接包")
        return join_parts((str(self.year), short_kind(self.kind.id), self.subject(), suffix,
                           date.today().isoformat())) + ".xlsx"

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path_edit.text(),
                                              tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.path_edit.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def choice(self) -> ExportChoice | None:
        """The export asked for, or None with the reason in ``message``."""
        kind = self.kind
        text = self.path_edit.text().strip()
        if not text:
            self.message.setText(tr("请填写文件名。"))
            return None
        path = Path(text if text.lower().endswith(".xlsx") else text + ".xlsx")
        units = tuple(str(self.unit_list.item(i).data(CODE_ROLE)) for i in range(self.unit_list.count())
                      if self.unit_list.item(i).checkState() == Qt.CheckState.Checked)
        if kind.needs == "units" and not units:
            self.message.setText(tr("请至少勾选一个责任单元。"))
            return None
        reviewer = self.reviewer_box.currentData() if kind.needs == "reviewer" else None
        if kind.needs == "reviewer" and reviewer is None:
            self.message.setText(tr("本年度没有这一级的评审人。"))
            return None
        district = self.district_box.currentData() if self.district_box.isVisibleTo(self) else None
        if kind.needs == "district" and district is None:
            self.message.setText(tr("请选择区。"))
            return None
        return ExportChoice(kind.id, self.year, path, self.template, units if kind.needs == "units" else (),
                            district, reviewer)

    def _accept(self) -> None:
        if self.choice() is not None:
            self.accept()


def choose_export(parent: QWidget | None, runner: ActionRunner, selection: Selection,
                  template: bool) -> ExportChoice | None:
    """Ask what to export (tests replace this function)."""
    dialog = ExportDialog(runner, selection, template, parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def export(parent: QWidget | None, runner: ActionRunner, selection: Selection, template: bool = False
           ) -> packages.ExportResult | None:
    """The menu action: ask, write the file, say where it went and who signed it.

    Sheets left out because they hold damaged data (``ExportResult.warnings``)
    turn the closing message into a warning that names them: the sender must
    mend them and send again, or the receiver goes without.

    A refusal (an unknown reviewer, units of two districts) is shown by the
    runner, the one way every refusal of the window is shown.
    """
    choice = choose_export(parent, runner, selection, template)
    if choice is None:
        return None
    try:
        ok, result = runner.attempt(lambda s: packages.export_package(
            s, choice.kind, choice.year, choice.path, units=choice.units, district=choice.district,
            reviewer=choice.reviewer, template=choice.template), progress=tr("正在导出…"))
    except OSError as error:
        dialogs.show_error(parent, tr("无法写入 {0}：{1}").format(choice.path, error.strerror or error))
        return None
    if not ok or result is None:
        return None
    rows = "、".join(f"{sheet} {count}" for sheet, count in result.sheets.items()) or "—"
    written = tr("已写入 {path}\n工作表行数：{rows}\n签名：{signer}（指纹 {fp}）").format(
        path=result.path, rows=rows, signer=result.signer, fp=result.fingerprint)
    if result.warnings:   # sheets holding damaged data stayed behind: the receiver will not get them
        warnings = "\n".join("⚠ " + w.text(lang()) for w in result.warnings)
        dialogs.show_warning(parent, tr("已导出，但有评审表未放入包中"), f"{written}\n\n{warnings}")
    else:
        dialogs.show_info(parent, written)
    return result
