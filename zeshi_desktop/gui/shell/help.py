"""帮助 → 键盘快捷键 (F1): every key of the window, read from its menus, and the keys of a score sheet.

The list is made from the menus as they are (so a key added to a menu is
listed without a second list to keep) plus the keys that live inside a
sheet's table, which no menu holds.
"""

from __future__ import annotations

import html
import re

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr

HELP_TEXT = "zeshi_help"   # an action's name in the list when its menu text changes (撤销 <what>)


def _plain(text: str) -> str:
    """A menu text without its accelerator: "文件(&F)" → "文件", "&Open…" → "Open…"."""
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


ARROWS = {"Up": "↑", "Down": "↓", "Left": "←", "Right": "→"}


def key_text(sequence: QKeySequence) -> str:
    """"Ctrl+Shift+Z", "Alt+↓": the key names as printed on keyboards, arrows as arrows."""
    parts = sequence.toString(QKeySequence.SequenceFormat.PortableText).split("+")
    return "+".join(ARROWS.get(part, part) for part in parts)


def _keys(action: QAction) -> str:
    return " / ".join(key_text(s) for s in action.shortcuts() if not s.isEmpty())


def _collect(menu: QMenu, rows: list[tuple[str, str]]) -> None:
    for action in menu.actions():
        if action.menu() is not None:
            _collect(action.menu(), rows)   # type: ignore[arg-type]
        elif keys := _keys(action):
            rows.append((keys, _plain(str(action.property(HELP_TEXT) or action.text()))))


def sheet_keys() -> list[tuple[str, str]]:
    """Keys inside a score table (``score_table.ScoreTable``), which no menu shows."""
    return [(tr("数字"), tr("在所选格中输入分数")),
            ("Tab / Enter", tr("确认并到下一个评分格")),
            ("Shift+Tab", tr("确认并到上一个评分格")),
            ("Esc", tr("取消正在输入的值")),
            ("Delete / Backspace", tr("清除所选格的分数")),
            ("F2", tr("修改所选格")),
            ("Ctrl+PgDown / Ctrl+PgUp", tr("下一页 / 上一页"))]


def shortcut_rows(window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(keys, what)]) for each menu that has keys, then the sheet's keys."""
    groups = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        rows: list[tuple[str, str]] = []
        _collect(menu, rows)   # type: ignore[arg-type]
        if rows:
            groups.append((_plain(top.text()), rows))
    groups.append((tr("评分表中"), sheet_keys()))
    return groups


def shortcut_html(window: QMainWindow) -> str:
    parts = [f"<h2>{html.escape(tr('键盘快捷键'))}</h2>"]
    for group, rows in shortcut_rows(window):
        parts.append(f"<h3 style='margin-bottom:2px'>{html.escape(group)}</h3>"
                     "<table cellspacing='0' cellpadding='3' width='100%'>")
        for keys, what in rows:
            parts.append(f"<tr><td width='38%'><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


class HelpDialog(QDialog):
    """The list in a window of its own, sized to fit a 1280x720 screen."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("help")
        self.setWindowTitle(tr("键盘快捷键"))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setHtml(shortcut_html(window))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen = window.screen().availableGeometry() if window.screen() is not None else None
        self.resize(660, min(760, screen.height() - 80) if screen is not None else 600)   # fits 1280x720 too


def show_help(window: QMainWindow) -> None:
    HelpDialog(window).exec()
