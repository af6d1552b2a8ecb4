"""Printing, one function per user action: a sheet, a unit, a reviewer, a district, a blank form.

Each action reads the store, builds the plain documents the renderers take,
renders one PDF and records every final sheet it printed under its
verification code (``printed_sheets``), so ``verify`` can later say which
items changed since the paper was signed. Needs a ``Database.write()``
session when ``record`` is true (the default).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import verification as vdomain
from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.sheet import totals
from zeshi_desktop.messages import text
from zeshi_desktop.printing.data import (
    PAPER,
    Document,
    Heading,
    MatrixDoc,
    MatrixRow,
    RankingDoc,
    SheetDoc,
)
from zeshi_desktop.printing.fonts import FontUnavailable, GlyphsMissing
from zeshi_desktop.printing.render import PrintJob, refusal, render_pdf
from zeshi_desktop.printing.summary import PictureRefused
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.fairness.recusals import recusals as recusals_of
from zeshi_desktop.services.meeting import result_code
from zeshi_desktop.services.printing import content as print_content
from zeshi_desktop.services.printing.planned import Planned, stamp_for
from zeshi_desktop.services.printing.summary_doc import blank_summary, summary_doc
from zeshi_desktop.store.models import PrintedSheet, Unit, utcnow

ANNEXES = ("3-1", "3-2", "3-3", "4-1", "4-2", "4-3", "5-1")
REVIEWER_FORMS = {"3-2": "district", "4-3": "city"}


@dataclass(frozen=True)
class Selection:
    """Which sheets to print; any field left ``None`` does not narrow the choice."""

    year: int
    district_id: int | None = None
    unit_id: int | None = None
    planner_id: int | None = None
    reviewer_id: int | None = None


# ---------------------------------------------------------------- documents per form

def _sheet_doc(form_id: str, rec: print_content.SheetRecord | None, heading: Heading) -> Planned:
    form = catalogue.form(form_id)
    if rec is None:
        return Planned(SheetDoc(form, heading, final=False))
    contents = [rec.content()] if rec.is_final else None
    doc = SheetDoc(form, heading, rec.is_final, rec.scores, rec.answers, rec.remarks,
                   stamp=stamp_for(contents) if contents else None)
    return Planned(doc, contents, rec.id)


def _appointment_docs(session: Session, form_id: str, sel: Selection) -> list[Planned]:
    """3-1 and 5-1: one per appointment in the selection, an empty draft where nothing is entered yet."""
    apps = roster.appointments(session, sel.year, sel.district_id, sel.unit_id, sel.planner_id)
    ids = print_content.sheet_ids(session, sel.year, form_id, district_id=sel.district_id, unit_id=sel.unit_id,
                                  planner_id=sel.planner_id)
    records = {r.appointment_id: r for r in print_content.load(session, ids).values()}
    out = []
    for a in apps:
        rec = records.get(a.id)
        office = (rec.answers.get("header:office") if rec else "") or a.unit
        out.append(_sheet_doc(form_id, rec, Heading(sel.year, a.district, a.unit, a.planner, office=office)))
    return out


def _districts(session: Session, sel: Selection) -> list[roster.DistrictView]:
    if sel.district_id is not None:
        return [roster.district(session, sel.district_id)]
    return roster.districts(session)


def _district_docs(session: Session, form_id: str, sel: Selection) -> list[Planned]:
    """4-2 and 4-1: one per district."""
    out = []
    for d in _districts(session, sel):
        ids = print_content.sheet_ids(session, sel.year, form_id, district_id=d.id)
        rec = next(iter(print_content.load(session, ids).values()), None)
        heading = Heading(sel.year, d.name, office=d.name)
        out.append(summary_doc(session, sel.year, d, rec) if form_id == "4-1" else _sheet_doc(form_id, rec, heading))
    return out


def _reviewers(session: Session, sel: Selection, level: str) -> list[roster.ReviewerView]:
    if sel.reviewer_id is not None:
        r = roster.reviewer(session, sel.reviewer_id)
        if r.level != level:
            raise ActionRefused(f"printing.reviewer_not_{level}", name=r.name)
        return [r]
    district = sel.district_id if level == "district" else None
    if level == "district" and district is None and sel.unit_id is not None:
        district = session.scalar(select(Unit.district_id).where(Unit.id == sel.unit_id))  # the unit's review group
    return roster.reviewers(session, sel.year, level, district)


def _city_review_docs(session: Session, sel: Selection) -> list[Planned]:
    """4-3: one per city reviewer and district, but none for a district the reviewer recused from."""
    out = []
    recused = {(x.reviewer_id, x.district_id) for x in recusals_of(session, sel.year, form_id="4-3")}
    for r in _reviewers(session, sel, "city"):
        ids = print_content.sheet_ids(session, sel.year, "4-3", reviewer_id=r.id, district_id=sel.district_id)
        records = {rec.district_id: rec for rec in print_content.load(session, ids).values()}
        for d in _districts(session, sel):
            if (r.id, d.id) in recused:
                continue
            out.append(_sheet_doc("4-3", records.get(d.id), Heading(sel.year, d.name, reviewer=r.name,
                                                                    organisation=r.organisation)))
    return out


def _matrix_docs(session: Session, sel: Selection) -> list[Planned]:
    """3-2: each district reviewer's whole matrix, every appointment of the district in a row.

    The district's appointments and 3-2 sheets are read once for all its reviewers.
    """
    form = catalogue.form("3-2")
    out = []
    by_district: dict[int, list[roster.ReviewerView]] = {}
    for r in _reviewers(session, sel, "district"):
        if r.district_id is None:
            raise ActionRefused("printing.reviewer_without_district", name=r.name)
        by_district.setdefault(r.district_id, []).append(r)
    for district_id, reviewers in by_district.items():
        district = roster.district(session, district_id)
        apps = roster.appointments(session, sel.year, district_id)
        only = reviewers[0].id if len(reviewers) == 1 else None
        ids = print_content.sheet_ids(session, sel.year, "3-2", district_id=district_id, reviewer_id=only)
        grouped = print_content.by_reviewer(print_content.load(session, ids).values())
        recused = {(x.reviewer_id, x.appointment_id) for x in recusals_of(session, sel.year, form_id="3-2",
                                                                          district_id=district_id)}
        for r in reviewers:
            out.append(_matrix(form, sel.year, district.name, r, apps,
                               {rec.appointment_id: rec for rec in grouped.get(r.id, [])},
                               frozenset(a for rev, a in recused if rev == r.id)))
    return out


def _matrix(form: Form, year: int, district: str, r: roster.ReviewerView, apps: list[roster.AppointmentView],
            records: dict[int | None, print_content.SheetRecord], recused: frozenset[int] = frozenset()) -> Planned:
    """The reviewer's matrix; a planner the reviewer recused from is a 回避 row, neither filled nor needed."""
    rows, contents, final = [], [], bool(apps)
    for n, a in enumerate(apps, start=1):
        if a.id in recused:
            rows.append(MatrixRow(n, a.unit, a.planner, {}, None, recused=True))
            records.pop(a.id, None)
            continue
        rec = records.get(a.id)
        scores = rec.scores if rec else {}
        sums = totals(form, scores)
        rows.append(MatrixRow(n, a.unit, a.planner, scores, sums.total if sums.complete else None))
        final = final and rec is not None and rec.is_final
        if rec is not None:
            contents.append(rec.content())
    final = final and any(a.id in records for a in apps)
    heading = Heading(year, district, reviewer=r.name, organisation=r.organisation)
    if not final:
        return Planned(MatrixDoc(form, heading, tuple(rows), False))
    return Planned(MatrixDoc(form, heading, tuple(rows), True, stamp_for(contents)), contents,
                    next(records[a.id] for a in apps if a.id in records).id)


