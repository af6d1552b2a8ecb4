"""``--screenshots DIR``: every page rendered to ``DIR/<page name>.png``, the one way pictures are made.

Each page may say who should be scoring for its picture (``reviewer_level``:
``"district"`` for 3-2, ``"city"`` for 4-3); the rest are shown as the office.
A page with further tabs (the dashboards, ``PageSpec.extra_tabs``) also
saves each of them as ``DIR/<page name><tab suffix>.png``, so the docs can
show every chart.

:func:`render_safekeeping` adds what is not a page: an office sheet seen by
a reviewer (``role-reviewer.png``, read-only with its reason), the dialogs of
文件 → 检查数据 and 恢复… (``file-check.png``, ``file-restore.png``), and, when
the store was found damaged at open, the window under its banner
(``read-only.png``).

:data:`SCREENS` lists the other screens worth a picture (help, presentation
mode, the desk's dialogs): one line each, a name and what to photograph.
:func:`render_sets` makes the whole series three times: in the chosen
language at the chosen size into ``DIR``, in English into ``DIR/en/``, and on
a 1280x720 screen into ``DIR/1280x720/``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from . import i18n
from .main_window import MainWindow

SIZES = {"1366x768": (1366, 768), "1920x1080": (1920, 1080)}
SMALL = (1280, 720)   # the smallest screen everything must be reachable on


@dataclass(frozen=True)
class Screen:
    """A picture of what is not a page: ``build`` returns what to photograph.

    A dialog it returns is closed after the picture; when it returns the
    window itself (put in some state), ``undo`` puts the window back.
    """

    name: str
    build: Callable[[MainWindow], QWidget]
    undo: Callable[[MainWindow], None] | None = None


def _help(window: MainWindow) -> QWidget:
    from .shell.help import HelpDialog
    return HelpDialog(window)


def _presentation(window: MainWindow) -> QWidget:
    """The district's ranking as the projector shows it (full screen is the window's size here)."""
    window.choose_reviewer(None)
    window.show_page("sheet-3-3")
    window.presentation.enter(full_screen=False)
    return window


SCREENS: list[Screen] = [
    Screen("help", _help),
    Screen("presentation", _presentation, lambda window: window.presentation.leave()),
    # one line per further screen, e.g. Screen("welcome", lambda w: desk_module.WelcomeDialog(w.runner, w)),
    Screen("welcome", lambda w: _desk().welcome(w), lambda w: _desk().leave_welcome(w)),
    Screen("backup", lambda w: _desk().backup(w)),
    Screen("roster-import", lambda w: _desk().roster_import(w)),
    Screen("recusals", lambda w: _fairness().recusal_screen(w)),
    Screen("second-entry", lambda w: _fairness().second_entry_screen(w)),
]


def _fairness():  # type: ignore[no-untyped-def]
    from .fairness import screens  # 回避 and 复核录入
    return screens


def _desk():  # type: ignore[no-untyped-def]
    from .desk import screens  # the clerk's desk: welcome, backup, roster preview
    return screens


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        return int(width), int(height)
    except ValueError:
        raise ValueError(f"size {text!r} is not WIDTHxHEIGHT, e.g. 1366x768") from None


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _size(window: MainWindow, size: tuple[int, int]) -> None:
    """The window at exactly ``size`` (not maximised to the virtual screen, whatever its size)."""
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*size)
    window.show()


def _save(window: QWidget, path: Path) -> Path:
    _settle()
    if not window.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    return path


def render_all(window: MainWindow, directory: Path, size: tuple[int, int] = (1366, 768),
               suffix: str = "", names: Collection[str] | None = None) -> list[Path]:
    """Show each page (or those in ``names``), and each further tab of it, and save what the window looks like."""
    directory.mkdir(parents=True, exist_ok=True)
    _size(window, size)
    written = []
    for name in window.page_names():
        if names is not None and name not in names:
            continue
        holder = window.holders[name]
        window.tabs.setCurrentWidget(holder)
        page = holder.ensure()
        window.choose_reviewer(getattr(page, "reviewer_level", None))
        window.show_page(name)
        written.append(_save(window, directory / f"{name}{suffix}.png"))
        extra = holder.spec.extra_tabs
        tabs = getattr(page, "tabs", None)   # a dashboard's own tab bar
        if not extra or not isinstance(tabs, QTabWidget):
            continue
        for index, tab_suffix in enumerate(extra, start=1):
            if index < tabs.count():
                tabs.setCurrentIndex(index)
                written.append(_save(window, directory / f"{name}{tab_suffix}{suffix}.png"))
        tabs.setCurrentIndex(0)
    return written


def _save_dialog(dialog: QDialog, path: Path) -> Path:
    dialog.show()
    try:
        return _save(dialog, path)
    finally:
        dialog.close()


def render_safekeeping(window: MainWindow, directory: Path, size: tuple[int, int] = (1366, 768),
                       suffix: str = "") -> list[Path]:
    """The role on screen, the check and restore dialogs, and the damaged-store banner when there is one."""
    from zeshi_desktop.services.store_check import check_store

    from .store_dialogs import CheckDialog, RestoreDialog
    directory.mkdir(parents=True, exist_ok=True)
    _size(window, size)
    written = []
    if window.banner is not None:
        window.show_page(window.page_names()[0])
        written.append(_save(window, directory / f"read-only{suffix}.png"))
    window.show_page("sheet-3-1")
    if window.choose_reviewer("district"):
        window.show_page("sheet-3-1")
        written.append(_save(window, directory / f"role-reviewer{suffix}.png"))
        window.choose_reviewer(None)
    path = window.db.path
    if path is not None:
        written.append(_save_dialog(CheckDialog(check_store(path), window), directory / f"file-check{suffix}.png"))
        written.append(_save_dialog(RestoreDialog(path, window), directory / f"file-restore{suffix}.png"))
    return written


def render_screens(window: MainWindow, directory: Path, size: tuple[int, int] = (1366, 768),
                   suffix: str = "", names: Collection[str] | None = None) -> list[Path]:
    """Each of :data:`SCREENS` (or those in ``names``) as ``DIR/<name>.png``."""
    directory.mkdir(parents=True, exist_ok=True)
    _size(window, size)
    written = []
    for screen in SCREENS:
        if names is not None and screen.name not in names:
            continue
        shown = screen.build(window)
        if shown is window:
            try:
                written.append(_save(window, directory / f"{screen.name}{suffix}.png"))
            finally:
                if screen.undo is not None:
                    screen.undo(window)
        else:
            written.append(_save_dialog(shown, directory / f"{screen.name}{suffix}.png"))  # type: ignore[arg-type]
            shown.deleteLater()
    return written


def render_everything(window: MainWindow, directory: Path, size: tuple[int, int]) -> list[Path]:
    """Every page and tab, the safekeeping screens and :data:`SCREENS`, into ``directory``."""
    return (render_all(window, directory, size) + render_safekeeping(window, directory, size)
            + render_screens(window, directory, size))


def render_sets(make_window: Callable[[], MainWindow], directory: Path, size: tuple[int, int],
                language: str) -> list[Path]:
    """The series in ``language`` at ``size`` (``DIR``), in English (``DIR/en``) and at 1280x720 (``DIR/1280x720``).

    Each series gets a window of its own, built after its language is
    installed (a window's texts are translated when it is built).
    """
    app = QApplication.instance()
    sets = ((directory, language, size), (directory / "en", "en", size),
            (directory / f"{SMALL[0]}x{SMALL[1]}", language, SMALL))
    written: list[Path] = []
    try:
        for folder, code, dimensions in sets:
            i18n.install_language(app, code)   # type: ignore[arg-type]
            window = make_window()
            try:
                written += render_everything(window, folder, dimensions)
            finally:
                window.close()
                window.deleteLater()
    finally:
        i18n.install_language(app, language)   # type: ignore[arg-type]
    return written
