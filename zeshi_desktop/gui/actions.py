"""The action runner: one user action = one service call in ``db.write()``.

Modelled on Anki's operations: a view never opens a session or refreshes the
world itself; it asks the runner to run one service function, the runner
reports a refusal in words the user can act on, shows that a long action is
working, and on success tells every view what changed (:class:`Change`) so
each refreshes only what concerns it. Sheet views, dashboards, printing and
the hand-over dialogs all go this one way.

The runner also knows who the person works as (:attr:`ActionRunner.role`,
the main window's 评分人): every write records it in its audit rows, and
:meth:`ActionRunner.write_refusal` tells a view whether a sheet is theirs to
change, or whether the store is open read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack

from zeshi_desktop.domain.ranking import WeightsRefused
from zeshi_desktop.domain.scores import ScoreRefused
from zeshi_desktop.messages import Refused
from zeshi_desktop.services import trust
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.trust import OFFICE, Role
from zeshi_desktop.store.database import Database, Session, StoreError

from .i18n import lang

T = TypeVar("T")

# The refusals a service raises on purpose; anything else is a bug and propagates.
REFUSALS = (Refused, ActionRefused, ScoreRefused, WeightsRefused)


@dataclass(frozen=True)
class Change:
    """What an action changed, so that views refresh only what concerns them."""

    sheets: frozenset[int] = frozenset()
    roster: bool = False
    weights: bool = False
    all_sheets: bool = False   # an import: any sheet may have been added or replaced
    recommendations: bool = False   # the district task force's marks (the meeting dashboards show them)
    source: object | None = field(default=None, compare=False)

    def touches_sheet(self, sheet_id: int | None) -> bool:
        return sheet_id is not None and (self.all_sheets or sheet_id in self.sheets)

    @property
    def any_sheet(self) -> bool:
        return self.all_sheets or bool(self.sheets)

    @property
    def touches_results(self) -> bool:
        """Whether a ranking, a dashboard figure or a year's history may differ after this change."""
        return self.any_sheet or self.roster or self.weights or self.recommendations


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
    busy = Signal(str)         # what a long action is doing, in the user's language; "" when it is done

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.role: Role = OFFICE   # who the person works as; set by the main window's 评分人
        self.undo_stack = QUndoStack(self)  # score changes, undone with Ctrl+Z

    @property
    def read_only(self) -> bool:
        return self.db.readonly

    def write_refusal(self, form_id: str | None, reviewer_id: int | None = None) -> Refused | None:
        """Why nothing of this form and reviewer may be changed now (read-only store, not the role's); or None."""
        if self.db.readonly:
            return StoreError("store.read_only", path=str(self.db.path or self.db.url))
        return trust.sheet_refusal(self.role, form_id, reviewer_id) if form_id else None

    def write_refusal_text(self, form_id: str | None, reviewer_id: int | None = None) -> str:
        """:meth:`write_refusal` in the user's language; "" when the change is allowed."""
        refusal = self.write_refusal(form_id, reviewer_id)
        return refusal.message(lang()) if refusal is not None else ""

    def read(self, query: Callable[[Session], T]) -> T:
        """A look at the store; queries never fail on user input."""
        with self.db.read() as session:
            return query(session)

    def attempt(self, query: Callable[[Session], T], on_refused: Callable[[str], None] | None = None,
                *, progress: str | None = None) -> tuple[bool, T | None]:
        """A look that a service may refuse (a print of an unfinished sheet, an unknown code).

        Nothing is written; a refusal goes where :meth:`run` sends it.
        """
        try:
            with self.working(progress), self.db.read() as session:
                return True, query(session)
        except REFUSALS as error:
            self._refuse(error, on_refused)
            return False, None
        except trust.STORE_FAILURES as error:   # a damaged file read: a sentence, not a traceback
            self._refuse(trust.store_refusal(error, self.db.path), on_refused)  # type: ignore[arg-type]
            return False, None

    def run(self, action: Callable[[Session], T], change: Change | Callable[[T], Change],
            on_refused: Callable[[str], None] | None = None, *,
            progress: str | None = None) -> tuple[bool, T | None]:
        """Run ``action`` in one write transaction.

        Returns ``(True, result)`` and emits ``changed``; or, when a service
        refuses, ``(False, None)`` with nothing written and the reason given to
        ``on_refused`` (or the ``refused`` signal when there is none).
        ``change`` may be computed from the result (a sheet created by the action).
        ``progress`` names a long action while it runs (see :meth:`working`).
        Every audit row the action writes records :attr:`role`; a store that
        cannot be written (read-only, full disk) is a refusal like any other.
        """
        try:
            with self.working(progress), self.db.write(role=self.role.audit_text()) as session:
                result = action(session)
        except REFUSALS as error:
            self._refuse(error, on_refused)
            return False, None
        except trust.STORE_FAILURES as error:
            self._refuse(trust.store_refusal(error, self.db.path), on_refused)  # type: ignore[arg-type]
            return False, None
        self.changed.emit(change(result) if callable(change) else change)
        return True, result

    @contextmanager
    def working(self, text: str | None) -> Iterator[None]:
        """While a long action runs (printing many sheets): a wait cursor and ``busy(text)``.

        The one place that shows progress: the main window puts ``text`` in its
        status bar. ``None`` means a quick action, shown as nothing.
        """
        if not text:
            yield
            return
        self.busy.emit(text)
        if isinstance(QCoreApplication.instance(), QGuiApplication):
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        # the status line paints before the work blocks the loop; clicks wait until it is done
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        try:
            yield
        finally:
            if isinstance(QCoreApplication.instance(), QGuiApplication):
                QGuiApplication.restoreOverrideCursor()
            self.busy.emit("")

    def _refuse(self, error: Exception, on_refused: Callable[[str], None] | None) -> None:
        text = refusal_text(error)
        if on_refused is not None:
            on_refused(text)
        else:
            self.refused.emit(text)