def _ranking_docs(session: Session, sel: Selection) -> list[Planned]:
    """3-3: the result file; final (and coded) only when every row is ranked from finalised sheets and
    weights are set."""
    out = []
    for d in _districts(session, sel):
        stamped = result_code.result_doc(session, sel.year, d.id)
        out.append(Planned(stamped.doc, stamped.contents, stamped.ref_sheet_id))
    return out


def plan(session: Session, form_id: str, sel: Selection) -> list[Planned]:
    """The documents a selection covers for one annex, in print order."""
    if form_id not in ANNEXES:
        raise NotFound("printing.no_annex", form=form_id, choices=list(ANNEXES))
    if form_id in ("3-1", "5-1"):
        return _appointment_docs(session, form_id, sel)
    if form_id == "3-2":
        return _matrix_docs(session, sel)
    if form_id == "3-3":
        return _ranking_docs(session, sel)
    if form_id == "4-3":
        return _city_review_docs(session, sel)
    return _district_docs(session, form_id, sel)


# ---------------------------------------------------------------- rendering and recording

def _annex(form_id: str) -> str:
    """A PDF's title: the annex as the paper names it (附件3-1)."""
    return text("printing.annex", PAPER, form=form_id)


def _record(session: Session, planned: Sequence[Planned]) -> list[str]:
    """Keep what each final document was printed with, once per code."""
    final = [(p.doc.stamp.code, p) for p in planned
             if p.contents and p.ref_sheet_id is not None and p.doc.stamp is not None]
    codes = [code for code, _ in final]
    known: set[str] = set()
    for start in range(0, len(codes), 500):
        known.update(session.scalars(select(PrintedSheet.code).where(PrintedSheet.code.in_(codes[start:start + 500]))))
    rows = []
    for code, p in final:
        if code in known or p.contents is None:
            continue
        known.add(code)  # the same sheet twice in one batch is recorded once
        rows.append({"code": code, "sheet_id": p.ref_sheet_id, "form_id": p.doc.form.id,
                     "content_hash": vdomain.content_hash(p.contents), "content": vdomain.to_json(p.contents),
                     "printed_at": utcnow()})
    if rows:
        session.execute(insert(PrintedSheet), rows)
    return codes


