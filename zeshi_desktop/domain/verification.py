"""Verification codes for printed sheets: what was printed, hashed, in a code a person can type.

A code reads ``ZS-AAAA-AAAA-HHHH-HHHH``: the first 8 hex digits of the
sheet's uid (to find it) and the first 8 of the SHA-256 of its canonical
content (to tell whether it still matches). The code alone says *whether*
the stored sheet changed; *which* items changed needs the printed content,
which the store keeps beside the code when the sheet is printed.

The canonical content is a plain JSON text: form id and version, subject ids,
scores as whole tenths, answers and remarks, keys sorted, so the same sheet
gives the same hash on every computer and Python version.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from zeshi_desktop.messages import Refused

from .scores import tenths_text

PREFIX = "ZS"
REF_LEN = HASH_LEN = 8
_CODE = re.compile(r"^ZS([0-9A-F]{16})$")
EXAMPLE = "ZS-1A2B-3C4D-5E6F-7A8B"


class CodeRefused(Refused):
    """A string that is not a verification code; the message (``printing.code.*``) says what is wrong."""


@dataclass(frozen=True)
class SheetContent:
    """One sheet as printed; ``subject`` holds e.g. the unit code, planner code, reviewer code."""

    uid: str
    form_id: str
    form_version: int
    subject: Mapping[str, str]
    scores: Mapping[str, int]          # item id -> tenths
    answers: Mapping[str, str]
    remarks: str = ""
    label: str = ""                    # how a person names this sheet (a 3-2 row: its unit); not hashed

    def canonical(self) -> dict[str, Any]:
        return {"uid": self.uid, "form": self.form_id, "version": self.form_version,
                "subject": dict(sorted(self.subject.items())), "scores": dict(sorted(self.scores.items())),
                "answers": dict(sorted(self.answers.items())), "remarks": self.remarks}


def canonical_json(sheets: Sequence[SheetContent]) -> str:
    """The exact text that is hashed: a printed document may hold several sheets (a 3-2 matrix)."""
    return json.dumps([s.canonical() for s in sheets], ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(sheets: Sequence[SheetContent]) -> str:
    return hashlib.sha256(canonical_json(sheets).encode("utf-8")).hexdigest()


def uid_ref(uid: str) -> str:
    """The first 8 hex digits of a uid (hyphens ignored), upper case."""
    digits = uid.replace("-", "").upper()
    if len(digits) < REF_LEN or not re.fullmatch(r"[0-9A-F]+", digits[:REF_LEN]):
        raise CodeRefused("printing.code.bad_uid", uid=repr(uid))
    return digits[:REF_LEN]


def make_code(sheets: Sequence[SheetContent]) -> str:
    """The code of a printed document: the first sheet's uid prefix and the content hash prefix."""
    if not sheets:
        raise CodeRefused("printing.code.no_sheets")
    raw = uid_ref(sheets[0].uid) + content_hash(sheets)[:HASH_LEN].upper()
    return f"{PREFIX}-" + "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


@dataclass(frozen=True)
class ParsedCode:
    ref: str        # 8 hex, upper case
    hash: str       # 8 hex, upper case

    @property
    def code(self) -> str:
        raw = self.ref + self.hash
        return f"{PREFIX}-" + "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def parse_code(text: str) -> ParsedCode:
    """Accept a code as typed: any case, spaces or hyphens anywhere, full-width characters."""
    cleaned = unicodedata.normalize("NFKC", text or "").upper()
    cleaned = re.sub(r"[\s\-_—–]", "", cleaned)
    if not cleaned:
        raise CodeRefused("printing.code.empty", example=EXAMPLE)
    if not cleaned.startswith(PREFIX):
        cleaned = PREFIX + cleaned
    match = _CODE.match(cleaned)
    if match is None:
        raise CodeRefused("printing.code.invalid", typed=text.strip(), prefix=PREFIX, digits=REF_LEN + HASH_LEN,
                          example=EXAMPLE)
    digits = match.group(1)
    return ParsedCode(digits[:REF_LEN], digits[REF_LEN:])


@dataclass(frozen=True)
class Change:
    """One difference between what was printed and what is stored now."""

    sheet_uid: str
    sheet_label: str
    key: str                 # an item id, an answer key, "remarks", or "sheet" when a sheet is gone/new
    old: str | None
    new: str | None


def _tenths_text(value: int | None) -> str | None:
    return None if value is None else tenths_text(value)


def compare(printed: Sequence[SheetContent], current: Sequence[SheetContent]) -> list[Change]:
    """Every item, answer or remark that differs, sheet by sheet, in printed order."""
    now = {s.uid: s for s in current}
    changes: list[Change] = []
    for old in printed:
        new = now.pop(old.uid, None)
        if new is None:
            changes.append(Change(old.uid, old.label, "sheet", "printed", None))
            continue
        for item in sorted(set(old.scores) | set(new.scores)):
            if old.scores.get(item) != new.scores.get(item):
                changes.append(Change(old.uid, old.label, item, _tenths_text(old.scores.get(item)),
                                      _tenths_text(new.scores.get(item))))
        for key in sorted(set(old.answers) | set(new.answers)):
            if old.answers.get(key) != new.answers.get(key):
                changes.append(Change(old.uid, old.label, key, old.answers.get(key), new.answers.get(key)))
        if old.remarks != new.remarks:
            changes.append(Change(old.uid, old.label, "remarks", old.remarks, new.remarks))
        if old.form_version != new.form_version or dict(old.subject) != dict(new.subject):
            changes.append(Change(old.uid, old.label, "subject", json.dumps(dict(old.subject), ensure_ascii=False),
                                  json.dumps(dict(new.subject), ensure_ascii=False)))
    for extra in now.values():
        changes.append(Change(extra.uid, extra.label, "sheet", None, "added"))
    return changes


def to_json(sheets: Sequence[SheetContent]) -> str:
    """Stored beside the code: the printed content with labels, so changes can be named later."""
    return json.dumps([dict(s.canonical(), label=s.label) for s in sheets], ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> list[SheetContent]:
    data = json.loads(text)
    return [SheetContent(d["uid"], d["form"], int(d["version"]), d["subject"], {k: int(v) for k, v in d["scores"].items()},
                         d["answers"], d.get("remarks", ""), d.get("label", "")) for d in data]
