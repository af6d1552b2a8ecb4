"""``--screenshots DIR``: every page rendered to ``DIR/<page name>.png``.

Each page may say who should be scoring for its picture (``reviewer_level``:
``"district"`` for 3-2, ``"city"`` for 4-3); the rest are shown as the office.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from .main_window import MainWindow

SIZES = {"1366x768": (1366, 768), "1920x1080": (1920, 1080)}


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        return int(width), int(height)
    except ValueError:
        raise ValueError(f"size {text!r} is not WIDTHxHEIGHT, e.g. 1366x768") from None


def render_all(window: MainWindow, directory: Path, size: tuple[int, int] = (1366, 768),
               suffix: str = "") -> list[Path]:
    """Show each page in turn and save what the window looks like."""
    directory.mkdir(parents=True, exist_ok=True)
    window.resize(*size)
    window.show()
    written = []
    for name in window.page_names():
        holder = window.holders[name]
        window.tabs.setCurrentWidget(holder)
        page = holder.ensure()
        window.choose_reviewer(getattr(page, "reviewer_level", None))
        window.show_page(name)
        for _ in range(3):
            QApplication.processEvents()
        path = directory / f"{name}{suffix}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"cannot write {path}")
        written.append(path)
    return written
