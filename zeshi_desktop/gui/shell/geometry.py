"""The window's size: it fits the screen it opens on, at any scaling, and is remembered per screen.

Qt works in logical pixels, so a 1920x1080 screen at 150 % scaling is a
1280x720 screen here, and ``availableGeometry`` leaves out the taskbars. A
window that would not fit at its default size opens maximised (the window
manager then keeps the title bar and the taskbar in view); one that fits is
centred. Size and splitters are remembered under a key naming the screen and
its size, so that the laptop's screen and the meeting room's projector each
keep their own arrangement; a remembered geometry that no longer fits is
brought back inside the screen.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow, QSplitter

DEFAULT = QSize(1366, 768)      # the size the pages are drawn for
FRAME = QSize(16, 48)           # room for the borders and title bar a window manager adds (unknown before shown)


def screen_for(window: QMainWindow) -> QScreen:
    """The screen the window is on, or (before it is shown) the one under the mouse, else the primary one."""
    if window.isVisible() and window.screen() is not None:
        return window.screen()
    return QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()


def screen_key(screen: QScreen) -> str:
    """A settings key for this screen: its name and logical size ("HDMI-1_1920x1080")."""
    size = screen.geometry().size()
    name = re.sub(r"[^0-9A-Za-z_.-]+", "-", screen.name() or "screen").strip("-") or "screen"
    return f"{name}_{size.width()}x{size.height()}"


def fits(size: QSize, available: QRect) -> bool:
    return size.width() + FRAME.width() <= available.width() and size.height() + FRAME.height() <= available.height()


def fit(window: QMainWindow, available: QRect) -> None:
    """The first window on a screen: the default size centred when it fits with its frame, else maximised."""
    size = DEFAULT if fits(DEFAULT, available) else available.size() - FRAME
    size = size.expandedTo(window.minimumSizeHint()).boundedTo(available.size())
    window.resize(size)
    frame = QRect(0, 0, size.width(), size.height())
    frame.moveCenter(available.center())
    window.move(frame.topLeft().x(), max(frame.top(), available.top()))
    if not fits(DEFAULT, available):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def keep_inside(window: QMainWindow, available: QRect) -> None:
    """A restored normal geometry that no longer fits (taller taskbar, other scaling) is made to fit."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return
    room = available.size() - FRAME
    if window.width() > room.width() or window.height() > room.height():
        fit(window, available)
        return
    x = min(max(window.x(), available.left()), available.right() - window.width() - FRAME.width())
    y = min(max(window.y(), available.top()), available.bottom() - window.height() - FRAME.height())
    window.move(max(x, available.left()), max(y, available.top()))


def restore(window: QMainWindow, settings: QSettings) -> None:
    """The geometry as last left on this screen, brought inside it; else a fresh fit."""
    screen = screen_for(window)
    geometry = settings.value(f"window/{screen_key(screen)}/geometry")
    if isinstance(geometry, QByteArray) and window.restoreGeometry(geometry):
        keep_inside(window, screen.availableGeometry())
    else:
        fit(window, screen.availableGeometry())


def restore_splitters(window: QMainWindow, settings: QSettings, splitters: dict[str, QSplitter]) -> None:
    """Each splitter as last left on this screen (a new screen starts from the window's defaults)."""
    key = screen_key(screen_for(window))
    for name, splitter in splitters.items():
        state = settings.value(f"window/{key}/{name}")
        if isinstance(state, QByteArray):
            splitter.restoreState(state)


def save(window: QMainWindow, settings: QSettings, splitters: dict[str, QSplitter]) -> None:
    """Geometry and splitters under this screen's key (a presentation's full screen is not kept)."""
    key = screen_key(screen_for(window))
    if not window.isFullScreen():
        settings.setValue(f"window/{key}/geometry", window.saveGeometry())
    for name, splitter in splitters.items():
        settings.setValue(f"window/{key}/{name}", splitter.saveState())
