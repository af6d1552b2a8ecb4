"""Checking a roster workbook row by row against the rules and the store, before anything is written.

Every bad cell is noted (sheet and cell named) and the checking goes on, so a
person sees all the mistakes of a workbook at once. The result is a plan:
the typed values to write and what would be added, changed or left as it was.
The reasons are ``roster.cell.*`` messages; the circles, unit kinds, levels
and yes/no words are the terms of ``forms/roster.toml``. A yes/no cell takes
是/否, yes/no or true/false in any case. A name with a character neither
printing font has is imported with a warning (``RosterPlan.warnings``,
``printing.unprintable_name``): the sheets that show it will be refused when
printed, and the office should learn that at the import, not at the print.
Each row that would be added, changed or moved (a unit to another district) is
listed with the fields that differ (``RosterPlan.rows``), for the app's preview.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from zeshi_desktop.domain.forms import Label
from zeshi_desktop.domain.scores import normalise_text
from zeshi_desktop.messages import Message
from zeshi_desktop.packages import roster_workbook as rw
from zeshi_desktop.packages.errors import CellProblem
from zeshi_desktop.packages.tables import TableRow
from zeshi_desktop.services.catalogue import roster_terms
from zeshi_desktop.services.roster.directory import CIRCLES, UNIT_KINDS
from zeshi_desktop.store.models import Appointment, District, Planner, Reviewer, Unit

TERMS = roster_terms()   # read once: a city's workbook has thousands of yes/no cells
YES, NO = TERMS.flag_text(True), TERMS.flag_text(False)
LEVELS = {level.label.zh: level.id for level in TERMS.levels}   # 区级 → district
LEVEL_TEXT = {v: k for k, v in LEVELS.items()}
SHEETS = tuple(spec.sheet for spec in rw.ROSTER_TABLES)


@dataclass
class SheetCount:
    added: int = 0
    changed: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class RowChange:
    """One row the import would add, change or move, as the preview lists it."""

    sheet: str                                    # the workbook's sheet, as the file names it (Chinese)
    code: str                                     # the row's 编号 (unit / planner for an appointment)
    name: str                                     # what the row is called
    action: str                                   # added | changed | moved (a unit to another district)
    fields: tuple[tuple[str, str, str], ...] = ()  # (column key, old, new) of each value that differs


@dataclass
class RosterPlan:
    """What importing a roster would do, checked, not yet applied."""

    year: int
    districts: dict[str, dict[str, Any]] = field(default_factory=dict)
    units: dict[str, dict[str, Any]] = field(default_factory=dict)
    planners: dict[str, dict[str, Any]] = field(default_factory=dict)
    members: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    appointments: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    reviewers: dict[str, dict[str, Any]] = field(default_factory=dict)
    counts: dict[str, SheetCount] = field(default_factory=lambda: {s: SheetCount() for s in SHEETS})
    problems: list[CellProblem] = field(default_factory=list)
    warnings: list[CellProblem] = field(default_factory=list)   # imported anyway: a name neither font prints
    rows: list[RowChange] = field(default_factory=list)         # added, changed and moved rows, in sheet order

    @property
    def changes(self) -> int:
        return sum(c.added + c.changed for c in self.counts.values())


# Characters the main font surely has (ASCII, the 20,902 ideographs of Unicode 1.1, full-width forms and the
# common punctuation): a name made only of them needs no font loaded to know it prints.
_SURELY_PRINTABLE = re.compile(r"[\x20-\x7e\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u3001\u3002"
                               r"\u300a-\u3011\u4e00-\u9fa5\uff01-\uff5e]*")


def unprintable(value: str) -> list[str]:
    """Characters of ``value`` that neither printing font has (a name with 𠮷 U+20BB7), each once.

    Names with characters outside the common set are checked against the fonts
    themselves (read once, on first need); without a font nothing is reported.
    """
    if not value or _SURELY_PRINTABLE.fullmatch(value):
        return []
    from zeshi_desktop.printing import (
        fonts,  # reportlab and the font: only for an unusual name
    )

    try:
        return fonts.missing_chars(value)
    except fonts.FontUnavailable:
        return []


class _Checker:
    """Turns the text of one row into typed values, noting every bad cell (and every name that will not print)."""

    def __init__(self, problems: list[CellProblem], warnings: list[CellProblem] | None = None) -> None:
        self.problems = problems
        self.warnings = warnings if warnings is not None else []

    def bad(self, row: TableRow, key: str, reason: Message) -> None:
        self.problems.append(CellProblem(row.sheet, row.cell(key), reason))

    def printable(self, row: TableRow, *keys: str) -> None:
        """Warn (not refuse) about a name with a character neither printing font has: it imports, but the
        sheets that show it will be refused when printed, so the office learns it now."""
        for key in keys:
            value = row.values.get(key, "")
            for ch in unprintable(value):
                self.warnings.append(CellProblem(row.sheet, row.cell(key), Message(
                    "printing.unprintable_name", value=value, char=ch, codepoint=f"U+{ord(ch):04X}")))

    def text(self, row: TableRow, key: str, required: bool = False) -> str:
        value = row.values.get(key, "")
        if required and not value:
            self.bad(row, key, Message("roster.cell.required", header=_header(row.sheet, key)))
        return value

    def flag(self, row: TableRow, key: str, default: bool = False) -> bool:
        value = row.values.get(key, "")
        if not value:
            return default
        flag = TERMS.flag(value)
        if flag is None:
            self.bad(row, key, Message("roster.cell.not_yes_no", value=value))
            return default
        return flag

    def integer(self, row: TableRow, key: str, minimum: int = 0, required: bool = False) -> int | None:
        value = normalise_text(row.values.get(key, ""))
        if not value:
            if required:
                self.text(row, key, required=True)
            return None
        if not value.isdigit() and not (value.startswith("-") and value[1:].isdigit()):
            self.bad(row, key, Message("roster.cell.not_whole_number", value=value))
            return None
        number = int(value)
        if number < minimum:
            self.bad(row, key, Message("roster.cell.below_minimum", number=number, minimum=minimum))
            return None
        return number

    def one_of(self, row: TableRow, key: str, allowed: Iterable[str], default: str | None = None) -> str:
        allowed = tuple(allowed)
        value = row.values.get(key, "") or (default or "")
        if value not in allowed:
            self.bad(row, key, Message("roster.cell.not_one_of", value=value, allowed=list(allowed)))
        return value

    def unique(self, row: TableRow, key: str, value: Any, seen: dict[Any, str]) -> bool:
        if value in seen:
            self.bad(row, key, Message("roster.cell.code_repeated", code=str(value), first=seen[value]))
            return False
        seen[value] = f"{row.sheet}!{row.cell(key)}"
        return True


def _header(sheet: str, key: str) -> Label:
    """A column's header in both languages (``forms/roster.toml``), for naming it in a reason."""
    found = next(s for s in TERMS.sheets if s.name.zh == sheet)
    return found.header(key)


