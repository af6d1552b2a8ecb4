"""The keys of a meeting: a page by number, the next or previous planner, the search box.

Each is a menu action that the window also holds, so it works while the
menus are hidden (presentation mode), and each is listed by 帮助 → 键盘快捷键,
which reads the menus (``help.shortcut_rows``): a key added here is
documented there without a second list to keep.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from ..i18n import tr

if TYPE_CHECKING:
    from ..main_window import MainWindow

PAGE_KEYS = 9        # Ctrl+1 … Ctrl+9: the first nine pages, in tab order
NEXT_PLANNER, PREVIOUS_PLANNER = "Alt+Down", "Alt+Up"
FIND = "Ctrl+F"
LAUNCH_KEYS = 0x01000060   # Qt's codes from Key_Back on: media, browser and launcher keys


def ordinary(sequence: QKeySequence) -> bool:
    """A key on every keyboard (letters, F-keys, arrows …), not a media or launcher key ("Open", "Help")."""
    if sequence.isEmpty():
        return False
    key = sequence[0].key()
    return int(key.value if hasattr(key, "value") else key) < LAUNCH_KEYS and key != Qt.Key.Key_Help


def action(window: QMainWindow, menu: QMenu, text: str, slot: Callable[[], object],
           keys: Sequence[QKeySequence | str | QKeySequence.StandardKey] = ()) -> QAction:
    """A menu entry whose keys also work on the window (menus hidden or not)."""
    made = QAction(text, window)
    sequences: list[QKeySequence] = []
    for key in keys:
        found = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
        sequences.extend(s for s in found if ordinary(s) and s not in sequences)
    made.setShortcuts(sequences)
    made.triggered.connect(lambda _checked=False: slot())
    menu.addAction(made)
    if sequences:
        window.addAction(made)
    return made


def page_key(index: int) -> list[str]:
    """Ctrl+<n> for the n-th page (1-based) up to the ninth; none after."""
    return [f"Ctrl+{index}"] if 1 <= index <= PAGE_KEYS else []


def add_view_actions(window: MainWindow, menu: QMenu) -> None:
    """视图: each page (Ctrl+1…9), next / previous page, planner and search, then presentation and zoom."""
    for number, (name, holder) in enumerate(window.holders.items(), start=1):
        action(window, menu, holder.spec.title(), lambda n=name: window.show_page(n), page_key(number))
    tabs = window.tabs
    action(window, menu, tr("下一页"), lambda: tabs.setCurrentIndex((tabs.currentIndex() + 1) % tabs.count()),
           ["Ctrl+PgDown"])
    action(window, menu, tr("上一页"), lambda: tabs.setCurrentIndex((tabs.currentIndex() - 1) % tabs.count()),
           ["Ctrl+PgUp"])
    menu.addSeparator()
    action(window, menu, tr("下一位责师"), lambda: window.tree.step(1), [NEXT_PLANNER])
    action(window, menu, tr("上一位责师"), lambda: window.tree.step(-1), [PREVIOUS_PLANNER])
    action(window, menu, tr("查找区、单元或责师"), lambda: find(window), [FIND])
    menu.addSeparator()
    window.presentation.add_actions(menu)


def find(window: MainWindow) -> None:
    """Ctrl+F: to the search box over the tree (leaving a presentation, which hides it)."""
    if window.presentation.active:
        window.presentation.leave()
    window.search.setFocus()
    window.search.selectAll()


def add_help_menu(window: MainWindow, bar: QMenuBar) -> QMenu:
    """帮助: 键盘快捷键 (F1) and 关于, their dialogs imported when first opened."""
    menu = bar.addMenu(tr("帮助(&H)"))
    action(window, menu, tr("键盘快捷键"), lambda: _help(window), [QKeySequence.StandardKey.HelpContents])
    action(window, menu, tr("关于责师评审…"), lambda: _about(window))
    return menu


def _help(window: MainWindow) -> None:
    from . import help
    help.show_help(window)


def _about(window: MainWindow) -> None:
    from ..installation import role_text
    from . import about
    about.show_about(window, window.runner, window.settings, role_text(window.runner))
