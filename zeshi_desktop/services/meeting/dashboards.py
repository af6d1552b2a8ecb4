"""The district and city dashboards: what a review meeting projects before it decides.

Figures come from finalised sheets only (DOMAIN.md decision 4), gathered in a
handful of queries and handed to ``domain.analysis``; the views returned are
plain frozen data, so the GUI, the CLI and the PDF reports show the same thing.
A sheet holding damaged data counts in no figure; each dashboard lists the
sheets it left out (``damaged``, each with a catalogue message to show).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.aggregation import mean
from zeshi_desktop.domain.analysis import (
    DEFAULT_OFFSET_TOLERANCE,
    DEFAULT_OUTLIER_DISTANCE,
    ItemShare,
    Progress,
    ReviewerOffset,
    Spread,
    TrimmedImpact,
    UnitReviews,
    item_shares_from_sums,
    progress,
    reviewer_offsets,
    spreads,
    trimmed_impact,
)
from zeshi_desktop.domain.forms import ContractRule
from zeshi_desktop.domain.ranking import DistrictRankRow, UnitRankRow
from zeshi_desktop.domain.scores import from_tenths
from zeshi_desktop.messages import text
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.meeting.damage import Damage, DamagedSheet
from zeshi_desktop.services.meeting.ranking import (
    DistrictRanking,
    all_unit_rankings,
    city_damage,
    city_ranking,
    district_ranking,
    reviewer_totals,
    unit_damage,
)
from zeshi_desktop.services.scoring.recused import recused_slots
from zeshi_desktop.services.scoring.sheets import FINAL
from zeshi_desktop.store.models import Appointment, Recusal, Score, Sheet, Unit

LEANINGS = ("strict", "lenient", "in_line")   # ReviewerOffset.leaning


def leaning_text(leaning: str, lang: str = "zh") -> str:
    """A reviewer's leaning as a word: 偏严 / 偏松 / 一致, or in English."""
    if leaning not in LEANINGS:
        raise KeyError(leaning)
    return text(f"meeting.leaning.{leaning}", lang)


@dataclass(frozen=True)
class ReviewerRef:
    id: int
    code: str
    name: str
    organisation: str


@dataclass(frozen=True)
class SubjectSpread:
    """A subject's reviewer totals with names: a planner's unit (3-2) or a district (4-3)."""

    key: int
    label: str                         # 责任片区 — planner, or the district
    spread: Spread[int, int]
    names: Mapping[int, str]           # reviewer id -> name

    def reviewer(self, reviewer_id: int) -> str:
        return self.names.get(reviewer_id, str(reviewer_id))


@dataclass(frozen=True)
class OffsetRow:
    reviewer: ReviewerRef
    offset: ReviewerOffset[int]


@dataclass(frozen=True)
class ProgressRow:
    label: str
    progress: Progress[str]


@dataclass(frozen=True)
class DistrictDashboard:
    year: int
    district: roster.DistrictView
    ranking: DistrictRanking
    recommended: frozenset[int]                 # appointment ids
    spreads: tuple[SubjectSpread, ...]          # 3-2, per appointment, in ranking order
    offsets: tuple[OffsetRow, ...]              # 3-2 reviewers, strictest first
    street_items: tuple[ItemShare, ...]         # 3-1 item shares across the district
    group_items: tuple[ItemShare, ...]          # 3-2 item shares across the district
    impact: TrimmedImpact[int]
    offices: tuple[ProgressRow, ...]            # 3-1 sheets per office (unit)
    reviewers: tuple[ProgressRow, ...]          # 3-2 sheets per review-group member
    outlier_distance: Decimal
    offset_tolerance: Decimal

    @property
    def outlier_count(self) -> int:
        return sum(len(s.spread.outliers) for s in self.spreads)

    @property
    def waiting(self) -> int:
        """Sheets the meeting still waits for (missing or draft), 3-1 and 3-2 together."""
        return sum(p.progress.waiting for p in self.offices + self.reviewers)

    @property
    def damaged(self) -> tuple[DamagedSheet, ...]:
        """The district's finalised 3-1 and 3-2 sheets left out of every figure: they hold damaged data."""
        return self.ranking.damaged


