"""Crafting hostile and damaged packages byte by byte, as an attacker or a bad USB stick would.

Every helper rewrites a real package made by the program, so the file is
right in every way but the one a test is about. Nothing here goes through
the program's own writer: a sheet is streamed as raw XML, a header field is
patched in place, an entry is renamed in the zip's directory.
"""

from __future__ import annotations

import base64
import json
import os
import random
import re
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from openpyxl import load_workbook

from zeshi_desktop.packages.cells import escape_text
from zeshi_desktop.packages.manifest import sign
from zeshi_desktop.packages.signing import Installation

_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>.*?</sheetData>", re.S)


def sheet_part(path: Path, title: str) -> str:
    """The zip entry holding the worksheet ``title`` (as the workbook's relationships name it)."""
    wb = load_workbook(path, read_only=True)
    try:
        return wb[title]._worksheet_path.lstrip("/")   # type: ignore[attr-defined]
    finally:
        wb.close()


def rewrite(path: Path, out: Path, *, replace: dict[str, bytes | Callable[[bytes], bytes]] | None = None,
            rename: dict[str, str] | None = None, add: dict[str, bytes] | None = None) -> Path:
    """Copy the zip entry by entry, replacing, renaming or adding some; ``out`` may be ``path``."""
    replace, rename, add = replace or {}, rename or {}, add or {}
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in entries:
            change = replace.get(name)
            if callable(change):
                data = change(data)
            elif change is not None:
                data = change
            dst.writestr(rename.get(name, name), data)
        for name, data in add.items():
            dst.writestr(name, data)
    return out


def move_part(path: Path, out: Path, part: str, new: str) -> Path:
    """Store a part under another name and point every relationship and content type at it."""
    old_rel, new_rel = part.removeprefix("xl/"), new.removeprefix("xl/")

    def repoint(data: bytes) -> bytes:
        return data.replace(f'"/{part}"'.encode(), f'"/{new}"'.encode()).replace(
            f'"{old_rel}"'.encode(), f'"{new_rel}"'.encode()).replace(f'"/{old_rel}"'.encode(), f'"/{new}"'.encode())

    return rewrite(path, out, rename={part: new},
                   replace={"[Content_Types].xml": repoint, "xl/_rels/workbook.xml.rels": repoint})


def rows_xml(rows: int, columns: int, seed: int = 0, first_row: int = 1, pool: int = 64) -> Iterator[bytes]:
    """``<row>`` elements of one-digit numeric cells, varied enough that deflate cannot shrink them 200-fold.

    ``pool`` different rows are made once and repeated (a row of 1,500 cells is longer than
    deflate's 32 KB window reaches back, so repeating them does not help it): fast to make.
    """
    rng = random.Random(seed)
    bodies = [b"".join(b"<c><v>%d</v></c>" % rng.randrange(4) for _ in range(columns)) for _ in range(pool)]
    for r in range(first_row, first_row + rows):
        yield b'<row r="%d">' % r + bodies[r % pool] + b"</row>"


def text_rows(count: int, first_row: int = 500) -> Iterator[bytes]:
    """Cells of inline text of 32,000 characters and an emoji (4 bytes a character once in memory)."""
    for r in range(first_row, first_row + count):
        text = base64.b64encode(os.urandom(24_000)).decode() + "\U0001F600"
        yield (b'<row r="%d"><c r="AA%d" t="inlineStr"><is><t>' % (r, r) + text.encode() + b"</t></is></c></row>")


def stream_sheet(path: Path, out: Path, part: str, rows: Iterator[bytes], *, keep: bool = False) -> Path:
    """Replace the sheet data of ``part`` with ``rows`` (``keep``: after its own rows), streamed into the zip."""
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for name, data in entries:
            if name != part:
                dst.writestr(name, data)
                continue
            match = _SHEET_DATA.search(data)
            assert match is not None, part
            own = match.group()[len(b"<sheetData>"):-len(b"</sheetData>")] if keep and match.group().endswith(
                b"</sheetData>") else b""
            with dst.open(name, "w", force_zip64=True) as stream:
                stream.write(data[:match.start()] + b"<sheetData>" + own)
                for row in rows:
                    stream.write(row)
                stream.write(b"</sheetData>" + data[match.end():])
    return out


def central_entry(data: bytes | bytearray, entry: str) -> int:
    """The offset of ``entry``'s central-directory header."""
    name = entry.encode()
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + name_len] == name:
            return pos
        pos = data.find(b"PK\x01\x02", pos + 4)
    raise AssertionError(f"{entry} not in the central directory")


def patch_central_directory(path: Path, entry: str, offset: int, fmt: str, value: int) -> None:
    """Overwrite one field of an entry's central-directory header (what zip readers list)."""
    data = bytearray(path.read_bytes())
    struct.pack_into(fmt, data, central_entry(data, entry) + offset, value)
    path.write_bytes(bytes(data))


def local_data(path: Path, entry: str) -> tuple[int, int]:
    """Where ``entry``'s compressed bytes start in the file, and how many there are."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(entry)
    data = path.read_bytes()
    start = info.header_offset
    name_len, extra_len = struct.unpack_from("<HH", data, start + 26)
    return start + 30 + name_len + extra_len, info.compress_size


def manifest_rows(path: Path) -> dict[str, str]:
    wb = load_workbook(path, read_only=True)
    try:
        return {str(k): str(v) for k, v, *_ in wb["manifest"].iter_rows(values_only=True) if k}
    finally:
        wb.close()


def _text_cell(ref: str, text: str) -> bytes:
    return (f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">'.encode()
            + xml_escape(escape_text(text)).encode() + b"</t></is></c>")


def set_manifest(path: Path, changes: dict[str, object | None], *, signer: Installation | None = None) -> Path:
    """Change manifest rows (a value that is not text is written as JSON; ``None`` removes the row).

    With ``signer``, the manifest is signed again after the change, as a sender with a
    valid key who wrote a malformed manifest would: the signature then verifies, and
    only the field's shape is wrong. The manifest sheet's XML is written directly
    (text as the program writes it, control characters as ``_xHHHH_``): fast, and
    nothing else in the file changes.
    """
    manifest = manifest_rows(path)
    for key, value in changes.items():
        if value is None:
            manifest.pop(key, None)
        else:
            manifest[key] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if signer is not None:
        manifest = sign({k: v for k, v in manifest.items() if k not in ("signature", "signer_key", "signer_name")},
                        signer)
    rows = b"".join(b'<row r="%d">' % r + _text_cell(f"A{r}", key) + _text_cell(f"B{r}", value) + b"</row>"
                    for r, (key, value) in enumerate(manifest.items(), start=1))
    return rewrite(path, path, replace={sheet_part(path, "manifest"): lambda data: _SHEET_DATA.sub(
        lambda _: b"<sheetData>" + rows + b"</sheetData>", data, count=1)})
