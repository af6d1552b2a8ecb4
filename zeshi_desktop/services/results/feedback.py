"""考核结果反馈: what the district tells each planner and hiring body about the year (Article 20).

Every figure comes from the district dashboard's reading
(``meeting.dashboards.district_dashboard``), whose ranking is the one
``zeshi rank`` prints: the 3-1 total, the review group's final score and how
many reviewers it is the mean of, both weighted scores, 总分, rank of N and
band, and the district's mean of each 3-2 item beside this unit's. The
street office's 意见建议 and the reviewers' remarks travel without a name:
the remarks are sorted by their text, so not even their order tells who
wrote which. Earlier years are the planner's 3-3 results in the years the
store holds (the rankings ``history`` shows), with the city's decision when
there was one. Only finalised sheets that hold no damaged data count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal, localcontext

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.forms import Band, Label
from zeshi_desktop.domain.scores import from_tenths
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.meeting import ranking
from zeshi_desktop.services.meeting.dashboards import (
    DistrictDashboard,
    district_dashboard,
)
from zeshi_desktop.services.results.common import Rankings, first_sheet, recusal_counts
from zeshi_desktop.services.scoring.sheets import FINAL
from zeshi_desktop.store.models import (
    Answer,
    Appointment,
    District,
    Planner,
    Score,
    Sheet,
    Unit,
)
from zeshi_desktop.store.result_models import ExcellentSelection

OFFICE_KEY = "header:office"   # the office as the 3-1 heading names it: the hiring body's office


@dataclass(frozen=True)
class ItemComparison:
    """One 3-2 item: this unit's mean over its reviewers beside the district's mean over every unit."""

    item_id: str
    text: Label
    max: Decimal
    mine: Decimal | None
    district: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        return None if self.mine is None or self.district is None else self.mine - self.district


@dataclass(frozen=True)
class EarlierYear:
    year: int
    district: str
    unit: str
    rank: int | None
    ranked: int
    total: Decimal | None
    band: Band | None
    nominated: bool
    selected: bool | None          # the city's decision, when it made one


@dataclass(frozen=True)
class FeedbackLetter:
    """One appointment's letter, as data: the renderer words it, ``verify`` hashes it."""

    year: int
    appointment_id: int
    district_id: int
    district: str
    district_code: str
    unit: str
    unit_code: str
    planner: str
    planner_code: str
    office: str                    # the hiring body's office (the 3-1 heading's 评审单位, else the unit)
    term_start: int
    term_years: int
    renewal: bool
    contract_signed: bool
    fee_paid: bool
    street_score: Decimal | None
    street_band: Band | None
    district_score: Decimal | None
    reviewers: int                 # finalised 3-2 sheets the final score is the mean of
    recusals: int | None           # None: not known in this store
    trimmed_mean: bool
    street_weight: Decimal
    district_weight: Decimal
    street_weighted: Decimal | None
    district_weighted: Decimal | None
    total: Decimal | None
    rank: int | None
    ranked: int
    band: Band | None
    items: tuple[ItemComparison, ...]
    office_remarks: str
    reviewer_remarks: tuple[str, ...]
    earlier: tuple[EarlierYear, ...]
    nominated: bool
    selected: bool | None
    final: bool                    # the district's result file is final and this unit ranked
    ref_sheet: tuple[int, str] | None = None   # (id, uid) of the appointment's 3-1: the sheet the code names

    @property
    def term_end(self) -> int:
        return self.term_start + self.term_years - 1


def _item_means(session: Session, year: int, form_id: str, apps: Collection[int], leave_out: Collection[int]
                ) -> dict[int, dict[str, Decimal]]:
    """Per appointment and item, the mean over its finalised sheets of ``form_id`` (summed in tenths, exact)."""
    q = (select(Sheet.appointment_id, Score.item_id, func.sum(Score.tenths), func.count())
         .join(Score, Score.sheet_id == Sheet.id)
         .where(Sheet.year == year, Sheet.form_id == form_id, Sheet.status == FINAL,
                Sheet.appointment_id.in_(list(apps)))
         .group_by(Sheet.appointment_id, Score.item_id))
    if leave_out:
        q = q.where(Sheet.id.not_in(list(leave_out)))
    out: dict[int, dict[str, Decimal]] = defaultdict(dict)
    with localcontext() as ctx:
        ctx.prec = 40
        for app, item, total, count in session.execute(q):
            out[app][item] = from_tenths(int(total)) / int(count)
    return out


def _remarks(session: Session, year: int, apps: Collection[int], leave_out: Collection[int]
             ) -> tuple[dict[int, str], dict[int, list[str]], dict[int, str]]:
    """The 3-1 意见建议, the reviewers' 3-2 remarks (no names) and the 3-1 office, per appointment."""
    rule = catalogue.form("3-3").weights
    assert rule is not None
    office_remarks: dict[int, str] = {}
    reviewer_remarks: dict[int, list[str]] = defaultdict(list)
    q = (select(Sheet.id, Sheet.appointment_id, Sheet.form_id, Sheet.remarks)
         .where(Sheet.year == year, Sheet.status == FINAL, Sheet.appointment_id.in_(list(apps)),
                Sheet.form_id.in_((rule.street_form, rule.district_form))))
    street_sheets: dict[int, int] = {}
    for sid, app, form_id, remarks in session.execute(q):
        if sid in leave_out:
            continue
        if form_id == rule.street_form:
            street_sheets[sid] = app
            if remarks and remarks.strip():
                office_remarks[app] = remarks.strip()
        elif remarks and remarks.strip():
            reviewer_remarks[app].append(remarks.strip())
    offices = {street_sheets[sid]: value.strip() for sid, value in session.execute(
        select(Answer.sheet_id, Answer.value).where(Answer.key == OFFICE_KEY,
                                                    Answer.sheet_id.in_(list(street_sheets))))
               if value and value.strip()} if street_sheets else {}
    return office_remarks, {app: sorted(r) for app, r in reviewer_remarks.items()}, offices


