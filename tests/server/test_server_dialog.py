"""文件 → 连接服务器…: the dialog's address, the menu entry, and the app switching to a store on a server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy.engine import make_url

from tests.server.backends import Server
from zeshi_desktop import app
from zeshi_desktop.gui import dialogs
from zeshi_desktop.gui.main_window import MainWindow
from zeshi_desktop.gui.shell import recent, server_dialog
from zeshi_desktop.store.database import Database


def test_the_dialog_makes_the_address_and_wants_server_database_and_user(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = server_dialog.ServerDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.database.text() == "zeshi" and dialog.port.value() == 5432 and not ok.isEnabled()
    dialog.host.setText("review-server")
    dialog.user.setText("wang_li")
    assert ok.isEnabled()
    assert dialog.address() == "postgresql+psycopg://wang_li@review-server:5432/zeshi"
    dialog.password.setText("p@ss word")
    typed = make_url(dialog.address())
    assert (typed.password, typed.host, typed.database) == ("p@ss word", "review-server", "zeshi")
    dialog.host.setText("/var/run/postgresql")   # a folder: the server's Unix socket on this machine
    assert dialog.address().endswith("/zeshi?host=%2Fvar%2Frun%2Fpostgresql")


def test_the_file_menu_asks_the_application_to_open_the_server(qtbot, demo_db: Database, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(demo_db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    [entry] = [a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "连接服务器…"]
    asked: list[str] = []
    window.database_requested.connect(asked.append)
    monkeypatch.setattr(server_dialog, "ask", lambda parent, known="": None)   # cancelled: nothing asked
    entry.trigger()
    monkeypatch.setattr(server_dialog, "ask", lambda parent, known="": "postgresql+psycopg://wang_li@review-server/zeshi")
    entry.trigger()
    assert asked == ["postgresql+psycopg://wang_li@review-server/zeshi"]
    seen: list[str] = []
    recent.remember(window.settings, "postgresql+psycopg://wang_li@review-server/zeshi")
    monkeypatch.setattr(server_dialog, "ask", lambda parent, known="": seen.append(known))
    entry.trigger()   # the dialog starts from the server opened last
    assert seen == ["postgresql+psycopg://wang_li@review-server/zeshi"]


def test_the_app_switches_to_a_store_on_the_server_and_back_when_it_cannot(
        qapp, server: Server, _demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    said: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text: said.append(text))
    store = Path(shutil.copy(_demo_template, tmp_path / "laptop.sqlite3"))
    shell = app.Shell(qapp, QSettings(str(tmp_path / "shell.ini"), QSettings.Format.IniFormat))
    shell.db, shell.opened = app.open_checked(store, demo=False)
    try:
        assert shell.start()
        with server.copy("demo") as on_server:
            secret = on_server.url.replace("zeshi@", "zeshi:s3cret@")   # the test cluster trusts its socket
            assert shell.switch_database(secret), said
            assert shell.db.is_server and shell.window is not None
            title = shell.window.windowTitle()
            assert "postgresql+psycopg://zeshi@" in title and "s3cret" not in title
            assert not shell.switch_database(secret.replace(on_server.engine.url.database or "", "no_such_db"))
            assert "no_such_db" in said[-1] and "s3cret" not in said[-1] and shell.db.is_server
            shell.window.close()
            shell.db.dispose()
            shell.db = None
    finally:
        if shell.window is not None:
            shell.window.close()
        if shell.db is not None:
            shell.db.dispose()
