"""The first window fits the screen at any scaling; size and splitters are remembered per screen.

The screen is set by the offscreen platform's configuration file
(``offscreen:configfile=…``, Qt's own option), and the scale factor by
``QT_SCALE_FACTOR``: both act only when Qt starts, hence a subprocess each.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, Qt

from zeshi_desktop.gui.main_window import MainWindow
from zeshi_desktop.gui.shell import geometry

ROOT = Path(__file__).resolve().parents[3]

SHOW = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from zeshi_desktop.app import Shell
from zeshi_desktop.store.database import Database
shell = Shell(app, QSettings(sys.argv[2], QSettings.Format.IniFormat))
shell.db = Database.open(Path(sys.argv[1]))
shell.build()
for _ in range(10):
    app.processEvents()
w = shell.window
frame, inner, available = w.frameGeometry(), w.geometry(), w.screen().availableGeometry()
print(json.dumps({"frame": frame.getRect(), "inner": inner.getRect(), "available": available.getRect(),
                  "maximized": w.isMaximized(), "screen": w.screen().name(),
                  "minimum": [w.minimumSizeHint().width(), w.minimumSizeHint().height()]}))
w.close()
shell.db.dispose()
"""


def show(tmp_path: Path, db_path: Path, width: int, height: int, scale: str = "1") -> dict:
    screens = tmp_path / f"screens-{width}x{height}.json"
    screens.write_text(json.dumps({"screens": [{"name": "meeting", "x": 0, "y": 0, "width": width,
                                                "height": height, "logicalDpi": 96}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens}", QT_SCALE_FACTOR=scale,
               PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", SHOW, str(db_path), str(tmp_path / "settings.ini")],
                          check=False, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def inside(shown: dict) -> bool:
    return QRect(*shown["available"]).contains(QRect(*shown["frame"]))


@pytest.mark.parametrize(("width", "height", "scale", "logical"), [
    (1280, 720, "1", (1280, 720)),
    (1366, 768, "1", (1366, 768)),
    (1920, 1080, "1.5", (1280, 720)),   # a laptop at 150 %: 1280x720 in Qt's logical pixels
])
def test_the_first_window_fits_the_available_screen(tmp_path, demo_db, width, height, scale, logical):
    path = demo_db.path
    demo_db.dispose()
    first = show(tmp_path, path, width, height, scale)
    assert QRect(*first["available"]).size() == QSize(*logical)
    assert inside(first), first
    assert first["maximized"]   # the default 1366x768 and its frame do not fit: the window manager's maximum
    again = show(tmp_path, path, width, height, scale)   # reopened: as it was left, still inside
    assert inside(again) and again["inner"] == first["inner"]


def test_a_large_screen_gets_the_default_size_centred(tmp_path, demo_db):
    path = demo_db.path
    demo_db.dispose()
    shown = show(tmp_path, path, 2560, 1440)
    assert not shown["maximized"] and inside(shown)
    x, _y, w, h = shown["inner"]
    assert (w, h) == (1366, 768)
    assert abs((x + w / 2) - 1280) <= 2   # centred


def test_a_geometry_remembered_larger_than_the_screen_is_brought_inside(qtbot, demo_db, settings_path):
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    first = MainWindow(demo_db, settings)
    qtbot.addWidget(first)
    available = geometry.screen_for(first).availableGeometry()
    first.setGeometry(available.x() - 300, available.y() - 200, available.width() + 900, available.height() + 700)
    first.save_settings()
    first.close()
    second = MainWindow(demo_db, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    second.show_fitted()
    qtbot.waitExposed(second)
    screen = second.screen().availableGeometry()
    assert screen.contains(second.frameGeometry()) or second.isMaximized()
    assert second.width() <= screen.width() and second.height() <= screen.height()


def test_size_and_splitter_are_kept_per_screen(qtbot, demo_db, settings_path):
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(demo_db, settings)
    qtbot.addWidget(window)
    window.show_fitted()
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(700, 500)
    window.splitter.setSizes([123, 500])
    window.save_settings()
    key = geometry.screen_key(window.screen())
    assert key.endswith(f"_{window.screen().geometry().width()}x{window.screen().geometry().height()}")
    assert settings.value(f"window/{key}/geometry") is not None
    assert settings.value(f"window/{key}/splitter") is not None
    assert settings.value("window/other-screen_3840x2160/geometry") is None
    again = MainWindow(demo_db, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    again.show_fitted()
    assert again.size() == QSize(700, 500)
    assert again.splitter.sizes()[0] == window.splitter.sizes()[0]


def test_fit_and_keep_inside_by_the_numbers(qtbot, demo_db, settings_path):
    window = MainWindow(demo_db, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    big = QRect(0, 0, 2560, 1400)
    geometry.fit(window, big)
    assert window.size() == geometry.DEFAULT and not window.windowState() & Qt.WindowState.WindowMaximized
    small = QRect(0, 40, 1280, 680)   # a taskbar of 40 px on top
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    window.move(-50, 0)
    geometry.keep_inside(window, small)
    assert window.width() <= small.width() - geometry.FRAME.width() + 1
    assert window.y() >= small.y()