@dataclass(frozen=True)
class Prepared:
    """Documents read from the store, ready to render without a session.

    Rendering takes most of the time, so callers that care (the app, a city-wide
    batch) read with ``Database.read()``, render outside any transaction and
    take the write lock only for ``record``.
    """

    planned: tuple[Planned, ...]
    title: str
    # What ``render`` left out (indices), remembered so that ``record`` without the job need not check again.
    rendered: dict[str, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)


def render(prepared: Prepared, *, two_sided: bool = False) -> PrintJob:
    """The PDF of prepared documents; a document with a character neither font has is refused by name.

    One document: the refusal is raised. A batch prints every document it can
    and lists the ones it left out (``PrintJob.refused``); only when none can be
    printed is the refusal raised. ``two_sided`` pads every document to an even
    page count ("（此页空白）"), so that no form begins on the back of the one before.
    """
    if not prepared.planned:
        raise NotFound("printing.nothing_selected")
    try:
        rendered = render_pdf([p.doc for p in prepared.planned], prepared.title, even=two_sided,
                              partial=len(prepared.planned) > 1)
    except (GlyphsMissing, PictureRefused, FontUnavailable) as exc:
        raise ActionRefused(exc.msg) from exc
    left_out = frozenset(r.index for r in rendered.refused)
    prepared.rendered["left_out"] = left_out
    printed = [p for n, p in enumerate(prepared.planned) if n not in left_out]
    codes = [p.doc.stamp.code for p in printed if p.contents and p.doc.stamp is not None]
    drafts = sum(1 for p in printed if getattr(p.doc, "final", True) is False)
    return PrintJob(rendered.pdf, rendered.pages, rendered.documents, codes, drafts, rendered.refused)


def record(session: Session, prepared: Prepared, job: PrintJob | None = None) -> list[str]:
    """Keep what each printed final document was printed with (needs a ``Database.write()`` session).

    Documents ``job`` (or the last ``render`` of ``prepared``) left out are not recorded; never rendered,
    they are checked here.
    """
    if job is not None:
        left_out = frozenset(r.index for r in job.refused)
    elif "left_out" in prepared.rendered:
        left_out = prepared.rendered["left_out"]
    else:
        left_out = frozenset(n for n, p in enumerate(prepared.planned) if refusal(p.doc) is not None)
    return _record(session, [p for n, p in enumerate(prepared.planned) if n not in left_out])


