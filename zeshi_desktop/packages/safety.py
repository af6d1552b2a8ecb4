"""Checks made before openpyxl ever parses a file that came on a USB stick.

An .xlsx is a zip of XML. openpyxl parses XML through defusedxml when it is
installed (entity expansion and external entities refused); ``require_defusedxml``
asserts that at start-up. The zip itself is checked here first: its size, its
number of entries, the sum of the sizes its entries declare once uncompressed
(a zip bomb declares little and inflates a lot, or declares a lot), macros and
encrypted entries. Rows are then counted while streaming the sheet XML, so a
sheet with more rows than a year can have is refused before it is loaded.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import PackageRefused
from .grid import Grid, load_grids

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200          # uncompressed / compressed of one entry
MAX_ROWS_PER_SHEET = 20_000   # a year has ~420 appointments and ~3,500 team members in the whole city


@dataclass(frozen=True)
class Limits:
    file_bytes: int = MAX_FILE_BYTES
    entries: int = MAX_ENTRIES
    uncompressed_bytes: int = MAX_UNCOMPRESSED_BYTES
    ratio: int = MAX_RATIO
    rows_per_sheet: int = MAX_ROWS_PER_SHEET


def require_defusedxml() -> None:
    """Refuse to run when openpyxl would parse XML without defusedxml."""
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:
        raise RuntimeError("openpyxl is not using defusedxml: install defusedxml before reading any workbook")


def precheck_zip(path: Path, limits: Limits = Limits()) -> None:
    """Refuse a file that is not a plain, macro-free, unencrypted, reasonably sized xlsx."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackageRefused("package.file.unreadable", file=name, reason=exc.strerror) from exc
    if size > limits.file_bytes:
        raise PackageRefused("package.file.too_large", file=name, size_mb=size // 1024 // 1024,
                             limit_mb=limits.file_bytes // 1024 // 1024)
    if not zipfile.is_zipfile(path):
        raise PackageRefused("package.file.not_xlsx", file=name)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackageRefused("package.file.damaged_zip", file=name, reason=str(exc)) from exc
    if len(infos) > limits.entries:
        raise PackageRefused("package.file.too_many_entries", file=name, count=len(infos))
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise PackageRefused("package.file.encrypted_entry", file=name, entry=info.filename)
        if info.filename.lower().endswith("vbaproject.bin"):
            raise PackageRefused("package.file.macros", file=name, entry=info.filename)
        if info.file_size > limits.ratio * max(info.compress_size, 1024):
            raise PackageRefused("package.file.compression_ratio", file=name, entry=info.filename)
        total += info.file_size
    if total > limits.uncompressed_bytes:
        raise PackageRefused("package.file.too_large_uncompressed", file=name, size_mb=total // 1024 // 1024)


_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
_CHUNK = 1 << 20


def count_rows(path: Path, limits: Limits = Limits()) -> dict[str, int]:
    """Rows of each worksheet part, counted while streaming; refused past the cap.

    The XML is scanned for ``<row`` start tags chunk by chunk (no parse, no
    tree), so a sheet with a million rows is refused after reading only as
    far as the cap; and counting what the sheet holds, not its declared
    ``<dimension>``, means a wrong dimension cannot hide anything.
    """
    counts: dict[str, int] = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            n = 0
            tail = b""
            with archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    data = tail + chunk
                    keep = min(len(data), 64)   # a tag cut at the chunk border is found in the next round
                    n += len(_ROW_TAG.findall(data, 0, len(data) - keep))
                    tail = data[len(data) - keep:]
                    if n > limits.rows_per_sheet:
                        break
                n += len(_ROW_TAG.findall(tail))
            if n > limits.rows_per_sheet:
                raise PackageRefused("package.file.too_many_rows", file=path.name, entry=info.filename,
                                     limit=limits.rows_per_sheet)
            counts[info.filename] = n
    return counts


def open_checked(path: Path, limits: Limits = Limits()) -> dict[str, Grid]:
    """The workbook's sheets as grids, loaded only after every check passed (see ``grid``)."""
    require_defusedxml()
    precheck_zip(path, limits)
    count_rows(path, limits)
    try:
        return load_grids(path)
    except (KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:   # a refusal of grid's says why in words
        raise PackageRefused("package.file.unreadable_workbook", file=path.name,
                             reason=exc if isinstance(exc, PackageRefused) else str(exc)) from exc
