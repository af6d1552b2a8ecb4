"""Printing the letters and the city's list from the app: the same services as ``zeshi print``, then the preview."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from zeshi_desktop.gui import dialogs
from zeshi_desktop.gui.actions import ActionRunner, Change
from zeshi_desktop.gui.i18n import lang, tr
from zeshi_desktop.messages import text
from zeshi_desktop.store.database import Session

if TYPE_CHECKING:
    from zeshi_desktop.services.results.papers import PaperJob, PreparedPapers


def print_papers(parent: QWidget, runner: ActionRunner, prepare: Callable[[Session], PreparedPapers],
                 title: str) -> PaperJob | None:
    """Plan (a look that may be refused), draw the PDF, keep the codes, then show the print preview."""
    from zeshi_desktop.gui.printing import (
        preview_and_print,  # QtPdf and the print dialogs: when printing
    )
    from zeshi_desktop.services.results import (
        papers,  # reportlab and the font: when printing
    )

    ok, prepared = runner.attempt(prepare, progress=tr("正在准备打印…"))
    if not ok or prepared is None:
        return None
    ok, job = runner.attempt(lambda _s: papers.render(prepared), progress=tr("正在生成 PDF…"))
    if not ok or job is None:
        return None
    ok, _ = runner.run(lambda session: papers.record(session, prepared, job), Change())
    if not ok:
        return None
    if job.refused:
        dialogs.show_warning(parent, text("printing.batch.refused_title", lang(), count=len(job.refused)),
                             "\n".join(job.refused_lines(lang())))
    two_sided = (lambda: papers.render(prepared, two_sided=True).pdf) if job.documents > 1 else None
    preview_and_print(parent, job.pdf, title, two_sided)
    return job
