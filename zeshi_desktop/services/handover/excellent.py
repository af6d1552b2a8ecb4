"""Nominations travel district → city, the city's decisions travel back (Article 24).

The district → city package carries ``区级推荐``: every appointment the
district nominated (its 推荐 mark), with its 3-3 rank of N, 总分 (exact) and
band as ``zeshi rank`` computes them, and the district's 4-2 answer on
contracts — a district that has not signed every contract cannot be an
excellent district, so the city's board marks its nominees. The city →
district package carries ``市级评选``: the city's decision on each of that
district's nominees (入选 / 未入选 / 待定) with its reason.

Each table is read through the checked boundary (``packages.tables``) and
every cell here is checked before anything is written: a district other
than the package's, an unknown unit or planner, a rank that is not a whole
number, a 总分 that is not a number, a band or an outcome word the program
does not know, a row given twice — each is a refused cell, named. A package
without the table (an older program's) leaves the decisions here as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from zeshi_desktop.messages import Message
from zeshi_desktop.packages.errors import CellProblem
from zeshi_desktop.packages.package_workbook import ReadPackage
from zeshi_desktop.packages.tables import TableRow
from zeshi_desktop.packages.words import written, yes_no
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.handover.apply import ImportAudit
from zeshi_desktop.services.handover.excellent_tables import NOMINATIONS, SELECTIONS
from zeshi_desktop.services.handover.plan import Resolver
from zeshi_desktop.services.meeting import nominations, ranking
from zeshi_desktop.store.models import Appointment, District, Planner, Unit, utcnow
from zeshi_desktop.store.result_models import ExcellentNomination, ExcellentSelection

OUTCOMES = {"results.outcome.selected": True, "results.outcome.not_selected": False, "results.outcome.pending": None}
SELECTED, NOT_SELECTED = "selected", "not_selected"


def _exact(value: Decimal | None) -> str:
    """A 总分 as the file holds it: every digit, never an exponent."""
    return "" if value is None else format(value, "f")


def _nominees(session: Session, year: int, district_id: int) -> list[tuple[int, str, str, str, str]]:
    q = (select(Appointment.id, Unit.code, Unit.name, Planner.code, Planner.name)
         .join(Unit, Unit.id == Appointment.unit_id).join(Planner, Planner.id == Appointment.planner_id)
         .where(Appointment.year == year, Unit.district_id == district_id, Appointment.recommended.is_(True))
         .order_by(Unit.code, Planner.code))
    return [tuple(row) for row in session.execute(q)]  # type: ignore[misc]


def nomination_rows(session: Session, year: int, d: District) -> list[dict[str, object]]:
    """The district's nominations with their 3-3 figures and its 4-2 answer, for the district → city package."""
    nominees = _nominees(session, year, d.id)
    if not nominees:
        return []   # nothing to carry: the district's ranking is not computed for nothing
    result = ranking.district_ranking(session, year, d.id)
    rows = {r.key: r for r in result.rows}
    ranked = sum(1 for r in result.rows if r.rank is not None)
    # the district's own 4-2 answer, as the city ranking reads it (not the whole city's ranking for one answer)
    signed = ranking.contracts_signed(session, year, ranking.city_damage(session, year), d.id).get(d.id)
    out: list[dict[str, object]] = []
    for app, unit_code, unit, planner_code, planner in nominees:
        r = rows.get(app)
        out.append({"district": d.code, "unit": unit_code, "unit_name": unit, "planner": planner_code,
                    "planner_name": planner, "rank": r.rank if r and r.rank is not None else "", "ranked": ranked,
                    "total": _exact(r.total) if r else "", "band": r.band.label.zh if r and r.band else "",
                    "contracts": "" if signed is None else yes_no(signed)})
    return out


def selection_rows(session: Session, year: int, d: District) -> list[dict[str, object]]:
    """The city's decision on each of the district's nominees, for the city → district package."""
    found = _nominees(session, year, d.id)
    decided = {s.appointment_id: s for s in session.scalars(select(ExcellentSelection).where(
        ExcellentSelection.appointment_id.in_([row[0] for row in found])))} if found else {}
    out: list[dict[str, object]] = []
    for app, unit_code, unit, planner_code, planner in found:
        s = decided.get(app)
        outcome = "results.outcome.pending" if s is None else (
            "results.outcome.selected" if s.selected else "results.outcome.not_selected")
        out.append({"district": d.code, "unit": unit_code, "unit_name": unit, "planner": planner_code,
                    "planner_name": planner, "outcome": written(outcome), "reason": s.reason if s else ""})
    return out


