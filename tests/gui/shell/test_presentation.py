"""F11 for the projector: chrome aside, large type (the dashboards' own fonts and charts too), Esc back exactly."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableView

from zeshi_desktop.gui.shell import zoom as zoom_module
from zeshi_desktop.gui.shell.presentation import PRESENTATION_ZOOM


def active(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Keys reach a window's shortcuts only while it is the active one."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def sizes(page):  # type: ignore[no-untyped-def]
    """Every font size a page set itself, and its tables' row heights and chart titles."""
    labels = [w.font().pointSizeF() for w in page.findChildren(QLabel)
              if w.testAttribute(Qt.WidgetAttribute.WA_SetFont) and not w.property(zoom_module.FOLLOWS)]
    rows = [t.verticalHeader().defaultSectionSize() for t in page.findChildren(QTableView)]
    charts = [c.chart().titleFont().pointSizeF() for c in page.findChildren(QChartView)]
    return labels, rows, charts


def test_f11_presents_the_dashboard_large_and_esc_restores_it(qtbot, window, settings_path):
    page = window.show_page("district-dashboard")
    before = sizes(page)
    tab_font = window.tabs.font().pointSizeF()
    progress = page.ranking.progress_view   # its first column stretches: the counts' columns are sized by the page
    counts = [progress.columnWidth(c) for c in (1, 2, 3)]
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.presentation.active and window.isFullScreen()
    assert not window.menuBar().isVisible() and not window.tree_panel.isVisible() and not window.chooser.isVisible()
    zoom = window.zoom.factor   # 150 %, or less when the page would not fit the (small) test screen
    assert 1.0 < zoom <= PRESENTATION_ZOOM
    assert window.tabs.font().pointSizeF() == tab_font * zoom
    during = sizes(page)
    for was, now in zip(before, during, strict=True):
        assert now == [pytest.approx(x * zoom, abs=0.51) for x in was]
    assert [progress.columnWidth(c) for c in (1, 2, 3)] == [pytest.approx(w * zoom, abs=1) for w in counts]
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)   # Ctrl+= one step larger
    assert window.zoom.factor > zoom
    larger = window.zoom.factor
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presentation.active and not window.isFullScreen()
    assert window.menuBar().isVisible() and window.tree_panel.isVisible() and window.statusBar().isVisible()
    assert sizes(page) == before and window.zoom.factor == 1.0
    assert [progress.columnWidth(c) for c in (1, 2, 3)] == [pytest.approx(w, abs=2) for w in counts]
    stored = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert float(stored.value("view/presentation_zoom")) == larger   # the next presentation starts there


def test_zoom_outside_presentation_is_remembered_and_ctrl_0_resets(qtbot, make_window, settings_path):
    window = make_window()
    page = window.show_page("sheet-3-3")
    base = window.tabs.font().pointSizeF()
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom.factor == 1.25 and window.tabs.font().pointSizeF() == base * 1.25
    assert page.font().pointSizeF() == base * 1.25   # what inherits the font follows
    window.close()
    again = make_window()
    assert again.zoom.factor == 1.25
    active(qtbot, again)
    qtbot.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.zoom.factor == 1.0 and again.tabs.font().pointSizeF() == base
    qtbot.keyClick(again, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert again.zoom.factor == 0.9


def test_a_page_built_during_the_presentation_is_presented_large_too(qtbot, window):
    window.show_page("sheet-3-1")
    window.presentation.enter(full_screen=False)
    page = window.show_page("city-dashboard")   # first shown now
    qtbot.waitUntil(lambda: all(c.chart().titleFont().pointSizeF() > 12 for c in page.findChildren(QChartView)))
    window.presentation.leave()
    charts = [c.chart() for c in page.findChildren(QChartView)]
    assert all(c.titleFont().pointSizeF() == (12 if c.title() else c.property("zeshi_zoom_base")) for c in charts)


def test_the_presentation_zoom_steps_down_until_the_page_fits_a_narrow_screen(qtbot, window):
    page = window.show_page("roster")
    narrow = page.minimumSizeHint().width() + 60   # room for the page at 100 %, not at 150 %
    window.resize(narrow, 720)
    window.presentation.enter(full_screen=False)
    assert 1.0 <= window.zoom.factor < PRESENTATION_ZOOM
    assert page.minimumSizeHint().width() <= narrow
    window.presentation.leave()
    window.resize(1920, 1080)
    window.presentation.enter(full_screen=False)
    assert window.zoom.factor >= 1.25   # room enough: as large as it was left


def test_styled_labels_and_headings_follow_the_zoom(qtbot, make_window):  # type: ignore[no-untyped-def]
    """A status line coloured by a style sheet, and a questionnaire's section headings, grow with the rest."""
    window = make_window()
    page = window.show_page("sheet-5-1")
    status = page.bar.status
    assert status.styleSheet()   # the finalised demo questionnaire: its status line is styled
    headings = [w for w in page.findChildren(QLabel) if w.font().bold() and w.testAttribute(
        Qt.WidgetAttribute.WA_SetFont) and w is not status]
    assert headings
    body, heads = status.font().pointSizeF(), [h.font().pointSizeF() for h in headings]
    window.zoom.set(1.5)
    assert status.font().pointSizeF() == pytest.approx(body * 1.5)
    assert status.font().bold()   # its style sheet still applies on top of the zoomed font
    assert [h.font().pointSizeF() for h in headings] == [pytest.approx(x * 1.5) for x in heads]
    window.zoom.set(1.0)
    assert status.font().pointSizeF() == pytest.approx(body)
    assert [h.font().pointSizeF() for h in headings] == [pytest.approx(x) for x in heads]


def test_the_hint_hides_itself_on_a_timer_that_dies_with_the_window(qtbot, make_window):  # type: ignore[no-untyped-def]
    """A static single shot would still fire 4 s later, on a window a test (or the person) has closed."""
    window = make_window()
    window.show_page("sheet-3-3")
    window.presentation.enter(full_screen=False)
    hint, timer = window.presentation.hint, window.presentation._hint_timer
    assert hint.isVisible() and timer.isActive() and timer.parent() is hint
    timer.start(10)
    qtbot.waitUntil(lambda: not hint.isVisible())
    window.presentation.leave()
