"""The manifest: one hidden, protected machine sheet that says what a package is.

Key/value rows, every value a string (structures as JSON), so that Excel or
WPS saving the file unchanged keeps every value as it was. The signature covers
the canonical form of all the other rows, and the rows include the content
hash, so it covers the content too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from openpyxl.workbook.workbook import Workbook

from .canonical import canonical_bytes
from .cells import read_cell, write_text
from .errors import PackageRefused
from .grid import Grid
from .signing import Installation, fingerprint, verify

SHEET = "manifest"
JSON_KEYS = ("origin", "row_counts", "tables", "blocks")
REQUIRED = ("format", "package_id", "kind", "year", "created", "content_hash")


def signed_message(manifest: dict[str, str]) -> bytes:
    return canonical_bytes({k: v for k, v in manifest.items() if k != "signature"})


def sign(manifest: dict[str, str], me: Installation) -> dict[str, str]:
    out = dict(manifest)
    out["signer_name"] = me.name
    out["signer_key"] = me.public_key
    out["signature"] = me.sign(signed_message(out))
    return out


def write_manifest(wb: Workbook, manifest: dict[str, str]) -> None:
    ws = wb.create_sheet(SHEET)
    for r, (key, value) in enumerate(manifest.items(), start=1):
        ws.cell(row=r, column=1, value=key)
        write_text(ws.cell(row=r, column=2), value)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def read_manifest(grids: dict[str, Grid], name: str) -> dict[str, str]:
    if SHEET not in grids:
        raise PackageRefused("package.manifest.missing", file=name)
    ws = grids[SHEET]
    out: dict[str, str] = {}
    for r in range(1, ws.max_row + 1):
        key = read_cell(ws, r, 1).text.strip()
        if key:
            out[key] = read_cell(ws, r, 2).text
    missing = [k for k in REQUIRED if not out.get(k)]
    if missing:
        raise PackageRefused("package.manifest.lacks", file=name, keys=", ".join(missing))
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