def prepare_form(session: Session, form_id: str, sel: Selection) -> Prepared:
    return Prepared(tuple(plan(session, form_id, sel)), _annex(form_id))


def prepare_all(session: Session, sel: Selection) -> Prepared:
    """All annexes of a selection, in annex order (a district's whole file)."""
    if sel.district_id is None and sel.unit_id is None and sel.reviewer_id is None and sel.planner_id is None:
        raise ActionRefused("printing.all_needs_selection")
    level = roster.reviewer(session, sel.reviewer_id).level if sel.reviewer_id is not None else None
    planned: list[Planned] = []
    for form_id in ANNEXES:
        if (sel.unit_id is not None or sel.planner_id is not None) and form_id not in ("3-1", "5-1"):
            continue
        if level is not None and REVIEWER_FORMS.get(form_id) != level:
            continue
        planned += plan(session, form_id, sel)
    return Prepared(tuple(planned), text("printing.all_title", PAPER))


def prepare_sheet(session: Session, sheet_id: int) -> Prepared:
    """One stored sheet; a 3-2 sheet prints as its reviewer's whole matrix, as it is signed."""
    rec = print_content.load(session, [sheet_id]).get(sheet_id)
    if rec is None:
        raise NotFound("printing.no_sheet", sheet=sheet_id)
    if rec.form_id == "3-2":
        return prepare_form(session, "3-2", Selection(rec.year, reviewer_id=rec.reviewer_id))
    if rec.form_id == "4-1":
        return prepare_form(session, "4-1", Selection(rec.year, district_id=rec.district_id))
    if rec.appointment_id is not None:
        heading = Heading(rec.year, rec.district, rec.unit, rec.planner,
                          office=rec.answers.get("header:office") or rec.unit)
    else:
        heading = Heading(rec.year, rec.district, office=rec.district, reviewer=rec.reviewer,
                          organisation=rec.reviewer_org)
    return Prepared((_sheet_doc(rec.form_id, rec, heading),), _annex(rec.form_id))


def _finish(session: Session, prepared: Prepared, keep: bool, two_sided: bool = False) -> PrintJob:
    job = render(prepared, two_sided=two_sided)
    if keep:
        record(session, prepared, job)
    return job


def print_form(session: Session, form_id: str, sel: Selection, *, record: bool = True,
               two_sided: bool = False) -> PrintJob:
    """Every sheet of one annex in a selection (a unit, a planner, a reviewer, a district), one PDF."""
    return _finish(session, prepare_form(session, form_id, sel), record, two_sided)


def print_all(session: Session, sel: Selection, *, record: bool = True, two_sided: bool = False) -> PrintJob:
    """All annexes of a selection into one PDF (``two_sided``: each document padded to an even page count)."""
    return _finish(session, prepare_all(session, sel), record, two_sided)


def print_sheet(session: Session, sheet_id: int, *, record: bool = True) -> PrintJob:
    """One stored sheet (a 3-2 sheet as its reviewer's matrix), recorded when final."""
    return _finish(session, prepare_sheet(session, sheet_id), record)


def blank_doc(form_id: str, year: int = 0) -> Document:
    """The empty form ``form_id`` (of ``year``, 0: the year left to write by hand)."""
    form = catalogue.form(form_id)
    heading = Heading(year)
    if form_id == "3-2":
        return MatrixDoc(form, heading, (), final=False)
    if form_id == "3-3":
        return RankingDoc(form, heading, None, None, (), False)
    if form_id == "4-1":
        return blank_summary(year)
    return SheetDoc(form, heading, final=False, blank=True)


def print_blank(form_id: str, year: int = 0) -> PrintJob:
    """An empty form to hand out (5-1) or fill by hand; nothing is read or recorded."""
    rendered = render_pdf([blank_doc(form_id, year)], _annex(form_id))
    return PrintJob(rendered.pdf, rendered.pages, 1)
