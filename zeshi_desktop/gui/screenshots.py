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
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from .main_window import MainWindow

SIZES = {"1366x768": (1366, 768), "1920x1080": (1920, 1080)}


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        return int(width), int(height)
    except ValueError:
        raise ValueError(f"size {text!r} is not WIDTHxHEIGHT, e.g. 1366x768") from None


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _save(window: QWidget, path: Path) -> Path:
    _settle()
    if not window.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    return path


def render_all(window: MainWindow, directory: Path, size: tuple[int, int] = (1366, 768),
               suffix: str = "", names: Collection[str] | None = None) -> list[Path]:
    """Show each page (or those in ``names``), and each further tab of it, and save what the window looks like."""
    directory.mkdir(parents=True, exist_ok=True)
    window.resize(*size)
    window.show()
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
    window.resize(*size)
    window.show()
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
