"""The manifest: one hidden, protected machine sheet that says what a package is.

Key/value rows, every value a string (structures as JSON), so that Excel or
WPS saving the file unchanged keeps every value as it was. The signature covers
the canonical form of all the other rows, and the rows include the content
hash, so it covers the content too.

Every field is read by one typed parser (``parse_manifest``, the fields in
``FIELDS``): a field that is missing or of the wrong shape — ``origin`` that is
not an object of texts, ``blocks`` that is a number, a list where an object
belongs — is one refusal naming the field (``blocks[2].version``), before
anything else looks at it. Rows the parser does not know are kept (the
signature covers them) but never read.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from zeshi_desktop.messages import Message

from .canonical import canonical_bytes
from .cells import read_cell
from .errors import PackageRefused
from .grid import Grid
from .safety import shown
from .sheet_cells import SheetBook
from .signing import Installation, fingerprint, verify

SHEET = "manifest"
JSON_KEYS = ("origin", "row_counts", "tables", "blocks")


def signed_message(manifest: dict[str, str]) -> bytes:
    return canonical_bytes({k: v for k, v in manifest.items() if k != "signature"})


def sign(manifest: dict[str, str], me: Installation) -> dict[str, str]:
    out = dict(manifest)
    out["signer_name"] = me.name
    out["signer_key"] = me.public_key
    out["signature"] = me.sign(signed_message(out))
    return out


def write_manifest(book: SheetBook, manifest: dict[str, str]) -> None:
    sheet = book.sheet(SHEET)
    for r, (key, value) in enumerate(manifest.items(), start=1):
        sheet.text(r, 1, key)
        sheet.text(r, 2, value)
    sheet.ws.sheet_state = "hidden"
    sheet.ws.protection.sheet = True


def read_manifest(grids: dict[str, Grid], name: str) -> dict[str, str]:
    """The manifest's rows as written (what the signature covers); ``parse_manifest`` reads them by type."""
    if SHEET not in grids:
        raise PackageRefused("package.manifest.missing", file=name)
    ws = grids[SHEET]
    out: dict[str, str] = {}
    for r in ws.rows():
        key = read_cell(ws, r, 1).text.strip()
        if key:
            out[key] = read_cell(ws, r, 2).text
    return out


def decoded(manifest: dict[str, str], key: str, default: Any = None) -> Any:
    """A JSON value of the manifest, refused clearly when it is not JSON."""
    if key not in manifest:
        return default
    try:
        return json.loads(manifest[key])
    except json.JSONDecodeError as exc:
        raise PackageRefused("package.manifest.damaged", key=key) from exc


@dataclass(frozen=True)
class SignatureCheck:
    signed: bool
    valid: bool
    fingerprint: str = ""
    name: str = ""


def check_signature(manifest: dict[str, str]) -> SignatureCheck:
    key, signature = manifest.get("signer_key", ""), manifest.get("signature", "")
    if not key or not signature:
        return SignatureCheck(False, False)
    valid = verify(key, signature, signed_message(manifest))
    try:
        fp = fingerprint(key)
    except ValueError:
        fp = ""
    return SignatureCheck(True, valid, fp, manifest.get("signer_name", ""))


# ---------------------------------------------------------------- the typed parser

class _Wrong(Exception):
    """A value of the wrong shape at ``where``; ``expected`` says, in words, what belongs there."""

    def __init__(self, where: str, expected: Message) -> None:
        super().__init__(where)
        self.where, self.expected = where, expected


class _Missing(Exception):
    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


Shape = Callable[[Any, str], Any]
_HASH = re.compile(r"[0-9a-f]{64}")
_WHOLE = re.compile(r"[0-9]{1,9}")
MAX_ITEMS = 2_000   # no list or object in a manifest is longer than a workbook has entries


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise _Wrong(where, Message("package.manifest.shape.text"))
    return value


