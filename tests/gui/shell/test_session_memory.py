"""After a crash the window opens on the same page, node and reviewer; recent databases; a steady status line."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QSettings

from zeshi_desktop.gui.main_window import MainWindow
from zeshi_desktop.gui.shell import recent, server_dialog


def test_page_node_and_reviewer_survive_a_crash(qtbot, window, demo_db, settings_path):
    window.show_page("sheet-3-2")
    planners = window.tree.visible_nodes("appointment")
    window.tree.setCurrentItem(planners[2])
    assert window.choose_reviewer("district")
    chosen = window.selection
    assert chosen.reviewer_id is not None
    # no closeEvent, no save_settings: a second process reads the file as the crash left it
    after = MainWindow(demo_db, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(after)
    assert after.tabs.currentWidget().objectName() == "sheet-3-2"
    assert after.selection.appointment_id == chosen.appointment_id
    assert after.selection.reviewer_id == chosen.reviewer_id
    assert after.reviewer_box.currentData() == chosen.reviewer_id


def test_recent_databases_are_listed_newest_first_and_open_on_click(qtbot, demo_db, settings_path, tmp_path):
    other = tmp_path / "district.sqlite3"
    shutil.copy(demo_db.path, other)
    gone = tmp_path / "usb" / "gone.sqlite3"
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    recent.remember(settings, gone)
    recent.remember(settings, other)
    window = MainWindow(demo_db, settings)
    qtbot.addWidget(window)
    assert recent.recent(settings)[:3] == [demo_db.path.resolve(), other.resolve(), gone.resolve()]
    menu = window.recent_menu
    menu.rebuild()
    entries = [a for a in menu.actions() if not a.isSeparator()]
    assert other.name in entries[0].text() and entries[0].isEnabled()
    assert gone.name in entries[1].text() and not entries[1].isEnabled()   # moved away: shown, greyed
    assert all(str(demo_db.path.name) not in a.text() for a in entries)     # the open one is not offered
    with qtbot.waitSignal(window.database_requested) as asked:
        entries[0].trigger()
    assert asked.args == [str(other.resolve())]
    for _ in range(20):
        recent.remember(settings, tmp_path / f"{_}.sqlite3")
    assert len(recent.recent(settings)) == recent.KEEP


def test_a_server_is_remembered_without_its_password_and_asks_for_it_again(qtbot, demo_db, settings_path,
                                                                          monkeypatch):
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    recent.remember(settings, "postgresql+psycopg://wang_li:s3cret@review-server:5433/zeshi_2025")
    window = MainWindow(demo_db, settings)
    qtbot.addWidget(window)
    assert recent.recent(settings)[1] == "postgresql+psycopg://wang_li@review-server:5433/zeshi_2025"
    assert "s3cret" not in str(settings.value(recent.KEY))
    menu = window.recent_menu
    menu.rebuild()
    [entry] = [a for a in menu.actions() if "review-server" in a.text()]
    assert entry.text() == "&1  服务器：postgresql+psycopg://wang_li@review-server:5433/zeshi_2025"
    filled: list[server_dialog.ServerDialog] = []

    def answer(dialog: server_dialog.ServerDialog) -> int:   # the person types the password and connects
        filled.append(dialog)
        dialog.password.setText("s3cret")
        return server_dialog.QDialog.DialogCode.Accepted

    monkeypatch.setattr(server_dialog.ServerDialog, "exec", answer)
    with qtbot.waitSignal(window.database_requested) as asked:
        entry.trigger()
    [dialog] = filled
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text(), dialog.user.text()) == (
        "review-server", 5433, "zeshi_2025", "wang_li")
    assert asked.args == ["postgresql+psycopg://wang_li:s3cret@review-server:5433/zeshi_2025"]
    socket = server_dialog.ServerDialog()
    qtbot.addWidget(socket)
    socket.fill_from("postgresql+psycopg://zeshi@/zeshi?host=%2Fvar%2Frun%2Fpostgresql")   # a Unix socket folder
    assert (socket.host.text(), socket.port.value(), socket.user.text()) == ("/var/run/postgresql", 5432, "zeshi")


def test_the_status_line_keeps_its_height_and_the_page_does_not_move(qtbot, window):
    window.show_page("sheet-3-1")
    bar = window.statusBar()
    height, page_area = bar.height(), window.tabs.geometry()
    bar.showMessage("已保存 — saved, a long message " * 4)
    qtbot.wait(10)
    assert bar.height() == height and window.tabs.geometry() == page_area
    bar.clearMessage()
    qtbot.wait(10)
    assert bar.height() == height and window.tabs.geometry() == page_area
