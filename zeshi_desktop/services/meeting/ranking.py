"""3-3 and the city ranking, computed from finalised sheets only.

Totals are summed in SQL (whole tenths, exact) and handed to the domain, which
does the weighting, aggregation, tie rules and bands. A sheet holding damaged
data (``damage.find``: a value or a scope that breaks its form's rules) is
left out of every total and named in the result's ``damaged``, so whoever
shows the ranking can say which sheets did not count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.aggregation import final_score
from zeshi_desktop.domain.ranking import (
    DistrictRankRow,
    DistrictScores,
    UnitRankRow,
    UnitScores,
    Weights,
    check_weights,
    rank_districts,
    rank_units,
)
from zeshi_desktop.domain.scores import from_tenths
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import NotFound
from zeshi_desktop.services.meeting.damage import Damage, DamagedSheet, find, sheets_of
from zeshi_desktop.services.roster.changes import ensure_year
from zeshi_desktop.services.scoring.recused import recused_slots
from zeshi_desktop.services.scoring.sheets import FINAL
from zeshi_desktop.store.models import (
    Answer,
    Appointment,
    District,
    DistrictYear,
    Planner,
    Score,
    Sheet,
    Unit,
    Year,
)


@dataclass(frozen=True)
class DistrictRanking:
    year: int
    district_id: int
    district: str
    weights: Weights
    weights_set: bool
    trimmed_mean: bool
    rows: list[UnitRankRow[int]]       # key = appointment id
    damaged: tuple[DamagedSheet, ...] = ()   # 3-1 and 3-2 sheets left out: they hold damaged data


@dataclass(frozen=True)
class CityRanking:
    year: int
    trimmed_mean: bool
    rows: list[DistrictRankRow[int]]   # key = district id
    damaged: tuple[DamagedSheet, ...] = ()   # 4-2 and 4-3 sheets left out: they hold damaged data


def weights(session: Session, year: int, district_id: int) -> tuple[Weights, bool, bool]:
    """(weights, whether the district set them, trimmed mean?) for a district and year."""
    rule = catalogue.form("3-3").weights
    assert rule is not None
    row = session.scalar(select(DistrictYear).where(DistrictYear.year == year,
                                                    DistrictYear.district_id == district_id))
    if row is None:
        return Weights(rule.default_street, rule.default_district), False, False
    return (Weights(from_tenths(row.street_weight_tenths), from_tenths(row.district_weight_tenths)), True,
            row.trimmed_mean)


def set_weights(session: Session, year: int, district_id: int, street: object, district: object) -> Weights:
    """Fix the 3-3 weights of a district for a year; refused unless they follow the rule."""
    rule = catalogue.form("3-3").weights
    assert rule is not None
    checked = check_weights(rule, street, district)
    if session.get(District, district_id) is None:
        raise NotFound("meeting.no_district", district_id=district_id)
    ensure_year(session, year)
    row = session.scalar(select(DistrictYear).where(DistrictYear.year == year,
                                                    DistrictYear.district_id == district_id))
    if row is None:
        row = DistrictYear(year=year, district_id=district_id, trimmed_mean=False,
                           street_weight_tenths=0, district_weight_tenths=0)
        session.add(row)
    row.street_weight_tenths = int(checked.street * 10)
    row.district_weight_tenths = int(checked.district * 10)
    session.flush()
    return checked


def set_trimmed_mean(session: Session, year: int, district_id: int | None, trimmed: bool) -> None:
    """Switch the aggregation of a district's 3-2 (or, with ``None``, the city's 4-3)."""
    ensure_year(session, year)
    if district_id is None:
        y = session.get(Year, year)
        assert y is not None
        y.city_trimmed_mean = trimmed
        return
    current, _, _ = weights(session, year, district_id)
    row = session.scalar(select(DistrictYear).where(DistrictYear.year == year,
                                                    DistrictYear.district_id == district_id))
    if row is None:
        row = DistrictYear(year=year, district_id=district_id, street_weight_tenths=int(current.street * 10),
                           district_weight_tenths=int(current.district * 10))
        session.add(row)
    row.trimmed_mean = trimmed
    session.flush()


def sheet_totals(session: Session, year: int, form_id: str, *, district_id: int | None = None,
                 final_only: bool = True, leave_out: Collection[int] = ()
                 ) -> list[tuple[int, int | None, int | None, Decimal]]:
    """(sheet id, appointment id or district id, reviewer id, total) of every sheet of a form.

    ``leave_out``: sheets not to sum (those holding damaged data). The sheet of
    a reviewer recused from its subject (回避) is never summed.
    """
    subject = Sheet.appointment_id if catalogue.form(form_id).subject == "appointment" else Sheet.district_id
    q = (select(Sheet.id, subject, Sheet.reviewer_id, func.coalesce(func.sum(Score.tenths), 0))
         .outerjoin(Score, Score.sheet_id == Sheet.id)
         .where(Sheet.year == year, Sheet.form_id == form_id)
         .group_by(Sheet.id, subject, Sheet.reviewer_id))
    if final_only:
        q = q.where(Sheet.status == FINAL)
    q = q.where(Sheet.slot.not_in(recused_slots(year)))
    if leave_out:
        q = q.where(Sheet.id.not_in(list(leave_out)))
    if district_id is not None:
        if subject is Sheet.district_id:
            q = q.where(Sheet.district_id == district_id)
        else:
            q = q.join(Appointment, Appointment.id == Sheet.appointment_id).join(
                Unit, Unit.id == Appointment.unit_id).where(Unit.district_id == district_id)
    q = q.order_by(Sheet.id)   # in the order the sheets were made, on every database (a server may hash-group)
    return [(sid, subj, rev, from_tenths(int(t))) for sid, subj, rev, t in session.execute(q)]


def reviewer_totals(session: Session, year: int, form_id: str, district_id: int | None = None, *,
                    leave_out: Collection[int] = ()) -> dict[int, list[tuple[int | None, Decimal]]]:
    """Subject → [(reviewer, total)] over finalised sheets (but those in ``leave_out``)."""
    out: dict[int, list[tuple[int | None, Decimal]]] = defaultdict(list)
    for _sid, subject, reviewer, total in sheet_totals(session, year, form_id, district_id=district_id,
                                                       leave_out=leave_out):
        if subject is not None:
            out[subject].append((reviewer, total))
    return out


def unit_damage(session: Session, year: int, district_id: int | None = None) -> Damage:
    """The finalised 3-1 and 3-2 sheets (of one district) that hold damaged data: what a 3-3 ranking leaves out."""
    rule = catalogue.form("3-3").weights
    assert rule is not None
    return find(session, sheets_of(year, (rule.street_form, rule.district_form), district_id=district_id))


def all_unit_rankings(session: Session, year: int, district_id: int | None = None, *,
                      group_totals: Mapping[int, list[tuple[int | None, Decimal]]] | None = None,
                      damage: Damage | None = None) -> dict[int, list[UnitRankRow[int]]]:
    """The 3-3 ranking of every district (or one) in a few queries; ``district_ranking`` is one district of it.

    ``damage`` (``unit_damage``, when already read): the sheets left out;
    ``group_totals``, when given, must have been summed without them.
    """
    form33 = catalogue.form("3-3")
    rule = form33.weights
    assert rule is not None
    if damage is None:
        damage = unit_damage(session, year, district_id)
    street = reviewer_totals(session, year, rule.street_form, district_id, leave_out=damage)
    group = group_totals if group_totals is not None else reviewer_totals(session, year, rule.district_form,
                                                                          district_id, leave_out=damage)
    settings = {row.district_id: row for row in session.scalars(select(DistrictYear).where(DistrictYear.year == year))}
    inputs: dict[int, list[UnitScores[int]]] = defaultdict(list)
    apps = (select(Appointment.id, Unit.district_id, Unit.name, Planner.name)
            .join(Unit, Unit.id == Appointment.unit_id).join(Planner, Planner.id == Appointment.planner_id)
            .where(Appointment.year == year).order_by(Unit.code, Planner.code))
    if district_id is not None:
        apps = apps.where(Unit.district_id == district_id)
    for app_id, did, unit, planner in session.execute(apps):
        setting = settings.get(did)
        trimmed = bool(setting and setting.trimmed_mean)
        own = [t for _, t in street.get(app_id, [])]
        inputs[did].append(UnitScores(app_id, unit, planner, own[0] if own else None,
                                              final_score([t for _, t in group.get(app_id, [])], trimmed)))
    default = Weights(rule.default_street, rule.default_district)
    return {did: rank_units(rows, Weights(from_tenths(settings[did].street_weight_tenths),
                                          from_tenths(settings[did].district_weight_tenths))
                            if did in settings else default, form33)
            for did, rows in inputs.items()}



def district_ranking(session: Session, year: int, district_id: int, *,
                     group_totals: Mapping[int, list[tuple[int | None, Decimal]]] | None = None,
                     damage: Damage | None = None) -> DistrictRanking:
    """The district's 3-3 table with its weights and the sheets it left out.

    ``group_totals`` and ``damage``: the review group's totals and the
    district's damaged sheets, when already read (the dashboard reads both).
    """
    d = session.get(District, district_id)
    if d is None:
        raise NotFound("meeting.no_district", district_id=district_id)
    w, is_set, trimmed = weights(session, year, district_id)
    if damage is None:
        damage = unit_damage(session, year, district_id)
    rows = all_unit_rankings(session, year, district_id, group_totals=group_totals,
                             damage=damage).get(district_id, [])
    return DistrictRanking(year, d.id, d.name, w, is_set, trimmed, rows, tuple(damage.values()))


def result_is_final(session: Session, result: DistrictRanking) -> bool:
    """Whether the 3-3 result file may be printed and exported as final (not 草稿).

    Every unit ranked, no 3-1 or 3-2 sheet of the district still a draft or
    holding damaged data, and the weights set by the district (not the rule's
    defaults). One rule for the PDF of ``zeshi print 3-3`` and for the result
    file exported from the dashboard.
    """
    form33 = catalogue.form("3-3")
    assert form33.weights is not None
    if not result.rows or not all(r.complete for r in result.rows) or not result.weights_set or result.damaged:
        return False
    drafts = session.scalar(
        select(func.count()).select_from(Sheet).join(Appointment, Appointment.id == Sheet.appointment_id)
        .join(Unit, Unit.id == Appointment.unit_id)
        .where(Sheet.year == result.year, Sheet.status != FINAL, Unit.district_id == result.district_id,
               Sheet.form_id.in_((form33.weights.street_form, form33.weights.district_form)),
               Sheet.slot.not_in(recused_slots(result.year))))
    return not drafts


def city_damage(session: Session, year: int) -> Damage:
    """The finalised 4-2 and 4-3 sheets that hold damaged data: what the city ranking leaves out."""
    return find(session, sheets_of(year, ("4-2", "4-3")))


def contracts_signed(session: Session, year: int, damage: Damage, district_id: int | None = None) -> dict[int, bool]:
    """Each district's 4-2 answer to the contract rule (是: True), from its final sheet not holding damaged data.

    ``district_id`` limits it to one district (a package carries its own district's answer only).
    """
    rule = catalogue.form("4-2").contract_rule
    if rule is None:
        return {}
    q = (select(Sheet.district_id, Answer.value).join(Answer, Answer.sheet_id == Sheet.id)
         .where(Sheet.year == year, Sheet.form_id == "4-2", Sheet.status == FINAL, Answer.key == rule.id))
    if district_id is not None:
        q = q.where(Sheet.district_id == district_id)
    if damage:
        q = q.where(Sheet.id.not_in(list(damage)))
    return {did: value == "yes" for did, value in session.execute(q)}


def city_ranking(session: Session, year: int, *, damage: Damage | None = None) -> CityRanking:
    """Districts by their 4-3 score beside their 4-2 self score; sheets holding damaged data left out."""
    y = session.get(Year, year)
    trimmed = bool(y and y.city_trimmed_mean)
    city_form, self_form = catalogue.form("4-3"), catalogue.form("4-2")
    damage = city_damage(session, year) if damage is None else damage
    city = reviewer_totals(session, year, "4-3", leave_out=damage)
    self_scores = reviewer_totals(session, year, "4-2", leave_out=damage)
    signed = contracts_signed(session, year, damage)
    rows = []
    for d in session.scalars(select(District).order_by(District.code)):
        own = [t for _, t in self_scores.get(d.id, [])]
        rows.append(DistrictScores(d.id, d.name, d.circle, final_score([t for _, t in city.get(d.id, [])], trimmed),
                                   own[0] if own else None, signed.get(d.id)))
    return CityRanking(year, trimmed, rank_districts(rows, city_form, self_form), tuple(damage.values()))
