"""The dialogs of 文件 → 恢复… and 检查数据: the backups to choose from, and what a check found.

A restore candidate is examined before anything is replaced (``trust.sound_candidate``:
a file of this program, sound pages, every value against the forms, the
audit chain); a file that fails says why in the dialog, which stays open for
another choice. Only a sound candidate reaches the confirmation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.messages import Refused
from zeshi_desktop.services import trust
from zeshi_desktop.services.store_check import CheckReport
from zeshi_desktop.store.backup import Backup, folder_for

from . import dialogs
from .i18n import lang, tr

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_STYLE = "color: #b00020;"
SOUND_STYLE = "color: #1b5e20; font-weight: bold;"


def reason_name(reason: str) -> str:
    """Why a backup was made, as a person says it."""
    return {"daily": tr("每日备份"), "import": tr("导入前"), "finalise-all": tr("全部定稿前"), "unlock": tr("解锁前"),
            "restore": tr("恢复前"), "manual": tr("手动备份"), "upgrade": tr("升级前"),
            "new-year": tr("开始新年度前")}.get(reason, reason)


def kind_name(kind: str) -> str:
    """What part of the store a finding is about."""
    return {"pages": tr("文件"), "foreign_key": tr("关联"), "audit": tr("审计记录"), "value": tr("数据值")}.get(kind, kind)


def size_text(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size < 10 * 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def choose_file(parent: QWidget | None, start: str) -> str | None:
    """Any file to restore from (tests replace this)."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("选择要恢复的文件"), start,
                                          tr("责师评审数据库 (*.sqlite3 *.db);;所有文件 (*)"))
    return path or None


class RestoreDialog(QDialog):
    """The backups of the store, newest first, or any file; examined before the confirmation."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.chosen: Path | None = None
        self.setWindowTitle(tr("恢复数据库"))
        self.resize(760, 440)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("用一个备份替换当前数据库 {0}。恢复前会先检查所选文件，并把当前数据库另存为一个备份。")
                       .format(db_path), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.found = trust.list_backups(db_path)
        self.table = QTableWidget(len(self.found), 4, self)
        self.table.setHorizontalHeaderLabels([tr("时间"), tr("原因"), tr("大小"), tr("文件")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, b in enumerate(self.found):
            values = [b.made.strftime("%Y-%m-%d %H:%M:%S"), reason_name(b.reason), size_text(b.size), b.path.name]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(PATH_ROLE, str(b.path))
                cell.setToolTip(str(b.path))
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        if self.found:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(tr("备份文件夹 {0} 中还没有备份。").format(folder_for(db_path)), self)
        self.empty.setVisible(not self.found)
        layout.addWidget(self.empty)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        other = QPushButton(tr("选择其他文件…"), self)
        other.clicked.connect(self.restore_other)
        row.addWidget(other)
        row.addStretch(1)
        buttons, self.restore_button = dialogs.dialog_buttons(self, tr("恢复…"), self.restore_selected)
        self.restore_button.setEnabled(bool(self.found))  # type: ignore[union-attr]
        row.addWidget(buttons)
        layout.addLayout(row)

    def selected(self) -> Path | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return Path(str(item.data(PATH_ROLE))) if item is not None else None

    def restore_selected(self) -> None:
        source = self.selected()
        if source is not None:
            self.try_restore(source)

    def restore_other(self) -> None:
        path = choose_file(self, str(self.db_path.parent))
        if path:
            self.try_restore(Path(path))

    def try_restore(self, source: Path) -> bool:
        """Examine ``source``; if it is sound and the person confirms, close with it chosen."""
        self.message.clear()
        if source.resolve() == self.db_path.resolve():
            self.message.setText(tr("{0} 就是当前数据库，请选择一个备份。").format(source))
            return False
        try:
            report = trust.examine(source)
        except Refused as refused:
            self.message.setText(refused.message(lang()))
            return False
        if not report.sound:
            self.message.setText("\n".join([tr("{0} 有 {1} 处问题，不能用来恢复：").format(
                source, len(report.findings) + report.more)] + [f.message.text(lang()) for f in report.findings[:4]]))
            return False
        if not dialogs.confirm(self, tr("恢复数据库"),
                               tr("{0} 检查完好。\n将用它替换当前数据库 {1}（当前数据库会先另存为备份）。确定恢复吗？")
                               .format(source, self.db_path)):
            return False
        self.chosen = source
        self.accept()
        return True


def choose_restore(parent: QWidget | None, db_path: Path) -> Path | None:
    """The file to restore from, examined and confirmed; None when cancelled."""
    dialog = RestoreDialog(db_path, parent)
    return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None


class CheckDialog(QDialog):
    """What 检查数据 found: "sound", or every finding with what part of the store it is about."""

    def __init__(self, report: CheckReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("检查数据"))
        self.resize(860, 420 if report.findings else 150)
        layout = QVBoxLayout(self)
        if report.sound:
            text = tr("数据库 {0} 完好：文件、关联、审计记录和每个数据值都已检查，没有发现问题。").format(report.path)
        else:
            text = tr("数据库 {0} 有 {1} 处问题：").format(report.path, len(report.findings) + report.more)
        self.summary = QLabel(text, self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(SOUND_STYLE if report.sound else ERROR_STYLE)
        layout.addWidget(self.summary)
        self.findings = QListWidget(self)   # one finding a line, wrapped to the dialog's width
        self.findings.setWordWrap(True)
        self.findings.setResizeMode(QListView.ResizeMode.Adjust)
        self.findings.setAlternatingRowColors(True)
        for f in report.findings:
            self.findings.addItem(QListWidgetItem(tr("{0}：{1}").format(kind_name(f.kind), f.message.text(lang()))))
        self.findings.setVisible(bool(report.findings))
        layout.addWidget(self.findings, 1)
        if report.more:
            layout.addWidget(QLabel(tr("另有 {0} 处问题未列出。").format(report.more), self))
        if not report.sound:
            hint = QLabel(tr("可用 文件 → 恢复… 换回一个完好的备份。"), self)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        else:
            layout.addStretch(1)
        layout.addWidget(dialogs.dialog_buttons(self)[0])


def locations_text(db_path: Path | None, url: str, found: list[Backup]) -> str:
    """Where the database and its backups are, for 数据位置…."""
    if db_path is None:
        return tr("数据库：{0}（在内存中，没有文件，也没有备份）").format(url)
    lines = [tr("数据库：{0}").format(db_path), tr("备份文件夹：{0}").format(folder_for(db_path))]
    if found:
        lines.append(tr("共 {0} 个备份，最新的在 {1}（{2}）。").format(
            len(found), found[0].made.strftime("%Y-%m-%d %H:%M"), reason_name(found[0].reason)))
    else:
        lines.append(tr("还没有备份。"))
    return "\n".join(lines)
