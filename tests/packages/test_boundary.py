"""The checked boundary, one finding at a time: each crafted file is one refusal of one line, the store unchanged.

The findings of issue 12 ("Hostile, damaged and misrouted packages"): a wrong
CRC, a garbled deflate stream, a header that names another file, a cut-short
file and the like ended in tracebacks; a 23 MB package of 19,000 rows × 1,500
cells ran 69 s to a MemoryError; a million-row sheet stored at
``xl/data/sheet1.xml`` was never counted. (The manifest's fields:
``test_manifest_shapes``; the peak memory: ``test_peak_memory``.)
"""

from __future__ import annotations

import base64
import os
import struct
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from zeshi_desktop.packages import safety
from zeshi_desktop.packages.grid import MAX_MERGED_IN_ALL
from zeshi_desktop.packages.package_workbook import MAX_PROBLEMS
from zeshi_desktop.services.handover.importing import (
    PackageImportRefused,
    import_package,
)
from zeshi_desktop.store.database import Database

from . import crafting
from .excel import cell_of
from .refusals import refused, street_package


@pytest.fixture
def package(demo_db: Database, demo_year: int, tmp_path: Path) -> Path:
    return street_package(demo_db, demo_year, tmp_path / "street.xlsx")


def problem(exc: PackageImportRefused) -> str:
    """The code of the message a ``package.file.damaged_entry`` gives as its reason."""
    return exc.params["problem"].code


# ---------------------------------------------------------------- the zip, entry by entry

