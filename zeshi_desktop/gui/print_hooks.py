"""The bridge to ``zeshi_desktop.gui.printing`` (written separately), imported lazily.

The printing helper provides ``open_print(parent, db, request)`` (preview and
print a PDF of what ``request`` names) and ``open_verify(parent, db)`` (check a
printed sheet). Until that module exists the menu entries say so instead of
failing.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from PySide6.QtWidgets import QWidget

from zeshi_desktop.store.database import Database

from . import dialogs
from .i18n import tr


@dataclass(frozen=True)
class PrintRequest:
    """What to print: the view's form and subject; ``sheet_id`` when one sheet is meant."""

    view_name: str
    form_id: str | None
    year: int
    sheet_id: int | None = None
    district_id: int | None = None
    appointment_id: int | None = None
    reviewer_id: int | None = None


def _printing() -> ModuleType | None:
    try:
        return importlib.import_module("zeshi_desktop.gui.printing")
    except ModuleNotFoundError as error:
        if error.name != "zeshi_desktop.gui.printing":
            raise
        return None


def available() -> bool:
    return _printing() is not None


def open_print(parent: QWidget, db: Database, request: PrintRequest) -> None:
    module = _printing()
    if module is None or not hasattr(module, "open_print"):
        dialogs.show_info(parent, tr("打印模块尚未安装。"))
        return
    module.open_print(parent, db, request)


def open_verify(parent: QWidget, db: Database) -> None:
    module = _printing()
    if module is None or not hasattr(module, "open_verify"):
        dialogs.show_info(parent, tr("打印模块尚未安装。"))
        return
    module.open_verify(parent, db)
