"""What the user is looking at (year, district, unit, planner, who is scoring) and what to print of it."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Selection:
    """The main window's choice, handed to every view.

    ``reviewer_id`` is None when the office or the district task force is
    scoring (3-1, 4-2); a 3-2 or 4-3 view needs a reviewer of the right level.
    """

    year: int
    district_id: int | None = None
    unit_id: int | None = None
    appointment_id: int | None = None
    reviewer_id: int | None = None
    actor: str = ""

    def with_(self, **changes: object) -> Selection:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class PrintRequest:
    """What to print of a selection: the view's form and subject; ``sheet_id`` when one sheet is meant.

    A page says what it would print (``print_request()``); ``gui.printing``
    prints it. Kept here, beside the selection, so that pages name a print
    without loading the printing module before it is used.
    """

    view_name: str
    form_id: str | None
    year: int
    sheet_id: int | None = None
    district_id: int | None = None
    appointment_id: int | None = None
    reviewer_id: int | None = None
