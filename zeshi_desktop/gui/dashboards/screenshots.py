"""Rendering every dashboard to PNG without a screen (``--screenshots``, the docs, the tests).

Each view is built on the given database, sized 1366x768 (the meeting-room
projector), and grabbed; the district and city dashboards also save their
other tabs, so the docs can show every chart.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from zeshi_desktop.locations import cjk_font_path
from zeshi_desktop.store.database import Database

SIZE = (1366, 768)
TAB_SUFFIXES = {
    "district-dashboard": ("", "-spread", "-offsets", "-items", "-impact"),
    "city-dashboard": ("", "-circles", "-reviewers"),
    "questionnaire-summary": ("", "-reasons", "-suggestions"),
}


def ensure_app() -> QApplication:
    """The running QApplication, or a new offscreen one; with the CJK font as the application font."""
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    assert isinstance(app, QApplication)
    install_font(app)
    return app


def install_font(app: QApplication) -> str | None:
    """Load the CJK font once and make it the application font, so Chinese never shows as boxes."""
    path = cjk_font_path()
    if path is None or not path.is_file():
        return None
    if app.property("zeshi_dashboard_font"):
        return str(app.property("zeshi_dashboard_font"))
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    app.setFont(QFont(families[0], 10))
    app.setProperty("zeshi_dashboard_font", families[0])
    return families[0]


def grab(widget: QWidget, path: Path) -> Path:
    widget.resize(*SIZE)
    widget.show()
    QCoreApplication.processEvents()
    widget.grab().save(str(path))
    return path


def render_screenshots(db: Database, year: int, out_dir: Path) -> list[Path]:
    """Render each dashboard (``VIEWS``) to ``out_dir/<view name>.png``; returns the files written."""
    from . import VIEWS

    ensure_app()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, _title, factory in VIEWS:
        widget = factory(db, year)
        try:
            tabs = widget.findChild(QTabWidget)
            suffixes = TAB_SUFFIXES.get(name, ("",))
            for index, suffix in enumerate(suffixes):
                if tabs is not None and index < tabs.count():
                    tabs.setCurrentIndex(index)
                elif index:
                    break
                written.append(grab(widget, out / f"{name}{suffix}.png"))
        finally:
            widget.close()
            widget.deleteLater()
    QCoreApplication.processEvents()
    return written
