"""GUI fixtures: a main window on a private demo database with its own settings file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from zeshi_desktop.gui import dialogs, i18n
from zeshi_desktop.gui.actions import ActionRunner
from zeshi_desktop.gui.desk import saved
from zeshi_desktop.gui.main_window import MainWindow
from zeshi_desktop.services import roster
from zeshi_desktop.store.database import Database


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, demo_db: Database, settings_path: Path) -> Callable[[], MainWindow]:
    def make() -> MainWindow:
        window = MainWindow(demo_db, QSettings(str(settings_path), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        return window
    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A test that meets an unexpected message box fails instead of hanging."""
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text: shown.append(text))
    monkeypatch.setattr(dialogs, "show_info", lambda parent, text: shown.append(text))
    monkeypatch.setattr(dialogs, "show_warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(dialogs, "show_audit", lambda parent, entries, title: shown.append(title))
    monkeypatch.setattr(saved, "show_path", lambda parent, text, path: shown.append(text))   # where a file went
    yield shown


@pytest.fixture
def fresh_appointment(demo_db: Database, demo_year: int) -> dict[str, int]:
    """A new unit and planner in the first demo district, appointed, with no sheet yet."""
    with demo_db.write() as s:
        district = roster.districts(s)[0]
        unit = roster.add_unit(s, district.id, "测试街道", "街道")
        planner = roster.add_planner(s, "测试责师", is_team=False)
        appointment = roster.appoint(s, demo_year, unit, planner, contract_signed=True)
    return {"district": district.id, "unit": unit, "appointment": appointment}


@pytest.fixture(autouse=True)
def chinese_afterwards(qapp) -> Iterator[None]:
    """Whatever a test switches to, the next one (in any folder) starts in Chinese."""
    yield
    i18n.install_language(qapp, "zh")


@pytest.fixture
def cjk_font(qapp) -> None:  # type: ignore[no-untyped-def]
    """The application's CJK font, as the app installs it (pages measured in the fonts people see)."""
    i18n.install_cjk_font(qapp)


@pytest.fixture
def runner(demo_db: Database) -> ActionRunner:
    """The actions of a page or dashboard built alone, on the demo year."""
    return ActionRunner(demo_db)
