"""The one checked boundary: what is done to a file from a USB stick before openpyxl parses a sheet of it.

An .xlsx is a zip of XML parts. Here, in this order:

1. The zip's directory: the file's size, the number of entries, no two entries
   of one name, the sum of the sizes the entries declare once uncompressed and
   each entry's compression ratio (a zip bomb declares little and inflates a
   lot, or declares a lot), no macros, no encrypted entries.
2. Every entry is read once, in full, as a stream: a wrong CRC, a cut-short or
   garbled deflate stream, a local header that names another file, a size that
   is not the declared one — each is one refusal naming the entry, never a
   traceback. While the bytes go by (no parse, no tree), every XML part is
   counted: its ``<row>`` elements, the ``<c>`` cells of its widest row and in
   all, its shared strings and its markup. The limits apply to *every* part,
   whatever its name, so a worksheet stored at ``xl/data/sheet1.xml`` (named by
   the workbook's relationships) is counted like one at ``xl/worksheets/``; and
   counting what a part holds, never its declared ``<dimension>``, means a wrong
   dimension cannot hide anything. An XML part must be UTF-8: a UTF-16 part
   would slip past a byte scan.
3. Only then ``grid`` lets openpyxl (through defusedxml, asserted by
   ``require_defusedxml``) parse the workbook, each small control part checked
   first, the shared strings and every cell's text within a memory budget; any
   failure of the parser on a malformed part is one refusal. A worksheet as
   the program writes it is read by ``sheet_stream`` from expat's callbacks,
   which takes no document type, entity or external reference (those sheets
   go the defusedxml way, and are refused there).

The limits are far above what a year holds (the whole city has ~420
appointments, a district → city package ~20,000 cells) and keep the
importer's peak memory under 400 MB for any file, accepted or refused
(``tests/packages/test_boundary.py`` measures it).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException

from zeshi_desktop.messages import Message

from .errors import PackageRefused
from .grid import Grid, ReadLimits, load_grids

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_UNCOMPRESSED_BYTES = 160 * 1024 * 1024   # all entries once inflated: the XML text openpyxl will parse
MAX_RATIO = 200          # uncompressed / compressed of one entry
MAX_ROWS_PER_SHEET = 20_000   # a year has ~420 appointments and ~3,500 team members in the whole city
MAX_CELLS_PER_ROW = 2_000      # the widest sheet has one column per appointment of a district
MAX_CELLS_PER_SHEET = 150_000
MAX_CELLS = 300_000            # in the whole workbook; shared strings count against it too
MAX_MARKUP_PER_PART = 8 * MAX_CELLS_PER_SHEET   # tags of any one part (a cell is 2 to 6)
MAX_CONTROL_MARKUP = 50_000    # content types, workbook, relationships, styles: small in any real file
MAX_TEXT_BYTES = 80 * 1024 * 1024   # the text of the shared strings, and of the cells, once in memory

_CHUNK = 1 << 20
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row(?=[\s/>])")   # any prefix: <x:row> is a row too
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c(?=[\s/>])")
_STRING_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si(?=[\s/>])")
_PLAIN_CELL, _PLAIN_STRING = re.compile(rb"<c[\s/>]"), re.compile(rb"<si[\s/>]")   # no prefix in sight: faster
_DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_UTF8 = {b"utf-8", b"utf8", b"us-ascii", b"ascii"}
_WIDE = (b"\xfe\xff", b"\xff\xfe", b"\x00\x00\xfe\xff", b"<\x00", b"\x00<")   # UTF-16/32 byte-order marks, "<" wide
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Limits:
    file_bytes: int = MAX_FILE_BYTES
    entries: int = MAX_ENTRIES
    uncompressed_bytes: int = MAX_UNCOMPRESSED_BYTES
    ratio: int = MAX_RATIO
    rows_per_sheet: int = MAX_ROWS_PER_SHEET
    cells_per_row: int = MAX_CELLS_PER_ROW
    cells_per_sheet: int = MAX_CELLS_PER_SHEET
    cells: int = MAX_CELLS
    markup_per_part: int = MAX_MARKUP_PER_PART
    control_markup: int = MAX_CONTROL_MARKUP
    text_bytes: int = MAX_TEXT_BYTES


@dataclass
class PartCount:
    """What one zip entry holds, counted from its bytes."""

    size: int = 0
    rows: int = 0
    widest_row: int = 0
    cells: int = 0
    strings: int = 0
    markup: int = 0


@dataclass
class Scan:
    """Every entry of a checked file, counted; the workbook total of cells and strings."""

    parts: dict[str, PartCount] = field(default_factory=dict)
    cells: int = 0
    strings: int = 0


def require_defusedxml() -> None:
    """Refuse to run when openpyxl would parse XML without defusedxml."""
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:
        raise RuntimeError("openpyxl is not using defusedxml: install defusedxml before reading any workbook")


def shown(name: str) -> str:
    """An entry's name as it may be shown on one line: control characters escaped, long names cut."""
    name = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)
    return name if len(name) <= 120 else name[:117] + "…"