def test_a_wrong_crc_in_the_directory(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    part = crafting.sheet_part(package, "3-1")
    crafting.patch_central_directory(package, part, 16, "<I", 0x12345678)
    exc = refused(demo_db, package, digest)
    assert exc.code == "package.file.damaged_entry" and problem(exc) == "package.file.damage.crc"
    assert exc.message("zh") == f"street.xlsx: 压缩包条目 {part} 已损坏：校验和（CRC）不符"
    assert exc.message("en") == f"street.xlsx: zip entry {part} is damaged: its checksum (CRC) does not match"


def test_flipped_bytes_in_the_compressed_data(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    start, size = crafting.local_data(package, crafting.sheet_part(package, "3-1"))
    data = bytearray(package.read_bytes())
    for offset in range(size // 3, size // 3 + 8):
        data[start + offset] ^= 0x5A
    package.write_bytes(bytes(data))
    exc = refused(demo_db, package, digest)
    assert exc.code == "package.file.damaged_entry"
    assert problem(exc) in ("package.file.damage.data", "package.file.damage.crc")


def test_a_header_that_names_another_file(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    """zipfile's "File name in directory … and header … differ"."""
    part = crafting.sheet_part(package, "3-1")
    with zipfile.ZipFile(package) as archive:
        offset = archive.getinfo(part).header_offset
    data = bytearray(package.read_bytes())
    name_at = offset + 30
    assert data[name_at:name_at + len(part)] == part.encode()
    data[name_at + len(part) - 5] = ord("X")   # sheet1.xml → sheetX.xml in the local header only
    package.write_bytes(bytes(data))
    exc = refused(demo_db, package, digest)
    assert exc.code == "package.file.damaged_entry" and problem(exc) == "package.file.damage.name"


def test_a_compressed_size_cut_short(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    part = crafting.sheet_part(package, "3-1")
    _, size = crafting.local_data(package, part)
    crafting.patch_central_directory(package, part, 20, "<I", size // 2)
    exc = refused(demo_db, package, digest)
    assert exc.code in ("package.file.damaged_entry", "package.file.compression_ratio")


def test_a_declared_size_larger_than_the_data(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    part = crafting.sheet_part(package, "3-1")
    with zipfile.ZipFile(package) as archive:
        real = archive.getinfo(part).file_size
    crafting.patch_central_directory(package, part, 24, "<I", real + 100)
    exc = refused(demo_db, package, digest)
    assert exc.code == "package.file.damaged_entry" and problem(exc) in ("package.file.damage.size",
                                                                          "package.file.damage.data")


def test_an_unsupported_compression_method(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    crafting.patch_central_directory(package, crafting.sheet_part(package, "3-1"), 10, "<H", 99)
    exc = refused(demo_db, package, digest)
    assert exc.code == "package.file.damaged_entry" and problem(exc) == "package.file.damage.method"


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.999])
def test_a_truncated_file(package: Path, demo_db: Database, digest, keep: float) -> None:  # type: ignore[no-untyped-def]
    data = package.read_bytes()
    package.write_bytes(data[:int(len(data) * keep)])
    exc = refused(demo_db, package, digest)
    assert exc.code in ("package.file.not_xlsx", "package.file.damaged_zip")


def test_a_damaged_directory(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    """The end record points the directory past the end of the file."""
    data = bytearray(package.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<I", data, end + 16, len(data) - 10)
    package.write_bytes(bytes(data))
    exc = refused(demo_db, package, digest)
    assert exc.code in ("package.file.damaged_zip", "package.file.not_xlsx", "package.file.damaged_entry")


def test_two_entries_of_one_name(package: Path, demo_db: Database, digest, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    part = crafting.sheet_part(package, "3-1")
    with zipfile.ZipFile(package) as archive:
        twin = archive.read(part)
    with pytest.warns(UserWarning, match="Duplicate name"):
        with zipfile.ZipFile(package, "a") as archive:
            archive.writestr(part, twin.replace(b"<sheetData>", b"<sheetData><row r=\"999\"/>"))
    exc = refused(demo_db, package, digest)
    assert exc.code == "package.file.duplicate_entry" and part in exc.message("en")


@pytest.mark.parametrize("encoding", ["utf-16", "iso-8859-1"])
def test_a_part_not_in_utf8(package: Path, demo_db: Database, digest, tmp_path: Path, encoding: str) -> None:  # type: ignore[no-untyped-def]
    """A UTF-16 sheet would hide its ``<row>`` tags from the byte count: refused, whatever it holds."""
    part = crafting.sheet_part(package, "3-1")

    def recode(data: bytes) -> bytes:
        text = f'<?xml version="1.0" encoding="{encoding.upper()}"?>' + data.decode("utf-8")
        return text.encode(encoding) if encoding == "utf-16" else text.encode("utf-8")

    crafting.rewrite(package, package, replace={part: recode})
    exc = refused(demo_db, package, digest)
    assert exc.code == "package.file.xml_encoding" and part in exc.message("zh")


# ---------------------------------------------------------------- sizes and counts

def test_a_million_rows_stored_elsewhere_are_counted(package: Path, demo_db: Database, digest,
                                                     tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The finding: the same sheet at ``xl/data/sheet1.xml`` (named in the relationships) was never counted."""
    part = crafting.sheet_part(package, "3-1")
    rows = (b'<row r="%d"/>' % r for r in range(1000, 1_048_577))
    crafting.stream_sheet(package, tmp_path / "long.xlsx", part, rows, keep=True)
    crafting.move_part(tmp_path / "long.xlsx", package, part, "xl/data/sheet1.xml")
    assert crafting.sheet_part(package, "3-1") == "xl/data/sheet1.xml"
    started = time.perf_counter()
    exc = refused(demo_db, package, digest, dry_run=True)
    assert exc.code == "package.file.too_many_rows" and "xl/data/sheet1.xml" in exc.message("zh")
    assert time.perf_counter() - started < 10


def test_a_sheet_stored_elsewhere_is_read_like_any_other(package: Path, demo_db: Database, tmp_path: Path) -> None:
    part = crafting.sheet_part(package, "3-1")
    moved = crafting.move_part(package, tmp_path / "moved.xlsx", part, "xl/data/sheet1.xml")
    with demo_db.write() as s:
        report = import_package(s, moved, dry_run=True)
    assert report.count("unchanged") == 4 and not report.edited_outside


def test_the_23_mb_package_of_19000_rows_by_1500_cells_is_refused_fast(package: Path, demo_db: Database,
                                                                      digest, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The finding: 69 s, 3.8 GB and a MemoryError. Now its declared size refuses it before a byte is inflated."""
    big = crafting.stream_sheet(package, tmp_path / "big.xlsx", crafting.sheet_part(package, "3-1"),
                                crafting.rows_xml(19_000, 1_500))
    assert 20 * 1024 * 1024 < big.stat().st_size < safety.MAX_FILE_BYTES
    started = time.perf_counter()
    exc = refused(demo_db, big, digest)
    assert time.perf_counter() - started < 5
    assert exc.code == "package.file.too_large_uncompressed"


def test_cells_past_the_sheet_limit_within_the_declared_size(package: Path, demo_db: Database, digest,
                                                            tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The same sheet, only as long as the declared-size limit allows: the cell count stops it after 100 rows."""
    rows = 100 * 1024 * 1024 // (1_500 * 14)
    big = crafting.stream_sheet(package, tmp_path / "big.xlsx", crafting.sheet_part(package, "3-1"),
                                crafting.rows_xml(rows, 1_500))
    started = time.perf_counter()
    exc = refused(demo_db, big, digest)
    assert time.perf_counter() - started < 5
    assert exc.code == "package.file.too_many_cells_in_sheet"
    assert f"{safety.MAX_CELLS_PER_SHEET}" in exc.message("en")


def test_a_row_too_wide(package: Path, demo_db: Database, digest, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wide = crafting.stream_sheet(package, tmp_path / "wide.xlsx", crafting.sheet_part(package, "3-1"),
                                 crafting.rows_xml(1, safety.MAX_CELLS_PER_ROW + 1, first_row=500), keep=True)
    exc = refused(demo_db, wide, digest)
    assert exc.code == "package.file.row_too_wide"


def test_too_many_cells_in_all(package: Path, demo_db: Database, digest, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = package
    per_sheet = safety.MAX_CELLS_PER_SHEET - 5_000
    for i, title in enumerate(("3-1", "5-1", "区")):
        path = crafting.stream_sheet(path, tmp_path / f"cells-{i}.xlsx", crafting.sheet_part(package, title),
                                     crafting.rows_xml(per_sheet // 1_000, 1_000, first_row=500), keep=True)
    exc = refused(demo_db, path, digest)
    assert exc.code == "package.file.too_many_cells"


def test_too_much_text(package: Path, demo_db: Database, digest, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    count = safety.MAX_TEXT_BYTES // (4 * 32_000) + 5
    path = crafting.stream_sheet(package, tmp_path / "text.xlsx", crafting.sheet_part(package, "3-1"),
                                 crafting.text_rows(count), keep=True)
    exc = refused(demo_db, path, digest)
    assert exc.code == "package.file.too_much_text"


def test_shared_strings_past_the_text_budget(package: Path, demo_db: Database, digest, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    count = safety.MAX_TEXT_BYTES // (4 * 32_000) + 5
    strings = b"".join(b"<si><t>" + (base64.b64encode(os.urandom(24_000)).decode() + "\U0001F600").encode()
                       + b"</t></si>" for _ in range(count))
    sst = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml'
           b'/2006/main">' + strings + b"</sst>")
    override = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    crafting.rewrite(package, package, replace={"[Content_Types].xml": lambda d: d.replace(b"</Types>", override)},
                     add={"xl/sharedStrings.xml": sst})
    exc = refused(demo_db, package, digest)
    assert exc.code == "package.file.too_much_text"


def test_a_bloated_style_sheet(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    """Small parts (styles, workbook, relationships) are parsed only when small: openpyxl builds objects of them."""
    fonts = b"".join(b'<font><name val="%s"/></font>' % os.urandom(6).hex().encode()
                     for _ in range(safety.MAX_CONTROL_MARKUP // 3 + 1))
    crafting.rewrite(package, package, replace={"xl/styles.xml": lambda d: d.replace(b"</fonts>", fonts + b"</fonts>")})
    exc = refused(demo_db, package, digest)
    assert exc.code == "package.file.too_much_markup" and "xl/styles.xml" in exc.message("en")


def test_merged_ranges_in_all(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    each = MAX_MERGED_IN_ALL // 3 + 1
    for title in ("区", "责师", "团队成员"):
        part = crafting.sheet_part(package, title)
        block = (f'<mergeCells count="{each}">' + "".join(f'<mergeCell ref="AA{r}:AB{r}"/>' for r in range(1, each + 1))
                 + "</mergeCells>").encode()
        crafting.rewrite(package, package, replace={part: lambda d, b=block: d.replace(b"</sheetData>",
                                                                                      b"</sheetData>" + b, 1)})
    exc = refused(demo_db, package, digest)
    assert exc.code == "package.file.too_many_merged_in_all"


def test_one_value_in_the_last_row_costs_one_row(package: Path, demo_db: Database, digest, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Readers walk the rows that hold values, never range(1, 1,048,577) for every column of every table."""
    cell = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = package
    for title in ("区", "责任单元", "责师", "团队成员", "聘任", "3-1", "5-1", "manifest"):
        path = crafting.stream_sheet(path, tmp_path / f"far-{title}.xlsx", crafting.sheet_part(package, title),
                                     iter([cell]), keep=True)
    started = time.perf_counter()
    with demo_db.write() as s:
        import_package(s, path, dry_run=True)
    assert time.perf_counter() - started < 5


def test_a_sheet_of_bad_cells_stops_at_the_first_hundreds(package: Path, demo_db: Database, digest,
                                                          tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Not 100,000 problems held and printed: the first ``MAX_PROBLEMS``, and one line saying there are more."""
    wb = load_workbook(package)
    ws = wb["3-1"]
    where = cell_of(ws, "DC-U01/P001", "planning_coordination")
    first_col = ws[where].column
    for r in range(ws[where].row, ws[where].row + 20):
        for c in range(first_col, first_col + 60):
            ws.cell(row=r, column=c).value = "九"
    ws.cell(row=4, column=1).value = "#keys"
    for c in range(first_col, first_col + 60):
        ws.cell(row=4, column=c).value = f"DC-U01/P{c:03d}"
    wb.save(package)
    before = digest(demo_db)
    with pytest.raises(PackageImportRefused) as caught, demo_db.write() as s:
        import_package(s, package)
    assert digest(demo_db) == before
    assert caught.value.code in ("package.too_many_problems", "handover.import.errors")
    assert len(caught.value.problems) <= MAX_PROBLEMS
