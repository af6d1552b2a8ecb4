"""The roster workbook in and out of the store: districts, units, planners, members, appointments, reviewers.

Rows are matched by their 编号 (code): an existing code is updated, a new one
added. Every bad value of the workbook is reported at once, with its sheet and
cell, and then nothing is written; the whole import runs in the caller's one
transaction (``Database.write()``). Packages reuse ``plan_roster`` /
``apply_roster`` for the roster part they carry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, selectinload

from zeshi_desktop.domain.forms import Label
from zeshi_desktop.packages import roster_workbook as rw
from zeshi_desktop.packages.errors import CellProblem, PackageRefused
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.roster.changes import ensure_year
from zeshi_desktop.services.roster.check import (
    LEVEL_TEXT,
    NO,
    YES,
    RosterPlan,
    RowChange,
    SheetCount,
    _fields,
    _in,
    plan_roster,
)
from zeshi_desktop.store.models import (
    Appointment,
    District,
    Member,
    Planner,
    Reviewer,
    Unit,
)

__all__ = ["RosterPlan", "RosterRefused", "RosterReport", "RowChange", "SheetCount", "apply_roster", "export_roster",
           "import_roster", "plan_roster", "preview_roster", "roster_rows", "NO", "YES"]


class RosterRefused(ActionRefused):
    """A roster workbook with bad rows; ``problems`` lists every one of them."""

    def __init__(self, problems: list[CellProblem]) -> None:
        lines = Label("\n".join(p.message("zh") for p in problems), "\n".join(p.message("en") for p in problems))
        super().__init__("roster.workbook_refused", count=len(problems), problems=lines)
        self.problems = problems


@dataclass
class RosterReport:
    year: int
    dry_run: bool
    counts: dict[str, SheetCount]
    written: bool
    warnings: tuple[CellProblem, ...] = ()   # names neither printing font has (imported all the same)


# ---------------------------------------------------------------- export

def _yes(value: bool) -> str:
    return YES if value else NO


def roster_rows(session: Session, year: int, *, district_codes: Iterable[str] | None = None,
                unit_codes: Iterable[str] | None = None, reviewer_codes: Iterable[str] | None = None,
                with_reviewers: bool = True) -> rw.RosterRows:
    """The roster of ``year`` as workbook rows, optionally only some districts, units or reviewers."""
    dq = select(District).order_by(District.code)
    if district_codes is not None:
        dq = dq.where(District.code.in_(list(district_codes)))
    districts = list(session.scalars(dq))
    d_ids = {d.id: d.code for d in districts}
    uq = select(Unit).where(Unit.district_id.in_(list(d_ids))).order_by(Unit.code)
    if unit_codes is not None:
        uq = uq.where(Unit.code.in_(list(unit_codes)))
    units = list(session.scalars(uq))
    u_ids = {u.id: u.code for u in units}
    apps = list(session.scalars(select(Appointment).where(Appointment.year == year,
                                                          Appointment.unit_id.in_(list(u_ids)))
                                .order_by(Appointment.id)))
    if district_codes is None and unit_codes is None:
        planners = list(session.scalars(select(Planner).order_by(Planner.code)))
    else:
        planners = list(session.scalars(select(Planner).where(
            Planner.id.in_([a.planner_id for a in apps])).order_by(Planner.code)))
    p_codes = {p.id: p.code for p in planners}
    rq = select(Reviewer).where(Reviewer.year == year).order_by(Reviewer.level, Reviewer.code)
    if reviewer_codes is not None:
        rq = rq.where(Reviewer.code.in_(list(reviewer_codes)))
    elif district_codes is not None:
        rq = rq.where(Reviewer.district_id.in_(list(d_ids)))
    reviewers = list(session.scalars(rq)) if with_reviewers else []
    all_d = {i: c for i, c in session.execute(select(District.id, District.code))}
    members = list(session.scalars(select(Member).where(Member.planner_id.in_(list(p_codes))).order_by(Member.id)))
    return {
        rw.DISTRICTS.sheet: [{"code": d.code, "name": d.name, "circle": d.circle} for d in districts],
        rw.UNITS.sheet: [{"code": u.code, "district": d_ids[u.district_id], "name": u.name, "kind": u.kind}
                         for u in units],
        rw.PLANNERS.sheet: [{"code": p.code, "name": p.name, "is_team": _yes(p.is_team), "organisation": p.organisation,
                             "full_time": _yes(p.full_time), "leader": p.leader, "leader_title": p.leader_title,
                             "leader_senior_title": _yes(p.leader_senior_title),
                             "leader_registered": _yes(p.leader_registered),
                             "leader_experience_years": p.leader_experience_years} for p in planners],
        rw.MEMBERS.sheet: [{"planner": p_codes[m.planner_id], "name": m.name, "discipline": m.discipline,
                            "qualification": m.qualification, "is_core": _yes(m.is_core),
                            "organisation": m.organisation} for m in members],
        rw.APPOINTMENTS.sheet: [{"unit": u_ids[a.unit_id], "planner": p_codes[a.planner_id],
                                 "term_start": a.term_start, "term_years": a.term_years, "renewal": _yes(a.renewal),
                                 "contract_signed": _yes(a.contract_signed), "fee_paid": _yes(a.fee_paid),
                                 "fee_amount": a.fee_amount} for a in apps],
        rw.REVIEWERS.sheet: [{"code": r.code, "level": LEVEL_TEXT[r.level],
                              "district": all_d.get(r.district_id, "") if r.district_id else "",
                              "name": r.name, "organisation": r.organisation} for r in reviewers],
    }


def export_roster(session: Session, year: int, path: Path) -> dict[str, int]:
    """Write the roster workbook of ``year``; returns the rows per sheet."""
    rows = roster_rows(session, year)
    rw.write_roster(Path(path), rows)
    return {sheet: len(r) for sheet, r in rows.items()}


# ---------------------------------------------------------------- applying

def apply_roster(session: Session, plan: RosterPlan, *, update_existing: bool = True) -> None:
    """Write a checked plan: add what is new, update what differs (unless ``update_existing`` is off)."""
    if plan.problems:
        raise RosterRefused(plan.problems)
    ensure_year(session, plan.year)
    districts = {d.code: d for d in session.scalars(select(District))}
    for code, values in plan.districts.items():
        _upsert(session, districts, code, District, values, update_existing)
    session.flush()
    d_ids = {c: d.id for c, d in districts.items()}
    units = {u.code: u for u in _in(session, select(Unit), Unit.code,
                                    list(plan.units) + [u for u, _ in plan.appointments])}
    for code, values in plan.units.items():
        _upsert(session, units, code, Unit, {"district_id": d_ids[values["district"]], "name": values["name"],
                                             "kind": values["kind"]}, update_existing)
    planners = {p.code: p for p in _in(session, select(Planner).options(selectinload(Planner.members)), Planner.code,
                                       list(plan.planners) + list(plan.members) + [p for _, p in plan.appointments])}
    loaded = {p.id for p in planners.values()}
    for code, values in plan.planners.items():
        _upsert(session, planners, code, Planner, values, update_existing)
    session.flush()
    member_keys = ("name", "discipline", "qualification", "is_core", "organisation")
    replace_ids, member_rows = [], []
    for code, members in plan.members.items():
        planner = planners[code]
        current = [_fields(m, member_keys) for m in planner.members] if planner.id in loaded else []
        if current == members or (current and not update_existing):
            continue
        replace_ids.append(planner.id)
        member_rows += [{"planner_id": planner.id, **m} for m in members]
        if planner.id in loaded:
            session.expire(planner, ["members"])
    if replace_ids:  # in bulk: a city import brings ~1,600 members
        session.execute(delete(Member).where(Member.planner_id.in_(replace_ids)))
    if member_rows:
        session.execute(insert(Member), member_rows)
    u_ids = {c: u.id for c, u in units.items()}
    p_ids = {c: p.id for c, p in planners.items()}
    apps = {(a.unit_id, a.planner_id): a for a in session.scalars(
        select(Appointment).where(Appointment.year == plan.year, Appointment.unit_id.in_([u.id for u in units.values()])))}
    for (unit, planner), values in plan.appointments.items():
        key = (u_ids[unit], p_ids[planner])
        if key in apps:
            if update_existing:
                for k, v in values.items():
                    setattr(apps[key], k, v)
        else:
            session.add(Appointment(year=plan.year, unit_id=key[0], planner_id=key[1], **values))
    reviewers = {r.code: r for r in _in(session, select(Reviewer), Reviewer.code, list(plan.reviewers))}
    for code, values in plan.reviewers.items():
        fields = {"year": plan.year, "level": values["level"], "name": values["name"],
                  "organisation": values["organisation"],
                  "district_id": d_ids[values["district"]] if values["district"] else None}
        _upsert(session, reviewers, code, Reviewer, fields, update_existing)
    session.flush()


def _upsert(session: Session, existing: dict[str, Any], code: str, model: Callable[..., Any],
            values: dict[str, Any], update_existing: bool) -> None:
    obj = existing.get(code)
    if obj is None:
        obj = model(code=code, **values)
        session.add(obj)
        existing[code] = obj
    elif update_existing:
        for k, v in values.items():
            if getattr(obj, k) != v:
                setattr(obj, k, v)


def preview_roster(session: Session, year: int, path: Path) -> RosterPlan:
    """What importing the workbook would do, bad cells included (``plan.problems``); writes nothing.

    The app's preview lists every row added, changed or moved and every bad
    cell at once; only a file that is no roster workbook at all is refused.
    """
    try:
        read, problems = rw.read_roster(Path(path))
    except PackageRefused as exc:   # an unreadable file: its reason, as the package layer words it
        raise ActionRefused(exc.msg) from exc
    return plan_roster(session, year, read, problems)


def import_roster(session: Session, year: int, path: Path, *, dry_run: bool = False) -> RosterReport:
    """Check the whole workbook, then (unless ``dry_run``) write it in the caller's transaction."""
    plan = preview_roster(session, year, path)
    if plan.problems:
        raise RosterRefused(plan.problems)
    if not dry_run:
        apply_roster(session, plan)
    return RosterReport(year, dry_run, plan.counts, written=not dry_run, warnings=tuple(plan.warnings))
