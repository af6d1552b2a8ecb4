"""--screenshots: the new screens, the English and 1280x720 series; every page usable on a 1280x720 screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QScrollArea

from zeshi_desktop.gui import i18n, screenshots
from zeshi_desktop.gui.main_window import MainWindow
from zeshi_desktop.gui.shell import geometry


def test_help_and_presentation_are_pictured_and_the_window_put_back(qtbot, window, tmp_path):
    written = screenshots.render_screens(window, tmp_path, (1366, 768))
    names = {p.stem for p in written}
    assert {"help", "presentation"} <= names
    assert QImage(str(tmp_path / "presentation.png")).size().toTuple() == (1366, 768)
    assert not window.presentation.active and window.menuBar().isVisible() and window.zoom.factor == 1.0


def test_the_series_are_made_in_the_language_english_and_at_1280x720(qtbot, demo_db, tmp_path, monkeypatch):
    made: list[tuple[Path, str, tuple[int, int]]] = []

    def record(window, folder, size):  # type: ignore[no-untyped-def]
        made.append((folder, i18n.lang(), size))
        assert window.tabs.tabText(0) == ("3-1 Office review" if i18n.lang() == "en" else "3-1 街乡镇评审")
        return []
    monkeypatch.setattr(screenshots, "render_everything", record)
    count = iter(range(5))

    def make() -> MainWindow:
        window = MainWindow(demo_db, QSettings(str(tmp_path / f"s{next(count)}.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        return window
    screenshots.render_sets(make, tmp_path / "shots", (1366, 768), "zh")
    assert made == [(tmp_path / "shots", "zh", (1366, 768)), (tmp_path / "shots" / "en", "en", (1366, 768)),
                    (tmp_path / "shots" / "1280x720", "zh", (1280, 720))]
    assert i18n.lang() == "zh"


def test_every_page_fits_a_1280x720_screen_in_both_languages(qtbot, demo_db, settings_path, qapp):
    room = (1280 - geometry.FRAME.width(), 720 - geometry.FRAME.height())   # maximised under a title bar
    for language in ("zh", "en"):
        i18n.install_language(qapp, language)
        window = MainWindow(demo_db, QSettings(str(settings_path), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.resize(*room)
        window.show()
        for name in window.page_names():
            window.choose_reviewer(getattr(window.holders[name].ensure(), "reviewer_level", None))
            window.show_page(name)
            qtbot.wait(1)
            hint = window.minimumSizeHint()
            assert hint.width() <= room[0] and hint.height() <= room[1], (language, name, hint)
            assert window.size().toTuple() == room, (language, name)
            scroll = window.holders[name].findChild(QScrollArea, "page-scroll")
            page = window.holders[name].page.minimumSizeHint()
            viewport = scroll.maximumViewportSize()
            assert page.width() <= viewport.width() and page.height() <= viewport.height(), (language, name, page)
        bar = window.tabs.tabBar()
        assert window.tabs.usesScrollButtons() and bar.count() == len(window.page_names())
        window.close()


def test_a_written_1280x720_picture_is_1280x720(qtbot, window, tmp_path):
    written = screenshots.render_all(window, tmp_path, screenshots.SMALL, names=["sheet-3-2"])
    assert QImage(str(written[0])).size().toTuple() == screenshots.SMALL
