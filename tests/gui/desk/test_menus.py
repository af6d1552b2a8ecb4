"""The desk's actions are in the window's menus and open their dialogs; a read-only store cannot import."""

from __future__ import annotations

from PySide6.QtGui import QAction

from zeshi_desktop.gui.desk import new_year, print_many, roster_files


def _action(window, name: str) -> QAction:  # type: ignore[no-untyped-def]
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_the_file_and_print_menus_open_the_desk(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    monkeypatch.setattr(roster_files, "import_roster", lambda parent, runner, year: opened.append(f"import {year}"))
    monkeypatch.setattr(roster_files, "export_roster", lambda parent, runner, year: opened.append(f"export {year}"))
    monkeypatch.setattr(new_year, "start_year", lambda parent, runner, year: opened.append(f"year {year}"))
    monkeypatch.setattr(print_many, "open_print_many", lambda parent, runner, selection: opened.append("print"))
    for name in ("desk-roster-import", "desk-roster-export", "desk-new-year", "desk-print-many"):
        _action(window, name).trigger()
    year = window.selection.year
    assert opened == [f"import {year}", f"export {year}", f"year {year}", "print"]


def test_a_read_only_store_can_export_but_not_import(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from zeshi_desktop.gui.main_window import MainWindow
    from zeshi_desktop.store.database import Database

    path = demo_db.path
    demo_db.dispose()
    read_only = Database.open(path, readonly=True)
    window = MainWindow(read_only, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert not _action(window, "desk-roster-import").isEnabled() and not _action(window, "desk-new-year").isEnabled()
    assert _action(window, "desk-roster-export").isEnabled() and _action(window, "desk-print-many").isEnabled()
    read_only.dispose()
