"""The verification code of the district's 3-3 result file, the paper that decides 优秀.

The result file is computed, not stored: its rows come from the district's
3-1 and 3-2 sheets and its weights. Its code covers what the page shows (year,
district, both weights, every row's rank, unit, planner and three figures) and
carries the uid of a stored sheet so ``verify`` can find the district again:
the district's first 3-1 sheet in print order (a final result file has every
3-1 final). ``zeshi print 3-3`` and the exported result file
(``result_file.export_district_results``) build the page here, so the two print
the same code for the same result, and ``verify`` rebuilds it here to compare.
No reportlab is imported: ``zeshi verify`` stays light.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import verification as vdomain
from zeshi_desktop.domain.ranking import result_lines
from zeshi_desktop.domain.scores import display
from zeshi_desktop.messages import text
from zeshi_desktop.printing.data import PAPER, Heading, RankingDoc, Stamp
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.meeting import ranking
from zeshi_desktop.store.models import Appointment, District, Planner, Sheet, Unit


@dataclass(frozen=True)
class StampedResult:
    """A result file ready to print: the document (with its code when final), what the code covers, the
    stored sheet the code names."""

    doc: RankingDoc
    contents: list[vdomain.SheetContent] | None = None
    ref_sheet_id: int | None = None


def reference_sheet(session: Session, year: int, district_id: int) -> tuple[int, str] | None:
    """(id, uid) of the district's first 3-1 sheet in print order (unit code, planner code), or None."""
    street_form = catalogue.form("3-3").weights
    form_id = street_form.street_form if street_form is not None else "3-1"
    row = session.execute(
        select(Sheet.id, Sheet.uid).join(Appointment, Appointment.id == Sheet.appointment_id)
        .join(Unit, Unit.id == Appointment.unit_id).join(Planner, Planner.id == Appointment.planner_id)
        .where(Sheet.year == year, Sheet.form_id == form_id, Unit.district_id == district_id)
        .order_by(Unit.code, Planner.code, Sheet.id).limit(1)).first()
    return None if row is None else (row[0], row[1])


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{display(value)}%"


def _figure(value: Decimal | None) -> str:
    return "" if value is None else display(value)


def content(doc: RankingDoc, ref_uid: str, district_code: str) -> vdomain.SheetContent:
    """What the code of ``doc`` covers, as the page prints it."""
    weights = {"street_weight": _percent(doc.street_weight), "district_weight": _percent(doc.district_weight)}
    rows = [("" if r.rank is None else str(r.rank), r.unit, r.planner, _figure(r.street_weighted),
             _figure(r.district_weighted), _figure(r.total)) for r in doc.rows]
    label = text("printing.sheet.label", PAPER, form="3-3", who=doc.heading.district)
    return vdomain.ranking_content(ref_uid, doc.form.version, doc.heading.year, district_code, doc.heading.district,
                                   weights, rows, label)


def stamp(session: Session, doc: RankingDoc, district_id: int) -> StampedResult:
    """``doc`` with its verification code when it is final (a draft carries none)."""
    if not doc.final or not doc.rows:
        return StampedResult(doc)
    ref = reference_sheet(session, doc.heading.year, district_id)
    code = session.scalar(select(District.code).where(District.id == district_id))
    if ref is None or code is None:
        return StampedResult(doc)
    contents = [content(doc, ref[1], code)]
    return StampedResult(replace(doc, stamp=Stamp(vdomain.make_code(contents))), contents, ref[0])


def _doc(session: Session, year: int, district_id: int) -> RankingDoc:
    result = ranking.district_ranking(session, year, district_id)
    return RankingDoc(catalogue.form("3-3"), Heading(year, result.district), result.weights.street,
                      result.weights.district, result_lines(result.rows), ranking.result_is_final(session, result))


def result_doc(session: Session, year: int, district_id: int) -> StampedResult:
    """The district's result file as ``zeshi print 3-3`` prints it, stamped when final."""
    return stamp(session, _doc(session, year, district_id), district_id)


def current(session: Session, year: int, district_id: int) -> list[vdomain.SheetContent]:
    """What the district's result file would print now (for ``verify``), final or not."""
    ref = reference_sheet(session, year, district_id)
    code = session.scalar(select(District.code).where(District.id == district_id))
    if ref is None or code is None:
        return []
    return [content(_doc(session, year, district_id), ref[1], code)]
