"""A sheet holding damaged data does not travel: the export leaves it out and says so."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from zeshi_desktop.services.handover import export as package_export
from zeshi_desktop.services.handover.importing import import_package
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.models import Sheet

YEAR = 2025


def test_a_damaged_sheet_is_left_out_of_the_package_and_named(demo_db: Database, db: Database, tmp_path: Path,
                                                              forms) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as s:
        sid = s.scalars(select(Sheet.id).where(Sheet.form_id == "4-1")).first()
        district = s.scalar(select(Sheet.district_id).where(Sheet.id == sid))
        code = s.scalar(text("SELECT code FROM districts WHERE id = :d"), {"d": district})
        pictures = s.scalar(text("SELECT count(*) FROM attachments WHERE sheet_id = :s"), {"s": sid})
    assert pictures, "the demo's summary has pictures: they must stay home with it"
    with demo_db.write() as s:   # an answer no question of 4-1 takes, written behind the program's back
        s.execute(text("INSERT INTO answers (sheet_id, key, value) VALUES (:s, 'text:nowhere', 'x')"), {"s": sid})
    path = tmp_path / "p.xlsx"
    with demo_db.read() as s:
        result = package_export.export_package(s, "district-city", YEAR, path, district=code)
    assert [d.sheet_id for d in result.damaged] == [sid]
    [warning] = result.warnings
    assert warning.code == "handover.export.damaged_left_out" and warning.params["count"] == 1
    assert warning.text("zh").startswith("1 张评审表含有损坏的数据，未放入包中：附件4-1 评审表 ")
    assert "left out of the package" in warning.text("en")
    with db.write() as s:   # the package imports: the sheet (and its pictures) simply are not in it
        report = import_package(s, path)
    assert report.written and not any(c.form == "4-1" for c in report.sheets)
    with db.read() as s:
        assert sheets.sheets(s, YEAR, "4-1") == [] and sheets.sheets(s, YEAR, "4-2")


def test_a_sound_store_exports_without_warnings(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.read() as s:
        result = package_export.export_package(s, "district-city", YEAR, tmp_path / "p.xlsx", district="DC")
    assert result.damaged == () and result.warnings == ()
