"""Ctrl+Z for scores: each accepted cell is one command on the runner's undo stack.

Undoing writes the old value back through the same service call, so an undo
is as durable (and, on a reopened sheet, as audited) as the change itself.
Redo answers both Ctrl+Y, which people coming from office software press,
and Ctrl+Shift+Z; the same keys on every system (⌘ for Ctrl on a Mac).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from zeshi_desktop.domain.scores import display
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.scoring.sheets import SheetView

from .actions import ActionRunner, Change
from .i18n import tr
from .sheet_access import SheetKey


class ScoreCommand(QUndoCommand):
    def __init__(self, runner: ActionRunner, key: SheetKey, item_id: str, old: Decimal | None,
                 new: Decimal | None, actor: str, text: str, on_refused: Callable[[str], None]) -> None:
        super().__init__(text)
        self.runner, self.key, self.item_id = runner, key, item_id
        self.old, self.new, self.actor, self.on_refused = old, new, actor, on_refused

    def _apply(self, value: Decimal | None) -> bool:
        item_id, actor = self.item_id, self.actor

        def change(session, sheet_id: int) -> SheetView:  # type: ignore[no-untyped-def]
            if value is None:
                return sheets.clear_score(session, sheet_id, item_id, actor)
            return sheets.set_score(session, sheet_id, item_id, value, actor)

        ok, _ = self.runner.run(self.key.then(change, self.runner.role), lambda v: Change(sheets=frozenset({v.id}), source=self),
                                self.on_refused)
        return ok

    def redo(self) -> None:
        if not self._apply(self.new):
            self.setObsolete(True)

    def undo(self) -> None:
        self._apply(self.old)


def describe(item_text: str, old: Decimal | None, new: Decimal | None) -> str:
    return f"{item_text}: {display(old) or '—'} → {display(new) or '—'}"


def undo_actions(stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
    """撤销 (Ctrl+Z) and 重做 (the platform's redo key and Ctrl+Y) for the edit menu."""
    undo = stack.createUndoAction(parent, tr("撤销"))
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    redo = stack.createRedoAction(parent, tr("重做"))
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    for made, name in ((undo, tr("撤销")), (redo, tr("重做"))):
        made.setProperty("zeshi_help", name)   # the help's name for it (its menu text names the last change)
    return undo, redo