def damage(exc: BaseException) -> Message:
    """Why the zip library could not read an entry, as a catalogue message (never its English text)."""
    text = str(exc)
    if isinstance(exc, zipfile.BadZipFile):
        if "CRC" in text:
            return Message("package.file.damage.crc")
        if "File name in directory" in text:
            return Message("package.file.damage.name")
        if "header" in text.lower() or "magic" in text.lower():
            return Message("package.file.damage.header")
        return Message("package.file.damage.directory")
    if isinstance(exc, NotImplementedError):
        return Message("package.file.damage.method")
    if isinstance(exc, (zlib.error, EOFError)) or "ecompress" in text or "end-of-stream" in text:
        return Message("package.file.damage.data")
    return Message("package.file.damage.other")


def precheck_zip(path: Path, limits: Limits = Limits()) -> None:
    """Refuse a file that is not a plain, macro-free, unencrypted, reasonably sized xlsx (its directory only)."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackageRefused("package.file.unreadable", file=name, reason=exc.strerror) from exc
    if size > limits.file_bytes:
        raise PackageRefused("package.file.too_large", file=name, size_mb=size // 1024 // 1024,
                             limit_mb=limits.file_bytes // 1024 // 1024)
    try:
        is_zip = zipfile.is_zipfile(path)
    except OSError as exc:
        raise PackageRefused("package.file.unreadable", file=name, reason=exc.strerror) from exc
    if not is_zip:
        raise PackageRefused("package.file.not_xlsx", file=name)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except Exception as exc:   # BadZipFile, OSError, a name not in UTF-8, an offset out of range…
        raise PackageRefused("package.file.damaged_zip", file=name, reason=damage(exc)) from exc
    if len(infos) > limits.entries:
        raise PackageRefused("package.file.too_many_entries", file=name, count=len(infos))
    total = 0
    seen: set[str] = set()
    for info in infos:
        if info.filename in seen:
            raise PackageRefused("package.file.duplicate_entry", file=name, entry=shown(info.filename))
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise PackageRefused("package.file.encrypted_entry", file=name, entry=shown(info.filename))
        if info.filename.lower().endswith("vbaproject.bin"):
            raise PackageRefused("package.file.macros", file=name, entry=shown(info.filename))
        if info.file_size > limits.ratio * max(info.compress_size, 1024):
            raise PackageRefused("package.file.compression_ratio", file=name, entry=shown(info.filename))
        total += info.file_size
    if total > limits.uncompressed_bytes:
        raise PackageRefused("package.file.too_large_uncompressed", file=name, size_mb=total // 1024 // 1024)


def scan(path: Path, limits: Limits = Limits()) -> Scan:
    """Read every entry once, in full: its CRC and size verified, its XML counted against the limits."""
    result = Scan()
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                result.parts[info.filename] = _scan_entry(archive, info, path.name, limits)
                result.cells += result.parts[info.filename].cells
                result.strings += result.parts[info.filename].strings
                if result.cells > limits.cells:
                    raise PackageRefused("package.file.too_many_cells", file=path.name, limit=limits.cells)
                if result.strings > limits.cells:
                    raise PackageRefused("package.file.too_many_strings", file=path.name, limit=limits.cells)
    except PackageRefused:
        raise
    except Exception as exc:   # the directory itself, read again: damaged between two looks
        raise PackageRefused("package.file.damaged_zip", file=path.name, reason=damage(exc)) from exc
    return result


def _scan_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str, limits: Limits) -> PartCount:
    count = PartCount()
    entry = shown(info.filename)
    row_cells = 0
    tail = b""
    try:
        with archive.open(info) as stream:
            first = True
            while chunk := stream.read(_CHUNK):
                count.size += len(chunk)
                if first:
                    _check_encoding(chunk, file, entry)
                    first = False
                data = tail + chunk
                count.markup += chunk.count(b"<")
                cut = data.rfind(b"<")
                end = cut if 0 <= cut > len(data) - 1024 else len(data)   # a tag name cut at the border: next round
                tail = data[end:]
                row_cells = _count(data, end, count, row_cells, file, entry, limits)
                _check_part(count, file, entry, limits)
            row_cells = _count(tail, len(tail), count, row_cells, file, entry, limits)
            _check_part(count, file, entry, limits)
    except PackageRefused:
        raise
    except Exception as exc:   # Bad CRC-32, zlib.error, "File name in directory … differ", EOF, method…
        raise PackageRefused("package.file.damaged_entry", file=file, entry=entry, problem=damage(exc)) from exc
    if count.size != info.file_size:
        raise PackageRefused("package.file.damaged_entry", file=file, entry=entry,
                             problem=Message("package.file.damage.size"))
    return count


def _check_encoding(start: bytes, file: str, entry: str) -> None:
    """A part in UTF-16 (or declared in another encoding) would hide its tags from the count: refused."""
    declared = _DECLARATION.match(start)
    if start.startswith(_WIDE) or (declared is not None and declared.group(1).lower() not in _UTF8):
        raise PackageRefused("package.file.xml_encoding", file=file, entry=entry)


def _count(data: bytes, end: int, count: PartCount, row_cells: int, file: str, entry: str, limits: Limits) -> int:
    """Count the tags of ``data[:end]`` into ``count``; returns the cells of the row still open.

    The bytes are cut at each ``<row`` and the cells of each piece counted in C
    (a loop per row, not per cell). Without a namespace prefix anywhere near a
    tag name (``:row``, ``:c``, ``:si``), plain byte counts do; with one, the
    regular expressions take any prefix (``<x:row>`` is a row too).
    """
    data = data[:end]
    plain = b":c" not in data and b":row" not in data and b":si" not in data
    pieces = data.split(b"<row") if plain else _ROW_TAG.split(data)
    for i, piece in enumerate(pieces):
        if i:
            count.rows += 1
            count.widest_row = max(count.widest_row, row_cells)
            row_cells = 0
            if count.rows > limits.rows_per_sheet:
                raise PackageRefused("package.file.too_many_rows", file=file, entry=entry,
                                     limit=limits.rows_per_sheet)
        cells = len((_PLAIN_CELL if plain else _CELL_TAG).findall(piece))
        row_cells += cells
        count.cells += cells
        if row_cells > limits.cells_per_row:
            raise PackageRefused("package.file.row_too_wide", file=file, entry=entry, limit=limits.cells_per_row)
        if count.cells > limits.cells_per_sheet:
            raise PackageRefused("package.file.too_many_cells_in_sheet", file=file, entry=entry,
                                 limit=limits.cells_per_sheet)
    count.strings += len((_PLAIN_STRING if plain else _STRING_TAG).findall(data))
    count.widest_row = max(count.widest_row, row_cells)
    return row_cells


def _check_part(count: PartCount, file: str, entry: str, limits: Limits) -> None:
    if count.markup > limits.markup_per_part:
        raise PackageRefused("package.file.too_much_markup", file=file, entry=entry, limit=limits.markup_per_part)
    if count.strings > limits.cells:
        raise PackageRefused("package.file.too_many_strings", file=file, limit=limits.cells)


def count_rows(path: Path, limits: Limits = Limits()) -> dict[str, int]:
    """Rows of each entry that holds any, counted while streaming; refused past the cap."""
    return {name: part.rows for name, part in scan(path, limits).parts.items() if part.rows}


def open_checked(path: Path, limits: Limits = Limits()) -> dict[str, Grid]:
    """The workbook's sheets as grids, loaded only after every check passed (see ``grid``).

    Whatever goes wrong from here on is one ``PackageRefused``: openpyxl meeting a
    malformed part ends in ``package.file.unreadable_workbook`` with its reason.
    """
    require_defusedxml()
    path = Path(path)
    precheck_zip(path, limits)
    counted = scan(path, limits)
    read_limits = ReadLimits({name: part.markup for name, part in counted.parts.items()}, limits.control_markup,
                             limits.text_bytes)
    try:
        return load_grids(path, read_limits)
    except PackageRefused:
        raise
    except Exception as exc:   # whatever a malformed part makes the XML parser or openpyxl raise
        raise PackageRefused("package.file.unreadable_workbook", file=path.name, reason=_reason(exc)) from exc


_NO_ITEM = re.compile(r"There is no item named '(.*)' in the archive")


def _reason(exc: BaseException) -> Message | str:
    """Why openpyxl could not read the workbook: a catalogue message where the cause is known, else its words."""
    if isinstance(exc, DefusedXmlException):
        return Message("package.file.reason.forbidden_xml")
    if isinstance(exc, ParseError):
        line, column = getattr(exc, "position", (0, 0))
        return Message("package.file.reason.bad_xml", line=line, column=column)
    missing = _NO_ITEM.search(str(exc)) if isinstance(exc, KeyError) else None
    if missing is not None:
        return Message("package.file.reason.missing_part", entry=shown(missing.group(1)))
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "…"
