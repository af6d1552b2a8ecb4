"""What an import of a hand-over package ends with: the refusal, or what it did.

Kept beside the clerk's desk so that ``gui.handover_import`` (the preview)
stays one screen of reading. A refused file is said in its own words; a
file refused as a whole has one line, its reason, with no list of cells to
correct under it. After an import, each conflict is said with the side that
was chosen (采用交接包 / 保留本机), never again as an open 冲突.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QVBoxLayout, QWidget

from zeshi_desktop.services.handover import packages

from .. import dialogs
from ..handover_import import WARNING_STYLE, action_names, list_separator
from ..i18n import tr


class RefusalDialog(QDialog):
    """A refused package: the reason and every bad cell, one per line, nothing written.

    A file refused as a whole (not a package, not an .xlsx) has one line, its
    reason: said alone, with no list of cells to correct under it.
    """

    def __init__(self, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("无法导入"))
        layout = QVBoxLayout(self)
        self.head = QLabel(lines[0] if lines else tr("无法导入这个文件。"), self)
        self.head.setWordWrap(True)
        self.head.setStyleSheet(WARNING_STYLE)
        self.head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.head)
        nothing = QLabel(tr("没有写入任何数据。"), self)
        layout.addWidget(nothing)
        self.list = QListWidget(self)
        self.list.addItems(lines[1:])
        if len(lines) > 1:
            layout.addWidget(QLabel(tr("请改正下列各处后重新导出或填写："), self))
            layout.addWidget(self.list, 1)
            self.resize(760, 420)
        else:
            self.list.hide()
            layout.addStretch(1)
            self.resize(560, 160)
        layout.addWidget(dialogs.dialog_buttons(self)[0])


def result_text(report: packages.ImportReport) -> str:
    """What the import did: 新增 1，更新 2，未变 3; each conflict said with the side chosen, not as still open."""
    names = action_names()
    parts = [f"{names[a]} {report.count(a)}" for a in ("added", "changed", "unchanged")]
    theirs = sum(1 for c in report.conflicts if c.keep == "theirs")
    mine = len(report.conflicts) - theirs
    if theirs:
        parts.append(tr("采用交接包 {0}").format(theirs))
    if mine:
        parts.append(tr("保留本机 {0}").format(mine))
    return list_separator().join(parts)
