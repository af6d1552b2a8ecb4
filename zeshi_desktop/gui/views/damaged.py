"""The warning a figure shows above itself when it left sheets holding damaged data out.

A ranking, a dashboard or a summary never counts a sheet whose stored values
break their form's rules (issue 11); the panel must still see that a sheet is
missing from the figure, and which one, or it would trust a ranking that is
short of a reviewer. The services list those sheets (``.damaged``, each a
``meeting.damage.DamagedSheet``); this label says so in one red block over
the figure and stays hidden when nothing was left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from zeshi_desktop.services.meeting.damage import DamagedSheet

from ..i18n import lang, tr

DAMAGED_STYLE = ("background: #fde2e1; color: #7a1010; border: 1px solid #d9534f; padding: 6px;"
                 " font-weight: bold;")
SHOWN = 4   # sheets named on screen; the rest in the tooltip, so a badly damaged store does not bury the figure


def merged(*groups: Iterable[DamagedSheet]) -> tuple[DamagedSheet, ...]:
    """Several services' lists as one, each sheet once, in sheet order (the city board reads in two steps)."""
    by_id: dict[int, DamagedSheet] = {}
    for group in groups:
        for damaged in group:
            by_id.setdefault(damaged.sheet_id, damaged)
    return tuple(by_id[sid] for sid in sorted(by_id))


class DamagedNotice(QLabel):
    """Hidden while every counted sheet is sound; else which sheets were left out and what to do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damaged")
        self.setTextFormat(Qt.TextFormat.PlainText)   # names as stored, never read as markup
        self.setWordWrap(True)
        self.setStyleSheet(DAMAGED_STYLE)
        self.sheets: tuple[DamagedSheet, ...] = ()
        self.hide()

    def show_damaged(self, damaged: Sequence[DamagedSheet]) -> None:
        """Name the sheets left out (the first few; all of them in the tooltip), or hide when there are none."""
        self.sheets = tuple(damaged)
        if not damaged:
            self.clear()
            self.setToolTip("")
            self.hide()
            return
        lines = [d.what.text(lang()) for d in damaged]
        shown = ["• " + line for line in lines[:SHOWN]]
        if len(lines) > SHOWN:
            shown.append(tr("……另有 {n} 张（完整列表见提示）").format(n=len(lines) - SHOWN))
        head = tr("⚠ {n} 张评审表含有损坏的数据，未计入以下数字。请用“文件 → 检查数据”查看，或恢复一份备份：").format(
            n=len(damaged))
        self.setText("\n".join([head, *shown]))
        self.setToolTip("\n".join(lines))
        self.show()
