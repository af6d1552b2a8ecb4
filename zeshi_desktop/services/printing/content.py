"""Reading sheets for printing and verification, many at once.

A district prints hundreds of sheets; loading them one ``sheets.view`` at a
time costs three queries each, so this module reads the sheets, their
subjects, scores and answers in a few set-based queries and hands back plain
records. The same records give the canonical content that a verification
code hashes, so printing and ``verify`` can never disagree on what a sheet is.

A sheet holding damaged data (``meeting.damage``: a value or a scope that
breaks its form's rules) is never printed: ``load`` refuses it, naming every
such sheet. ``verify`` asks for it anyway (``damaged_ok``), to compare: the
damaged values are left out of the record, so no report shows them.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from zeshi_desktop.domain.scores import from_tenths
from zeshi_desktop.domain.verification import SheetContent
from zeshi_desktop.messages import text
from zeshi_desktop.printing.data import PAPER
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.meeting.damage import DamagedSheet, find_in_records
from zeshi_desktop.store.models import (
    Answer,
    Appointment,
    Attachment,
    District,
    Planner,
    Reviewer,
    Score,
    Sheet,
    Unit,
)

CHUNK = 500


@dataclass
class SheetRecord:
    """One stored sheet with the names printed in its heading."""

    id: int
    uid: str
    form_id: str
    form_version: int
    year: int
    status: str
    remarks: str
    finalized_at: datetime | None
    appointment_id: int | None
    district_id: int
    district: str
    district_code: str
    unit: str = ""
    unit_code: str = ""
    planner: str = ""
    planner_code: str = ""
    reviewer_id: int | None = None
    reviewer: str = ""
    reviewer_code: str = ""
    reviewer_org: str = ""
    tenths: dict[str, int] = field(default_factory=dict)
    answers: dict[str, str] = field(default_factory=dict)
    pictures: dict[str, str] = field(default_factory=dict)   # "picture:cases#1/0" -> "name sha256:..."
    captions: dict[str, str] = field(default_factory=dict)   # "caption:cases#1/0" -> the caption typed
    damaged: DamagedSheet | None = None   # what breaks a rule (its values are not in ``tenths``/``answers``)

    @property
    def is_final(self) -> bool:
        return self.status == "final"

    @property
    def scores(self) -> dict[str, Decimal]:
        return {item: from_tenths(t) for item, t in self.tenths.items()}

    @property
    def who(self) -> str:
        """Whose sheet it is, as a verification report names it: 东华门街道（尹芳团队）, 东城区 评审人李四."""
        who = f"{self.unit}（{self.planner}）" if self.unit else self.district
        return text("printing.sheet.reviewed_by", PAPER, who=who, reviewer=self.reviewer) if self.reviewer else who

    @property
    def label(self) -> str:
        """How a person names this sheet in a verification report; stored with the print, so in the paper's words."""
        return text("printing.sheet.label", PAPER, form=self.form_id, who=self.who)

    def printed(self) -> dict[str, str]:
        """The names and other texts the paper shows beside the scores and answers (hashed too)."""
        names = {"year": str(self.year), "name:district": self.district, "name:unit": self.unit,
                 "name:planner": self.planner, "name:reviewer": self.reviewer,
                 "name:organisation": self.reviewer_org}
        return {k: v for k, v in names.items() if v} | self.captions

    def content(self, extra: dict[str, str] | None = None) -> SheetContent:
        """What a verification code covers: everything printed (``extra``: texts the document adds,
        the 4-1 appendix rows)."""
        subject = {"district": self.district_code}
        if self.unit_code:
            subject.update(unit=self.unit_code, planner=self.planner_code)
        if self.reviewer_code:
            subject["reviewer"] = self.reviewer_code
        # Pictures are hashed with the texts: swapping a 4-1 photo after printing is a change too.
        return SheetContent(self.uid, self.form_id, self.form_version, subject, dict(self.tenths),
                            {**self.answers, **self.pictures}, self.remarks, self.label,
                            self.printed() | (extra or {}))


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start:start + CHUNK])


class DamagedRefused(ActionRefused):
    """Sheets that hold damaged data are not printed; ``damaged`` names each and what is wrong."""

    def __init__(self, damaged: Sequence[DamagedSheet]) -> None:
        super().__init__("check.damaged.print", count=len(damaged), sheets=[d.what for d in damaged])
        self.damaged = tuple(damaged)


