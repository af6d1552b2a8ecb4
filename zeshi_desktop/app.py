"""``zeshi-desktop``: the desktop application.

    zeshi-desktop [--db PATH] [--demo] [--lang zh|en] [--screenshots DIR]

Without ``--db`` the last database is opened (or the default one in the
user's data folder). ``--demo`` opens a demo year (its own file unless
``--db`` is given), filled the first time. ``--screenshots DIR`` renders
every page and screen to PNG and exits, without a screen: in the language
chosen into DIR, in English into DIR/en, at 1280x720 into DIR/1280x720.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

APP_ORG = "zeshi"
APP_NAME = "zeshi-desktop"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="zeshi-desktop", description="zeshi: the review of responsible planners, desktop application")
    parser.add_argument("--db", type=location, help="database file to open, or a PostgreSQL server's URL "
                                                   "(postgresql+psycopg://user@host/db; docs/server.md)")
    parser.add_argument("--demo", action="store_true", help="open the demo year (filled when empty)")
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language (default: last used, else zh)")
    parser.add_argument("--screenshots", type=Path, metavar="DIR", help="render every view to DIR/*.png (and DIR/en, DIR/1280x720) and exit")
    parser.add_argument("--size", default="1366x768", help="window size for --screenshots (WIDTHxHEIGHT)")
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)  # benchmark
    return parser.parse_args(argv)


def location(raw: str) -> Path | str:
    """A database file, or a server's URL kept as typed (``--db``, ``ZESHI_DB``, 文件 → 连接服务器…)."""
    return raw if "://" in raw else Path(raw)


def demo_db_path() -> Path:
    from zeshi_desktop.locations import default_db_path
    return default_db_path().with_name("demo.sqlite3")


def open_database(path: Path, demo: bool):  # type: ignore[no-untyped-def]
    """Open (and migrate) the store; a demo database is filled when it has no year yet.

    The demo is a district office of its first district (``installation.set_demo_role``),
    so its hand-overs work end to end and the first-run question is not asked.
    """
    from zeshi_desktop.services import installation, roster, trust
    db = trust.open_store(path)
    if demo:
        with db.read() as session:
            empty = not roster.years(session)
            unset = installation.current(session) is None
        if empty:
            from zeshi_desktop.demo.fixture import load_demo
            with db.write() as session:
                load_demo(session)
        if empty or unset:
            with db.write() as session:
                installation.set_demo_role(session)
    return db


def open_checked(path: Path, demo: bool):  # type: ignore[no-untyped-def]
    """Open the store, then check it and make the day's backup (``trust.check_at_open``).

    A damaged store comes back read-only with what was found; so does a file
    that cannot be opened for writing but can still be read, so the window can
    show it and offer a backup. A file that cannot even be read is refused
    (``StoreError``), as is a path that cannot hold a store.
    """
    from zeshi_desktop.services import trust
    from zeshi_desktop.store.database import Database, StoreError
    try:
        db = open_database(path, demo)
    except StoreError as error:
        if not Path(path).is_file():
            raise
        db = Database.open(path, readonly=True)
        try:
            db.current_revision()
        except trust.STORE_FAILURES:
            db.dispose()
            raise error from None
        return db, trust.damaged_at_open(path, error)
    return trust.check_at_open(db)


def install_store_failure_hook(shell: Shell) -> None:
    """A damaged file that fails a read while browsing is said in a sentence, not printed as a traceback.

    Qt hands an exception raised in a slot to ``sys.excepthook``; failures of
    the database file go to a message box, everything else to the usual hook.
    """
    from zeshi_desktop.services import trust
    previous = sys.excepthook

    def hook(kind, value, traceback) -> None:  # type: ignore[no-untyped-def]
        if isinstance(value, trust.STORE_FAILURES):
            from zeshi_desktop.gui import dialogs, i18n
            refusal = trust.store_refusal(value, shell.db.path if shell.db is not None else None)
            dialogs.show_error(None, refusal.message(i18n.lang()) if refusal else str(value))
            return
        previous(kind, value, traceback)
    sys.excepthook = hook


