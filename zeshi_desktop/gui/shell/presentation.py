"""F11: the page alone on the full screen in large type, for the meeting room's projector.

The menu bar, the toolbar, the tree and the status line step aside; the tab
bar stays, so the chair sees which page is shown. Every key still works
(the window holds the actions, not only its hidden menus): Ctrl+1…9 for a
page, Alt+↓ / Alt+↑ for the next / previous planner, Ctrl+= / Ctrl+− to zoom,
F11 or Esc to leave. The presentation's zoom and the everyday zoom are
remembered apart (``view/presentation_zoom``, ``view/zoom``).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QWidget

from ..i18n import tr
from .shortcuts import action
from .zoom import Zoom

PRESENTATION_ZOOM = 1.5   # the first time: 12 pt dashboards become 18 pt, readable from the back of the room
FIT_MARGIN = 24           # px for the page's own margins and a scroll bar
HINT_STYLE = "background: rgba(0, 0, 0, 170); color: white; padding: 6px 12px; border-radius: 4px;"


def _float(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


class Presentation(QObject):
    """Presentation mode and the zoom of one main window."""

    toggled = Signal(bool)

    def __init__(self, window: QMainWindow, zoom: Zoom, settings: QSettings, aside: list[QWidget]) -> None:
        super().__init__(window)
        self.window, self.zoom, self.settings = window, zoom, settings
        self.aside = aside            # what steps aside: toolbar, tree panel (menu and status bars too)
        self.active = False
        self._full_screen = False
        self._was_maximized = False
        self._hidden: list[QWidget] = []
        self.hint = QLabel(tr("演示模式：F11 或 Esc 退出，Ctrl+= / Ctrl+− 缩放"), window)
        self.hint.setObjectName("presentation-hint")
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.hide()
        # a timer of the hint's own: it dies with the window (a static single shot would fire on a closed one)
        self._hint_timer = QTimer(self.hint)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(4000)
        self._hint_timer.timeout.connect(self.hint.hide)
        self.leave_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), window, self.leave)
        self.leave_key.setEnabled(False)
        self.toggle_action: QAction | None = None
        zoom.set(_float(settings.value("view/zoom"), 1.0))

    # ------------------------------------------------------------ menu
    def add_actions(self, menu: QMenu) -> list[QAction]:
        """演示模式 (F11), 放大 (Ctrl+=), 缩小 (Ctrl+−), 原始大小 (Ctrl+0): in ``menu`` and on the window."""
        w = self.window
        made = [action(w, menu, tr("演示模式"), self.toggle, ["F11"]),
                action(w, menu, tr("放大"), lambda: self.step(1), ["Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn]),
                action(w, menu, tr("缩小"), lambda: self.step(-1), ["Ctrl+-", QKeySequence.StandardKey.ZoomOut]),
                action(w, menu, tr("原始大小"), self.reset, ["Ctrl+0"])]
        self.toggle_action = made[0]
        self.toggle_action.setCheckable(True)
        return made

    # ------------------------------------------------------------ mode
    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self, full_screen: bool = True) -> None:
        """Hide all but the pages, zoom to the presentation's size, and fill the screen (``full_screen``)."""
        if self.active:
            return
        self.active = True
        self.settings.setValue("view/zoom", self.zoom.factor)
        window = self.window
        bars: list[QWidget] = [window.menuBar(), window.statusBar(), *self.aside]
        self._hidden = [w for w in bars if not w.isHidden()]
        for widget in self._hidden:
            widget.hide()
        self.zoom.set(_float(self.settings.value("view/presentation_zoom"), PRESENTATION_ZOOM))
        self._fit_width(window.screen().geometry().width() if full_screen else window.width())
        self._full_screen = full_screen
        if full_screen:
            self._was_maximized = window.isMaximized()
            window.showFullScreen()
        self.leave_key.setEnabled(True)
        self._show_hint()
        self._sync(True)

    def _fit_width(self, width: int) -> None:
        """Step the zoom down (not below 100 %) until the page shown is no wider than ``width``.

        A projector at 1280 px, or a laptop at 150 %, has less room than the
        presentation's usual zoom needs; the page should not need scrolling
        sideways. Zooming in afterwards is the chair's choice.
        """
        page = getattr(self.window, "current_page", lambda: None)()

        def too_wide() -> bool:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)   # sizes after the new fonts
            return page is not None and page.minimumSizeHint().width() > width - FIT_MARGIN
        while self.zoom.factor > 1.0 and too_wide():
            self.zoom.step(-1)

    def leave(self) -> None:
        if not self.active:
            return
        self.active = False   # the presentation's zoom was kept when the chair chose it (``_keep``), not a fitted one
        self.zoom.set(_float(self.settings.value("view/zoom"), 1.0))
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if self._full_screen:
            self.window.showMaximized() if self._was_maximized else self.window.showNormal()
        self.leave_key.setEnabled(False)
        self.hint.hide()
        self._sync(False)

    def _sync(self, on: bool) -> None:
        if self.toggle_action is not None:
            self.toggle_action.setChecked(on)
        self.toggled.emit(on)

    def _show_hint(self) -> None:
        self.hint.adjustSize()
        self.hint.move(self.window.width() - self.hint.width() - 16, self.window.height() - self.hint.height() - 16)
        self.hint.raise_()
        self.hint.show()
        self._hint_timer.start()

    # ------------------------------------------------------------ zoom
    def step(self, direction: int) -> None:
        self._keep(self.zoom.step(direction))

    def reset(self) -> None:
        self._keep(self.zoom.set(1.0))

    def _keep(self, factor: float) -> None:
        self.settings.setValue("view/presentation_zoom" if self.active else "view/zoom", factor)
        self.window.statusBar().showMessage(tr("缩放 {0}%").format(round(factor * 100)), 2000)
