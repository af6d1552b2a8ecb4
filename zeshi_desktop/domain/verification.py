"""Verification codes for printed sheets: what was printed, hashed, in a code a person can type.

A code reads ``ZS-FRRRR-RRHHH-HHHHC``, 15 characters of Crockford's base 32
(digits and capital letters without I, L, O and U; typed I and L read as 1,
O as 0):

* ``F`` the annex (``FORM_MARKS``), so the code says what kind of paper it is;
* ``RRRRRR`` 30 bits of the sheet's uid, to find it;
* ``HHHHHHH`` 35 bits of the SHA-256 of everything the paper shows, to tell
  whether it still matches;
* ``C`` a check character (Damm's algorithm over the field of 32 elements):
  any one wrong character, and any two neighbours swapped, make the code
  invalid, so a typing mistake is answered "not recognised — check the
  characters", never "changed".

What is hashed is what is printed (``SheetContent``): form id and version,
subject codes, scores as whole tenths, answers and remarks, and, in
``printed``, the names in the heading (district, unit, planner, reviewer,
organisation), the year, the 4-1 picture captions and appendix rows, the 3-3
weights and rows. Renaming a unit therefore changes the code of a reprint, and
``verify`` reports the old paper as changed. The canonical content is a plain
JSON text, keys sorted, so the same sheet gives the same hash on every
computer and Python version.

Codes printed before the check character (``ZS-XXXX-XXXX-XXXX-XXXX``, 16 hex
digits, names not covered) are still read (``ParsedCode.legacy``) and checked
against the content they covered.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from zeshi_desktop.messages import Refused

from .scores import tenths_text

PREFIX = "ZS"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"          # Crockford's base 32
_VALUE = {c: i for i, c in enumerate(ALPHABET)} | {"O": 0, "I": 1, "L": 1}
FORM_MARKS = {"3-1": "1", "3-2": "2", "3-3": "3", "4-1": "4", "4-2": "5", "4-3": "6", "5-1": "7",
              "feedback": "8", "honours": "9"}   # and the papers that are no annex: the letter, the city's list
_FORM_OF_MARK = {mark: form for form, mark in FORM_MARKS.items()}
REF_CHARS, HASH_CHARS = 6, 7
REF_BITS, HASH_BITS = 5 * REF_CHARS, 5 * HASH_CHARS     # 30 and 35
LENGTH = 1 + REF_CHARS + HASH_CHARS + 1                  # 15
LEGACY_LENGTH = 16                                       # 8 hex of the uid, 8 of the hash
_GROUP = 5


class CodeRefused(Refused):
    """A string that is not a verification code; the message (``printing.code.*``) says what is wrong."""


@dataclass(frozen=True)
class SheetContent:
    """One sheet as printed; ``subject`` holds e.g. the unit code, planner code, reviewer code.

    ``printed`` holds the other texts on the paper (names in the heading, the
    year, captions, appendix rows, result rows), keyed ``name:unit``,
    ``year``, ``caption:cases#1/0``, ``appendix:teams#1``, ``row:…``.
    ``legacy`` marks content stored by a version that did not cover them.
    """

    uid: str
    form_id: str
    form_version: int
    subject: Mapping[str, str]
    scores: Mapping[str, int]          # item id -> tenths
    answers: Mapping[str, str]
    remarks: str = ""
    label: str = ""                    # how a person names this sheet (a 3-2 row: its unit); not hashed
    printed: Mapping[str, str] = field(default_factory=dict)
    legacy: bool = False

    def canonical(self) -> dict[str, Any]:
        out: dict[str, Any] = {"uid": self.uid, "form": self.form_id, "version": self.form_version,
                               "subject": dict(sorted(self.subject.items())),
                               "scores": dict(sorted(self.scores.items())),
                               "answers": dict(sorted(self.answers.items())), "remarks": self.remarks}
        if not self.legacy:
            out["printed"] = dict(sorted(self.printed.items()))
        return out

    def as_legacy(self) -> SheetContent:
        """What a code printed before names were covered hashed of this sheet."""
        return replace(self, printed={}, legacy=True)


def canonical_json(sheets: Sequence[SheetContent]) -> str:
    """The exact text that is hashed: a printed document may hold several sheets (a 3-2 matrix)."""
    return json.dumps([s.canonical() for s in sheets], ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(sheets: Sequence[SheetContent]) -> str:
    return hashlib.sha256(canonical_json(sheets).encode("utf-8")).hexdigest()


def _uid_digits(uid: str) -> str:
    digits = uid.replace("-", "").upper()
    if len(digits) < 8 or not re.fullmatch(r"[0-9A-F]+", digits[:8]):
        raise CodeRefused("printing.code.bad_uid", uid=repr(uid))
    return digits


def uid_ref(uid: str) -> str:
    """The first 8 hex digits of a uid (hyphens ignored), upper case: a legacy code's reference."""
    return _uid_digits(uid)[:8]


