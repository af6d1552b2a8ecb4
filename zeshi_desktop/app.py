"""``zeshi-desktop``: the desktop application.

    zeshi-desktop [--db PATH] [--demo] [--lang zh|en] [--screenshots DIR]

Without ``--db`` the last database is opened (or the default one in the
user's data folder). ``--demo`` opens a demo year (its own file unless
``--db`` is given), filled the first time. ``--screenshots DIR`` renders
every page to PNG and exits, without a screen.
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
    parser.add_argument("--db", type=Path, help="database file to open")
    parser.add_argument("--demo", action="store_true", help="open the demo year (filled when empty)")
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language (default: last used, else zh)")
    parser.add_argument("--screenshots", type=Path, metavar="DIR", help="render every view to DIR/*.png and exit")
    parser.add_argument("--size", default="1366x768", help="window size for --screenshots (WIDTHxHEIGHT)")
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)  # benchmark
    return parser.parse_args(argv)


def demo_db_path() -> Path:
    from zeshi_desktop.locations import default_db_path
    return default_db_path().with_name("demo.sqlite3")


def open_database(path: Path, demo: bool):  # type: ignore[no-untyped-def]
    """Open (and migrate) the store; a demo database is filled when it has no year yet."""
    from zeshi_desktop.services import roster
    from zeshi_desktop.store.database import Database
    db = Database.open(path)
    if demo:
        with db.read() as session:
            empty = not roster.years(session)
        if empty:
            from zeshi_desktop.demo.fixture import load_demo
            with db.write() as session:
                load_demo(session)
    return db


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.screenshots is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from zeshi_desktop.gui import i18n
    from zeshi_desktop.locations import default_db_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_ORG)
    app.setApplicationName(APP_NAME)
    settings = QSettings()
    i18n.install_cjk_font(app)  # type: ignore[arg-type]
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
        path = Path(str(settings.value("database") or default_db_path()))
    from zeshi_desktop.store.database import StoreError
    try:
        db = open_database(path, args.demo)
    except StoreError as error:
        print(f"zeshi-desktop: {error}", file=sys.stderr)
        return 2

    from zeshi_desktop.gui.main_window import MainWindow

    if args.screenshots is not None:
        import tempfile

        from zeshi_desktop.gui.screenshots import parse_size, render_all
        with tempfile.TemporaryDirectory() as scratch:  # pictures start from defaults, user settings untouched
            window = MainWindow(db, QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat))
            written = render_all(window, args.screenshots, parse_size(args.size))
            window.close()
        db.dispose()
        for p in written:
            print(p)
        return 0

    holder: dict[str, object] = {}

    def build(database) -> None:  # type: ignore[no-untyped-def]
        window = MainWindow(database, settings)
        window.language_requested.connect(switch_language)
        window.database_requested.connect(switch_database)
        holder["window"] = window
        window.show()

    def replace_window(database) -> None:  # type: ignore[no-untyped-def]
        old = holder.get("window")
        if isinstance(old, MainWindow):
            old.save_settings()
            old.hide()
            old.deleteLater()
        build(database)

    def switch_language(new: str) -> None:
        i18n.install_language(app, new)  # type: ignore[arg-type]
        settings.setValue("language", new)
        replace_window(holder["db"])

    def switch_database(new_path: str) -> None:
        try:
            new_db = open_database(Path(new_path), demo=False)
        except StoreError as error:
            from zeshi_desktop.gui import dialogs
            dialogs.show_error(None, str(error))
            return
        old_db = holder["db"]
        holder["db"] = new_db
        replace_window(new_db)
        old_db.dispose()  # type: ignore[attr-defined]

    holder["db"] = db
    build(db)
    if args.quit_after_show:  # the benchmark: when was the window on screen?
        import time

        def shown() -> None:
            print(f"shown-at {time.time():.6f}", flush=True)
            app.quit()
        QTimer.singleShot(0, shown)
    code = app.exec()
    window = holder.get("window")
    if isinstance(window, MainWindow) and window.isVisible():
        window.save_settings()
    holder["db"].dispose()  # type: ignore[attr-defined]
    return code


if __name__ == "__main__":
    raise SystemExit(main())
