"""Printing the letters and the city's list: plan, render outside the write lock, keep the codes.

As ``services.printing.jobs`` does for the annexes: a final paper carries a
verification code (``ZS-8…`` a letter, ``ZS-9…`` the list) naming a stored
3-1 sheet, and when the PDF exists its printed content is kept under the
code (``printed_sheets``) so ``zeshi verify`` can later say what changed.
A batch prints every paper it can and names the ones it left out.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import verification as vdomain
from zeshi_desktop.messages import text
from zeshi_desktop.printing.data import Stamp
from zeshi_desktop.printing.fonts import FontUnavailable, GlyphsMissing
from zeshi_desktop.printing.papers import PaperDoc, render_papers
from zeshi_desktop.printing.render import PrintJob
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.results import (
    contents,
    feedback,
    feedback_paper,
    honours,
    honours_paper,
)
from zeshi_desktop.store.models import PrintedSheet, utcnow


@dataclass(frozen=True)
class PlannedPaper:
    doc: PaperDoc
    contents: list[vdomain.SheetContent] | None = None    # a final paper: what its code covers
    ref_sheet_id: int | None = None


@dataclass(frozen=True)
class PreparedPapers:
    planned: tuple[PlannedPaper, ...]
    title: str
    subject: str = ""


PaperJob = PrintJob   # the letters and the list come out as any print does


def _stamped(contents: list[vdomain.SheetContent] | None) -> Stamp | None:
    return Stamp(vdomain.make_code(contents)) if contents else None


def prepare_feedback(session: Session, year: int, lang: str, *, district_id: int | None = None,
                     appointment_ids: Collection[int] | None = None) -> PreparedPapers:
    """The letters of a district, or of some appointments (of one district), in the ranking's order."""
    if district_id is None:
        if not appointment_ids:
            raise ActionRefused("results.feedback.needs_selection")
        letters = [feedback.letter(session, year, app) for app in appointment_ids]
    else:
        letters = feedback.district_letters(session, year, district_id, appointment_ids)
    planned = []
    for letter in letters:
        covered = ([contents.feedback_content(letter, letter.ref_sheet[1])]
                   if letter.final and letter.ref_sheet is not None else None)
        planned.append(PlannedPaper(feedback_paper.paper(letter, lang, _stamped(covered)), covered,
                                    letter.ref_sheet[0] if covered and letter.ref_sheet else None))
    subject = text("results.paper.subject", lang, year=year, who=letters[0].district) if letters else ""
    return PreparedPapers(tuple(planned), planned[0].doc.document if planned else "", subject)


def prepare_honours(session: Session, year: int, lang: str) -> PreparedPapers:
    """The city's list of the year."""
    found = honours.honours(session, year)
    covered = [contents.honours_content(found, found.ref_sheet[1])] if found.final and found.ref_sheet else None
    doc = honours_paper.paper(found, lang, _stamped(covered))
    return PreparedPapers((PlannedPaper(doc, covered, found.ref_sheet[0] if covered and found.ref_sheet else None),),
                          doc.title, text("results.paper.subject_year", lang, year=year))


def render(prepared: PreparedPapers, *, two_sided: bool = False) -> PaperJob:
    """The PDF; a paper with a character neither font has is refused by name (left out of a batch)."""
    if not prepared.planned:
        raise ActionRefused("results.paper.nothing")
    try:
        rendered = render_papers([p.doc for p in prepared.planned], title=prepared.title, subject=prepared.subject,
                                 even=two_sided)
    except (GlyphsMissing, FontUnavailable) as exc:
        raise ActionRefused(exc.msg) from exc
    left_out = {r.index for r in rendered.refused}
    printed = [p for n, p in enumerate(prepared.planned) if n not in left_out]
    codes = [p.doc.stamp.code for p in printed if p.contents and p.doc.stamp is not None]
    drafts = sum(1 for p in printed if not p.doc.final)
    return PaperJob(rendered.pdf, rendered.pages, rendered.documents, codes, drafts, rendered.refused)


def record(session: Session, prepared: PreparedPapers, job: PaperJob) -> list[str]:
    """Keep what each final paper printed was printed with, once per code (needs a write session)."""
    left_out = {r.index for r in job.refused}
    final = [(p.doc.stamp.code, p) for n, p in enumerate(prepared.planned)
             if n not in left_out and p.contents and p.ref_sheet_id is not None and p.doc.stamp is not None]
    codes = [code for code, _ in final]
    known = set(session.scalars(select(PrintedSheet.code).where(PrintedSheet.code.in_(codes)))) if codes else set()
    rows = []
    for code, p in final:
        if code in known or p.contents is None:
            continue
        known.add(code)
        rows.append({"code": code, "sheet_id": p.ref_sheet_id, "form_id": p.doc.kind,
                     "content_hash": vdomain.content_hash(p.contents), "content": vdomain.to_json(p.contents),
                     "printed_at": utcnow()})
    if rows:
        session.execute(insert(PrintedSheet), rows)
    return codes
