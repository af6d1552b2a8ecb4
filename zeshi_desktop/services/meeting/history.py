"""A planner's and a district's results across the years (the years dashboard)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from zeshi_desktop.domain.aggregation import mean
from zeshi_desktop.domain.forms import Band
from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.meeting.ranking import all_unit_rankings, city_ranking
from zeshi_desktop.store.models import (
    Planner,
)


@dataclass(frozen=True)
class PlannerYear:
    year: int
    district: str
    unit: str
    rank: int | None
    ranked: int                      # units ranked in that district
    total: Decimal | None
    band: Band | None
    recommended: bool


@dataclass(frozen=True)
class DistrictYearResult:
    year: int
    rank: int | None                 # city rank by 4-3
    ranked: int
    city_score: Decimal | None
    self_score: Decimal | None
    band: Band | None
    contracts_signed: bool | None
    eligible_excellent: bool
    units: int
    mean_total: Decimal | None       # mean 3-3 总分 of its units
    recommended: int


@dataclass(frozen=True)
class YearsHistory:
    kind: str                        # planner | district
    name: str
    planner_rows: tuple[PlannerYear, ...] = ()
    district_rows: tuple[DistrictYearResult, ...] = ()


def years_history(session: Session, planner_id: int | None = None, district_id: int | None = None) -> YearsHistory:
    """A planner's 3-3 results, or a district's city results, in every year of the database."""
    if (planner_id is None) == (district_id is None):
        raise ActionRefused("meeting.planner_or_district")
    years = roster.years(session)
    if planner_id is not None:
        planner = session.get(Planner, planner_id)
        if planner is None:
            raise NotFound("meeting.no_planner", planner_id=planner_id)
        rows = []
        for year in years:
            mine = roster.appointments(session, year, planner_id=planner_id)
            if not mine:
                continue
            rankings = {d: all_unit_rankings(session, year, d).get(d, []) for d in {a.district_id for a in mine}}
            for a in mine:
                table = rankings[a.district_id]
                row = next((r for r in table if r.key == a.id), None)
                rows.append(PlannerYear(year, a.district, a.unit, row.rank if row else None,
                                        sum(1 for r in table if r.rank is not None),
                                        row.total if row else None, row.band if row else None, a.recommended))
        return YearsHistory("planner", planner.name, planner_rows=tuple(rows))
    assert district_id is not None
    district = roster.district(session, district_id)
    out = []
    for year in years:
        city = city_ranking(session, year)
        row = next((r for r in city.rows if r.key == district_id), None)
        units = all_unit_rankings(session, year, district_id).get(district_id, [])
        totals = [u.total for u in units if u.total is not None]
        recommended = sum(1 for a in roster.appointments(session, year, district_id) if a.recommended)
        if row is None and not units:
            continue
        out.append(DistrictYearResult(
            year, row.rank if row else None, sum(1 for r in city.rows if r.rank is not None),
            row.city_score if row else None, row.self_score if row else None, row.band if row else None,
            row.contracts_signed if row else None, bool(row and row.eligible_excellent), len(units),
            mean(totals), recommended))
    return YearsHistory("district", district.name, district_rows=tuple(out))
