"""The name a PDF is offered under: what it holds, for whom, and the day, so the next save does not overwrite it.

``附件3-2_朝阳区_张三_2026-11-30.pdf``: the annex (or 评审材料 for several), the
district, the unit or reviewer (or planner) when the documents share one,
and the date; in English ``Annex3-2_…``. The names of districts and people
are data and stay as they are; characters a file name cannot hold become
``-``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from zeshi_desktop.messages import text
from zeshi_desktop.printing.data import Document

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+|\s+')


def _only(values: Iterable[str]) -> str:
    """The one value all documents share ("" when they differ or have none)."""
    found = {v for v in values if v}
    return found.pop() if len(found) == 1 else ""


def join_parts(parts: Iterable[str]) -> str:
    """Parts of a file name joined by "_", each made safe for a file name (empty parts left out)."""
    return "_".join(_UNSAFE.sub("-", p).strip("-") for p in parts if p and p.strip())


def pdf_name(docs: Sequence[Document], lang: str, day: date | None = None) -> str:
    """The suggested file name (with ``.pdf``) for ``docs`` printed on ``day`` (today)."""
    forms = _only(d.form.id for d in docs)
    what = text("printing.file.annex", lang, form=forms) if forms else text("printing.file.batch", lang)
    headings = [d.heading for d in docs]
    district = _only(h.district for h in headings)
    subject = (_only(h.unit for h in headings) or _only(h.reviewer for h in headings)
               or _only(h.planner for h in headings))
    return join_parts((what, district, subject, (day or date.today()).isoformat())) + ".pdf"


def blank_name(form_ids: Sequence[str], lang: str, day: date | None = None) -> str:
    """The suggested file name for empty forms: 附件5-1_空白_2026-11-30.pdf, or 空白评审表_… for several."""
    when = (day or date.today()).isoformat()
    if len(form_ids) == 1:
        return join_parts((text("printing.file.annex", lang, form=form_ids[0]), text("printing.file.blank", lang),
                      when)) + ".pdf"
    return join_parts((text("printing.file.blank_forms", lang), when)) + ".pdf"
