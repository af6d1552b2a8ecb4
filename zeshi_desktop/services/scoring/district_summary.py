"""4-1: the district's annual summary — pictures attached to its cases, and the appendix tables.

The texts themselves are answers of the 4-1 sheet (``text:<section>``,
``text:cases#N``, ``title:cases#N``, set with ``sheets.set_answers``); this
module adds what is not text: pictures (``Attachment`` rows keyed
``cases#N``) with the caption typed for each, and the team/contract/fund
tables read from the roster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import rules
from zeshi_desktop.domain.pictures import picture_problem
from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused, NotFound, SheetLocked
from zeshi_desktop.services.scoring.sheets import FINAL
from zeshi_desktop.store.models import Attachment, Sheet


def _editable(sheet: Sheet) -> None:
    if sheet.status == FINAL:
        raise SheetLocked("scoring.picture.summary_locked")


CAPTION_MAX = 100   # characters: a caption is one line under its picture


@dataclass(frozen=True)
class PictureView:
    id: int
    key: str
    name: str
    mime: str
    data: bytes
    position: int
    caption: str = ""


@dataclass(frozen=True)
class TeamRow:
    planner: str
    is_team: bool
    organisation: str
    leader: str
    leader_title: str
    units: str
    members: int
    core_members: int


@dataclass(frozen=True)
class MemberRow:
    planner: str
    name: str
    discipline: str
    qualification: str
    is_core: bool


@dataclass(frozen=True)
class ContractRow:
    unit: str
    planner: str
    term: str
    contract_signed: bool
    fee_paid: bool
    fee_amount: int | None


@dataclass(frozen=True)
class Appendix:
    teams: list[TeamRow]
    members: list[MemberRow]
    contracts: list[ContractRow]

    @property
    def fees_total(self) -> int:
        return sum(c.fee_amount or 0 for c in self.contracts if c.fee_paid)


_CASE_ANSWER = re.compile(r"(?:text|title):cases#(\d+)")
_CASE_PICTURE = re.compile(r"cases#(\d+)")


def case_numbers(answer_keys: Iterable[str], picture_keys: Iterable[str]) -> list[int]:
    """The cases a summary has: any with a title, a text or a picture (the editor and the PDF show the same)."""
    numbers = {int(m.group(1)) for k in answer_keys if (m := _CASE_ANSWER.fullmatch(k))}
    numbers |= {int(m.group(1)) for k in picture_keys if (m := _CASE_PICTURE.fullmatch(k))}
    return sorted(numbers)


def pictures(session: Session, sheet_id: int, key: str | None = None) -> list[PictureView]:
    q = select(Attachment).where(Attachment.sheet_id == sheet_id)
    if key is not None:
        q = q.where(Attachment.key == key)
    return [PictureView(a.id, a.key, a.name, a.mime, a.data, a.position, a.caption or "")
            for a in session.scalars(q.order_by(Attachment.key, Attachment.position, Attachment.id))]


def _caption(caption: str) -> str:
    """A caption as stored: one line, trimmed; refused when longer than ``CAPTION_MAX``."""
    value = " ".join(caption.split())
    if len(value) > CAPTION_MAX:
        raise ActionRefused("scoring.picture.caption_too_long", limit=CAPTION_MAX, length=len(value))
    return value


def add_picture(session: Session, sheet_id: int, key: str, name: str, mime: str, data: bytes,
                caption: str = "") -> int:
    """Attach a PNG or JPEG to a case of a 4-1 summary; refused on a finalised sheet."""
    sheet = session.get(Sheet, sheet_id)
    if sheet is None:
        raise NotFound("scoring.sheet.not_found", sheet=sheet_id)
    if sheet.form_id != "4-1":
        raise ActionRefused("scoring.picture.not_allowed", form=sheet.form_id)
    _editable(sheet)
    problem = picture_problem(name, mime, data)
    if problem is not None:
        raise ActionRefused(problem)
    caption = _caption(caption)
    position = session.scalar(select(func.count()).select_from(Attachment).where(
        Attachment.sheet_id == sheet_id, Attachment.key == key)) or 0
    a = Attachment(sheet_id=sheet_id, key=key, name=name, mime=mime, data=data, position=position, caption=caption)
    session.add(a)
    session.flush()
    return a.id


def set_caption(session: Session, attachment_id: int, caption: str) -> PictureView:
    """The caption printed under a picture ("图N caption"); empty prints the file name. Refused when final."""
    a = session.get(Attachment, attachment_id)
    if a is None:
        raise NotFound("scoring.picture.not_found", picture=attachment_id)
    sheet = session.get(Sheet, a.sheet_id)
    assert sheet is not None
    _editable(sheet)
    a.caption = _caption(caption)
    session.flush()
    return PictureView(a.id, a.key, a.name, a.mime, a.data, a.position, a.caption)


def remove_picture(session: Session, attachment_id: int) -> None:
    a = session.get(Attachment, attachment_id)
    if a is None:
        raise NotFound("scoring.picture.not_found", picture=attachment_id)
    sheet = session.get(Sheet, a.sheet_id)
    assert sheet is not None
    _editable(sheet)
    session.delete(a)
    session.flush()


def appendix(session: Session, year: int, district_id: int) -> Appendix:
    """The 附件 tables of 4-1: teams and members, contracts and fees, from the roster of the year."""
    apps = roster.appointments(session, year, district_id)
    units_of: dict[int, list[str]] = {}
    for a in apps:
        units_of.setdefault(a.planner_id, []).append(a.unit)
    teams: list[TeamRow] = []
    members: list[MemberRow] = []
    for planner_id, units in units_of.items():
        p = roster.planner(session, planner_id)
        teams.append(TeamRow(p.name, p.is_team, p.organisation, p.leader, p.leader_title, "、".join(units),
                             len(p.members), sum(1 for m in p.members if m.is_core)))
        members += [MemberRow(p.name, m.name, m.discipline, m.qualification, m.is_core) for m in p.members]
    contracts = [ContractRow(a.unit, a.planner, rules.term_span(a.term_start, a.term_years),
                             a.contract_signed, a.fee_paid, a.fee_amount) for a in apps]
    return Appendix(teams, members, contracts)
