"""文件 → 备份… / 恢复… / 检查数据 / 数据位置…, and the banner of a damaged store opened read-only.

A backup and a check are one call each to the services (``services.trust``,
``services.store_check``) and say what they did: where the copy went, or
what the check found. On a store on a server (docs/server.md) a backup is
``pg_dump`` into a file the person names, the check reads the server's
catalogue as well, and a restore is the administrator's (``pg_restore``):
the menu says so instead of offering a file. A restore is chosen and examined here but carried out
by the application (``app.py``), which owns the database: it closes the
store, puts the backup in its place and opens it again, checked, in a new
window. The window asks for it with the path of the chosen file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.messages import Refused
from zeshi_desktop.messages import text as message_text
from zeshi_desktop.services import trust
from zeshi_desktop.services.store_check import CheckReport, check_server, check_store
from zeshi_desktop.services.trust import Backup, OpenCheck

from . import dialogs
from .actions import ActionRunner
from .desk import saved
from .i18n import lang, tr

BANNER_STYLE = ("QFrame#damage { background: #fde2e1; border: 1px solid #d9534f; }"
                " QLabel { color: #7a1010; font-weight: bold; }")


def _file_of(parent: QWidget | None, runner: ActionRunner) -> Path | None:
    """The store's file, or None (said to the person) for a store in memory."""
    path = runner.db.path
    if path is None:
        dialogs.show_error(parent, tr("这个数据库在内存中，没有文件：不能备份、恢复或检查。"))
    return path


def choose_dump_path(parent: QWidget | None, suggested: str) -> str | None:
    """Where a server's backup goes (tests replace this)."""
    return dialogs.ask_save_path(parent, tr("备份服务器上的数据库"), suggested, tr("pg_dump 备份 (*.dump)"), ".dump")


def _dump_name(runner: ActionRunner) -> str:
    """zeshi-2026-11-30-1530.dump in the home folder, named for the server's database."""
    database = runner.db.url.rsplit("/", 1)[-1].split("?", 1)[0] or "zeshi"
    return str(Path.home() / f"{database}-{datetime.now():%Y-%m-%d-%H%M}.dump")


def backup(parent: QWidget | None, runner: ActionRunner) -> Path | None:
    """A backup now, into the backups folder (on a server: a pg_dump file chosen); says where it went or why not."""
    if runner.db.is_server:
        chosen = choose_dump_path(parent, _dump_name(runner))
        if chosen is None:
            return None
        target = Path(chosen)
        make: Callable[[], Backup] = lambda: trust.backup_server(runner.db, target)
    else:
        path = _file_of(parent, runner)
        if path is None:
            return None
        make = lambda: trust.backup_now(path)
    try:
        with runner.working(tr("正在备份…")):
            made = make()
    except Refused as refused:
        dialogs.show_error(parent, refused.message(lang()))
        return None
    saved.show_path(parent, tr("已备份到：\n{0}").format(made.path), made.path)   # with a button to its folder
    return made.path


def check(parent: QWidget | None, runner: ActionRunner) -> CheckReport | None:
    """The whole check of the store, its findings shown (or that it is sound)."""
    if runner.db.is_server:
        run: Callable[[], CheckReport] = lambda: check_server(runner.db)   # the server's catalogue as well
    else:
        path = _file_of(parent, runner)
        if path is None:
            return None
        run = lambda: check_store(path)
    try:
        with runner.working(tr("正在检查数据…")):
            report = run()
    except Refused as refused:
        dialogs.show_error(parent, refused.message(lang()))
        return None
    except trust.STORE_FAILURES as exc:   # a server gone away meanwhile: said in one sentence
        refusal = trust.store_refusal(exc, runner.db.path or runner.db.url)
        dialogs.show_error(parent, refusal.message(lang()) if refusal is not None else str(exc))
        return None
    show_check(parent, report)
    return report


def show_check(parent: QWidget | None, report: CheckReport) -> None:
    """The check's dialog (tests replace this)."""
    from . import store_dialogs  # imported when used (fast start)
    store_dialogs.CheckDialog(report, parent).exec()


