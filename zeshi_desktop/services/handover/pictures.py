"""The pictures of a district's 4-1 summary in a package: out as text rows, in with every check.

A picture is split into base64 pieces of at most ``PART_CHARS`` characters,
one row each, with its SHA-256 beside it. On the way in each picture is put
back together and refused, with the cell named, when a piece is missing, the
text is not base64, the digest does not match, or the picture breaks the rule
of ``domain.pictures`` (the one the app applies when a picture is attached). The
pictures ride with their 4-1 sheet: they are compared with the stored ones
like the texts are, so a change is "changed" on a draft and a conflict on a
finalised summary, and they are replaced whenever the sheet is written.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.pictures import MAX_PICTURE_BYTES, picture_problem
from zeshi_desktop.messages import Message
from zeshi_desktop.packages.errors import CellProblem
from zeshi_desktop.packages.tables import TableRow
from zeshi_desktop.services.handover.kinds import PICTURES
from zeshi_desktop.store.models import Attachment, Sheet

if TYPE_CHECKING:
    from zeshi_desktop.services.handover.plan import SheetChange

PART_CHARS = 32_000          # below Excel's 32,767 characters a cell
_CASE = re.compile(r"cases#[1-9][0-9]{0,2}")


@dataclass(frozen=True)
class PackagePicture:
    case: str
    position: int
    name: str
    mime: str
    data: bytes

    @property
    def digest(self) -> tuple[str, int, str, str, str]:
        return self.case, self.position, self.name, self.mime, hashlib.sha256(self.data).hexdigest()


def picture_rows(session: Session, year: int, district_id: int, district_code: str) -> list[dict[str, object]]:
    """The rows of the district's 4-1 pictures, in case and position order."""
    sheet_id = session.scalar(select(Sheet.id).where(Sheet.year == year, Sheet.form_id == "4-1",
                                                     Sheet.district_id == district_id, Sheet.reviewer_id.is_(None)))
    if sheet_id is None:
        return []
    rows: list[dict[str, object]] = []
    for a in session.scalars(select(Attachment).where(Attachment.sheet_id == sheet_id)
                             .order_by(Attachment.key, Attachment.position, Attachment.id)):
        text = base64.b64encode(a.data).decode("ascii")
        digest = hashlib.sha256(a.data).hexdigest()
        for part, start in enumerate(range(0, len(text), PART_CHARS), start=1):
            rows.append({"district": district_code, "case": a.key, "position": a.position, "name": a.name,
                         "mime": a.mime, "sha256": digest, "part": part, "data": text[start:start + PART_CHARS]})
    return rows


def read_pictures(rows: list[TableRow], problems: list[CellProblem]) -> dict[str, tuple[PackagePicture, ...]]:
    """District code → its pictures, each checked; every bad one goes to ``problems``."""
    pieces: dict[tuple[str, str, int], list[TableRow]] = defaultdict(list)
    for row in rows:
        v = row.values
        if not _CASE.fullmatch(v.get("case", "")):
            problems.append(CellProblem(PICTURES.sheet, row.cell("case"), Message("handover.picture.invalid_case",
                                                                                  case=v.get("case", ""))))
            continue
        if not v.get("position", "").isdigit() or not v.get("part", "").isdigit():
            problems.append(CellProblem(PICTURES.sheet, row.cell("position"),
                                        Message("handover.picture.not_whole_numbers")))
            continue
        pieces[(v.get("district", ""), v["case"], int(v["position"]))].append(row)
    out: dict[str, list[PackagePicture]] = defaultdict(list)
    for (district, case, position), parts in sorted(pieces.items()):
        picture = _assemble(case, position, sorted(parts, key=lambda r: int(r.values["part"])), problems)
        if picture is not None:
            out[district].append(picture)
    return {d: tuple(p) for d, p in out.items()}


def _assemble(case: str, position: int, parts: list[TableRow], problems: list[CellProblem]) -> PackagePicture | None:
    first = parts[0]
    name, mime, digest = first.values.get("name", ""), first.values.get("mime", ""), first.values.get("sha256", "")

    def refuse(reason: Message, key: str = "data") -> None:
        problems.append(CellProblem(PICTURES.sheet, first.cell(key), Message("handover.picture.problem", name=name,
                                                                             reason=reason)))

    if [int(r.values["part"]) for r in parts] != list(range(1, len(parts) + 1)):
        refuse(Message("handover.picture.parts"), "part")
        return None
    if any((r.values.get("name"), r.values.get("mime"), r.values.get("sha256")) != (name, mime, digest) for r in parts):
        refuse(Message("handover.picture.parts_disagree"), "name")
        return None
    text = "".join(r.values.get("data", "") for r in parts)
    if len(text) > (MAX_PICTURE_BYTES * 4) // 3 + 4:   # refused before decoding it
        refuse(Message("handover.picture.too_large", megabytes=MAX_PICTURE_BYTES // 1024 // 1024))
        return None
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        refuse(Message("handover.picture.not_base64"))
        return None
    if hashlib.sha256(data).hexdigest() != digest:
        refuse(Message("handover.picture.digest"), "sha256")
        return None
    problem = picture_problem(name, mime, data)
    if problem is not None:
        problems.append(CellProblem(PICTURES.sheet, first.cell("mime"), problem))
        return None
    return PackagePicture(case, position, name, mime, data)


def stored_digests(session: Session, sheet_ids: list[int]) -> dict[int, list[tuple[str, int, str, str, str]]]:
    """The pictures of stored sheets, as compared with a package's."""
    out: dict[int, list[tuple[str, int, str, str, str]]] = defaultdict(list)
    for begin in range(0, len(sheet_ids), 500):
        for a in session.scalars(select(Attachment).where(Attachment.sheet_id.in_(sheet_ids[begin:begin + 500]))
                                 .order_by(Attachment.key, Attachment.position, Attachment.id)):
            out[a.sheet_id].append((a.key, a.position, a.name, a.mime, hashlib.sha256(a.data).hexdigest()))
    return out


def pictures_detail(stored: list[tuple[str, int, str, str, str]],
                    package: tuple[PackagePicture, ...]) -> Message | None:
    """How a conflict or change names a difference in pictures (None when there is none)."""
    theirs = [p.digest for p in package]
    if stored == theirs:
        return None
    code = "handover.detail.pictures_content" if len(stored) == len(theirs) else "handover.detail.pictures"
    return Message(code, before=len(stored), after=len(theirs))


def replace_pictures(session: Session, written: list[tuple[int, SheetChange]]) -> None:
    """The package's pictures become the sheet's, for every 4-1 sheet the import writes."""
    rows = []
    for sheet_id, change in written:
        if change.pictures is None:
            continue
        session.execute(delete(Attachment).where(Attachment.sheet_id == sheet_id))
        rows += [{"sheet_id": sheet_id, "key": p.case, "name": p.name, "mime": p.mime, "data": p.data,
                  "position": p.position} for p in change.pictures]
    if rows:
        session.execute(insert(Attachment.__table__), rows)