def _base32(value: int, chars: int) -> str:
    return "".join(ALPHABET[(value >> (5 * (chars - 1 - i))) & 31] for i in range(chars))


def _times_x(value: int) -> int:
    """Multiplication by x in GF(32) = GF(2)[x] / (x^5 + x^2 + 1)."""
    value <<= 1
    return value ^ 0b100101 if value & 32 else value


def _damm(chars: str) -> int:
    """Damm's interim over the quasigroup a∘b = x·(a ⊕ b): weakly totally anti-symmetric, zero on its
    diagonal, so appending the interim as check character brings the whole code to 0."""
    interim = 0
    for ch in chars:
        interim = _times_x(interim ^ _VALUE[ch])
    return interim


def check_character(body: str) -> str:
    """The character that makes ``body`` + it a valid code."""
    return ALPHABET[_damm(body)]


def ref_of(uid: str) -> str:
    """The 6 characters of a code that find the sheet: the first 30 bits of its uid."""
    return _base32(int(_uid_digits(uid)[:8], 16) >> (32 - REF_BITS), REF_CHARS)


def _show(raw: str, group: int) -> str:
    return f"{PREFIX}-" + "-".join(raw[i:i + group] for i in range(0, len(raw), group))


def make_code(sheets: Sequence[SheetContent]) -> str:
    """The code of a printed document: its annex, the first sheet's uid, the content hash, a check character."""
    if not sheets:
        raise CodeRefused("printing.code.no_sheets")
    first = sheets[0]
    digest = int(content_hash(sheets)[:9], 16) >> (36 - HASH_BITS)
    body = FORM_MARKS[first.form_id] + ref_of(first.uid) + _base32(digest, HASH_CHARS)
    return _show(body + check_character(body), _GROUP)


def legacy_code(sheets: Sequence[SheetContent]) -> str:
    """The code an earlier version printed for this content (names not covered, no check character)."""
    if not sheets:
        raise CodeRefused("printing.code.no_sheets")
    raw = uid_ref(sheets[0].uid) + content_hash([s.as_legacy() for s in sheets])[:8].upper()
    return _show(raw, 4)


EXAMPLE = make_code([SheetContent("1a2b3c4d", "3-1", 1, {}, {}, {})])


@dataclass(frozen=True)
class ParsedCode:
    """A code as typed, checked: ``form_id`` None and ``legacy`` for a code printed before the check character."""

    ref: str          # new: 6 base-32 characters; legacy: 8 hex digits
    hash: str
    form_id: str | None = None
    legacy: bool = False

    @property
    def code(self) -> str:
        if self.legacy:
            return _show(self.ref + self.hash, 4)
        assert self.form_id is not None
        body = FORM_MARKS[self.form_id] + self.ref + self.hash
        return _show(body + check_character(body), _GROUP)

    def uid_prefix(self) -> str:
        """Lower-case hex digits every uid this code may name begins with (for a LIKE query)."""
        if self.legacy:
            return self.ref.lower()
        bits = 0
        for ch in self.ref:
            bits = bits << 5 | _VALUE[ch]
        return f"{bits << (32 - REF_BITS):08x}"[:7]   # 28 of the 30 bits fill whole hex digits

    def names(self, uid: str) -> bool:
        """Whether ``uid`` is the sheet this code was made for."""
        try:
            return (uid_ref(uid) if self.legacy else ref_of(uid)) == self.ref
        except CodeRefused:
            return False


