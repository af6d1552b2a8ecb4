"""Building the 4-1 district summary for printing: texts, cases with pictures, roster appendix.

The appendix is printed from the roster, so its rows are part of what the code covers (``content``).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from zeshi_desktop.domain.verification import SheetContent
from zeshi_desktop.messages import text
from zeshi_desktop.printing.data import (
    PAPER,
    AppendixTable,
    Case,
    Heading,
    Picture,
    SummaryDoc,
)
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.printing.content import SheetRecord
from zeshi_desktop.services.printing.planned import Planned, stamp_for
from zeshi_desktop.services.scoring import district_summary as summary

APPENDIX_COLUMNS = {"teams": ("unit", "planner", "kind", "organisation", "leader"),
                    "members": ("planner", "member", "discipline", "qualification", "core"),
                    "contracts": ("unit", "planner", "term", "appointment", "contract"),
                    "funds": ("unit", "planner", "fee", "paid")}


def _words(code: str, **params: object) -> str:
    """The appendix's own words (``printing.appendix.*``), printed in the paper's language."""
    return text(f"printing.appendix.{code}", PAPER, **params)


def _table(name: str, rows: tuple[tuple[str, ...], ...]) -> AppendixTable:
    return AppendixTable(_words(f"{name}.title"), tuple(_words(f"column.{c}") for c in APPENDIX_COLUMNS[name]), rows)


def _either(flag: bool, yes: str, no: str) -> str:
    return _words(yes if flag else no)


def _appendix(session: Session, year: int, district_id: int) -> tuple[AppendixTable, ...]:
    """The four tables the outline's appendix names, from the roster of the district."""
    apps = roster.appointments(session, year, district_id)
    planners = {a.planner_id: roster.planner(session, a.planner_id) for a in apps}
    teams = tuple((a.unit, a.planner, _either(planners[a.planner_id].is_team, "team", "individual"),
                   planners[a.planner_id].organisation, planners[a.planner_id].leader) for a in apps)
    members = tuple((p.name, m.name, m.discipline, m.qualification, text("common.yes" if m.is_core else "common.no", PAPER))
                    for p in planners.values() for m in p.members)
    contracts = tuple((a.unit, a.planner, _words("term", start=a.term_start, years=a.term_years),
                       _either(a.renewal, "renewal", "first"), _either(a.contract_signed, "signed", "unsigned"))
                      for a in apps)
    funds = tuple((a.unit, a.planner, "" if a.fee_amount is None else f"{a.fee_amount:,}",
                   _either(a.fee_paid, "paid", "unpaid")) for a in apps)
    return (_table("teams", teams), _table("members", members), _table("contracts", contracts),
            _table("funds", funds))


def _cases(session: Session, rec: SheetRecord) -> tuple[Case, ...]:
    pictures: dict[str, list[Picture]] = {}
    for p in summary.pictures(session, rec.id):
        pictures.setdefault(p.key, []).append(Picture(p.name, p.mime, p.data, p.caption))
    return tuple(Case(rec.answers.get(f"title:cases#{n}", ""), rec.answers.get(f"text:cases#{n}", ""),
                      tuple(pictures.get(f"cases#{n}", ()))) for n in summary.case_numbers(rec.answers, pictures))


def printed_appendix(tables: tuple[AppendixTable, ...]) -> dict[str, str]:
    """The appendix rows as a verification code covers them (``appendix:teams#1`` → the row's cells)."""
    return {f"appendix:{name}#{n}": " | ".join(row)
            for name, table in zip(APPENDIX_COLUMNS, tables) for n, row in enumerate(table.rows, start=1)}


def content(session: Session, rec: SheetRecord) -> SheetContent:
    """What the code of a district's printed 4-1 covers now: its texts, pictures, captions and appendix."""
    return rec.content(printed_appendix(_appendix(session, rec.year, rec.district_id)))


def blank_summary(year: int = 0) -> SummaryDoc:
    """A 4-1 to write by hand: ruled space under each heading, the appendix tables with empty rows."""
    tables = tuple(_table(name, ()) for name in APPENDIX_COLUMNS)
    return SummaryDoc(catalogue.form("4-1"), Heading(year), {}, (), tables, final=False, blank=True)


def summary_doc(session: Session, year: int, district: roster.DistrictView, rec: SheetRecord | None) -> Planned:
    """The planned 4-1 document of a district."""
    form = catalogue.form("4-1")
    heading = Heading(year, district.name)
    texts = {} if rec is None else {k[5:]: v for k, v in rec.answers.items()
                                     if k.startswith("text:") and "#" not in k}
    cases = () if rec is None else _cases(session, rec)
    final = rec is not None and rec.is_final
    appendix = _appendix(session, year, district.id)
    contents = [rec.content(printed_appendix(appendix))] if rec is not None and final else None
    doc = SummaryDoc(form, heading, texts, cases, appendix, final,
                     stamp=stamp_for(contents) if contents else None)
    return Planned(doc, contents, rec.id if rec is not None else None)
