"""Hostile and malformed files: each refused with its own clear reason, the store left byte-for-byte as it was."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.server.backends import twin
from zeshi_desktop.packages import safety
from zeshi_desktop.services import roster
from zeshi_desktop.services.handover import export as package_export
from zeshi_desktop.services.handover.importing import (
    PackageImportRefused,
    import_package,
)
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database

from .excel import cell_of


@pytest.fixture
def package(demo_db: Database, demo_year: int, tmp_path: Path) -> Path:
    """A street → district package of two units, every sheet filled and finalised."""
    path = tmp_path / "street.xlsx"
    with demo_db.read() as s:
        package_export.export_package(s, "street-district", demo_year, path, units=["DC-U01", "DC-U02"])
    return path


def _refused(db: Database, path: Path, digest: Callable[[Database], str], **options: object) -> PackageImportRefused:
    before = digest(db)
    with pytest.raises(PackageImportRefused) as refused:
        with db.write() as s:
            import_package(s, path, **options)  # type: ignore[arg-type]
    assert digest(db) == before
    return refused.value


def _patch_central_directory(path: Path, entry: str, offset: int, fmt: str, value: int) -> None:
    """Overwrite one field of an entry's central-directory header (what zip readers list)."""
    data = bytearray(path.read_bytes())
    name = entry.encode()
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + name_len] == name:
            struct.pack_into(fmt, data, pos + offset, value)
            path.write_bytes(bytes(data))
            return
        pos = data.find(b"PK\x01\x02", pos + 4)
    raise AssertionError(f"{entry} not in {path}")