def parse_code(text: str) -> ParsedCode:
    """Accept a code as typed: any case, spaces or hyphens anywhere, full-width characters.

    A code of the right shape whose check character does not fit (one
    character mistyped, two swapped) is refused as ``printing.code.not_recognised``.
    """
    typed = (text or "").strip()
    cleaned = re.sub(r"[\s\-_—–]", "", unicodedata.normalize("NFKC", typed).upper())
    if not cleaned:
        raise CodeRefused("printing.code.empty", example=EXAMPLE)
    if cleaned.startswith(PREFIX) and len(cleaned) in (LENGTH + 2, LEGACY_LENGTH + 2):
        cleaned = cleaned[len(PREFIX):]
    if len(cleaned) == LEGACY_LENGTH and re.fullmatch(r"[0-9A-F]+", cleaned):
        return ParsedCode(cleaned[:8], cleaned[8:], legacy=True)
    if len(cleaned) == LENGTH and all(ch in _VALUE for ch in cleaned):
        body = "".join(ALPHABET[_VALUE[ch]] for ch in cleaned)
        if _damm(body) == 0 and body[0] in _FORM_OF_MARK:
            return ParsedCode(body[1:1 + REF_CHARS], body[1 + REF_CHARS:-1], _FORM_OF_MARK[body[0]])
    if re.fullmatch(r"[0-9A-Z]{10,20}", cleaned):
        raise CodeRefused("printing.code.not_recognised", typed=typed)
    raise CodeRefused("printing.code.invalid", typed=typed, prefix=PREFIX, digits=LENGTH, example=EXAMPLE)


@dataclass(frozen=True)
class Change:
    """One difference between what was printed and what is stored now."""

    sheet_uid: str
    sheet_label: str
    key: str                 # an item id, an answer key, "remarks", a printed key, or "sheet" when gone/new
    old: str | None
    new: str | None


def _tenths_text(value: int | None) -> str | None:
    return None if value is None else tenths_text(value)


def _differences(uid: str, label: str, old: Mapping[str, str], new: Mapping[str, str]) -> list[Change]:
    return [Change(uid, label, key, old.get(key), new.get(key))
            for key in sorted(set(old) | set(new)) if old.get(key) != new.get(key)]


def compare(printed: Sequence[SheetContent], current: Sequence[SheetContent]) -> list[Change]:
    """Every item, answer, remark or printed name that differs, sheet by sheet, in printed order.

    Content stored by an earlier version (``legacy``) is compared on what it covered.
    """
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
        changes += _differences(old.uid, old.label, old.answers, new.answers)
        if old.remarks != new.remarks:
            changes.append(Change(old.uid, old.label, "remarks", old.remarks, new.remarks))
        if not old.legacy:
            changes += _differences(old.uid, old.label, old.printed, new.printed)
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
    """Stored content back; a record without ``printed`` was written before names were covered."""
    data = json.loads(text)
    return [SheetContent(d["uid"], d["form"], int(d["version"]), d["subject"],
                         {k: int(v) for k, v in d["scores"].items()}, d["answers"], d.get("remarks", ""),
                         d.get("label", ""), d.get("printed", {}), "printed" not in d) for d in data]


def ranking_content(ref_uid: str, form_version: int, year: int, district_code: str, district: str,
                    weights: Mapping[str, str], rows: Sequence[Sequence[str]], label: str = "") -> SheetContent:
    """The 3-3 result file as printed: heading, both weights and every row (rank, unit, planner, the
    three figures), keyed by unit and planner so that a change names the row. ``ref_uid`` is the sheet
    whose uid the code carries (the district's first 3-1: the result file is not a stored sheet)."""
    printed = {"year": str(year), "name:district": district}
    printed.update({f"weight:{k}": v for k, v in weights.items()})
    for n, (rank, unit, planner, *figures) in enumerate(rows, start=1):
        key = f"row:{unit}（{planner}）" if planner else f"row:{unit}"
        while key in printed:            # the same names twice: keep both rows
            key += f"#{n}"
        printed[key] = " | ".join([rank or "—", *figures])
    return SheetContent(ref_uid, "3-3", form_version, {"district": district_code}, {}, {}, printed=printed,
                        label=label or district)
