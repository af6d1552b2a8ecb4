"""The 4-1 pictures travel in the district → city package: whole, checked, and compared like the texts."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.server.backends import twin
from zeshi_desktop.services import roster
from zeshi_desktop.services.handover import export as package_export
from zeshi_desktop.services.handover.importing import (
    PackageImportRefused,
    import_package,
)
from zeshi_desktop.services.handover.kinds import PICTURES
from zeshi_desktop.services.handover.pictures import PART_CHARS
from zeshi_desktop.services.scoring import district_summary as summary
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database

PNG = b"\x89PNG\r\n\x1a\n"
# Big enough that its base64 text needs three cells: the pieces must be put back in order.
LARGE = PNG + os.urandom(2 * PART_CHARS * 3 // 4 + 1000)
SMALL = b"\xff\xd8\xff\xe0" + os.urandom(500)


def _summary_id(db: Database, year: int, district: str = "东城区") -> int:
    with db.read() as s:
        d = next(x for x in roster.districts(s) if x.name == district)
        return sheets.sheets(s, year, "4-1", district_id=d.id)[0].id


def _with_pictures(demo_db: Database, year: int) -> int:
    sid = _summary_id(demo_db, year)
    with demo_db.write() as s:
        sheets.unlock(s, sid, "补充图片", "区专班")
        for demo_picture in summary.pictures(s, sid):   # start from known pictures, not the demo's
            summary.remove_picture(s, demo_picture.id)
        summary.add_picture(s, sid, "cases#1", "现场踏勘.png", "image/png", LARGE)
        summary.add_picture(s, sid, "cases#1", "居民议事会.jpg", "image/jpeg", SMALL)
        summary.add_picture(s, sid, "cases#2", "街巷更新.jpg", "image/jpeg", SMALL)
        sheets.finalize(s, sid, "区专班")
    return sid


def _export(db: Database, year: int, path: Path) -> Path:
    with db.read() as s:
        package_export.export_package(s, "district-city", year, path, district="东城区")
    return path


def _stored(db: Database, sid: int) -> list[tuple[str, int, str, str, str]]:
    with db.read() as s:
        return [(p.key, p.position, p.name, p.mime, hashlib.sha256(p.data).hexdigest())
                for p in summary.pictures(s, sid)]


def test_pictures_arrive_whole_and_a_second_import_changes_nothing(demo_db: Database, db: Database,
                                                                   demo_year: int, tmp_path: Path,
                                                                   digest) -> None:  # type: ignore[no-untyped-def]
    sid = _with_pictures(demo_db, demo_year)
    path = _export(demo_db, demo_year, tmp_path / "city.xlsx")
    wb = load_workbook(path, read_only=True)
    rows = list(wb[PICTURES.sheet].iter_rows(min_row=2, values_only=True))
    state = wb[PICTURES.sheet].sheet_state
    wb.close()
    assert state == "hidden"   # base64 is for the program; people see the pictures in the app and the PDF
    assert len(rows) == 3 + 1 + 1   # the large one in three pieces
    with db.write() as s:
        import_package(s, path)
    assert _stored(db, _summary_id(db, demo_year)) == _stored(demo_db, sid)
    with db.read() as s:
        got = {p.name: p.data for p in summary.pictures(s, _summary_id(db, demo_year))}
    assert got["现场踏勘.png"] == LARGE and got["居民议事会.jpg"] == SMALL
    before = digest(db)
    with db.write() as s:
        assert import_package(s, path).already_imported
    assert digest(db) == before


def test_a_changed_picture_of_a_finalised_summary_is_a_conflict(demo_db: Database, demo_year: int,
                                                                 tmp_path: Path) -> None:
    sid = _with_pictures(demo_db, demo_year)
    city = twin(demo_db, tmp_path / "city.sqlite3")   # the WAL checkpointed first: the copy has the pictures
    with demo_db.write() as s:
        sheets.unlock(s, sid, "换一张图", "区专班")
        summary.remove_picture(s, summary.pictures(s, sid)[-1].id)
        sheets.finalize(s, sid, "区专班")
    path = _export(demo_db, demo_year, tmp_path / "city.xlsx")
    with city.read() as s:
        preview = import_package(s, path, dry_run=True)
    conflict = next(c for c in preview.conflicts if c.form == "4-1")
    assert [d.code for d in conflict.details] == ["handover.detail.pictures"]
    assert conflict.details[0].text("zh") == "图片: 3 张 → 2 张"
    with city.write() as s:
        import_package(s, path, keep_all="theirs")
    assert _stored(city, sid) == _stored(demo_db, sid)
    city.dispose()


def test_a_picture_with_a_wrong_digest_is_named_and_nothing_written(demo_db: Database, db: Database,
                                                                    demo_year: int, tmp_path: Path,
                                                                    digest) -> None:  # type: ignore[no-untyped-def]
    _with_pictures(demo_db, demo_year)
    path = _export(demo_db, demo_year, tmp_path / "city.xlsx")
    wb = load_workbook(path)
    ws = wb[PICTURES.sheet]
    data_col = [c.value for c in ws[1]].index("内容（base64，供程序读取）") + 1
    last = ws.max_row
    text = ws.cell(row=last, column=data_col).value
    ws.cell(row=last, column=data_col).value = ("A" if text[0] != "A" else "B") + text[1:]
    wb.save(path)
    before = digest(db)
    with pytest.raises(PackageImportRefused) as refused:
        with db.write() as s:
            import_package(s, path, accept_edited=True, reason="核对过图片")
    assert any(p.sheet == PICTURES.sheet and p.reason.params["reason"].code == "handover.picture.digest"
               and "SHA-256" in p.message("zh") for p in refused.value.problems)
    assert digest(db) == before


@pytest.mark.parametrize(("mime", "data", "reason"), [
    ("image/gif", b"GIF89a" + b"0" * 10, "不是 PNG 或 JPEG"),
    ("image/png", b"\xff\xd8\xff" + b"0" * 10, "内容不是 image/png 图片"),
])
def test_a_picture_that_is_not_what_it_claims_is_refused(demo_db: Database, db: Database, demo_year: int,
                                                         tmp_path: Path, mime: str, data: bytes, reason: str) -> None:
    import base64

    _with_pictures(demo_db, demo_year)
    path = _export(demo_db, demo_year, tmp_path / "city.xlsx")
    wb = load_workbook(path)
    ws = wb[PICTURES.sheet]
    headers = [c.value for c in ws[1]]
    row = ws.max_row   # the last picture: one piece
    for header, value in (("类型", mime), ("SHA-256", hashlib.sha256(data).hexdigest()),
                          ("内容（base64，供程序读取）", base64.b64encode(data).decode())):
        ws.cell(row=row, column=headers.index(header) + 1).value = value
    wb.save(path)
    with pytest.raises(PackageImportRefused) as refused:
        with db.write() as s:
            import_package(s, path, accept_edited=True, reason="核对过图片")
    assert any(p.sheet == PICTURES.sheet and reason in p.message("zh") for p in refused.value.problems)


def test_pictures_of_a_district_without_its_summary_are_refused(demo_db: Database, db: Database, demo_year: int,
                                                                tmp_path: Path) -> None:
    _with_pictures(demo_db, demo_year)
    path = _export(demo_db, demo_year, tmp_path / "city.xlsx")
    wb = load_workbook(path)
    ws = wb[PICTURES.sheet]
    column = [c.value for c in ws[1]].index("区编号") + 1
    for row in range(2, ws.max_row + 1):
        ws.cell(row=row, column=column).value = "XX"
    wb.save(path)
    with pytest.raises(PackageImportRefused) as refused:
        with db.write() as s:
            import_package(s, path, accept_edited=True, reason="核对过图片")
    assert any(p.code == "handover.import.pictures_without_summary" and "区 XX 的图片在包中没有对应的 4-1 总结"
               in p.message("zh") for p in refused.value.problems)
