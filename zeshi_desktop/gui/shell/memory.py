"""What the window remembers of the work: year, node of the tree, who is scoring, page.

Written each time it changes (and synced to disk at once), not only when the
window closes, so that after a crash or a power cut the app opens where the
person was. Kept apart from the geometry, which belongs to a screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from ..selection import Selection


@dataclass(frozen=True)
class Remembered:
    year: int | None = None
    district_id: int | None = None
    unit_id: int | None = None
    appointment_id: int | None = None
    reviewer_id: int | None = None
    page: str = ""


def _int(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _stored(value: int | None) -> int | str:
    return value if value is not None else ""


def recall(settings: QSettings) -> Remembered:
    s = settings
    return Remembered(_int(s.value("selection/year")), _int(s.value("selection/district")),
                      _int(s.value("selection/unit")), _int(s.value("selection/appointment")),
                      _int(s.value("selection/reviewer")), str(s.value("selection/page") or ""))


def remember(settings: QSettings, selection: Selection, page: str) -> None:
    """Write the selection and page now (a crash a second later loses nothing); nothing when unchanged."""
    s = settings
    now = Remembered(selection.year, selection.district_id, selection.unit_id, selection.appointment_id,
                     selection.reviewer_id, page)
    if recall(s) == now:
        return   # as stored (a window opening where it was left): no write, no sync at start-up
    s.setValue("selection/year", selection.year)
    s.setValue("selection/district", _stored(selection.district_id))
    s.setValue("selection/unit", _stored(selection.unit_id))
    s.setValue("selection/appointment", _stored(selection.appointment_id))
    s.setValue("selection/reviewer", _stored(selection.reviewer_id))
    s.setValue("selection/page", page)
    s.sync()
