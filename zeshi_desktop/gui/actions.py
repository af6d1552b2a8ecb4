"""The action runner: one user action = one service call in ``db.write()``.

Modelled on Anki's operations: a view never opens a session or refreshes the
world itself; it asks the runner to run one service function, the runner
reports a refusal in words the user can act on, shows that a long action is
working, and on success tells every view what changed (:class:`Change`) so
each refreshes only what concerns it. Sheet views, dashboards, printing and
the hand-over dialogs all go this one way.

The same signal carries what changed the store from elsewhere: 视图 → 刷新
(F5, :meth:`ActionRunner.refresh`) and a store written by another program
(the ``zeshi`` command line, a second window on the same file), which the
runner notices when the application comes back to the front or, while it is
in the background (a dashboard on a projector), every few seconds
(:meth:`ActionRunner.check_store`). Both say "anything may differ"
(:meth:`Change.everything`): every page reads again, at once when shown,
else when next shown.

The runner also knows who the person works as (:attr:`ActionRunner.role`,
the main window's 评分人): every write records it in its audit rows, and
:meth:`ActionRunner.write_refusal` tells a view whether a sheet is theirs to
change, or whether the store is open read-only.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
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
WATCH_MS = 3000   # how often a window in the background looks whether another program wrote the store
StoreStamp = tuple[tuple[int, int, int], ...]


@dataclass(frozen=True)
class Change:
    """What an action changed, so that views refresh only what concerns them."""

    sheets: frozenset[int] = frozenset()
    roster: bool = False
    weights: bool = False
    all_sheets: bool = False   # an import: any sheet may have been added or replaced
    recommendations: bool = False   # the district task force's marks (the meeting dashboards show them)
    recusals: bool = False   # 回避 declared or withdrawn: which sheets count, which rows a matrix shows as 回避
    reread: bool = False   # not an action here: 刷新, or the store was written by another program
    source: object | None = field(default=None, compare=False)

    @classmethod
    def everything(cls, source: object | None = None) -> Change:
        """Anything may differ (a refresh, a store written elsewhere): every page reads again."""
        return cls(roster=True, weights=True, all_sheets=True, recommendations=True, recusals=True, reread=True,
                   source=source)

    def touches_sheet(self, sheet_id: int | None) -> bool:
        return sheet_id is not None and (self.all_sheets or sheet_id in self.sheets)

    @property
    def any_sheet(self) -> bool:
        return self.all_sheets or bool(self.sheets)

    @property
    def touches_results(self) -> bool:
        """Whether a ranking, a dashboard figure or a year's history may differ after this change."""
        return self.any_sheet or self.roster or self.weights or self.recommendations or self.recusals


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
        self._stamp = self.store_stamp()   # the store as this window last wrote or read it again
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._check_in_background)
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
            self._watch.start()

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
            with self.working(progress):   # run again if a server ends it with a serialization failure
                result = self.db.run(action, role=self.role.audit_text())
        except REFUSALS as error:
            self._refuse(error, on_refused)
            return False, None
        except trust.STORE_FAILURES as error:
            self._refuse(trust.store_refusal(error, self.db.path), on_refused)  # type: ignore[arg-type]
            return False, None
        self._stamp = self.store_stamp()   # our own write: nothing for check_store to report
        self.changed.emit(change(result) if callable(change) else change)
        return True, result

    # ------------------------------------------------------------ changes made elsewhere
    def refresh(self) -> None:
        """视图 → 刷新 (F5): every page reads the store again, whoever wrote it."""
        self._stamp = self.store_stamp()
        self.changed.emit(Change.everything(source=self))

    def store_stamp(self) -> StoreStamp | None:
        """What the store's files look like now (size, modification time, inode of the file and its WAL).

        Every commit, ours or another program's, changes the WAL (or, after a
        checkpoint, the file); reading changes neither. A store that is not a
        file (PostgreSQL) has no stamp: there only 刷新 reads again.
        """
        path = self.db.path
        if path is None:
            return None
        stamp = []
        for name in (str(path), f"{path}-wal"):
            try:
                st = os.stat(name)
            except OSError:
                stamp.append((0, 0, 0))
            else:
                stamp.append((st.st_size, st.st_mtime_ns, st.st_ino))
        return tuple(stamp)

    def check_store(self) -> bool:
        """If another program wrote the store since this window last looked, tell every page; True if it did."""
        stamp = self.store_stamp()
        if stamp is None or stamp == self._stamp:
            return False
        self._stamp = stamp
        self.changed.emit(Change.everything(source=self))
        return True

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:   # back from the terminal or another window
            self.check_store()

    def _check_in_background(self) -> None:
        """While the person works in this window its own changes say everything; in the background, look."""
        if QGuiApplication.applicationState() != Qt.ApplicationState.ApplicationActive:
            self.check_store()

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