def _selections(session: Session, apps: Collection[int]) -> dict[int, bool]:
    if not apps:
        return {}
    return dict(session.execute(select(ExcellentSelection.appointment_id, ExcellentSelection.selected)
                                .where(ExcellentSelection.appointment_id.in_(list(apps)))).all())


def _earlier(session: Session, rankings: Rankings, year: int, planner_ids: Collection[int]
             ) -> dict[int, list[EarlierYear]]:
    """Each planner's results in the years before ``year`` (every unit served), oldest first."""
    q = (select(Appointment.id, Appointment.year, Appointment.planner_id, Appointment.recommended, Unit.district_id,
                District.name, Unit.name)
         .join(Unit, Unit.id == Appointment.unit_id).join(District, District.id == Unit.district_id)
         .where(Appointment.year < year, Appointment.planner_id.in_(list(planner_ids)))
         .order_by(Appointment.year, Unit.code))
    found = session.execute(q).all()
    decided = _selections(session, [row[0] for row in found])
    out: dict[int, list[EarlierYear]] = defaultdict(list)
    for app, y, planner, nominated, did, district, unit in found:
        row = rankings.row(y, did, app)
        out[planner].append(EarlierYear(y, district, unit, row.rank if row else None, rankings.ranked(y, did),
                                        row.total if row else None, row.band if row else None, bool(nominated),
                                        decided.get(app)))
    return out


def district_letters(session: Session, year: int, district_id: int, appointment_ids: Collection[int] | None = None,
                     board: DistrictDashboard | None = None) -> list[FeedbackLetter]:
    """The letters of a district (or of some of its appointments), in the order of its ranking."""
    if session.get(District, district_id) is None:
        raise NotFound("meeting.no_district", district_id=district_id)
    board = board or district_dashboard(session, year, district_id)
    r = board.ranking
    rows = [row for row in r.rows if appointment_ids is None or row.key in appointment_ids]
    if not rows:
        raise ActionRefused("results.feedback.no_appointments", district=r.district, year=year)
    apps = [row.key for row in rows]
    rankings = Rankings(session)
    rankings.seed(year, district_id, list(r.rows))
    rule = catalogue.form("3-3").weights
    assert rule is not None
    group_form, street_form = catalogue.form(rule.district_form), catalogue.form(rule.street_form)
    leave_out = {d.sheet_id for d in r.damaged}
    means = _item_means(session, year, rule.district_form, apps, leave_out)
    district_means = {i.item_id: i.mean for i in board.group_items}
    reviewers = {s.key: len(s.spread.totals) for s in board.spreads}   # the totals the final score is the mean of
    recusals = recusal_counts(session, year, apps)
    office_remarks, reviewer_remarks, offices = _remarks(session, year, apps, leave_out)
    info = {a.id: (a, u, p) for a, u, p in session.execute(
        select(Appointment, Unit, Planner).join(Unit, Unit.id == Appointment.unit_id)
        .join(Planner, Planner.id == Appointment.planner_id).where(Appointment.id.in_(apps)))}
    earlier = _earlier(session, rankings, year, {info[app][2].id for app in apps})
    selected = _selections(session, apps)
    refs = first_sheet(session, year, rule.street_form, apps)
    final = ranking.result_is_final(session, r)
    ranked = sum(1 for row in r.rows if row.rank is not None)
    letters = []
    for row in rows:
        a, u, p = info[row.key]
        letters.append(FeedbackLetter(
            year, row.key, district_id, board.district.name, board.district.code, u.name, u.code, p.name, p.code,
            offices.get(row.key, u.name), a.term_start, a.term_years, a.renewal, a.contract_signed, a.fee_paid,
            row.street_score, street_form.band_for(row.street_score) if row.street_score is not None else None,
            row.district_score, int(reviewers.get(row.key, 0)),
            None if recusals is None else recusals.get(row.key, 0), r.trimmed_mean, r.weights.street,
            r.weights.district, row.street_weighted, row.district_weighted, row.total, row.rank, ranked, row.band,
            tuple(ItemComparison(item.id, item.text, item.max, means.get(row.key, {}).get(item.id),
                                 district_means.get(item.id)) for item in group_form.items),
            office_remarks.get(row.key, ""), tuple(reviewer_remarks.get(row.key, ())),
            tuple(earlier.get(p.id, ())), bool(a.recommended), selected.get(row.key),
            final and row.rank is not None, refs.get(row.key)))
    return letters


def letter(session: Session, year: int, appointment_id: int) -> FeedbackLetter:
    """One appointment's letter."""
    a = session.get(Appointment, appointment_id)
    if a is None or a.year != year:
        raise NotFound("meeting.no_appointment", appointment_id=appointment_id)
    unit = session.get(Unit, a.unit_id)
    assert unit is not None
    return district_letters(session, year, unit.district_id, [appointment_id])[0]
