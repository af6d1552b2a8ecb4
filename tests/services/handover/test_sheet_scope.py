"""A package's sheets meet the store's own rules of who fills what before anything is written.

Found by the fuzzer (seed 11): a reviewer's package edited outside the
program so that its 聘任 table no longer appoints the planners its 3-2 sheet
scores, imported into an empty laptop. Every new unit and planner had the same
placeholder id while planning, so every pair looked appointed, and only the
store's rule trigger stopped the import. Now each cell is named, as for any
other refused package, and so is a 3-2 sheet of a reviewer of another district.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.packages.conftest import store_digest
from zeshi_desktop.services.handover import export as package_export
from zeshi_desktop.services.handover.importing import (
    PackageImportRefused,
    import_package,
)
from zeshi_desktop.store.database import Database


def _reviewer_package(demo_db: Database, year: int, path: Path) -> Path:
    with demo_db.read() as s:
        package_export.export_package(s, "reviewer-district", year, path, reviewer="DC-R1")
    return path


def _refused(db: Database, path: Path) -> PackageImportRefused:
    """Imported as an edited package (the person accepts that), into ``db``: refused, nothing written."""
    before = store_digest(db)
    with pytest.raises(PackageImportRefused) as caught, db.write() as s:
        import_package(s, path, accept_edited=True, reason="复核", keep_all="theirs")
    assert store_digest(db) == before and caught.value.code == "handover.import.errors"
    return caught.value


def _edit(path: Path, sheet: str, edit) -> None:  # type: ignore[no-untyped-def]
    """Change a table of the package as Excel would (the content hash then no longer holds)."""
    wb = load_workbook(path)
    edit(wb[sheet])
    wb.save(path)


def test_sheets_of_planners_the_package_no_longer_appoints_are_named(demo_db: Database, demo_year: int,
                                                                     tmp_path: Path, db: Database) -> None:
    path = _reviewer_package(demo_db, demo_year, tmp_path / "r1.xlsx")
    _edit(path, "聘任", lambda ws: ws.delete_rows(2, 2))   # the first two appointments gone
    said = _refused(db, path).message("zh").splitlines()
    assert said[1:] == ["3-2 DC-R1!C7: 2025 年度 DC-U01 没有聘任责师 P001", "3-2 DC-R1!C8: 2025 年度 DC-U02 没有聘任责师 P002"]


def test_a_sheet_of_a_reviewer_of_another_district_is_named(demo_db: Database, demo_year: int, tmp_path: Path,
                                                            db: Database) -> None:
    path = _reviewer_package(demo_db, demo_year, tmp_path / "r1.xlsx")

    def elsewhere(ws) -> None:  # type: ignore[no-untyped-def]
        ws.append(["YQ", "延庆区", ws.cell(row=2, column=3).value])   # a second district in the roster

    _edit(path, "区", elsewhere)
    _edit(path, "评审人", lambda ws: ws.cell(row=2, column=3, value="YQ"))   # DC-R1 now a reviewer of 延庆区
    exc = _refused(db, path)
    assert "是延庆区的区级评审人，不能填写东城区的附件3-2" in exc.message("zh")
    assert "district reviewer of 延庆区 and cannot fill annex 3-2 for 东城区" in exc.message("en")


def test_appointments_of_units_the_package_no_longer_has_are_named(demo_db: Database, demo_year: int,
                                                                   tmp_path: Path, db: Database) -> None:
    """The fuzzer again (seed 23): 责任单元 cut to two rows ended in ``KeyError: 'DC-U03'`` while planning."""
    path = _reviewer_package(demo_db, demo_year, tmp_path / "r1.xlsx")
    _edit(path, "责任单元", lambda ws: ws.delete_rows(4, 2))   # DC-U03 and DC-U04 gone, still appointed
    said = _refused(db, path).message("zh").splitlines()
    assert "聘任!A4: 没有编号为 DC-U03 的责任单元" in said and "聘任!A5: 没有编号为 DC-U04 的责任单元" in said