def test_declared_sizes_of_a_zip_bomb(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    _patch_central_directory(package, "xl/worksheets/sheet1.xml", 24, "<I", 0xFFFFFFF0)
    refused = _refused(demo_db, package, digest)
    assert refused.code == "package.file.compression_ratio" and "压缩炸弹" in refused.message("zh")
    assert "zip bomb" in refused.message("en")


def test_sum_of_declared_sizes(package: Path, demo_db: Database, digest, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    limits = safety.Limits(uncompressed_bytes=10_000, ratio=10_000)
    with pytest.raises(safety.PackageRefused, match="解压后总大小") as refused:
        safety.precheck_zip(package, limits)
    assert refused.value.code == "package.file.too_large_uncompressed"


def test_macros_are_refused(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(package, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really a macro")
    refused = _refused(demo_db, package, digest)
    assert refused.code == "package.file.macros" and "含宏" in refused.message("zh")


def test_encrypted_entries_are_refused(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    _patch_central_directory(package, "xl/workbook.xml", 8, "<H", 0x0001)
    refused = _refused(demo_db, package, digest)
    assert refused.code == "package.file.encrypted_entry" and "加密" in refused.message("zh")


def test_not_a_zip_at_all(tmp_path: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "encrypted.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048)  # how a password-protected xlsx starts
    refused = _refused(demo_db, path, digest)
    assert refused.code == "package.file.not_xlsx" and "不是 .xlsx" in refused.message("zh")


def test_too_many_rows(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(package)
    ws = wb["3-1"]
    for r in range(200, 200 + safety.MAX_ROWS_PER_SHEET + 1):
        ws.cell(row=r, column=2, value=1)
    wb.save(package)
    refused = _refused(demo_db, package, digest)
    assert refused.code == "package.file.too_many_rows" and "行数超过" in refused.message("zh")


def test_a_wrong_dimension_drops_no_rows(package: Path, tmp_path: Path, db: Database) -> None:
    """The sheet says it is A1:A1; every row must still be read (else the hash would not match)."""
    patched = tmp_path / "dimension.xlsx"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as dst:
        changed = 0
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = data.decode()
                start = text.find("<dimension ref=\"")
                if start != -1:
                    end = text.find("\"", start + 16)
                    text = text[:start + 16] + "A1:A1" + text[end:]
                    changed += 1
                else:
                    text = text.replace("<sheetViews>", "<dimension ref=\"A1:A1\"/><sheetViews>", 1)
                    changed += 1
                data = text.encode()
            dst.writestr(info, data)
    assert changed
    with db.write() as s:
        report = import_package(s, patched)
    assert report.count("added") == 4 and not report.edited_outside
    with db.read() as s:
        assert all(v.is_final and v.totals.complete for v in sheets.sheets(s, 2025, "3-1"))  # type: ignore[union-attr]


def test_a_formula_in_a_score_cell_is_refused_not_evaluated(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(package)
    ws = wb["3-1"]
    where = cell_of(ws, "DC-U01/P001", "planning_coordination")
    ws[where] = "=5+5"
    wb.save(package)
    refused = _refused(demo_db, package, digest)
    assert [p.where for p in refused.problems] == [f"3-1!{where}"]
    assert refused.problems[0].reason.params["problem"].code == "package.cell.formula"
    assert "不接受公式" in refused.problems[0].message("zh")


def test_a_merged_cell_is_named(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(package)
    ws = wb["3-1"]
    first = cell_of(ws, "DC-U01/P001", "planning_coordination")
    second = cell_of(ws, "DC-U02/P002", "planning_coordination")
    ws.merge_cells(f"{first}:{second}")
    wb.save(package)
    refused = _refused(demo_db, package, digest)
    assert f"3-1!{second}" in {p.where for p in refused.problems}
    assert all("合并单元格" in p.message("zh") for p in refused.problems)


def _merge_raw(path: Path, refs: list[str]) -> None:
    """Add ``<mergeCells>`` to the 3-1 sheet's XML directly, as a crafted file would (openpyxl would expand them)."""
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    wb = load_workbook(path, read_only=True)
    target = "xl/" + wb["3-1"]._worksheet_path.split("xl/", 1)[-1]
    wb.close()
    block = f'<mergeCells count="{len(refs)}">' + "".join(f'<mergeCell ref="{r}"/>' for r in refs) + "</mergeCells>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            if info.filename == target:
                data = data.replace(b"</sheetData>", b"</sheetData>" + block.encode(), 1)
            out.writestr(info, data)


def test_a_merge_over_the_whole_sheet_is_named_not_expanded(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    """A1:XFD1048576 covers 17 billion cells: refused at once (its hidden key row is merged away), not expanded."""
    _merge_raw(package, ["A1:XFD1048576"])
    refused = _refused(demo_db, package, digest)
    assert refused.problems and {p.sheet for p in refused.problems} == {"3-1"}


def test_a_sheet_with_too_many_merged_ranges_is_refused(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    from zeshi_desktop.packages.grid import MAX_MERGED_RANGES

    _merge_raw(package, [f"AA{r}:AB{r}" for r in range(1, MAX_MERGED_RANGES + 2)])
    refused = _refused(demo_db, package, digest)
    assert refused.code == "package.file.too_many_merged"
    assert f"合并区域超过 {MAX_MERGED_RANGES} 处" in refused.message("zh")
    assert f"more than {MAX_MERGED_RANGES} merged ranges" in refused.message("en")


def test_a_few_merged_ranges_away_from_the_scores_are_harmless(package: Path, demo_db: Database) -> None:
    _merge_raw(package, [f"AA{r}:AB{r}" for r in range(1, 20)])
    with demo_db.write() as s:
        report = import_package(s, package, dry_run=True)
    assert report.sheets


def test_bad_values_are_all_named_at_once(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(package)
    ws = wb["3-1"]
    bad = {("DC-U01/P001", "planning_coordination"): 11, ("DC-U01/P001", "basic_contract"): "9O",
           ("DC-U02/P002", "basic_training"): 101, ("DC-U02/P002", "basic_attitude"): -5,
           ("DC-U02/P002", "basic_contract"): None}
    where = {k: cell_of(ws, *k) for k in bad}
    for key, value in bad.items():
        ws[where[key]] = value
    ws[cell_of(ws, "DC-U01/P001", "basic_training")] = "　２ "   # full-width digit and spaces: fine
    wb.save(package)
    refused = _refused(demo_db, package, digest)
    messages = {p.where: p.message("zh") for p in refused.problems}
    assert set(messages) == {f"3-1!{c}" for c in where.values()}
    assert refused.code == "handover.import.errors"
    first = where[("DC-U01/P001", "planning_coordination")]
    assert f"3-1!{first}: 11 超过单项满分 10 (助力规划统筹)" in refused.message("zh")
    assert "“9O”不是数字" in messages[f"3-1!{where[('DC-U01/P001', 'basic_contract')]}"]
    assert "-5 不能为负数" in messages[f"3-1!{where[('DC-U02/P002', 'basic_attitude')]}"]
    assert "不能留空" in messages[f"3-1!{where[('DC-U02/P002', 'basic_contract')]}"]


def test_missing_manifest(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(package)
    del wb["manifest"]
    wb.save(package)
    refused = _refused(demo_db, package, digest)
    assert refused.code == "package.manifest.missing" and "缺少清单" in refused.message("zh")


def test_wrong_year(package: Path, tmp_path: Path, digest) -> None:  # type: ignore[no-untyped-def]
    other = Database.open(tmp_path / "2024.sqlite3")
    with other.write() as s:
        roster.ensure_year(s, 2024)
    refused = _refused(other, package, digest)
    assert refused.code == "handover.import.year_not_here"
    assert "年度 2025" in refused.message("zh") and "2024" in refused.message("zh")
    other.dispose()


def test_year_option_disagrees(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    refused = _refused(demo_db, package, digest, year=2026)
    assert refused.code == "handover.import.year_option" and "--year" in refused.message("zh")


def test_wrong_district(package: Path, tmp_path: Path, digest) -> None:  # type: ignore[no-untyped-def]
    other = Database.open(tmp_path / "yq.sqlite3")
    with other.write() as s:
        roster.add_district(s, "延庆区", "生态涵养区", code="YQ")
        roster.ensure_year(s, 2025)
    refused = _refused(other, package, digest)
    assert refused.code == "handover.import.district_not_here" and "本库没有该区" in refused.message("zh")
    other.dispose()


def test_unknown_planner(demo_db: Database, demo_year: int, tmp_path: Path, digest) -> None:  # type: ignore[no-untyped-def]
    copy = twin(demo_db, tmp_path / "street.sqlite3")
    with copy.write() as s:
        unit = next(u.id for u in roster.units(s) if u.code == "DC-U01")
        planner = roster.add_planner(s, "新来的责师", is_team=False, code="P999")
        appointment = roster.appoint(s, demo_year, unit, planner)
        sheet = sheets.open_sheet(s, "3-1", demo_year, appointment_id=appointment)
        sheets.set_score(s, sheet.id, "basic_contract", "3")
    path = tmp_path / "street.xlsx"
    with copy.read() as s:
        package_export.export_package(s, "street-district", demo_year, path, units=["DC-U01"])
    copy.dispose()
    refused = _refused(demo_db, path, digest)
    assert any(p.code == "handover.unknown.planner" and "本库没有责师 P999" in p.message("zh") and p.sheet == "3-1"
               and p.cell for p in refused.problems)


def test_unknown_form_version(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(package)
    ws = wb["manifest"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "blocks")
    ws.cell(row=row, column=2).value = ws.cell(row=row, column=2).value.replace('"version": 1', '"version": 7')
    wb.save(package)
    refused = _refused(demo_db, package, digest)
    assert refused.code == "package.form_version" and "版本 7" in refused.message("zh")


def test_tampered_content_fails_the_hash(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(package)
    ws = wb["3-1"]
    ws[cell_of(ws, "DC-U01/P001", "basic_contract")] = 1   # a valid score, but not what was signed
    wb.save(package)
    refused = _refused(demo_db, package, digest)
    assert refused.code == "handover.import.edited_outside" and "程序之外被修改" in refused.message("zh")


def test_a_bad_signature_is_refused(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(package)
    ws = wb["manifest"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "content_hash")
    ws.cell(row=row, column=2).value = "0" * 64    # someone "fixes" the hash after editing
    wb.save(package)
    refused = _refused(demo_db, package, digest)
    assert refused.code == "handover.import.bad_signature" and "签名无效" in refused.message("zh")


def test_defusedxml_is_required(monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl.xml

    safety.require_defusedxml()
    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
    with pytest.raises(RuntimeError, match="defusedxml"):
        safety.require_defusedxml()


def test_weights_for_an_unknown_district_are_named_in_the_preview(demo_db: Database, db: Database, demo_year: int,
                                                                  tmp_path: Path, digest) -> None:  # type: ignore[no-untyped-def]
    """Not a KeyError halfway through the import: the preview already names the cell."""
    path = tmp_path / "city.xlsx"
    with demo_db.read() as s:
        package_export.export_package(s, "district-city", demo_year, path, district="东城区")
    wb = load_workbook(path)
    ws = wb["3-3权重"]
    column = [c.value for c in ws[1]].index("区编号") + 1
    ws.cell(row=2, column=column).value = "NOPE"
    wb.save(path)
    refused = _refused(db, path, digest, dry_run=True, accept_edited=True)
    assert any(p.sheet == "3-3权重" and p.code == "handover.weights.no_district"
               and "没有编号为 NOPE 的区" in p.message("zh") for p in refused.problems)


def test_a_damaged_manifest_entry_is_a_refusal_not_a_crash(package: Path, demo_db: Database, digest) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(package)
    ws = wb["manifest"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "origin")
    ws.cell(row=row, column=2).value = '{"district": '   # cut short
    wb.save(package)
    refused = _refused(demo_db, package, digest)
    assert refused.code == "package.manifest.damaged" and "清单项 origin 已损坏" in refused.message("zh")