class Shell:
    """The application's one store and its window: open, switch, restore, change language.

    The window never swaps its own database: it asks (``database_requested``,
    ``restore_requested``, ``language_requested``) and the shell closes the
    store, does what was asked and builds a new window on the result.
    """

    def __init__(self, app, settings) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.settings = settings
        self.db = None
        self.opened = None
        self.window = None

    def build(self) -> None:
        from zeshi_desktop.gui.main_window import MainWindow
        window = MainWindow(self.db, self.settings, opened=self.opened)
        window.language_requested.connect(self.switch_language)
        window.database_requested.connect(self.switch_database)
        window.restore_requested.connect(self.restore)
        self.window = window
        window.show_fitted()   # as last left on this screen, else fitted to it

    def start(self) -> bool:
        """The first window; a store that cannot even be read to build it is offered its newest sound backup."""
        from zeshi_desktop.gui import i18n
        from zeshi_desktop.services import trust
        try:
            self.build()
            return True
        except trust.STORE_FAILURES as exc:
            path = self.db.path  # type: ignore[union-attr]
            text = trust.store_refusal(exc, path).message(i18n.lang())  # type: ignore[union-attr]
            self.db.dispose()  # type: ignore[union-attr]
            self.db = None
        return path is not None and self.recover(path, text)

    def recover(self, path: Path, text: str) -> bool:
        """A store that cannot be opened: say why, and offer its newest sound backup; True when restored."""
        from zeshi_desktop.gui import dialogs
        from zeshi_desktop.gui.i18n import tr
        from zeshi_desktop.services import trust
        newest = trust.newest_sound_backup(path) if Path(path).is_file() else None
        if newest is not None and dialogs.confirm(None, tr("恢复数据库"), text + "\n" + tr(
                "恢复最新的完好备份（{0}）吗？").format(newest.made.strftime("%Y-%m-%d %H:%M"))):
            return self.restore_file(Path(path), newest.path)
        print(f"zeshi-desktop: {text}", file=sys.stderr)
        dialogs.show_error(None, text)
        return False

    def first_run(self) -> None:
        """A writable store with no role yet: ask what this installation is (gui.installation)."""
        from zeshi_desktop.gui import installation
        if self.window is not None and installation.ask_first_run(self.window, self.window.runner) is not None:
            self.window.update_title()

    def replace_window(self) -> None:
        old = self.window
        if old is not None:
            old.save_settings()
            old.hide()
            old.deleteLater()
        self.window = None
        self.build()

    def switch_language(self, new: str) -> None:
        from zeshi_desktop.gui import i18n
        i18n.install_language(self.app, new)
        self.settings.setValue("language", new)
        self.replace_window()

    def switch_database(self, new_path: str) -> bool:
        from zeshi_desktop.gui import dialogs, i18n
        from zeshi_desktop.services import trust
        from zeshi_desktop.store.database import StoreError
        try:
            new_db, opened = open_checked(location(new_path), demo=False)
        except StoreError as error:
            dialogs.show_error(self.window, error.message(i18n.lang()))
            return False
        old_db, old_opened = self.db, self.opened
        self.db, self.opened = new_db, opened
        try:
            self.replace_window()
        except trust.STORE_FAILURES as exc:   # too damaged to show: back to the store that was open
            dialogs.show_error(None, trust.store_refusal(exc, new_path).message(i18n.lang()))  # type: ignore[union-attr]
            new_db.dispose()
            self.db, self.opened = old_db, old_opened
            self.build()
            return False
        old_db.dispose()  # type: ignore[union-attr]
        return True

    def restore(self, source: str) -> bool:
        """What the window asks for: put ``source`` in place of its store."""
        path = self.db.path if self.db is not None else None
        return path is not None and self.restore_file(path, Path(source))

    def restore_file(self, path: Path, source: Path) -> bool:
        """Close the store, put ``source`` in its place (the current file kept as a backup), open it again."""
        from zeshi_desktop.gui import dialogs, i18n
        from zeshi_desktop.gui.i18n import tr
        from zeshi_desktop.messages import Refused
        from zeshi_desktop.services import trust
        if self.window is not None:
            self.window.save_settings()
        if self.db is not None:
            self.db.dispose()
        try:
            kept = trust.restore(path, source)
            new_db, opened = open_checked(path, demo=False)
        except Refused as refused:   # the old store stays open (its engine reconnects when next used)
            dialogs.show_error(self.window, refused.message(i18n.lang()))
            return False
        self.db, self.opened = new_db, opened
        self.replace_window()
        note = tr("已从 {0} 恢复。").format(source)
        if kept is not None:
            note += " " + tr("原数据库已另存为 {0}。").format(kept)
        self.window.statusBar().showMessage(note, 20000)  # type: ignore[union-attr]
        return True