def _reviewer_refs(session: Session, year: int, level: str, district_id: int | None = None
                   ) -> dict[int, ReviewerRef]:
    return {r.id: ReviewerRef(r.id, r.code, r.name, r.organisation)
            for r in roster.reviewers(session, year, level, district_id)}


def _item_sums(session: Session, year: int, form_id: str, district_id: int, leave_out: Collection[int] = ()
               ) -> dict[str, tuple[Decimal, int]]:
    """Per item, (sum, count) of the district's finalised sheets of an appointment form (summed in tenths)."""
    q = (select(Score.item_id, func.sum(Score.tenths), func.count()).join(Sheet, Sheet.id == Score.sheet_id)
         .join(Appointment, Appointment.id == Sheet.appointment_id).join(Unit, Unit.id == Appointment.unit_id)
         .where(Sheet.year == year, Sheet.form_id == form_id, Sheet.status == FINAL, Unit.district_id == district_id,
                Sheet.slot.not_in(recused_slots(year)))
         .group_by(Score.item_id))
    if leave_out:
        q = q.where(Sheet.id.not_in(list(leave_out)))
    return {item: (from_tenths(int(total)), int(count)) for item, total, count in session.execute(q)}


def _district_progress(session: Session, year: int, district_id: int, reviewers: Mapping[int, ReviewerRef],
                       damage: Damage | None = None) -> tuple[tuple[ProgressRow, ...], tuple[ProgressRow, ...]]:
    """3-1 sheets owed per office and 3-2 sheets owed per reviewer, against what exists.

    A finalised sheet holding damaged data (``damage``) counts in no figure, so
    it is not counted as final here either: it is still owed, as a draft is.
    """
    left_out = damage or {}
    street_form = catalogue.form("3-3").weights
    assert street_form is not None
    f31, f32 = street_form.street_form, street_form.district_form
    apps = session.execute(select(Appointment.id, Unit.name).join(Unit, Unit.id == Appointment.unit_id)
                           .where(Appointment.year == year, Unit.district_id == district_id)
                           .order_by(Unit.code, Appointment.id)).all()
    status = {(form_id, app, rev): "damaged" if sid in left_out else st for sid, form_id, app, rev, st in session.execute(
        select(Sheet.id, Sheet.form_id, Sheet.appointment_id, Sheet.reviewer_id, Sheet.status)
        .join(Appointment, Appointment.id == Sheet.appointment_id).join(Unit, Unit.id == Appointment.unit_id)
        .where(Sheet.year == year, Sheet.form_id.in_((f31, f32)), Unit.district_id == district_id))}
    offices = progress(((unit, (f31, app, None)) for app, unit in apps), status)
    labels = {r.id: r.name for r in reviewers.values()}
    recused = {(app, rev) for app, rev in session.execute(   # a recused reviewer owes no sheet for the unit
        select(Recusal.appointment_id, Recusal.reviewer_id).where(Recusal.year == year, Recusal.form_id == f32,
                                                                  Recusal.active.is_(True)))}
    per_reviewer = progress(((labels[r], (f32, app, r)) for r in reviewers for app, _ in apps
                             if (app, r) not in recused), status)
    return (tuple(ProgressRow(p.group, p) for p in offices),
            tuple(ProgressRow(p.group, p) for p in per_reviewer))


def _ranking_and_group(session: Session, year: int, district_id: int, damage: Damage
                       ) -> tuple[DistrictRanking, dict[int, list[tuple[int | None, Decimal]]]]:
    """The district's 3-3 ranking and the review group's totals it came from, read once.

    ``ranking.district_ranking`` with the review group's totals handed back too:
    the dashboard needs them, so they are not read twice.
    """
    rule = catalogue.form("3-3").weights
    assert rule is not None
    group = reviewer_totals(session, year, rule.district_form, district_id, leave_out=damage)
    return district_ranking(session, year, district_id, group_totals=group, damage=damage), group


