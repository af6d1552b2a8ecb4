"""Printing several annexes at once: a district's chosen forms, or empty forms to hand out, in one PDF.

The app's 批量打印 dialog asks for these; ``zeshi print all`` and ``--blank``
print one annex or all of them. Forms are printed in annex order whatever
order they were chosen in.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from zeshi_desktop.messages import text
from zeshi_desktop.printing.data import PAPER
from zeshi_desktop.printing.render import render_pdf
from zeshi_desktop.services.errors import NotFound
from zeshi_desktop.services.printing.jobs import (
    ANNEXES,
    Prepared,
    PrintJob,
    Selection,
    blank_doc,
    plan,
)


def in_annex_order(form_ids: Iterable[str]) -> list[str]:
    """The chosen annexes in annex order; an unknown annex is refused."""
    chosen = set(form_ids)
    unknown = sorted(chosen - set(ANNEXES))
    if unknown:
        raise NotFound("printing.no_annex", form=unknown[0], choices=list(ANNEXES))
    if not chosen:
        raise NotFound("printing.nothing_selected")
    return [f for f in ANNEXES if f in chosen]


def prepare_forms(session: Session, form_ids: Iterable[str], sel: Selection) -> Prepared:
    """Every sheet of the chosen annexes in a selection (a district), one batch ready to render."""
    forms = in_annex_order(form_ids)
    planned = [p for form_id in forms for p in plan(session, form_id, sel)]
    title = text("printing.annex", PAPER, form=forms[0]) if len(forms) == 1 else text("printing.all_title", PAPER)
    return Prepared(tuple(planned), title)


def print_blanks(form_ids: Iterable[str], year: int = 0, *, two_sided: bool = False) -> PrintJob:
    """The chosen empty forms in one PDF (``two_sided``: each padded to an even page count); nothing is read."""
    forms = in_annex_order(form_ids)
    docs = [blank_doc(f, year) for f in forms]
    title = text("printing.annex", PAPER, form=forms[0]) if len(forms) == 1 else text("printing.all_title", PAPER)
    rendered = render_pdf(docs, title, even=two_sided)
    return PrintJob(rendered.pdf, rendered.pages, rendered.documents)

