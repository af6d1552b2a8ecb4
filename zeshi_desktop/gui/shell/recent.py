"""文件 → 最近打开: the databases opened lately, newest first, one click to switch.

A clerk keeps the demo, this year's store and a copy received from a
district; the list lives in the settings (``recent/databases``), the newest
first, at most :data:`KEEP`. A file that has gone is shown greyed out with
why, not silently dropped, so that a moved USB stick is understood.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu, QWidget

from ..i18n import tr

KEY = "recent/databases"
KEEP = 8


def recent(settings: QSettings) -> list[Path]:
    value = settings.value(KEY) or []
    if isinstance(value, str):   # QSettings gives a one-item list back as a string
        value = [value]
    return [Path(str(v)) for v in value if str(v)]


def remember(settings: QSettings, path: Path | None) -> None:
    """Put ``path`` first (an in-memory store, ``None``, is not remembered)."""
    if path is None:
        return
    path = Path(path).resolve()
    paths = [path] + [p for p in recent(settings) if p != path]
    settings.setValue(KEY, [str(p) for p in paths[:KEEP]])


class RecentMenu(QMenu):
    """The submenu, rebuilt each time it opens (the files may have moved since)."""

    def __init__(self, settings: QSettings, current: Path | None, open_path: Callable[[str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("最近打开"), parent)
        self.setObjectName("recent")
        self.settings, self.open_path = settings, open_path
        self.current = Path(current).resolve() if current is not None else None
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        others = [p for p in recent(self.settings) if p != self.current]
        for number, path in enumerate(others, start=1):
            text = f"&{number}  {path.name}  —  {path.parent}"
            made = self.addAction(text)
            if path.is_file():
                made.triggered.connect(lambda _checked=False, p=path: self.open_path(str(p)))
            else:
                made.setEnabled(False)
                made.setText(text + "  " + tr("（找不到文件）"))
        if not others:
            self.addAction(tr("（没有）")).setEnabled(False)
            return
        self.addSeparator()
        self.addAction(tr("清除列表")).triggered.connect(self._forget)

    def _forget(self) -> None:
        self.settings.setValue(KEY, [str(self.current)] if self.current is not None else [])
        self.rebuild()
