"""The command: --demo fills a new database, the language menu rebuilds the window in English."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from zeshi_desktop import app
from zeshi_desktop.gui import i18n
from zeshi_desktop.gui.main_window import MainWindow
from zeshi_desktop.services import roster


def _windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_demo_database_is_filled_once_and_language_switch_rebuilds(qtbot, tmp_path, monkeypatch):
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    path = tmp_path / "new-demo.sqlite3"
    seen: dict[str, object] = {}

    def switch() -> None:
        windows = _windows()
        seen["zh"] = windows[0].tabs.tabText(0)
        windows[0].language_requested.emit("en")
        QTimer.singleShot(0, look)

    def look() -> None:
        windows = _windows()
        seen["count"] = len(windows)
        seen["en"] = windows[0].tabs.tabText(0)
        windows[0].close()
        QApplication.instance().quit()

    QTimer.singleShot(0, switch)
    try:
        assert app.main(["--db", str(path), "--demo", "--lang", "zh"]) == 0
    finally:
        i18n.install_language(QApplication.instance(), "zh")
    assert seen == {"zh": "3-1 街乡镇评审", "count": 1, "en": "3-1 Office review"}
    db = app.open_database(path, demo=True)  # a second --demo does not load the year again
    with db.read() as s:
        assert roster.years(s) == [2025]
        assert len(roster.districts(s)) == 4
    db.dispose()
