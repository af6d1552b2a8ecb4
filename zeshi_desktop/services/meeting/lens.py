"""What a fair meeting looks at beside its ranking: the recusals, the panels they leave short, the reviewer lens.

The district board covers the review group's 3-2 and the 3-3 ranking it
feeds; the city board the city reviewers' 4-3 and the ranking of districts.
The lens (``domain.lens``) is information for the panel, never the official
rule: the official scores and ranks are the ones ``ranking`` computes, and
the lens's "official" column is computed from the very same totals, so it
matches them. Totals are those every figure counts — finalised sheets,
neither damaged nor recused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from zeshi_desktop.domain.analysis import DEFAULT_OFFSET_TOLERANCE
from zeshi_desktop.domain.lens import (
    Lens,
    LensDistrict,
    LensUnit,
    district_lens,
    unit_lens,
)
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.fairness.recusals import (
    RecusalView,
    ShortPanel,
    panel_size,
    recusals,
    short_panels,
)
from zeshi_desktop.services.meeting.ranking import (
    city_damage,
    city_ranking,
    district_ranking,
    reviewer_totals,
    unit_damage,
)


@dataclass(frozen=True)
class LensReviewer:
    id: int
    code: str
    name: str
    organisation: str


@dataclass(frozen=True)
class FairnessBoard:
    """Recusals, short panels and the lens of one district's review group (3-2) or of the city's (4-3)."""

    year: int
    form_id: str                                 # 3-2 or 4-3
    district_id: int | None                      # the district (None: the city board)
    trimmed_mean: bool
    recusals: tuple[RecusalView, ...]
    short_panels: tuple[ShortPanel, ...]
    lens: Lens[int, int]
    reviewers: Mapping[int, LensReviewer]        # reviewer id → who
    subjects: Mapping[int, str]                  # subject key → label, in the official order
    tolerance: Decimal = DEFAULT_OFFSET_TOLERANCE

    def reviewer(self, reviewer_id: int) -> str:
        found = self.reviewers.get(reviewer_id)
        return found.name if found is not None else str(reviewer_id)


def _refs(session: Session, year: int, level: str, district_id: int | None = None) -> dict[int, LensReviewer]:
    return {r.id: LensReviewer(r.id, r.code, r.name, r.organisation)
            for r in roster.reviewers(session, year, level, district_id)}


def district_fairness(session: Session, year: int, district_id: int, *,
                      tolerance: Decimal = DEFAULT_OFFSET_TOLERANCE) -> FairnessBoard:
    """The district's recusals (3-2), the units they leave with fewer than three reviewers, and the lens."""
    rule = catalogue.form("3-3").weights
    assert rule is not None
    damage = unit_damage(session, year, district_id)
    group = reviewer_totals(session, year, rule.district_form, district_id, leave_out=damage)
    ranking = district_ranking(session, year, district_id, group_totals=group, damage=damage)
    units = [LensUnit(r.key, r.unit, r.planner, r.street_score,
                      tuple((rev, t) for rev, t in group.get(r.key, []) if rev is not None)) for r in ranking.rows]
    lens = unit_lens(units, ranking.weights, catalogue.form("3-3"), ranking.trimmed_mean, tolerance)
    labels = {r.key: f"{r.unit} — {r.planner}" for r in ranking.rows}
    refs = _refs(session, year, "district", district_id)
    found = tuple(recusals(session, year, form_id=rule.district_form, district_id=district_id))
    short = short_panels(found, panel_size(session, year))
    return FairnessBoard(year, rule.district_form, district_id, ranking.trimmed_mean, found, short, lens, refs,
                         labels, tolerance)


def city_fairness(session: Session, year: int, *, tolerance: Decimal = DEFAULT_OFFSET_TOLERANCE) -> FairnessBoard:
    """The city reviewers' recusals (4-3), the districts they leave short, and the lens of the city ranking."""
    damage = city_damage(session, year)
    ranking = city_ranking(session, year, damage=damage)
    totals = reviewer_totals(session, year, "4-3", leave_out=damage)
    districts = [LensDistrict(r.key, r.district, r.circle, r.self_score, r.contracts_signed,
                              tuple((rev, t) for rev, t in totals.get(r.key, []) if rev is not None))
                 for r in ranking.rows]
    lens = district_lens(districts, catalogue.form("4-3"), catalogue.form("4-2"), ranking.trimmed_mean, tolerance)
    labels = {r.key: r.district for r in ranking.rows}
    refs = _refs(session, year, "city")
    found = tuple(recusals(session, year, form_id="4-3"))
    short = short_panels(found, panel_size(session, year))
    return FairnessBoard(year, "4-3", None, ranking.trimmed_mean, found, short, lens, refs, labels, tolerance)