def cell_text(value: Any) -> str:
    """A value as the workbook writes it (是/否 for a flag, nothing for none)."""
    if isinstance(value, bool):
        return YES if value else NO
    return "" if value is None else str(value)


def _compare(plan: RosterPlan, sheet: str, current: dict[str, Any] | None, wanted: dict[str, Any],
             code: str = "", name: str = "") -> None:
    count = plan.counts[sheet]
    if current is None:
        count.added += 1
        plan.rows.append(RowChange(sheet, code, name, "added"))
        return
    differ = tuple((k, cell_text(current.get(k)), cell_text(v)) for k, v in wanted.items() if current.get(k) != v)
    if differ:
        count.changed += 1
        moved = sheet == rw.UNITS.sheet and any(k == "district" for k, _, _ in differ)
        plan.rows.append(RowChange(sheet, code, name, "moved" if moved else "changed", differ))
    else:
        count.unchanged += 1


def _fields(obj: Any, keys: Iterable[str]) -> dict[str, Any]:
    return {k: getattr(obj, k) for k in keys}


def plan_roster(session: Session, year: int, read: rw.RosterRead,
                problems: list[CellProblem] | None = None) -> RosterPlan:
    """Check every row against the rules and the store; count what would be added or changed."""
    plan = RosterPlan(year, problems=list(problems or []))
    check = _Checker(plan.problems, plan.warnings)

    def codes(sheet: str, *keys: str) -> list[str]:
        return list({row.values.get(k, "") for row in read.get(sheet, []) for k in keys} - {""})

    # Only the rows the workbook names are loaded as objects, so importing a
    # district's package into the city's store does not load the whole city.
    db_districts = {d.code: d for d in session.scalars(select(District))}
    db_units = {u.code: u for u in _in(session, select(Unit), Unit.code, codes(rw.UNITS.sheet, "code"))}
    db_planners = {p.code: p for p in _in(session, select(Planner).options(selectinload(Planner.members)),
                                          Planner.code, codes(rw.PLANNERS.sheet, "code"))}
    known_unit_codes = set(_in(session, select(Unit.code), Unit.code,
                               codes(rw.APPOINTMENTS.sheet, "unit"))) | set(db_units)
    known_planner_codes = set(_in(session, select(Planner.code), Planner.code,
                                  codes(rw.APPOINTMENTS.sheet, "planner") + codes(rw.MEMBERS.sheet, "planner"))
                              ) | set(db_planners)
    db_reviewers = {r.code: r for r in _in(session, select(Reviewer), Reviewer.code, codes(rw.REVIEWERS.sheet, "code"))}
    district_code_of = {d.id: c for c, d in db_districts.items()}

    seen: dict[Any, str] = {}
    names: dict[str, str] = {d.name: c for c, d in db_districts.items()}
    for row in read.get(rw.DISTRICTS.sheet, []):
        code, name = check.text(row, "code", True), check.text(row, "name", True)
        circle = check.one_of(row, "circle", CIRCLES)
        check.printable(row, "name")
        if code and check.unique(row, "code", code, seen):
            if name and names.get(name, code) != code:
                check.bad(row, "name", Message("roster.cell.district_name_taken", name=name, code=names[name]))
            names[name] = code
            plan.districts[code] = {"name": name, "circle": circle}
            cur = db_districts.get(code)
            _compare(plan, rw.DISTRICTS.sheet, _fields(cur, ("name", "circle")) if cur else None, plan.districts[code],
                     code, name)
    known_districts = set(db_districts) | set(plan.districts)

    seen = {}
    unit_names = {(district_code_of[d], n): c for c, d, n in session.execute(
        select(Unit.code, Unit.district_id, Unit.name).where(Unit.district_id.in_(
            [db_districts[c].id for c in codes(rw.UNITS.sheet, "district") if c in db_districts])))}
    for row in read.get(rw.UNITS.sheet, []):
        code, district, name = (check.text(row, "code", True), check.text(row, "district", True),
                                check.text(row, "name", True))
        kind = check.one_of(row, "kind", UNIT_KINDS, default=UNIT_KINDS[0])
        check.printable(row, "name")
        if district and district not in known_districts:
            check.bad(row, "district", Message("roster.no_district", code=district))
        if code and check.unique(row, "code", code, seen):
            if unit_names.get((district, name), code) != code:
                check.bad(row, "name", Message("roster.cell.unit_name_taken", district=district, name=name,
                                               code=unit_names[(district, name)]))
            unit_names[(district, name)] = code
            plan.units[code] = {"district": district, "name": name, "kind": kind}
            cur = db_units.get(code)
            _compare(plan, rw.UNITS.sheet, {"district": district_code_of[cur.district_id], "name": cur.name,
                                             "kind": cur.kind} if cur else None, plan.units[code], code, name)
    known_units = known_unit_codes | set(plan.units)

    seen = {}
    planner_keys = ("name", "is_team", "organisation", "full_time", "leader", "leader_title", "leader_senior_title",
                    "leader_registered", "leader_experience_years")
    for row in read.get(rw.PLANNERS.sheet, []):
        code = check.text(row, "code", True)
        wanted = {"name": check.text(row, "name", True), "is_team": check.flag(row, "is_team"),
                  "organisation": check.text(row, "organisation"), "full_time": check.flag(row, "full_time"),
                  "leader": check.text(row, "leader"), "leader_title": check.text(row, "leader_title"),
                  "leader_senior_title": check.flag(row, "leader_senior_title"),
                  "leader_registered": check.flag(row, "leader_registered"),
                  "leader_experience_years": check.integer(row, "leader_experience_years")}
        check.printable(row, "name", "organisation", "leader")
        if code and check.unique(row, "code", code, seen):
            plan.planners[code] = wanted
            cur = db_planners.get(code)
            _compare(plan, rw.PLANNERS.sheet, _fields(cur, planner_keys) if cur else None, wanted, code,
                     wanted["name"])
    known_planners = known_planner_codes | set(plan.planners)

    for row in read.get(rw.MEMBERS.sheet, []):
        planner = check.text(row, "planner", True)
        member = {"name": check.text(row, "name", True), "discipline": check.text(row, "discipline"),
                  "qualification": check.text(row, "qualification"), "is_core": check.flag(row, "is_core", True),
                  "organisation": check.text(row, "organisation")}
        check.printable(row, "name")
        if planner and planner not in known_planners:
            check.bad(row, "planner", Message("roster.no_planner", code=planner))
        elif planner:
            plan.members.setdefault(planner, []).append(member)
    member_keys = ("name", "discipline", "qualification", "is_core", "organisation")
    for planner, members in plan.members.items():
        cur = db_planners.get(planner)
        current = [_fields(m, member_keys) for m in cur.members] if cur else []
        team = plan.planners.get(planner, {}).get("name") or (cur.name if cur else "")
        if not current:
            plan.counts[rw.MEMBERS.sheet].added += len(members)
            plan.rows.append(RowChange(rw.MEMBERS.sheet, planner, team, "added", (
                ("name", "", "、".join(m["name"] for m in members)),)))
        elif current != members:
            plan.counts[rw.MEMBERS.sheet].changed += len(members)
            plan.rows.append(RowChange(rw.MEMBERS.sheet, planner, team, "changed", (
                ("name", "、".join(m["name"] for m in current), "、".join(m["name"] for m in members)),)))
        else:
            plan.counts[rw.MEMBERS.sheet].unchanged += len(members)

    db_apps = {(u, p): a for a, u, p in session.execute(
        select(Appointment, Unit.code, Planner.code).join(Unit, Unit.id == Appointment.unit_id)
        .join(Planner, Planner.id == Appointment.planner_id)
        .where(Appointment.year == year, Unit.code.in_(codes(rw.APPOINTMENTS.sheet, "unit"))))}
    seen = {}
    app_keys = ("term_start", "term_years", "renewal", "contract_signed", "fee_paid", "fee_amount")
    for row in read.get(rw.APPOINTMENTS.sheet, []):
        unit, planner = check.text(row, "unit", True), check.text(row, "planner", True)
        if unit and unit not in known_units:
            check.bad(row, "unit", Message("roster.no_unit", code=unit))
        if planner and planner not in known_planners:
            check.bad(row, "planner", Message("roster.no_planner", code=planner))
        term_start = check.integer(row, "term_start", 1990, required=True)
        term_years = check.integer(row, "term_years", 1, required=True)
        wanted = {"term_start": term_start, "term_years": term_years, "renewal": check.flag(row, "renewal"),
                  "contract_signed": check.flag(row, "contract_signed"), "fee_paid": check.flag(row, "fee_paid"),
                  "fee_amount": check.integer(row, "fee_amount")}
        if unit and planner and check.unique(row, "unit", (unit, planner), seen):
            plan.appointments[(unit, planner)] = wanted
            cur = db_apps.get((unit, planner))
            _compare(plan, rw.APPOINTMENTS.sheet, _fields(cur, app_keys) if cur else None, wanted,
                     f"{unit} / {planner}", _appointment_name(plan, unit, planner, db_units, db_planners))

    seen = {}
    for row in read.get(rw.REVIEWERS.sheet, []):
        code = check.text(row, "code", True)
        level_text = check.one_of(row, "level", tuple(LEVELS))
        district = check.text(row, "district")
        level = LEVELS.get(level_text, "")
        if level == "district" and not district:
            check.bad(row, "district", Message("roster.cell.reviewer_needs_district"))
        elif district and district not in known_districts:
            check.bad(row, "district", Message("roster.no_district", code=district))
        wanted = {"level": level, "district": district if level == "district" else "",
                  "name": check.text(row, "name", True), "organisation": check.text(row, "organisation")}
        check.printable(row, "name", "organisation")
        if code and check.unique(row, "code", code, seen):
            cur = db_reviewers.get(code)
            if cur is not None and cur.year != year:
                check.bad(row, "code", Message("roster.cell.reviewer_of_another_year", code=code, year=cur.year))
                continue
            plan.reviewers[code] = wanted
            _compare(plan, rw.REVIEWERS.sheet, {
                "level": cur.level, "district": district_code_of.get(cur.district_id or -1, ""), "name": cur.name,
                "organisation": cur.organisation} if cur else None, wanted, code, wanted["name"])
    return plan


def _appointment_name(plan: RosterPlan, unit: str, planner: str, units: dict[str, Unit],
                      planners: dict[str, Planner]) -> str:
    """An appointment as people name it: 呼家楼街道 — 某某团队 (the codes where the names are not at hand)."""
    unit_name = plan.units.get(unit, {}).get("name") or (units[unit].name if unit in units else unit)
    planner_name = plan.planners.get(planner, {}).get("name") or (planners[planner].name if planner in planners
                                                                  else planner)
    return f"{unit_name} — {planner_name}"


def _in(session: Session, query: Any, column: Any, codes: list[str]) -> list[Any]:
    """``session.scalars(query)`` limited to rows whose ``column`` is one of ``codes`` (in chunks)."""
    out: list[Any] = []
    unique = sorted(set(codes))
    for begin in range(0, len(unique), 500):
        out.extend(session.scalars(query.where(column.in_(unique[begin:begin + 500]))))
    return out