def district_dashboard(session: Session, year: int, district_id: int, *,
                       outlier_distance: Decimal = DEFAULT_OUTLIER_DISTANCE,
                       offset_tolerance: Decimal = DEFAULT_OFFSET_TOLERANCE) -> DistrictDashboard:
    """Everything the district meeting looks at for ``year``: ranking, trust figures, what is missing."""
    district = roster.district(session, district_id)
    rule = catalogue.form("3-3").weights
    assert rule is not None
    damage = unit_damage(session, year, district_id)
    ranking, group = _ranking_and_group(session, year, district_id, damage)
    reviewers = _reviewer_refs(session, year, "district", district_id)
    names = {rid: r.name for rid, r in reviewers.items()}
    labels = {row.key: f"{row.unit} — {row.planner}" for row in ranking.rows}
    ordered = {row.key: group[row.key] for row in ranking.rows if row.key in group}
    subject_spreads = tuple(SubjectSpread(s.subject, labels[s.subject], s, names)
                            for s in spreads(ordered, outlier_distance))
    offsets = tuple(OffsetRow(reviewers.get(o.reviewer, ReviewerRef(o.reviewer, "", str(o.reviewer), "")), o)
                    for o in reviewer_offsets(ordered, offset_tolerance, outlier_distance)
                    if o.reviewer is not None)
    impact = trimmed_impact([UnitReviews(row.key, row.unit, row.planner, row.street_score,
                                         tuple(t for _, t in group.get(row.key, [])))
                             for row in ranking.rows], ranking.weights, catalogue.form("3-3"))
    offices, per_reviewer = _district_progress(session, year, district_id, reviewers, damage)
    recommended = frozenset(session.scalars(
        select(Appointment.id).join(Unit, Unit.id == Appointment.unit_id)
        .where(Appointment.year == year, Unit.district_id == district_id, Appointment.recommended.is_(True))))
    return DistrictDashboard(
        year, district, ranking, recommended, subject_spreads, offsets,
        tuple(item_shares_from_sums(catalogue.form(rule.street_form),
                                    _item_sums(session, year, rule.street_form, district_id, damage))),
        tuple(item_shares_from_sums(catalogue.form(rule.district_form),
                                    _item_sums(session, year, rule.district_form, district_id, damage))),
        impact, offices, per_reviewer, outlier_distance, offset_tolerance)


# ------------------------------------------------------------------ the city

@dataclass(frozen=True)
class PlannerResult:
    """One 责任片区's 3-3 result, seen from the city."""

    district: str
    circle: str
    row: UnitRankRow[int]
    recommended: bool


@dataclass(frozen=True)
class CircleSummary:
    circle: str
    districts: int
    units: int
    ranked: int
    mean_total: Decimal | None
    min_total: Decimal | None
    max_total: Decimal | None
    bands: dict[str, int]            # band label (zh) -> units, in the 3-3 form's band order
    recommended: int


@dataclass(frozen=True)
class CityDashboard:
    year: int
    rows: tuple[DistrictRankRow[int], ...]
    trimmed_mean: bool
    excluded_band: str               # the band the 4-2 contract rule can rule out, by its Chinese label
    contract_question: str
    spreads: tuple[SubjectSpread, ...]   # 4-3 per district
    offsets: tuple[OffsetRow, ...]       # city reviewers
    circles: tuple[CircleSummary, ...]   # in the order of roster.CIRCLES
    planners: tuple[PlannerResult, ...]  # every ranked unit, best total first
    outlier_distance: Decimal
    contract_rule: ContractRule | None = None   # 4-2's rule: its texts in both languages, the band it rules out
    damaged: tuple[DamagedSheet, ...] = ()      # 4-2, 4-3 (and, with the circles, 3-1 and 3-2) sheets left out


@dataclass(frozen=True)
class CircleResults:
    year: int
    circles: tuple[CircleSummary, ...]   # in the order of roster.CIRCLES
    planners: tuple[PlannerResult, ...]  # every unit, best total first, unranked last
    damaged: tuple[DamagedSheet, ...] = ()   # 3-1 and 3-2 sheets left out: they hold damaged data


