"""帮助 → 关于: version, role, database, backups folder, and the bundled libraries with their licences."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from zeshi_desktop import __version__
from zeshi_desktop.gui.shell import about
from zeshi_desktop.store.backup import folder_for


def test_the_libraries_the_program_needs_are_listed_with_their_licences():
    found = {lib.name.lower().replace("_", "-"): lib for lib in about.bundled_libraries()}
    for name in ("sqlalchemy", "alembic", "openpyxl", "reportlab", "platformdirs", "pyside6-essentials"):
        assert name in found, name
        assert found[name].version and found[name].licence not in ("", "—"), found[name]
    assert "MIT" in found["sqlalchemy"].licence
    assert "LGPL" in found["pyside6-essentials"].licence
    assert "pytest" not in found and "hypothesis" not in found   # test extras are not shipped


def test_the_about_dialog_says_version_role_database_and_backups(qtbot, window):
    dialog = about.AboutDialog(window.runner, window.settings, "区专班（朝阳区）", window)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in text
    assert "区专班（朝阳区）" in text
    assert str(window.db.path) in text and str(folder_for(window.db.path)) in text
    names = {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}
    assert {"SQLAlchemy", "openpyxl"} <= names


def test_the_help_menu_opens_about(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(about, "show_about", lambda parent, runner, settings, role: shown.append(role))
    help_menu = [a.menu() for a in window.menuBar().actions() if a.menu() is not None][-1]
    help_menu.actions()[-1].trigger()
    assert len(shown) == 1
    assert "关于" in help_menu.actions()[-1].text()