def choose_restore(parent: QWidget | None, runner: ActionRunner) -> Path | None:
    """A sound file chosen and confirmed for a restore, or None (on a server: what to use instead, said)."""
    from . import store_dialogs
    if runner.db.is_server:
        dialogs.show_info(parent, message_text("server.restore_elsewhere", lang(), file="….dump"))
        return None
    path = _file_of(parent, runner)
    return store_dialogs.choose_restore(parent, path) if path is not None else None


def show_locations(parent: QWidget | None, runner: ActionRunner) -> None:
    """Where the database and its backups are."""
    from . import store_dialogs
    path = runner.db.path
    if runner.db.is_server:
        dialogs.show_info(parent, tr("数据库：{0}").format(runner.db.url) + "\n"
                          + message_text("server.backups_elsewhere", lang(), url=runner.db.url))
        return
    dialogs.show_info(parent, store_dialogs.locations_text(path, runner.db.url,
                                                           trust.list_backups(path) if path else []))


class StoreMenu(QObject):
    """The File menu's 备份… / 恢复… / 检查数据 / 数据位置…, for the window's store."""

    restore_requested = Signal(str)   # a checked and confirmed file to put in place of the store

    def __init__(self, runner: ActionRunner, menu: QMenu, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.window = parent
        self.actions: dict[str, QAction] = {}
        for name, text, slot in (("backup", tr("备份…"), self.backup), ("restore", tr("恢复…"), self.restore),
                                 ("check", tr("检查数据"), self.check), ("where", tr("数据位置…"), self.where)):
            action = QAction(text, parent)
            action.triggered.connect(lambda _checked=False, do=slot: do())
            action.setEnabled(name == "where" or runner.db.path is not None or runner.db.is_server)
            menu.addAction(action)
            self.actions[name] = action

    def backup(self) -> None:
        backup(self.window, self.runner)

    def restore(self) -> None:
        source = choose_restore(self.window, self.runner)
        if source is not None:
            self.restore_requested.emit(str(source))

    def check(self) -> None:
        check(self.window, self.runner)

    def where(self) -> None:
        show_locations(self.window, self.runner)


def under_banner(banner: QWidget | None, content: QWidget) -> QWidget:
    """``content`` with ``banner`` above it (or alone when there is none)."""
    if banner is None:
        return content
    central = QWidget(content.parentWidget())
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(content, 1)
    return central


class DamageBanner(QFrame):
    """One sentence over the window: the store is damaged and read-only; the newest sound backup offered."""

    restore_requested = Signal(str)   # the file to restore from
    check_requested = Signal()
    other_requested = Signal()

    def __init__(self, opened: OpenCheck, db_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damage")
        self.setStyleSheet(BANNER_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        damage = opened.damage()
        self.newest = trust.newest_sound_backup(db_path) if db_path is not None else None
        text = (damage.text(lang()) if damage is not None else "") + tr("。数据不能修改。")
        if self.newest is None:
            text += tr("没有完好的备份可以恢复。")
        self.label = QLabel(" ".join(text.splitlines()), self)   # SQLite's findings come on several lines
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.restore_button: QPushButton | None = None
        if self.newest is not None:
            self.restore_button = QPushButton(tr("恢复最新的完好备份（{0}）…").format(
                self.newest.made.strftime("%Y-%m-%d %H:%M")), self)
            self.restore_button.clicked.connect(self.restore_newest)
            layout.addWidget(self.restore_button)
        others = QPushButton(tr("其他备份…"), self)
        others.clicked.connect(self.other_requested)
        layout.addWidget(others)
        check_button = QPushButton(tr("检查数据"), self)
        check_button.clicked.connect(self.check_requested)
        layout.addWidget(check_button)

    def restore_newest(self) -> bool:
        """Confirm, then ask for the newest sound backup to be restored."""
        newest = self.newest
        if newest is None:
            return False
        if not dialogs.confirm(self, tr("恢复数据库"),
                               tr("将用 {0} 的备份 {1} 替换已损坏的数据库（损坏的文件会另存为备份）。确定恢复吗？")
                               .format(newest.made.strftime("%Y-%m-%d %H:%M"), newest.path.name)):
            return False
        self.restore_requested.emit(str(newest.path))
        return True
