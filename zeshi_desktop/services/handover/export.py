"""Building a package from the store: which roster rows and which sheets each kind carries.

A sheet holding damaged data (``meeting.damage``) never travels: it is left out
of the package, as if not filled in, and the export says which sheets it left
out (``ExportResult.damaged`` and ``warnings``), so the sender can restore or
re-enter them before sending again.

Districts and units are named by code or by name; the package always carries
the code. A city → district package is made for one district, named in its
origin (``services.handover.routing`` refuses it at any other).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop import __version__
from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.scores import display, tenths_text
from zeshi_desktop.messages import Message
from zeshi_desktop.packages.form_layout import fields_for, orientation_for
from zeshi_desktop.packages.model import (
    STATUS_FIELD,
    DisplaySheet,
    FormBlock,
    PackageData,
    Subject,
    table_text,
)
from zeshi_desktop.packages.package_workbook import write_package
from zeshi_desktop.packages.signing import installation
from zeshi_desktop.packages.words import written, yes_no
from zeshi_desktop.services import catalogue, lookup
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.handover import excellent
from zeshi_desktop.services.handover.excellent_tables import NOMINATIONS, SELECTIONS
from zeshi_desktop.services.handover.kinds import KINDS, PICTURES, TABLE_SPECS, WEIGHTS
from zeshi_desktop.services.handover.pictures import picture_rows
from zeshi_desktop.services.meeting import ranking
from zeshi_desktop.services.meeting.damage import DamagedSheet, find_in_records
from zeshi_desktop.services.roster import workbook as roster_io
from zeshi_desktop.store.models import (
    Answer,
    Appointment,
    District,
    Planner,
    Reviewer,
    Score,
    Sheet,
    Unit,
)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: str
    package_id: str
    template: bool
    sheets: dict[str, int]
    signer: str
    fingerprint: str
    damaged: tuple[DamagedSheet, ...] = field(default=())   # sheets left out: they hold damaged data

    @property
    def warnings(self) -> tuple[Message, ...]:
        """What the sender must be told: the sheets left out (``handover.export.damaged_left_out``), if any."""
        if not self.damaged:
            return ()
        return (Message("handover.export.damaged_left_out", count=len(self.damaged),
                        sheets=[d.what for d in self.damaged]),)


@dataclass(frozen=True)
class _Subject:
    key: str
    labels: tuple[str, ...]
    appointment_id: int | None = None
    district_id: int | None = None


def _appointment_subjects(session: Session, year: int, unit_codes: Sequence[str] | None = None,
                          district_id: int | None = None) -> list[_Subject]:
    q = (select(Appointment.id, Unit.code, Unit.name, Planner.code, Planner.name)
         .join(Unit, Unit.id == Appointment.unit_id).join(Planner, Planner.id == Appointment.planner_id)
         .where(Appointment.year == year).order_by(Unit.code, Planner.code))
    if unit_codes is not None:
        q = q.where(Unit.code.in_(list(unit_codes)))
    if district_id is not None:
        q = q.where(Unit.district_id == district_id)
    return [_Subject(f"{uc}/{pc}", (un, pn), appointment_id=aid) for aid, uc, un, pc, pn in session.execute(q)]


def _district_subjects(session: Session, district_ids: Iterable[int] | None = None) -> list[_Subject]:
    q = select(District).order_by(District.code)
    if district_ids is not None:
        q = q.where(District.id.in_(list(district_ids)))
    return [_Subject(d.code, (d.name,), district_id=d.id) for d in session.scalars(q)]


def _chunks(values: list[int], size: int = 500) -> Iterable[list[int]]:
    """IN lists of a size every database takes."""
    for begin in range(0, len(values), size):
        yield values[begin:begin + size]


def _blocks(session: Session, year: int, form: Form, subjects: list[_Subject],
            reviewers: Sequence[Reviewer | None] = (None,), *, left_out: list[DamagedSheet]) -> list[FormBlock]:
    """One worksheet per reviewer (``None``: the office's or district's own sheets), filled from the store.

    The sheets of all the reviewers are read together, limited to the subjects, so a
    district's seven 3-2 matrices cost three queries, not twenty-one. Sheets
    holding damaged data are left out (blank, as if not filled in) and added
    to ``left_out``.
    """
    subject_col = Sheet.appointment_id if form.subject == "appointment" else Sheet.district_id
    reviewer_ids = [r.id for r in reviewers if r is not None]
    if reviewer_ids and len(reviewer_ids) != len(reviewers):
        raise ValueError("either every block has a reviewer or none has")
    found: dict[tuple[int | None, int], tuple[int, str, str | None]] = {}
    for chunk in _chunks([s.appointment_id or s.district_id for s in subjects]):  # type: ignore[misc]
        q = select(Sheet.id, Sheet.reviewer_id, subject_col, Sheet.status, Sheet.remarks).where(
            Sheet.year == year, Sheet.form_id == form.id, subject_col.in_(chunk))
        q = q.where(Sheet.reviewer_id.in_(reviewer_ids)) if reviewer_ids else q.where(Sheet.reviewer_id.is_(None))
        for sid, rid, subj, status, remarks in session.execute(q):
            found[(rid, subj)] = (sid, status, remarks)
    stored: dict[int, dict[str, int]] = defaultdict(dict)
    answers: dict[int, dict[str, str]] = defaultdict(dict)
    for chunk in _chunks([sid for sid, _, _ in found.values()]):
        for sid, item, tenths in session.execute(select(Score.sheet_id, Score.item_id, Score.tenths)
                                                 .where(Score.sheet_id.in_(chunk))):
            stored[sid][item] = tenths
        for sid, key, value in session.execute(select(Answer.sheet_id, Answer.key, Answer.value)
                                               .where(Answer.sheet_id.in_(chunk))):
            answers[sid][key] = value
    damage = find_in_records(session, {sid: (form.id, stored[sid], answers[sid]) for sid, _, _ in found.values()})
    if damage:
        left_out.extend(damage.values())
        found = {k: v for k, v in found.items() if v[0] not in damage}
    scores = {sid: {item: tenths_text(t) for item, t in values.items()} for sid, values in stored.items()}
    return [_block(form, subjects, r, {subj: v for (rid, subj), v in found.items()
                                       if rid == (r.id if r is not None else None)}, scores, answers)
            for r in reviewers]


def _block(form: Form, subjects: list[_Subject], reviewer: Reviewer | None,
           by_subject: dict[int, tuple[int, str, str | None]], scores: dict[int, dict[str, str]],
           answers: dict[int, dict[str, str]]) -> FormBlock:
    """One worksheet's worth: the form's fields for every subject."""
    mine = [by_subject[s.appointment_id or s.district_id][0] for s in subjects  # type: ignore[index]
            if (s.appointment_id or s.district_id) in by_subject]
    cases = max([int(k.split("#")[1]) for sid in mine for k in answers.get(sid, {}) if k.startswith("text:cases#")]
                + [1])
    fields = fields_for(form, cases=cases)
    keys = {f.key for f in fields}
    values: dict[str, dict[str, str]] = {}
    for s in subjects:
        found = by_subject.get(s.appointment_id or s.district_id)  # type: ignore[arg-type]
        if found is None:
            values[s.key] = {}
            continue
        sid, status, remarks = found
        v = {STATUS_FIELD: status, **scores.get(sid, {}),
             **{k: a for k, a in answers.get(sid, {}).items() if k in keys}}
        if remarks and "remarks" in keys:
            v["remarks"] = remarks
        values[s.key] = v
    appointment = form.subject == "appointment"
    return FormBlock(
        title=_sheet_title(f"{form.id} {reviewer.code}") if reviewer is not None else form.id, form_id=form.id,
        form_version=form.version, heading=form.title.zh, orientation=orientation_for(form),
        subject_headers=(tuple(written(c) for c in ("handover.sheet.unit", "handover.sheet.planner")) if appointment
                         else (written("handover.sheet.district"),)), fields=fields,
        subjects=[Subject(s.key, s.labels) for s in subjects], values=values,
        reviewer=reviewer.code if reviewer is not None else "",
        reviewer_line=(written("handover.sheet.reviewer_line", name=reviewer.name, organisation=reviewer.organisation)
                       if reviewer is not None else ""),
        total_label=form.total_label.zh if form.is_scored else "")


def _sheet_title(text: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    return "".join("_" if ch in "[]:*?/\\" else ch for ch in text)[:31]


def _tables(rows: dict[str, list[dict[str, object]]]) -> dict[str, list[dict[str, str]]]:
    return {name: [{c.key: table_text(row.get(c.key)) for c in TABLE_SPECS[name].columns} for row in table]
            for name, table in rows.items()}


def _district(session: Session, ref: str) -> District:
    """The district by code or name: a package names it by its code, whichever was typed."""
    d = session.get(District, lookup.district_id(session, ref))
    assert d is not None
    return d


def _units(session: Session, refs: Sequence[str], district: str | None = None) -> list[Unit]:
    """The units by code or name (``district`` tells apart two of one name); the unknown ones refused together."""
    within = lookup.district_id(session, district) if district else None
    found: list[Unit] = []
    unknown: list[str] = []
    for ref in dict.fromkeys(refs):
        try:
            unit = session.get(Unit, lookup.unit_id(session, ref, within))
        except NotFound:
            unknown.append(ref)
            continue
        if unit is not None and unit not in found:
            found.append(unit)
    if unknown:
        raise NotFound("handover.export.unknown_units", units=unknown)
    return found


def _reviewer(session: Session, year: int, ref: str, level: str) -> Reviewer:
    """The reviewer by code or name (two with one name are refused: use the code), of the level the kind needs."""
    r = session.get(Reviewer, lookup.reviewer_id(session, year, ref))
    if r is None or r.level != level:
        raise NotFound("handover.export.no_district_reviewer" if level == "district"
                       else "handover.export.no_city_reviewer", year=year, reviewer=ref)
    return r


def build(session: Session, kind: str, year: int, *, units: Sequence[str] = (), district: str | None = None,
          reviewer: str | None = None, left_out: list[DamagedSheet] | None = None
          ) -> tuple[PackageData, dict[str, str]]:
    """The content of a package of ``kind`` and its origin, from the store.

    ``left_out`` receives the sheets not carried because they hold damaged data.
    """
    sink: list[DamagedSheet] = left_out if left_out is not None else []
    _blocks_of = partial(_blocks, left_out=sink)
    if kind not in KINDS:
        raise ActionRefused("handover.export.unknown_kind", kind=kind, kinds=list(KINDS))
    forms = catalogue.forms()
    data = PackageData()
    if kind in ("district-street", "street-district"):
        if not units:
            raise ActionRefused("handover.export.units_needed")
        unit_rows = _units(session, units, district)
        districts = {u.district_id for u in unit_rows}
        if len(districts) != 1:
            raise ActionRefused("handover.export.one_district")
        d = session.get(District, districts.pop())
        assert d is not None
        codes = [u.code for u in unit_rows]
        subjects = _appointment_subjects(session, year, codes)
        if not subjects:
            raise ActionRefused("handover.export.no_appointments", year=year)
        data.tables = _tables(roster_io.roster_rows(session, year, district_codes=[d.code], unit_codes=codes,
                                                    with_reviewers=False))
        data.blocks = _blocks_of(session, year, forms["3-1"], subjects) + _blocks_of(session, year, forms["5-1"], subjects)
        origin = {"district": d.code, "district_name": d.name, "units": ",".join(codes)}
    elif kind == "reviewer-district":
        r = _reviewer(session, year, reviewer or "", "district")
        d = session.get(District, r.district_id)
        assert d is not None
        subjects = _appointment_subjects(session, year, district_id=d.id)
        data.tables = _tables(roster_io.roster_rows(session, year, district_codes=[d.code], reviewer_codes=[r.code]))
        data.blocks = _blocks_of(session, year, forms["3-2"], subjects, [r])
        origin = {"district": d.code, "district_name": d.name, "reviewer": r.code, "reviewer_name": r.name}
    elif kind == "district-city":
        d = _district(session, district or "")
        subjects = _appointment_subjects(session, year, district_id=d.id)
        data.tables = _tables(roster_io.roster_rows(session, year, district_codes=[d.code]))
        w, _set, trimmed = ranking.weights(session, year, d.id)
        data.tables[WEIGHTS.sheet] = [{"district": d.code, "street_weight": display(w.street, 1),
                                       "district_weight": display(w.district, 1), "trimmed": yes_no(trimmed)}]
        group = list(session.scalars(select(Reviewer).where(Reviewer.year == year, Reviewer.district_id == d.id,
                                                            Reviewer.level == "district").order_by(Reviewer.code)))
        mine = _district_subjects(session, [d.id])
        data.blocks = (_blocks_of(session, year, forms["3-1"], subjects)
                       + (_blocks_of(session, year, forms["3-2"], subjects, group) if group else [])
                       + _blocks_of(session, year, forms["5-1"], subjects)
                       + [b for f in ("4-2", "4-1") for b in _blocks_of(session, year, forms[f], mine)])
        summary_left_out = any(damaged.form_id == "4-1" for damaged in sink)
        pictures = [] if summary_left_out else picture_rows(session, year, d.id, d.code)   # they ride with 4-1
        data.tables.update(_tables({PICTURES.sheet: pictures}))
        data.tables.update(_tables({NOMINATIONS.sheet: excellent.nomination_rows(session, year, d)}))   # 推荐
        data.display = [_district_result(session, year, d)]
        origin = {"district": d.code, "district_name": d.name}
    elif kind == "reviewer-city":
        r = _reviewer(session, year, reviewer or "", "city")
        data.tables = _tables(roster_io.roster_rows(session, year, district_codes=[
            c for c in session.scalars(select(District.code))], unit_codes=[], reviewer_codes=[r.code]))
        data.blocks = _blocks_of(session, year, forms["4-3"], _district_subjects(session), [r])
        origin = {"reviewer": r.code, "reviewer_name": r.name, "level": "city"}
    else:  # city-district: always for one district, named by its code (routing refuses it at any other)
        if not district:
            raise ActionRefused("handover.export.district_needed")
        d = _district(session, district)
        city = list(session.scalars(select(Reviewer).where(Reviewer.year == year, Reviewer.level == "city")
                                    .order_by(Reviewer.code)))
        data.tables = _tables(roster_io.roster_rows(session, year, district_codes=[
            c for c in session.scalars(select(District.code))], unit_codes=[], reviewer_codes=[r.code for r in city]))
        data.blocks = (_blocks_of(session, year, forms["4-3"], _district_subjects(session, [d.id]), city) if city
                       else [])
        data.tables.update(_tables({SELECTIONS.sheet: excellent.selection_rows(session, year, d)}))   # 市级评选
        data.display = [_city_result(session, year)]
        origin = {"level": "city", "district": d.code, "district_name": d.name}
    return data, origin


def _district_result(session: Session, year: int, d: District) -> DisplaySheet:
    result = ranking.district_ranking(session, year, d.id)
    form = catalogue.form("3-3")
    rows = [[r.rank, r.unit, r.planner, display(r.street_weighted) if r.street_weighted is not None else "",
             display(r.district_weighted) if r.district_weighted is not None else "",
             display(r.total) if r.total is not None else "", r.band.label.zh if r.band else ""] for r in result.rows]
    headers = ([c.zh for c in form.columns[:2]] + [written("handover.sheet.planner")] + [c.zh for c in form.columns[2:]]
               + [written("handover.result.band")])
    heading = written("handover.result.heading", title=form.title, district=d.name, street=result.weights.street,
                      group=result.weights.district)
    return DisplaySheet(written("handover.result.sheet"), heading, headers, rows)


CITY_COLUMNS = ("rank", "district", "circle", "city_score", "self_score", "contracts", "band", "eligible")


def _city_result(session: Session, year: int) -> DisplaySheet:
    result = ranking.city_ranking(session, year)
    rows = [[r.rank, r.district, r.circle, display(r.city_score) if r.city_score is not None else "",
             display(r.self_score) if r.self_score is not None else "",
             "" if r.contracts_signed is None else yes_no(r.contracts_signed), r.band.label.zh if r.band else "",
             yes_no(r.eligible_excellent)] for r in result.rows]
    return DisplaySheet(written("handover.city.sheet"), written("handover.city.heading", year=year),
                        [written(f"handover.city.{c}") for c in CITY_COLUMNS], rows)


def export_package(session: Session, kind: str, year: int, path: Path, *, units: Sequence[str] = (),
                   district: str | None = None, reviewer: str | None = None, template: bool = False,
                   signer_name: str | None = None) -> ExportResult:
    """Write a signed package (or a fill-in template) of ``kind`` to ``path``, atomically."""
    left_out: list[DamagedSheet] = []
    data, origin = build(session, kind, year, units=units, district=district, reviewer=reviewer, left_out=left_out)
    me = installation(signer_name)
    origin = {**origin, "installation": me.name, "fingerprint": me.fingerprint}
    manifest = write_package(Path(path), data, kind=kind, year=year, origin=origin, program_version=__version__,
                             me=me, table_specs=TABLE_SPECS, template=template)
    return ExportResult(Path(path), kind, manifest["package_id"], template, data.row_counts(), me.name,
                        me.fingerprint, tuple(left_out))
