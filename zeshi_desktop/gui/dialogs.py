"""Modal questions in one place, so tests can answer them (monkeypatch these functions)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.services.scoring.sheets import AuditView
from zeshi_desktop.services.trust import role_label

from .i18n import lang, tr


def local_time(moment: datetime, seconds: bool = False) -> str:
    """The store keeps naive UTC; people read their own clock."""
    local = moment.replace(tzinfo=UTC).astimezone() if moment.tzinfo is None else moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def show_error(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, tr("无法完成"), text)


def show_info(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, tr("提示"), text)


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    """Done, but with something the person must know (sheets left out of an export)."""
    QMessageBox.warning(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_save_path(parent: QWidget | None, title: str, suggested: str, file_filter: str, suffix: str) -> str | None:
    """Where to write a file of ``suffix`` (a name typed without it gets it), or None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    if not path:
        return None
    return path if path.lower().endswith(suffix) else path + suffix


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """A line of text, or None when cancelled."""
    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None


def dialog_buttons(dialog: QDialog, accept: str | None = None,
                   on_accept: Callable[[], None] | None = None) -> tuple[QDialogButtonBox, QPushButton | None]:
    """取消 and the ``accept`` button (or only 关闭), labelled through tr(): Qt's own standard
    buttons would stay in English in the Chinese interface."""
    buttons = QDialogButtonBox(dialog)
    buttons.addButton(tr("取消") if accept else tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
    button = buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole) if accept else None
    buttons.accepted.connect(on_accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, button


CHANGES = ("change", "entry1", "entry2", "resolve")   # audit actions that carry an old and a new value


def action_name(action: str) -> str:
    return {"finalize": tr("定稿"), "unlock": tr("解锁"), "change": tr("修改"), "import": tr("导入"),
            "conflict": tr("冲突处理"), "entry1": tr("第一次录入"), "entry2": tr("复核录入"),
            "resolve": tr("裁定"), "recuse": tr("回避"), "withdraw": tr("撤回回避")}.get(action, action)


class AuditDialog(QDialog):
    """The audit log of one sheet: finalise, unlock (with reason) and every later change."""

    def __init__(self, entries: list[AuditView], title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("审计记录") + " — " + title)
        self.resize(820, 420)
        layout = QVBoxLayout(self)
        if not entries:
            layout.addWidget(QLabel(tr("该评审表还没有审计记录（定稿、解锁及解锁后的修改会记录在此）。")))
        self.table = QTableWidget(len(entries), 7, self)
        self.table.setHorizontalHeaderLabels([tr("时间"), tr("操作人"), tr("身份"), tr("操作"), tr("项目"),
                                              tr("原值 → 新值"), tr("理由")])
        for row, e in enumerate(entries):
            item = e.item.get(lang()) if e.item is not None else e.item_id or ""
            values = [local_time(e.at, seconds=True), e.actor, role_label(e.role, lang()), action_name(e.action),
                      item, f"{e.old or '—'} → {e.new or '—'}" if e.action in CHANGES else "", e.reason]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(row, col, cell)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        layout.addWidget(dialog_buttons(self)[0])


def show_audit(parent: QWidget | None, entries: list[AuditView], title: str) -> None:
    AuditDialog(entries, title, parent).exec()
