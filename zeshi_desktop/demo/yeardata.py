"""A whole year's data as plain records, loaded into the store in bulk.

The demo, the city-scale benchmark and whole-year imports all describe a year
this way and load it with ``load_year``: a few multi-row ``INSERT``s instead
of one ORM object per score (about 8x faster here). Every score still goes
through the domain's check first, so bulk data obeys the same rules as typing.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.pictures import picture_problem
from zeshi_desktop.domain.scores import parse_score, to_tenths
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.scoring.sheets import slot_for
from zeshi_desktop.store.models import (
    Answer,
    Appointment,
    Attachment,
    District,
    DistrictYear,
    Member,
    Planner,
    Reviewer,
    Score,
    Sheet,
    Unit,
    Year,
    utcnow,
)


@dataclass(frozen=True)
class PictureRecord:
    """A picture attached to a 4-1 case (``key`` as ``cases#N``)."""

    key: str
    name: str
    mime: str
    data: bytes


@dataclass
class SheetRecord:
    """One sheet of the year: whose it is (by code), its scores, answers and pictures."""

    form_id: str
    status: str = "final"
    unit_code: str | None = None        # with planner_code: an appointment's sheet
    planner_code: str | None = None
    district_code: str | None = None    # a district's sheet
    reviewer_code: str | None = None
    scores: Mapping[str, Decimal | int | str] = field(default_factory=dict)
    answers: Mapping[str, str] = field(default_factory=dict)
    remarks: str = ""
    uid: str | None = None
    pictures: tuple[PictureRecord, ...] = ()


@dataclass
class YearData:
    """A whole year as plain records, named by code, as ``load_year`` takes it."""

    year: int
    districts: list[dict] = field(default_factory=list)       # code, name, circle
    units: list[dict] = field(default_factory=list)           # code, district, name, kind
    planners: list[dict] = field(default_factory=list)        # code, name, is_team, ..., members=[...]
    appointments: list[dict] = field(default_factory=list)    # unit, planner, term_start, term_years, ...
    reviewers: list[dict] = field(default_factory=list)       # code, level, district, name, organisation
    settings: list[dict] = field(default_factory=list)        # district, street_weight, district_weight, trimmed
    sheets: list[SheetRecord] = field(default_factory=list)
    city_trimmed_mean: bool = False


def _ids(session: Session, model: type, codes: Sequence[str]) -> dict[str, int]:
    wanted = list(set(codes))
    out: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        out.update(dict(session.execute(select(model.code, model.id).where(model.code.in_(chunk))).all()))  # type: ignore[attr-defined]
    return out


def load_year(session: Session, data: YearData) -> dict[str, int]:
    """Insert a year into an empty (or disjoint) store; returns row counts."""
    if session.get(Year, data.year) is None:
        session.execute(insert(Year), [{"year": data.year, "city_trimmed_mean": data.city_trimmed_mean}])
    if data.districts:
        session.execute(insert(District), [{k: d[k] for k in ("code", "name", "circle")} for d in data.districts])
    district_ids = _ids(session, District, [d["code"] for d in data.districts] +
                        [u["district"] for u in data.units] + [r["district"] for r in data.reviewers
                                                               if r.get("district")])
    if data.units:
        street = catalogue.roster_terms().unit_kinds[0].zh   # a unit that names no kind is of the first
        session.execute(insert(Unit), [{"code": u["code"], "district_id": district_ids[u["district"]],
                                        "name": u["name"], "kind": u.get("kind", street)} for u in data.units])
    planner_fields = ("code", "name", "is_team", "organisation", "full_time", "leader", "leader_title",
                      "leader_senior_title", "leader_registered", "leader_experience_years")
    defaults = {"is_team": False, "organisation": "", "full_time": False, "leader": "", "leader_title": "",
                "leader_senior_title": False, "leader_registered": False, "leader_experience_years": None}
    if data.planners:
        session.execute(insert(Planner), [{k: p.get(k, defaults.get(k)) for k in planner_fields}
                                          for p in data.planners])
    planner_ids = _ids(session, Planner, [p["code"] for p in data.planners] +
                       [a["planner"] for a in data.appointments])
    members = [{"planner_id": planner_ids[p["code"]], "name": m["name"], "discipline": m.get("discipline", ""),
                "qualification": m.get("qualification", ""), "is_core": m.get("is_core", True),
                "organisation": m.get("organisation", "")}
               for p in data.planners for m in p.get("members", [])]
    if members:
        session.execute(insert(Member), members)
    unit_ids = _ids(session, Unit, [u["code"] for u in data.units] + [a["unit"] for a in data.appointments])
    if data.appointments:
        session.execute(insert(Appointment), [{
            "year": data.year, "unit_id": unit_ids[a["unit"]], "planner_id": planner_ids[a["planner"]],
            "term_start": a.get("term_start", data.year), "term_years": a.get("term_years", 1),
            "renewal": a.get("renewal", False), "contract_signed": a.get("contract_signed", False),
            "fee_paid": a.get("fee_paid", False), "fee_amount": a.get("fee_amount"),
            "recommended": a.get("recommended", False)} for a in data.appointments])
    if data.reviewers:
        session.execute(insert(Reviewer), [{
            "code": r["code"], "year": data.year, "level": r["level"],
            "district_id": district_ids[r["district"]] if r.get("district") else None,
            "name": r["name"], "organisation": r.get("organisation", "")} for r in data.reviewers])
    if data.settings:
        session.execute(insert(DistrictYear), [{
            "year": data.year, "district_id": district_ids[s["district"]],
            "street_weight_tenths": int(Decimal(str(s["street_weight"])) * 10),
            "district_weight_tenths": int(Decimal(str(s["district_weight"])) * 10),
            "trimmed_mean": s.get("trimmed", False)} for s in data.settings])
    n_scores = _load_sheets(session, data, district_ids, unit_ids, planner_ids)
    return {"districts": len(data.districts), "units": len(data.units), "planners": len(data.planners),
            "appointments": len(data.appointments), "reviewers": len(data.reviewers),
            "sheets": len(data.sheets), "scores": n_scores}


def _load_sheets(session: Session, data: YearData, district_ids: dict[str, int], unit_ids: dict[str, int],
                 planner_ids: dict[str, int]) -> int:
    if not data.sheets:
        return 0
    app_ids = {(u, p): aid for aid, u, p in session.execute(
        select(Appointment.id, Unit.code, Planner.code).join(Unit, Unit.id == Appointment.unit_id)
        .join(Planner, Planner.id == Appointment.planner_id).where(Appointment.year == data.year))}
    reviewer_ids = dict(session.execute(select(Reviewer.code, Reviewer.id).where(
        Reviewer.year == data.year)).all())
    forms = catalogue.forms()
    now = utcnow()
    rows, payload = [], []
    for record in data.sheets:
        form = forms[record.form_id]
        appointment_id = district_id = None
        if form.subject == "appointment":
            appointment_id = app_ids.get((record.unit_code, record.planner_code))
            if appointment_id is None:
                raise ActionRefused("demo.no_appointment", form=form.id, unit=str(record.unit_code),
                                    planner=str(record.planner_code))
        else:
            district_id = district_ids.get(record.district_code or "")
            if district_id is None:
                raise ActionRefused("demo.no_district", form=form.id, district=str(record.district_code))
        reviewer_id = reviewer_ids[record.reviewer_code] if record.reviewer_code else None
        checked = {item: to_tenths(parse_score(form.item(item), raw)) for item, raw in record.scores.items()}
        uid = record.uid or str(uuid.uuid4())
        rows.append({"uid": uid, "slot": slot_for(form.id, data.year, appointment_id, district_id, reviewer_id),
                     "form_id": form.id, "form_version": form.version, "year": data.year,
                     "appointment_id": appointment_id, "district_id": district_id, "reviewer_id": reviewer_id,
                     "status": record.status, "remarks": record.remarks, "created_at": now, "updated_at": now,
                     "finalized_at": now if record.status == "final" else None})
        payload.append((uid, checked, record.answers))
        if record.pictures and form.id != "4-1":
            raise ActionRefused("scoring.picture.not_allowed", form=form.id)
        for picture in record.pictures:
            if (problem := picture_problem(picture.name, picture.mime, picture.data)) is not None:
                raise ActionRefused(problem)
    session.execute(insert(Sheet), rows)
    sheet_ids: dict[str, int] = {}
    uids = [u for u, _, _ in payload]
    for start in range(0, len(uids), 500):
        chunk = uids[start:start + 500]
        sheet_ids.update(dict(session.execute(select(Sheet.uid, Sheet.id).where(Sheet.uid.in_(chunk))).all()))
    scores = [{"sheet_id": sheet_ids[uid], "item_id": item, "tenths": t}
              for uid, checked, _ in payload for item, t in checked.items()]
    answers = [{"sheet_id": sheet_ids[uid], "key": k, "value": v}
               for uid, _, ans in payload for k, v in ans.items()]
    if scores:
        session.execute(insert(Score), scores)
    if answers:
        session.execute(insert(Answer), answers)
    pictures = [{"sheet_id": sheet_ids[uid], "key": p.key, "name": p.name, "mime": p.mime, "data": p.data,
                 "position": [q.key for q in record.pictures[:i]].count(p.key)}
                for record, (uid, _, _) in zip(data.sheets, payload) for i, p in enumerate(record.pictures)]
    if pictures:
        session.execute(insert(Attachment), pictures)
    return len(scores)
