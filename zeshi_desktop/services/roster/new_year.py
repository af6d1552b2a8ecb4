"""Starting a new review year from the last one: the roster carried over, nothing of the scores.

A district's roster changes little from one year to the next, so a clerk
starts the new year from the old one instead of typing it again or
importing a workbook. What carries over:

- every appointment whose term (``term_start`` + ``term_years``) still covers
  the new year, with its contract (signed for the whole term) and fee amount;
  the fee is not yet paid in a new year, and no one is recommended yet;
- an appointment whose term ended is left out and listed; asked
  (``renew_ended``), it is carried as a renewal of ``renewal_years`` (the
  measures allow 1 to 3) from the new year, its contract still to sign;
- the review groups (reviewers belong to one year: each gets the new year's
  code, ``R1`` → ``R1-2027``, ``R1-2026`` → ``R1-2027``), when asked;
- each district's 3-3 weights and aggregation and the city's, when asked.

No sheet is copied. A year that already has appointments or reviewers is
refused: starting it again would mix two rosters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import rules
from zeshi_desktop.messages import Message
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.roster.changes import ensure_year
from zeshi_desktop.store.models import (
    Appointment,
    DistrictYear,
    Planner,
    Reviewer,
    Unit,
    Year,
)

RENEWAL_YEARS = (1, 2, 3)   # the measures: each renewal is 1 to 3 years


@dataclass
class NewYearReport:
    """What starting ``to_year`` carried over (or would, with ``dry_run``)."""

    from_year: int
    to_year: int
    dry_run: bool
    carried: int = 0            # appointments still in term
    renewed: int = 0            # appointments whose term ended, carried as renewals
    ended: list[Message] = field(default_factory=list)   # roster.new_year.ended: left out, one per appointment
    reviewers: int = 0
    weights: int = 0            # districts whose 3-3 weights were carried

    @property
    def appointments(self) -> int:
        return self.carried + self.renewed


def in_term(term_start: int, term_years: int, year: int) -> bool:
    """Whether a term that began in ``term_start`` and runs ``term_years`` years covers ``year``."""
    return term_start <= year < term_start + max(term_years, 1)


def year_code(code: str, from_year: int, to_year: int) -> str:
    """A reviewer's code in the new year: the old year in the code replaced, else the new year added."""
    old = str(from_year)
    if code.endswith(old):
        return code[: -len(old)] + str(to_year)
    return f"{code}-{to_year}"


def can_start(session: Session, to_year: int) -> bool:
    """Whether ``to_year`` is still empty (no appointment, no reviewer): a new year may be started in it."""
    appointments = session.scalar(select(func.count()).select_from(Appointment).where(Appointment.year == to_year))
    reviewers = session.scalar(select(func.count()).select_from(Reviewer).where(Reviewer.year == to_year))
    return not appointments and not reviewers


def start_year(session: Session, from_year: int, to_year: int, *, renew_ended: bool = False,
               renewal_years: int = 1, reviewers: bool = True, weights: bool = True,
               dry_run: bool = False) -> NewYearReport:
    """Start ``to_year`` with the roster of ``from_year`` (see the module); writes nothing with ``dry_run``."""
    if session.get(Year, from_year) is None:
        raise NotFound("roster.new_year.no_year", year=from_year)
    if to_year <= from_year:
        raise ActionRefused("roster.new_year.not_later", year=to_year, source=from_year)
    if renewal_years not in RENEWAL_YEARS:
        raise ActionRefused("roster.new_year.renewal_years", years=renewal_years)
    if not can_start(session, to_year):
        raise ActionRefused("roster.new_year.exists", year=to_year)
    if not dry_run:
        ensure_year(session, to_year)
    elif not 2000 <= to_year <= 2100:
        raise ActionRefused("roster.year_out_of_range", year=to_year)
    report = NewYearReport(from_year, to_year, dry_run)
    _carry_appointments(session, report, renew_ended, renewal_years)
    if reviewers:
        _carry_reviewers(session, report)
    if weights:
        _carry_weights(session, report)
    if not dry_run:
        session.flush()
    return report


def _carry_appointments(session: Session, report: NewYearReport, renew: bool, renewal_years: int) -> None:
    rows = session.execute(
        select(Appointment, Unit.name, Planner.name).join(Unit, Unit.id == Appointment.unit_id)
        .join(Planner, Planner.id == Appointment.planner_id)
        .where(Appointment.year == report.from_year).order_by(Appointment.id))
    for a, unit, planner in rows:
        if in_term(a.term_start, a.term_years, report.to_year):
            report.carried += 1
            values = {"term_start": a.term_start, "term_years": a.term_years, "renewal": a.renewal,
                      "contract_signed": a.contract_signed}
        elif renew:
            report.renewed += 1
            values = {"term_start": report.to_year, "term_years": renewal_years, "renewal": True,
                      "contract_signed": False}
        else:
            term = rules.term_span(a.term_start, a.term_years)
            report.ended.append(Message("roster.new_year.ended", unit=unit, planner=planner, term=term))
            continue
        if not report.dry_run:
            session.add(Appointment(year=report.to_year, unit_id=a.unit_id, planner_id=a.planner_id,
                                    fee_paid=False, fee_amount=a.fee_amount, recommended=False, **values))


def _carry_reviewers(session: Session, report: NewYearReport) -> None:
    old = list(session.scalars(select(Reviewer).where(Reviewer.year == report.from_year).order_by(Reviewer.id)))
    codes = {year_code(r.code, report.from_year, report.to_year): r for r in old}
    taken = set(session.scalars(select(Reviewer.code).where(Reviewer.code.in_(list(codes)))))
    for code, r in codes.items():
        if code in taken:   # a code of another year already has it: this reviewer is not carried
            report.ended.append(Message("roster.new_year.reviewer_code_taken", name=r.name, code=code))
            continue
        report.reviewers += 1
        if not report.dry_run:
            session.add(Reviewer(code=code, year=report.to_year, level=r.level, district_id=r.district_id,
                                 name=r.name, organisation=r.organisation))


def _carry_weights(session: Session, report: NewYearReport) -> None:
    already = set(session.scalars(select(DistrictYear.district_id).where(DistrictYear.year == report.to_year)))
    settings = [s for s in session.scalars(select(DistrictYear).where(DistrictYear.year == report.from_year))
                if s.district_id not in already]   # weights set for the new year already stay as they are
    report.weights = len(settings)
    if report.dry_run:
        return
    for s in settings:
        session.add(DistrictYear(year=report.to_year, district_id=s.district_id,
                                 street_weight_tenths=s.street_weight_tenths,
                                 district_weight_tenths=s.district_weight_tenths, trimmed_mean=s.trimmed_mean))
    old_year, new_year = session.get(Year, report.from_year), session.get(Year, report.to_year)
    if old_year is not None and new_year is not None:
        new_year.city_trimmed_mean = old_year.city_trimmed_mean
