"""An empty store opens on the welcome: the demo, the roster, a package, the role, a backup — then the pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from zeshi_desktop.gui import installation as role_dialog
from zeshi_desktop.gui import safekeeping
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.desk import roster_files, welcome
from zeshi_desktop.gui.main_window import MainWindow
from zeshi_desktop.services import installation, roster
from zeshi_desktop.services.roster import workbook
from zeshi_desktop.store.database import Database


@pytest.fixture
def empty_window(qtbot, db: Database, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    return window


def test_an_empty_store_opens_on_the_welcome(empty_window: MainWindow) -> None:
    page = empty_window.welcome   # type: ignore[attr-defined]
    assert empty_window.centralWidget().currentWidget() is page   # type: ignore[attr-defined]
    assert set(page.buttons) == {"demo", "roster", "package", "role", "restore"}
    assert all(b.isEnabled() for b in page.buttons.values())
    assert "尚未设定" in page.buttons["role"].description()
    assert not empty_window.chooser.isVisible()   # no year or reviewer to choose in an empty store


def test_a_store_with_a_roster_has_no_welcome(window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert getattr(window, "welcome", None) is None and not welcome.is_empty(window.runner)


def test_the_demo_is_filled_in_its_own_file_and_asked_for(empty_window: MainWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "demo" / "demo.sqlite3"
    target.parent.mkdir()
    monkeypatch.setattr(welcome, "demo_path", lambda: target)
    asked: list[str] = []
    empty_window.database_requested.connect(asked.append)
    empty_window.welcome.buttons["demo"].click()   # type: ignore[attr-defined]
    assert asked == [str(target)]
    demo = Database.open(target)
    with demo.read() as s:
        assert roster.years(s) and installation.current(s) is not None
    demo.dispose()
    assert welcome.is_empty(empty_window.runner)   # this store is left as it was


def test_a_roster_imported_from_the_welcome_shows_the_pages(empty_window: MainWindow, demo_db: Database,
                                                           demo_year: int, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           no_modal_dialogs: list[str]) -> None:
    path = tmp_path / "roster.xlsx"
    with demo_db.read() as s:
        workbook.export_roster(s, demo_year, path)

    def answer(parent, runner, year):  # type: ignore[no-untyped-def]
        dialog = roster_files.RosterImportDialog(runner, demo_year, parent, str(path))
        assert dialog.import_button.isEnabled()
        dialog.import_now()
        return dialog.report

    monkeypatch.setattr(roster_files, "choose_import", answer)
    stack = empty_window.centralWidget()
    empty_window.welcome.buttons["roster"].click()   # type: ignore[attr-defined]
    assert empty_window.welcome is None and empty_window.centralWidget() is not stack   # type: ignore[attr-defined]
    assert empty_window.selection.year == demo_year and empty_window.tree.topLevelItemCount() > 0
    assert empty_window.chooser.isVisible() and empty_window.centralWidget().isVisible()
    assert empty_window.tabs.isVisible() and empty_window.tree.isVisible()
    assert no_modal_dialogs and "新增" in no_modal_dialogs[-1]


def test_the_role_is_set_from_the_welcome_not_asked_over_it(empty_window: MainWindow,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(role_dialog, "choose_role", lambda parent, runner, first_run=False: asked.append(first_run))
    assert role_dialog.ask_first_run(empty_window, empty_window.runner) is None and asked == []

    def choose(parent, runner, first_run=False):  # type: ignore[no-untyped-def]
        _ok, role = runner.run(lambda s: installation.set_role(s, "district", district="东城区"), Change())
        return role

    monkeypatch.setattr(role_dialog, "choose_role", choose)
    page = empty_window.welcome   # type: ignore[attr-defined]
    page.buttons["role"].click()
    assert "东城区" in page.buttons["role"].description() and "东城区" in empty_window.windowTitle()


def test_backup_restore_and_check_work_from_the_welcome(empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                                                       no_modal_dialogs: list[str]) -> None:
    page = empty_window.welcome   # type: ignore[attr-defined]
    page.backup()
    assert "已备份到" in no_modal_dialogs[-1]
    checked: list[object] = []
    monkeypatch.setattr(safekeeping, "show_check", lambda parent, report: checked.append(report))
    page.check()
    assert checked and checked[0].sound   # type: ignore[attr-defined]
    chosen = Path("/somewhere/backup.sqlite3")
    monkeypatch.setattr(safekeeping, "choose_restore", lambda parent, runner: chosen)
    asked: list[str] = []
    empty_window.restore_requested.connect(asked.append)
    page.buttons["restore"].click()
    assert asked == [str(chosen)]


def test_a_demo_that_cannot_be_made_is_one_sentence(empty_window: MainWindow, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    no_modal_dialogs: list[str]) -> None:
    target = tmp_path / "not-a-store.sqlite3"
    target.write_text("this is no database")
    monkeypatch.setattr(welcome, "demo_path", lambda: target)
    asked: list[str] = []
    empty_window.database_requested.connect(asked.append)
    empty_window.welcome.open_demo()   # type: ignore[attr-defined]
    assert asked == [] and str(target) in no_modal_dialogs[-1] and "\n" not in no_modal_dialogs[-1]
