"""The action runner: one user action = one service call in ``db.write()``.

Modelled on Anki's operations: a view never opens a session or refreshes the
world itself; it asks the runner to run one service function, the runner
reports a refusal in words the user can act on, and on success tells every
view what changed (:class:`Change`) so each refreshes only what concerns it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from zeshi_desktop.domain.ranking import WeightsRefused
from zeshi_desktop.domain.scores import ScoreRefused
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.store.database import Database, Session

from .i18n import lang

T = TypeVar("T")

# The refusals a service raises on purpose; anything else is a bug and propagates.
REFUSALS = (ActionRefused, ScoreRefused, WeightsRefused)


@dataclass(frozen=True)
class Change:
    """What an action changed, so that views refresh only what concerns them."""

    sheets: frozenset[int] = frozenset()
    roster: bool = False
    weights: bool = False
    all_sheets: bool = False   # an import: any sheet may have been added or replaced
    source: object | None = field(default=None, compare=False)

    def touches_sheet(self, sheet_id: int | None) -> bool:
        return sheet_id is not None and (self.all_sheets or sheet_id in self.sheets)

    @property
    def any_sheet(self) -> bool:
        return self.all_sheets or bool(self.sheets)


def refusal_text(error: Exception) -> str:
    """A refusal in the current language (services carry both)."""
    message = getattr(error, "message", None)
    if callable(message):
        return str(message(lang()))
    return str(error)


class ActionRunner(QObject):
    """Runs service calls for the views of one database and broadcasts changes."""

    changed = Signal(object)   # Change
    refused = Signal(str)      # the reason, already in the user's language

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)  # score changes, undone with Ctrl+Z

    def read(self, query: Callable[[Session], T]) -> T:
        """A look at the store; queries never fail on user input."""
        with self.db.read() as session:
            return query(session)

    def run(self, action: Callable[[Session], T], change: Change | Callable[[T], Change],
            on_refused: Callable[[str], None] | None = None) -> tuple[bool, T | None]:
        """Run ``action`` in one write transaction.

        Returns ``(True, result)`` and emits ``changed``; or, when a service
        refuses, ``(False, None)`` with nothing written and the reason given to
        ``on_refused`` (or the ``refused`` signal when there is none).
        ``change`` may be computed from the result (a sheet created by the action).
        """
        try:
            with self.db.write() as session:
                result = action(session)
        except REFUSALS as error:
            text = refusal_text(error)
            if on_refused is not None:
                on_refused(text)
            else:
                self.refused.emit(text)
            return False, None
        self.changed.emit(change(result) if callable(change) else change)
        return True, result
