"""The clerk's desk: what a district clerk does besides scoring, all in the app.

A first-run welcome on an empty store (``welcome``), the roster workbook in
and out with a preview (``roster_files``), a new year carrying the roster
over (``new_year``), a district's sheets or blank forms printed in one
dialog (``print_many``), and where a saved file went (``saved``). The main
window hooks them in with :func:`add_file_actions`, :func:`add_print_actions`
and :func:`show_welcome_if_empty`; each dialog module is imported when it is
first used, so starting stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..i18n import tr

if TYPE_CHECKING:
    from ..main_window import MainWindow


def _add(window: MainWindow, menu: QMenu, text: str, name: str, slot) -> QAction:  # type: ignore[no-untyped-def]
    action = QAction(text, window)
    action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def add_file_actions(window: MainWindow, menu: QMenu) -> list[QAction]:
    """文件 → 导入名册… / 导出名册… / 开始新年度…."""
    def roster_import() -> None:
        from . import roster_files
        roster_files.import_roster(window, window.runner, window.selection.year)

    def roster_export() -> None:
        from . import roster_files
        roster_files.export_roster(window, window.runner, window.selection.year)

    def start_year() -> None:
        from . import new_year
        new_year.start_year(window, window.runner, window.selection.year)

    actions = [_add(window, menu, tr("导入名册…"), "desk-roster-import", roster_import),
               _add(window, menu, tr("导出名册…"), "desk-roster-export", roster_export),
               _add(window, menu, tr("开始新年度…"), "desk-new-year", start_year)]
    if window.runner.read_only:
        for action in (actions[0], actions[2]):
            action.setEnabled(False)
    return actions


def add_print_actions(window: MainWindow, menu: QMenu) -> QAction:
    """打印 → 批量打印与空白表…."""
    def print_many() -> None:
        from . import print_many as dialog
        dialog.open_print_many(window, window.runner, window.selection)

    return _add(window, menu, tr("批量打印与空白表…"), "desk-print-many", print_many)


def show_welcome_if_empty(window: MainWindow) -> None:
    """An empty store opens on the welcome instead of an empty tree (see ``welcome``)."""
    from . import welcome
    welcome.install(window)
