"""文件 → 最近打开: the databases opened lately, newest first, one click to switch.

A clerk keeps the demo, this year's store and a copy received from a
district; the list lives in the settings (``recent/databases``), the newest
first, at most :data:`KEEP`. A file that has gone is shown greyed out with
why, not silently dropped, so that a moved USB stick is understood. A store
on a server is kept by its address without the password; choosing it opens
连接服务器 filled in, for the password (or 连接 at once with a ``.pgpass``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu, QWidget

from zeshi_desktop.store.addresses import is_url, shown_url

from ..i18n import tr

KEY = "recent/databases"
KEEP = 8

Location = Path | str   # a file, or a server's address (a str, without its password)


def _location(value: str) -> Location:
    return value if is_url(value) else Path(value)


def recent(settings: QSettings) -> list[Location]:
    value = settings.value(KEY) or []
    if isinstance(value, str):   # QSettings gives a one-item list back as a string
        value = [value]
    return [_location(str(v)) for v in value if str(v)]


def _kept(location: Location) -> Location:
    return shown_url(location) if isinstance(location, str) else Path(location).resolve()


def remember(settings: QSettings, location: Location | None) -> None:
    """Put ``location`` first (an in-memory store, ``None``, is not remembered; a server without its password)."""
    if location is None:
        return
    location = _kept(location)
    kept = [location] + [p for p in recent(settings) if p != location]
    settings.setValue(KEY, [str(p) for p in kept[:KEEP]])


class RecentMenu(QMenu):
    """The submenu, rebuilt each time it opens (the files may have moved since)."""

    def __init__(self, settings: QSettings, current: Location | None, open_path: Callable[[str], object],
                 parent: QWidget | None = None, open_server: Callable[[str], object] | None = None) -> None:
        super().__init__(tr("最近打开"), parent)
        self.setObjectName("recent")
        self.settings, self.open_path = settings, open_path
        self.open_server = open_server or open_path
        self.current = _kept(current) if current is not None else None
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        others = [p for p in recent(self.settings) if p != self.current]
        for number, location in enumerate(others, start=1):
            if isinstance(location, str):
                made = self.addAction(f"&{number}  " + tr("服务器：{0}").format(location))
                made.triggered.connect(lambda _checked=False, url=location: self.open_server(url))
                continue
            text = f"&{number}  {location.name}  —  {location.parent}"
            made = self.addAction(text)
            if location.is_file():
                made.triggered.connect(lambda _checked=False, p=location: self.open_path(str(p)))
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
