"""The fair-panel screens for ``--screenshots`` (``gui.screenshots.SCREENS``): built, never shown modally.

``recusals``: the 回避 dialog of the window's district (the demo's suggested
conflicts); ``second-entry``: 复核录入 on the 3-1 sheet the window shows.
Nothing is written: the second entry is the form as its typist first sees it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from zeshi_desktop.services import roster

from ..sheet_access import SheetKey


def _year_and_district(window: Any) -> tuple[int, int | None]:
    selection = window.selection
    district = selection.district_id
    if district is None:
        found = window.runner.read(roster.districts)
        district = found[0].id if found else None
    return selection.year, district


def recusal_screen(window: Any) -> QWidget:
    from .recusals import RecusalDialog

    year, district = _year_and_district(window)
    return RecusalDialog(window.runner, year, district, parent=window)


def second_entry_screen(window: Any) -> QWidget:
    from .second_entry import SecondEntryDialog

    year, district = _year_and_district(window)
    apps = window.runner.read(lambda s: roster.appointments(s, year, district))
    first = apps[0]
    key = SheetKey("3-1", year, appointment_id=first.id)
    return SecondEntryDialog(window.runner, key, f"{first.district} {first.unit} — {first.planner}", parent=window)
