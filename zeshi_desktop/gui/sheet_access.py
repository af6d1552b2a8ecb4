"""Finding a sheet without creating it, and creating it with the first change.

Browsing must not write: a sheet is looked up read-only, and only the first
accepted value (or answer) creates it, in the same transaction as the value.
Every change is checked against who the person works as first: a sheet that
is not theirs is neither created nor changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from zeshi_desktop.services import trust
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.scoring.sheets import SheetView
from zeshi_desktop.services.trust import Role
from zeshi_desktop.store.database import Session

T = TypeVar("T")


@dataclass(frozen=True)
class SheetKey:
    """A sheet's natural key: form, year, subject and reviewer."""

    form_id: str
    year: int
    appointment_id: int | None = None
    district_id: int | None = None
    reviewer_id: int | None = None

    def find(self, session: Session) -> SheetView | None:
        sheet_id = sheets.find_sheet_id(session, self.form_id, self.year, appointment_id=self.appointment_id,
                                        district_id=self.district_id, reviewer_id=self.reviewer_id)
        return None if sheet_id is None else sheets.view(session, sheet_id)

    def ensure(self, session: Session) -> int:
        return sheets.open_sheet(session, self.form_id, self.year, appointment_id=self.appointment_id,
                                 district_id=self.district_id, reviewer_id=self.reviewer_id).id

    def then(self, change: Callable[[Session, int], T], role: Role) -> Callable[[Session], T]:
        """An action that checks the sheet is ``role``'s, opens (or creates) it, then applies ``change`` to it."""
        def action(session: Session) -> T:
            trust.check_key(role, self.form_id, self.reviewer_id)
            return change(session, self.ensure(session))
        return action


def on_sheet(sheet_id: int, change: Callable[[Session], T], role: Role) -> Callable[[Session], T]:
    """An action on a stored sheet (finalise, unlock), refused when the sheet is not ``role``'s."""
    def action(session: Session) -> T:
        trust.check_sheet(session, role, sheet_id)
        return change(session)
    return action