def load(session: Session, sheet_ids: Iterable[int], *, damaged_ok: bool = False) -> dict[int, SheetRecord]:
    """The sheets with these ids, keyed by id (missing ids are simply absent).

    Refuses (``DamagedRefused``) when any holds damaged data, unless
    ``damaged_ok``: the record then says so (``damaged``) and carries none of
    the values that break a rule.
    """
    ids = sorted(set(sheet_ids))
    out: dict[int, SheetRecord] = {}
    unit_district = aliased(District)
    own_district = aliased(District)
    for chunk in _chunks(ids):
        q = (select(Sheet, Unit, Planner, unit_district, own_district, Reviewer)
             .outerjoin(Appointment, Appointment.id == Sheet.appointment_id)
             .outerjoin(Unit, Unit.id == Appointment.unit_id)
             .outerjoin(Planner, Planner.id == Appointment.planner_id)
             .outerjoin(unit_district, unit_district.id == Unit.district_id)
             .outerjoin(own_district, own_district.id == Sheet.district_id)
             .outerjoin(Reviewer, Reviewer.id == Sheet.reviewer_id)
             .where(Sheet.id.in_(chunk)))
        for sheet, unit, planner, udist, odist, reviewer in session.execute(q):
            district = udist if udist is not None else odist
            out[sheet.id] = SheetRecord(
                sheet.id, sheet.uid, sheet.form_id, sheet.form_version, sheet.year, sheet.status, sheet.remarks,
                sheet.finalized_at, sheet.appointment_id, district.id, district.name, district.code,
                unit.name if unit else "", unit.code if unit else "", planner.name if planner else "",
                planner.code if planner else "", sheet.reviewer_id, reviewer.name if reviewer else "",
                reviewer.code if reviewer else "", reviewer.organisation if reviewer else "")
        for sid, item, tenths in session.execute(
                select(Score.sheet_id, Score.item_id, Score.tenths).where(Score.sheet_id.in_(chunk))):
            out[sid].tenths[item] = tenths
        for sid, key, value in session.execute(
                select(Answer.sheet_id, Answer.key, Answer.value).where(Answer.sheet_id.in_(chunk))):
            out[sid].answers[key] = value
        for sid, key, position, name, data, caption in session.execute(
                select(Attachment.sheet_id, Attachment.key, Attachment.position, Attachment.name, Attachment.data,
                       Attachment.caption).where(Attachment.sheet_id.in_(chunk))):
            out[sid].pictures[f"picture:{key}/{position}"] = f"{name} sha256:{hashlib.sha256(data).hexdigest()}"
            if caption:
                out[sid].captions[f"caption:{key}/{position}"] = caption
    damage = find_in_records(session, {sid: (r.form_id, r.tenths, r.answers) for sid, r in out.items()})
    for sid, found in damage.items():
        record = out[sid]
        record.damaged = found
        record.tenths = {k: v for k, v in record.tenths.items() if k not in found.items}
        record.answers = {k: v for k, v in record.answers.items() if k not in found.keys}
    if damage and not damaged_ok:
        raise DamagedRefused(list(damage.values()))
    return out


def sheet_ids(session: Session, year: int, form_id: str, *, district_id: int | None = None,
              unit_id: int | None = None, planner_id: int | None = None,
              reviewer_id: int | None = None) -> list[int]:
    """Ids of a form's sheets in a selection, in print order (district, unit, planner, reviewer)."""
    unit_district = aliased(District)
    q = (select(Sheet.id).outerjoin(Appointment, Appointment.id == Sheet.appointment_id)
         .outerjoin(Unit, Unit.id == Appointment.unit_id)
         .outerjoin(Planner, Planner.id == Appointment.planner_id)
         .outerjoin(unit_district, unit_district.id == Unit.district_id)
         .outerjoin(District, District.id == Sheet.district_id)
         .outerjoin(Reviewer, Reviewer.id == Sheet.reviewer_id)
         .where(Sheet.year == year, Sheet.form_id == form_id))
    if district_id is not None:
        q = q.where((Unit.district_id == district_id) | (Sheet.district_id == district_id))
    if unit_id is not None:
        q = q.where(Appointment.unit_id == unit_id)
    if planner_id is not None:
        q = q.where(Appointment.planner_id == planner_id)
    if reviewer_id is not None:
        q = q.where(Sheet.reviewer_id == reviewer_id)
    q = q.order_by(unit_district.code, District.code, Unit.code, Planner.code, Reviewer.code)
    return list(session.scalars(q))


def by_reviewer(records: Iterable[SheetRecord]) -> dict[int, list[SheetRecord]]:
    grouped: dict[int, list[SheetRecord]] = defaultdict(list)
    for r in records:
        if r.reviewer_id is not None:
            grouped[r.reviewer_id].append(r)
    return grouped
