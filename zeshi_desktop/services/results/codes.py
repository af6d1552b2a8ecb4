"""``verify`` for the papers that are no annex: what a letter or the city's list would print now, named for people.

``services.printing.verification`` finds the stored sheet a code names (a
letter's and the list's codes name a 3-1 sheet, as the 3-3 result file's do)
and asks here for the paper's content as it would print now, for a label of
each key a change names, and for the sheets behind the paper that are
unlocked. No reportlab is imported: ``zeshi verify`` stays light.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import verification as vdomain
from zeshi_desktop.messages import Message, text
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import NotFound
from zeshi_desktop.services.results import contents, feedback, honours
from zeshi_desktop.services.results.common import texts
from zeshi_desktop.store.models import Appointment, Planner, Sheet, Unit

KINDS = (contents.FEEDBACK, contents.HONOURS)
REF_FORM = "3-1"      # the stored sheet a paper's code names

_FIGURES = {"street_score": "results.letter.street_total", "district_score": "results.letter.group_final",
            "total": "results.letter.total", "rank": "results.letter.rank"}


def document(kind: str) -> Message:
    """The paper's name, as ``verify`` says it (考核结果反馈, 市级优秀责任规划师名单)."""
    return Message(f"results.kind.{kind}")


def current(session: Session, kind: str, year: int, appointment_id: int | None) -> list[vdomain.SheetContent]:
    """What the paper whose code names this 3-1 (of ``appointment_id`` in ``year``) would print now."""
    if kind == contents.FEEDBACK:
        if appointment_id is None:
            return []
        try:
            letter = feedback.letter(session, year, appointment_id)
        except NotFound:
            return []
        return [contents.feedback_content(letter, letter.ref_sheet[1])] if letter.ref_sheet else []
    found = honours.honours(session, year)
    return [contents.honours_content(found, found.ref_sheet[1])] if found.rows and found.ref_sheet else []


def label(kind: str, key: str, lang: str = "zh") -> str:
    """How a change names its key: a figure, a remark, an item by its text, an earlier year, a row of the list."""
    what, _, rest = key.partition(":")
    if key == "year":
        return text("printing.verify.year", lang)
    if what == "name":
        return text(f"printing.field.{rest}", lang)
    if what == "figure":
        return text(_FIGURES.get(rest, f"results.verify.{rest}"), lang)
    if what == "item":
        form = catalogue.form(catalogue.form("3-3").weights.district_form)  # type: ignore[union-attr]
        return form.item(rest).text.get(lang) if form.has_item(rest) else rest
    if what == "earlier":
        year, _, unit = rest.partition(":")
        return text("results.verify.earlier", lang, year=year, unit=unit)
    if what == "row":
        return text("printing.verify.row", lang, row=rest)
    if key in ("term", "excellent", "remark:office", "remark:reviewers"):
        return text("results.verify." + key.replace(":", "_"), lang)
    return key


def unlocked(session: Session, kind: str, year: int, district_id: int | None) -> tuple[str, ...]:
    """The 3-1 and 3-2 sheets behind a letter (its district's: the rank counts them all) that are not final now."""
    if kind != contents.FEEDBACK or district_id is None:
        return ()
    rule = catalogue.form("3-3").weights
    forms = (rule.street_form, rule.district_form) if rule is not None else ("3-1", "3-2")
    # DISTINCT may order only by what it selects (PostgreSQL holds to it): the codes come along
    q = (select(Unit.name, Planner.name, Unit.code, Planner.code).select_from(Sheet)
         .join(Appointment, Appointment.id == Sheet.appointment_id)
         .join(Unit, Unit.id == Appointment.unit_id).join(Planner, Planner.id == Appointment.planner_id)
         .where(Sheet.year == year, Sheet.form_id.in_(forms), Sheet.status != "final", Unit.district_id == district_id)
         .order_by(Unit.code, Planner.code).distinct())
    return tuple(f"{unit}（{planner}）" for unit, planner, _, _ in session.execute(q))


def who(kind: str, year: int, sheet_who: str) -> str:
    """The paper as the answer names it: a letter by its unit and planner, the list by its title."""
    if kind == contents.HONOURS:
        return texts().honours["title"].fill("zh", year=year)
    return sheet_who
