"""Where a file went: the path in a message, with a button that opens its folder.

Said after every file the clerk's desk writes (a PDF saved from the print
preview, a roster workbook, a batch of printed forms), so that nobody has
to guess where 另存为 put it. A function, so that tests can answer it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ..i18n import tr


def open_folder(path: Path) -> bool:
    """Open the folder holding ``path`` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))


def saved_text(path: Path, what: str = "") -> str:
    """已保存到：<path> (after ``what`` was said, when there is more to say)."""
    line = tr("已保存到：\n{0}").format(path)
    return f"{what}\n\n{line}" if what else line


def show_saved(parent: QWidget | None, path: Path, what: str = "") -> None:
    """Say where ``path`` was written (after ``what``); 打开所在文件夹 opens its folder."""
    show_path(parent, saved_text(Path(path), what), Path(path))


def saved_box(parent: QWidget | None, text: str) -> tuple[QMessageBox, QPushButton]:
    """The message and its 打开所在文件夹 button (built apart, so a screenshot can show it)."""
    box = QMessageBox(QMessageBox.Icon.Information, tr("已保存"), text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)   # the path can be copied
    folder = box.addButton(tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(tr("关闭"), QMessageBox.ButtonRole.AcceptRole)
    return box, folder


def show_path(parent: QWidget | None, text: str, path: Path) -> None:
    """``text`` (which names ``path``) with a button that opens the folder of ``path``; the one modal step."""
    box, folder = saved_box(parent, text)
    box.exec()
    if box.clickedButton() is folder:
        open_folder(Path(path))