def _whole(value: Any, where: str) -> int:
    """A whole number ≥ 0 in JSON: an integer (never a bool, never 1.0, never "1")."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**9:
        return value
    raise _Wrong(where, Message("package.manifest.shape.whole"))


def _digits(value: Any, where: str) -> int:
    """A whole number ≥ 0 written in a cell: its text of digits."""
    if isinstance(value, str) and _WHOLE.fullmatch(value):
        return int(value)
    raise _Wrong(where, Message("package.manifest.shape.whole"))


def _one_of(*options: str) -> Shape:
    def shape(value: Any, where: str) -> str:
        if value not in options:
            raise _Wrong(where, Message("package.manifest.shape.one_of", options=list(options)))
        return str(value)
    return shape


def _matching(check: Callable[[str], bool], expected: str) -> Shape:
    def shape(value: Any, where: str) -> str:
        if not isinstance(value, str) or not check(value):
            raise _Wrong(where, Message(expected))
        return value
    return shape


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False


def _is_time(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _list_of(item: Shape) -> Shape:
    def shape(value: Any, where: str) -> tuple[Any, ...]:
        if not isinstance(value, list) or len(value) > MAX_ITEMS:
            raise _Wrong(where, Message("package.manifest.shape.list"))
        return tuple(item(v, f"{where}[{i}]") for i, v in enumerate(value))
    return shape


def _object_of(item: Shape) -> Shape:
    def shape(value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict) or len(value) > MAX_ITEMS:
            raise _Wrong(where, Message("package.manifest.shape.object"))
        return {k: item(v, f"{where}.{k}") for k, v in value.items()}
    return shape


def _record(cls: type, fields: dict[str, tuple[Shape, Any]]) -> Shape:
    """An object with named fields (a default of ``...`` makes a field required), read into ``cls``."""
    def shape(value: Any, where: str) -> Any:
        if not isinstance(value, dict):
            raise _Wrong(where, Message("package.manifest.shape.object"))
        out: dict[str, Any] = {}
        for name, (field_shape, default) in fields.items():
            if name not in value:
                if default is ...:
                    raise _Missing(f"{where}.{name}")
                out[name] = default
            else:
                out[name] = field_shape(value[name], f"{where}.{name}")
        return cls(**out)
    return shape


@dataclass(frozen=True)
class BlockMeta:
    """One entry of ``blocks``: a form sheet of the package, how it is laid out and whose it is."""

    title: str
    form: str
    version: int
    orientation: str
    reviewer: str = ""
    heading: str = ""
    subject_headers: tuple[str, ...] = ()
    reviewer_line: str = ""
    total_label: str = ""


_BLOCK = _record(BlockMeta, {
    "title": (_text, ...), "form": (_text, ...), "version": (_whole, ...),
    "orientation": (_one_of("vertical", "matrix"), ...), "reviewer": (_text, ""), "heading": (_text, ""),
    "subject_headers": (_list_of(_text), ()), "reviewer_line": (_text, ""), "total_label": (_text, ""),
})


@dataclass(frozen=True)
class Manifest:
    """The manifest's fields, each of its type; ``raw`` keeps the rows as written (what the signature covers)."""

    raw: dict[str, str]
    format: str
    package_id: str
    kind: str
    year: int
    created: str
    content_hash: str
    template: bool
    origin: dict[str, str]
    row_counts: dict[str, int]
    tables: tuple[str, ...]
    blocks: tuple[BlockMeta, ...]
    program_version: str
    signer_name: str
    signer_key: str
    signature: str


# name → (shape, is JSON, default; ``...`` = required). ``format`` stays text: another version is its own refusal.
FIELDS: dict[str, tuple[Shape, bool, Any]] = {
    "format": (_text, False, ...),
    "package_id": (_matching(_is_uuid, "package.manifest.shape.uuid"), False, ...),
    "kind": (_text, False, ...),
    "year": (_digits, False, ...),
    "created": (_matching(_is_time, "package.manifest.shape.time"), False, ...),
    "content_hash": (_matching(_HASH.fullmatch, "package.manifest.shape.hash"), False, ...),  # type: ignore[arg-type]
    "template": (_one_of("yes", "no"), False, "no"),
    "origin": (_object_of(_text), True, {}),
    "row_counts": (_object_of(_whole), True, {}),
    "tables": (_list_of(_text), True, ()),
    "blocks": (_list_of(_BLOCK), True, ()),
    "program_version": (_text, False, ""),
    "signer_name": (_text, False, ""),
    "signer_key": (_text, False, ""),
    "signature": (_text, False, ""),
}


def parse_manifest(raw: dict[str, str], name: str) -> Manifest:
    """Every field of ``FIELDS`` read by its shape; one refusal naming the first field that is missing or wrong."""
    missing = [k for k, (_, _, default) in FIELDS.items() if default is ... and not raw.get(k)]
    if missing:
        raise PackageRefused("package.manifest.lacks", file=name, keys=", ".join(missing))
    values: dict[str, Any] = {}
    for key, (shape, is_json, default) in FIELDS.items():
        if key not in raw:
            values[key] = default
            continue
        value: Any = raw[key]
        if is_json:
            try:
                value = json.loads(value)
            except (ValueError, RecursionError) as exc:   # not JSON, nested a thousand deep, a 5,000-digit number
                raise PackageRefused("package.manifest.damaged", key=key) from exc
        try:
            values[key] = shape(value, key)
        except _Wrong as wrong:
            raise PackageRefused("package.manifest.wrong_shape", file=name, field=shown(wrong.where),
                                 expected=wrong.expected) from None
        except _Missing as lack:
            raise PackageRefused("package.manifest.lacks", file=name, keys=shown(lack.where)) from None
    values["template"] = values["template"] == "yes"
    return Manifest(raw=raw, **values)