def install_icon(app) -> None:  # type: ignore[no-untyped-def]
    """The application's icon (resources/icons/zeshi-*.png) on every window: title bar, task bar, Alt-Tab.

    The desktop file name ties the running program to the installed ``zeshi-desktop.desktop`` entry, so a
    Wayland or GNOME-like desktop shows the same icon and name as in its menu.
    """
    from PySide6.QtGui import QIcon

    from zeshi_desktop.locations import resources_dir
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("zeshi-*.png")):
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    app.setDesktopFileName(APP_NAME)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.screenshots is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from zeshi_desktop.gui import i18n
    from zeshi_desktop.locations import default_db_location
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_ORG)
    app.setApplicationName(APP_NAME)
    settings = QSettings()
    i18n.install_cjk_font(app)  # type: ignore[arg-type]
    install_icon(app)
    language = args.lang or str(settings.value("language") or "zh")
    if language not in i18n.LANGUAGES:
        language = "zh"
    if not i18n.install_language(app, language):
        print(f"zeshi-desktop: no translation file {i18n.translation_file(language)}", file=sys.stderr)

    if args.db is not None:
        path = args.db
    elif args.demo:
        path = demo_db_path()
    else:
        path = location(str(settings.value("database") or default_db_location()))
    from zeshi_desktop.store.database import StoreError
    shell = Shell(app, settings)
    try:
        db, opened = open_checked(path, args.demo)
    except StoreError as error:
        if args.screenshots is not None or not Path(path).is_file():
            print(f"zeshi-desktop: {error.message(language)}", file=sys.stderr)
            return 2
        if not shell.recover(path, error.message(language)):   # says why, offers the newest sound backup
            return 2
        db, opened = shell.db, shell.opened

    from zeshi_desktop.gui.main_window import MainWindow

    if args.screenshots is not None:
        import tempfile

        from zeshi_desktop.gui.screenshots import parse_size, render_sets
        with tempfile.TemporaryDirectory() as scratch:  # pictures start from defaults, user settings untouched
            made = iter(range(10))

            def fresh_window() -> MainWindow:
                ini = Path(scratch) / f"settings-{next(made)}.ini"
                return MainWindow(db, QSettings(str(ini), QSettings.Format.IniFormat), opened=opened)
            written = render_sets(fresh_window, args.screenshots, parse_size(args.size), language)
        db.dispose()
        for p in written:
            print(p)
        return 0

    shell.db, shell.opened = db, opened
    install_store_failure_hook(shell)
    if shell.window is None and not shell.start():
        return 2
    if not args.quit_after_show:
        shell.first_run()
    if args.quit_after_show:  # the benchmark: when was the window on screen?
        import time

        def shown() -> None:
            print(f"shown-at {time.time():.6f}", flush=True)
            app.quit()
        QTimer.singleShot(0, shown)
    code = app.exec()
    window = shell.window
    if isinstance(window, MainWindow) and window.isVisible():
        window.save_settings()
    shell.db.dispose()  # type: ignore[union-attr]
    return code


if __name__ == "__main__":
    raise SystemExit(main())