@dataclass(frozen=True)
class NominationIn:
    unit: str
    planner: str
    rank: int | None
    ranked: int | None
    total: str
    band: str
    contracts: bool | None


@dataclass(frozen=True)
class SelectionIn:
    unit: str
    planner: str
    selected: bool | None
    reason: str


@dataclass
class ExcellentPlan:
    """What a package says about the excellent planners of its district, checked cell by cell."""

    district: str                                  # the package's district (code)
    district_name: str
    sender: str = ""                               # the installation that made it (the city's, for decisions)
    nominations: list[NominationIn] | None = None  # district → city
    selections: list[SelectionIn] | None = None    # city → district
    names: dict[tuple[str, str], str] = field(default_factory=dict)

    def describe(self) -> list[Message]:
        """The preview's lines (``results.import.*``)."""
        out = []
        if self.nominations is not None:
            out.append(Message("results.import.nominations", district=self.district_name, count=len(self.nominations),
                               names=[self.names.get((n.unit, n.planner), n.unit) for n in self.nominations]))
        if self.selections is not None:
            counts = {v: sum(1 for s in self.selections if s.selected is v) for v in (True, False, None)}
            out.append(Message("results.import.selections", district=self.district_name, selected=counts[True],
                               not_selected=counts[False], pending=counts[None]))
        return out


def _whole(row: TableRow, key: str, sheet: str, problems: list[CellProblem]) -> int | None:
    raw = row.values.get(key, "")
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < 1:
        problems.append(CellProblem(sheet, row.cell(key), Message("results.import.not_whole", value=raw)))
        return None
    return int(raw)


def _common(row: TableRow, sheet: str, district: str, resolver: Resolver, seen: set[tuple[str, str]],
            problems: list[CellProblem]) -> tuple[str, str] | None:
    """The row's unit and planner, when it is of the package's district, known here and not given before."""
    code = row.values.get("district", "")
    if code != district:
        problems.append(CellProblem(sheet, row.cell("district"), Message("results.import.other_district",
                                                                         district=code, package=district)))
        return None
    unit, planner = row.values.get("unit", ""), row.values.get("planner", "")
    unknown = resolver.unknown_parts("appointment", f"{unit}/{planner}")
    if unknown:
        problems.extend(CellProblem(sheet, row.cell("unit"), why) for why in unknown)
        return None
    if (unit, planner) in seen:
        problems.append(CellProblem(sheet, row.cell("unit"), Message("results.import.twice", unit=unit,
                                                                     planner=planner)))
        return None
    seen.add((unit, planner))
    return unit, planner


def _nominations(rows: list[TableRow], plan: ExcellentPlan, resolver: Resolver, problems: list[CellProblem]) -> None:
    bands = {b.label.zh: b.id for b in catalogue.form("3-3").bands}
    answers = {yes_no(True): True, yes_no(False): False, "": None}
    seen: set[tuple[str, str]] = set()
    plan.nominations = []
    for row in rows:
        key = _common(row, NOMINATIONS.sheet, plan.district, resolver, seen, problems)
        rank, ranked = _whole(row, "rank", NOMINATIONS.sheet, problems), _whole(row, "ranked", NOMINATIONS.sheet,
                                                                                  problems)
        total = row.values.get("total", "")
        try:
            ok = not total or (Decimal(total).is_finite() and Decimal(total) >= 0)
        except InvalidOperation:
            ok = False
        if not ok:
            problems.append(CellProblem(NOMINATIONS.sheet, row.cell("total"),
                                        Message("results.import.not_a_number", value=total)))
        band = row.values.get("band", "")
        if band and band not in bands:
            problems.append(CellProblem(NOMINATIONS.sheet, row.cell("band"), Message(
                "results.import.unknown_word", value=band, words=list(bands))))
        contracts = row.values.get("contracts", "")
        if contracts not in answers:
            problems.append(CellProblem(NOMINATIONS.sheet, row.cell("contracts"), Message(
                "results.import.unknown_word", value=contracts, words=[yes_no(True), yes_no(False)])))
        if key is not None:
            plan.names[key] = row.values.get("unit_name", "") or key[0]
            plan.nominations.append(NominationIn(key[0], key[1], rank, ranked, total, bands.get(band, ""),
                                                 answers.get(contracts)))