def circle_results(session: Session, year: int) -> CircleResults:
    """The planners' 3-3 results of every district, by circle (圈层)."""
    districts = {d.id: d for d in roster.districts(session)}
    recommended = set(session.scalars(select(Appointment.id).where(Appointment.year == year,
                                                                   Appointment.recommended.is_(True))))
    results = []
    damage = unit_damage(session, year)
    for district_id, rows in all_unit_rankings(session, year, damage=damage).items():
        d = districts[district_id]
        results.extend(PlannerResult(d.name, d.circle, r, r.key in recommended) for r in rows)
    band_order = [b.label.zh for b in catalogue.form("3-3").bands]
    present = [c for c in roster.CIRCLES if any(d.circle == c for d in districts.values())]
    present += sorted({d.circle for d in districts.values()} - set(present))
    circles = []
    for circle in present:
        mine = [p for p in results if p.circle == circle]
        totals = [p.row.total for p in mine if p.row.total is not None]
        bands = {b: sum(1 for p in mine if p.row.band is not None and p.row.band.label.zh == b) for b in band_order}
        circles.append(CircleSummary(circle, sum(1 for d in districts.values() if d.circle == circle), len(mine),
                                     len(totals), mean(totals), min(totals, default=None), max(totals, default=None),
                                     bands, sum(1 for p in mine if p.recommended)))
    results.sort(key=lambda p: (p.row.total is None, -(p.row.total or 0), p.district, p.row.unit))
    return CircleResults(year, tuple(circles), tuple(results), tuple(damage.values()))


def city_dashboard(session: Session, year: int, *,
                   outlier_distance: Decimal = DEFAULT_OUTLIER_DISTANCE,
                   offset_tolerance: Decimal = DEFAULT_OFFSET_TOLERANCE,
                   with_circles: bool = True) -> CityDashboard:
    """Districts by 4-3 beside their 4-2 self score, the contract rule, and (unless told not to) the circles.

    The window asks without circles first (what the first tab shows) and for
    ``circle_results`` when the circle tab is opened: the planners of the
    whole city are the costly part.
    """
    damage = city_damage(session, year)
    ranking = city_ranking(session, year, damage=damage)
    rule = catalogue.form("4-2").contract_rule
    city_totals = reviewer_totals(session, year, "4-3", leave_out=damage)
    refs = _reviewer_refs(session, year, "city")
    names = {rid: r.name for rid, r in refs.items()}
    labels = {row.key: row.district for row in ranking.rows}
    ordered = {row.key: city_totals[row.key] for row in ranking.rows if row.key in city_totals}
    subject_spreads = tuple(SubjectSpread(s.subject, labels[s.subject], s, names)
                            for s in spreads(ordered, outlier_distance))
    offsets = tuple(OffsetRow(refs.get(o.reviewer, ReviewerRef(o.reviewer, "", str(o.reviewer), "")), o)
                    for o in reviewer_offsets(ordered, offset_tolerance, outlier_distance) if o.reviewer is not None)
    circles = circle_results(session, year) if with_circles else CircleResults(year, (), ())
    return CityDashboard(year, tuple(ranking.rows), ranking.trimmed_mean, rule.excluded_band if rule else "",
                         rule.question.zh if rule else "", subject_spreads, offsets, circles.circles,
                         circles.planners, outlier_distance, rule, ranking.damaged + circles.damaged)


# ------------------------------------------------------------------ recommended excellent

def set_recommended(session: Session, appointment_id: int, recommended: bool, actor: str = ""
                    ) -> roster.AppointmentView:
    """Mark (or unmark) a planner in a unit as recommended excellent by the district (区级优秀责师推荐).

    Each change of the mark is a nomination to the city and leaves an audit row (``nominations.nominate``).
    """
    from zeshi_desktop.services.meeting import nominations

    nominations.nominate(session, appointment_id, recommended, actor)
    return roster.appointment(session, appointment_id)


def recommended(session: Session, year: int, district_id: int | None = None) -> list[roster.AppointmentView]:
    """The recommended-excellent appointments of a year (of one district, when given)."""
    return [a for a in roster.appointments(session, year, district_id) if a.recommended]
