"""全部定稿: finalise every row of a reviewer's matrix with one confirmation, all or nothing.

At the end of a review meeting a reviewer locks the whole 3-2 matrix at
once. Rows that are not complete are listed (row, unit, planner and what is
missing) and nothing is finalised; otherwise one confirmation, then every
``sheets.finalize`` runs in the same ``db.write()``, so a refusal of any
row leaves all rows as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from zeshi_desktop.services import trust
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.scoring.sheets import SheetView

from . import dialogs
from .actions import ActionRunner, Change
from .i18n import lang, tr


@dataclass(frozen=True)
class MatrixRow:
    """One row as the user names it (序号, unit, planner) and its sheet, if any value was entered."""

    label: str
    sheet: SheetView | None


def incomplete(runner: ActionRunner, rows: Sequence[MatrixRow]) -> list[str]:
    """A line per row that cannot be finalised: its label and what is missing."""
    sep = "; " if lang() == "en" else "；"
    open_ids = [r.sheet.id for r in rows if r.sheet is not None and not r.sheet.is_final]
    found = runner.read(lambda s: {sid: sheets.problems(s, sid) for sid in open_ids})
    lines = []
    for row in rows:
        if row.sheet is None:
            lines.append(tr("{0}：尚未评分").format(row.label))
        elif found.get(row.sheet.id):
            problems = found[row.sheet.id]
            lines.append(tr("{0}：{1}").format(row.label, sep.join(p.text(lang()) for p in problems[:4])
                                              + ("……" if len(problems) > 4 else "")))
    return lines


def finalise_all(parent: QWidget | None, runner: ActionRunner, rows: Sequence[MatrixRow], actor: str,
                 on_refused: Callable[[str], None]) -> bool:
    """Ask once and finalise every open row; True when something was finalised."""
    pending = [r.sheet.id for r in rows if r.sheet is not None and not r.sheet.is_final]
    if rows and not pending and all(r.sheet is not None for r in rows):
        dialogs.show_info(parent, tr("所有行均已定稿。"))
        return False
    missing = incomplete(runner, rows)
    if missing:
        text = tr("不能全部定稿：以下 {n} 行尚未填完整，没有定稿任何一行。").format(n=len(missing))
        on_refused(text)
        dialogs.show_error(parent, text + "\n" + "\n".join(missing))
        return False
    if not dialogs.confirm(parent, tr("全部定稿"),
                           tr("将定稿本评审人的全部 {n} 行，定稿后锁定，修改须说明理由逐行解锁。确定吗？")
                           .format(n=len(pending))):
        return False

    role = runner.role

    def action(session):  # type: ignore[no-untyped-def]
        for sid in pending:
            trust.check_sheet(session, role, sid)
        return [sheets.finalize(session, sid, actor) for sid in pending]

    ok, _ = runner.run(action, Change(sheets=frozenset(pending)), on_refused)
    return ok