def _selections(rows: list[TableRow], plan: ExcellentPlan, resolver: Resolver, problems: list[CellProblem]) -> None:
    words = {written(code): value for code, value in OUTCOMES.items()}
    seen: set[tuple[str, str]] = set()
    plan.selections = []
    for row in rows:
        key = _common(row, SELECTIONS.sheet, plan.district, resolver, seen, problems)
        outcome = row.values.get("outcome", "")
        if outcome not in words:
            problems.append(CellProblem(SELECTIONS.sheet, row.cell("outcome"), Message(
                "results.import.unknown_word", value=outcome, words=list(words))))
        elif key is not None:
            plan.selections.append(SelectionIn(key[0], key[1], words[outcome], row.values.get("reason", "")))


def table_of(rp: ReadPackage, kind: str) -> str | None:
    """The excellent-planner table a package of ``kind`` carries (its sheet's name), or None."""
    sheet = {"district-city": NOMINATIONS.sheet, "city-district": SELECTIONS.sheet}.get(kind)
    return sheet if sheet is not None and sheet in rp.table_rows else None


def plan(rp: ReadPackage, kind: str, origin: dict[str, str], resolver: Resolver,
         problems: list[CellProblem]) -> ExcellentPlan | None:
    """What the package's excellent-planner table says, checked; None when it carries none (or not this kind's).

    The package's district (its manifest's origin) is known here: the importer checks it first.
    """
    sheet = table_of(rp, kind)
    if sheet is None:
        return None
    found = ExcellentPlan(origin.get("district", ""), origin.get("district_name", "") or origin.get("district", ""),
                          origin.get("installation", ""))
    if kind == "district-city":
        _nominations(rp.table_rows[sheet], found, resolver, problems)
    else:
        _selections(rp.table_rows[sheet], found, resolver, problems)
    return found


def _appointments(session: Session, year: int, district_id: int) -> dict[tuple[str, str], Appointment]:
    q = (select(Appointment, Unit.code, Planner.code).join(Unit, Unit.id == Appointment.unit_id)
         .join(Planner, Planner.id == Appointment.planner_id)
         .where(Appointment.year == year, Unit.district_id == district_id))
    return {(u, p): a for a, u, p in session.execute(q)}


def apply(session: Session, year: int, found: ExcellentPlan, resolver: Resolver, audit: ImportAudit) -> None:
    """Write what the package says for its district: the nominations at the city, the decisions at the district.

    The package speaks for all of its district: a nomination (or a decision)
    it no longer carries is taken back. Every change leaves an audit row
    naming the package and its sender.
    """
    district_id = resolver.districts[found.district]
    apps = _appointments(session, year, district_id)
    why = audit.why("results.audit.imported")
    if found.nominations is not None:
        wanted = {(n.unit, n.planner): n for n in found.nominations}
        for key, a in apps.items():
            nominations.nominate(session, a.id, key in wanted, audit.actor, reason=why, package_id=audit.package_id,
                                 signer=audit.signer)
        ids = [a.id for a in apps.values()]
        if ids:
            session.execute(delete(ExcellentNomination).where(ExcellentNomination.appointment_id.in_(ids)))
        for key, n in wanted.items():
            session.add(ExcellentNomination(appointment_id=apps[key].id, rank=n.rank, ranked=n.ranked, total=n.total,
                                            band=n.band, contracts_signed=n.contracts, package_id=audit.package_id,
                                            received_at=utcnow()))
    if found.selections is not None:
        given = {(s.unit, s.planner): s for s in found.selections}
        current = {s.appointment_id: s for s in session.scalars(select(ExcellentSelection).where(
            ExcellentSelection.appointment_id.in_([a.id for a in apps.values()])))} if apps else {}
        for key, a in apps.items():
            s, row = given.get(key), current.get(a.id)
            old = "" if row is None else (SELECTED if row.selected else NOT_SELECTED)
            new = "" if s is None or s.selected is None else (SELECTED if s.selected else NOT_SELECTED)
            reason = s.reason if s is not None and new else ""
            if (old, row.reason if row is not None else "") == (new, reason):
                continue
            if not new:
                session.delete(row)
            else:
                if row is None:
                    row = ExcellentSelection(appointment_id=a.id, selected=new == SELECTED)
                    session.add(row)
                row.selected, row.reason, row.package_id = new == SELECTED, reason, audit.package_id
                row.decided_by, row.decided_at = found.sender[:64], utcnow()
            nominations.audit(session, nominations.SELECT, nominations.item_of(session, a.id), old, new, audit.actor,
                              f"{why}：{reason}" if reason else why, audit.package_id, audit.signer)
    session.flush()
