"""4-1 pictures and appendix tables (services.summary)."""

from __future__ import annotations

import pytest
from sqlalchemy import delete

from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused, SheetLocked
from zeshi_desktop.services.scoring import district_summary as summary
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.models import Attachment

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def _summary_sheet(db, year):  # type: ignore[no-untyped-def]
    with db.read() as s:
        district = roster.districts(s)[0]
        return district, sheets.find_sheet_id(s, "4-1", year, district_id=district.id)


def test_pictures_are_refused_on_a_finalised_summary_and_kept_in_order_after_unlocking(demo_db, demo_year):
    _district, sid = _summary_sheet(demo_db, demo_year)
    with demo_db.write() as s:
        s.execute(delete(Attachment).where(Attachment.sheet_id == sid))   # start without the demo's pictures
    with demo_db.write() as s, pytest.raises(SheetLocked) as locked:
        summary.add_picture(s, sid, "cases#1", "a.png", "image/png", PNG)
    assert locked.value.code == "scoring.picture.summary_locked"
    assert str(locked.value) == "该总结已定稿，须先说明理由解锁后才能修改图片"
    with demo_db.write() as s:
        sheets.unlock(s, sid, "补图")
        first = summary.add_picture(s, sid, "cases#1", "a.png", "image/png", PNG)
        summary.add_picture(s, sid, "cases#1", "b.jpg", "image/jpeg", b"\xff\xd8\xff" + b"\0" * 8)
    with demo_db.read() as s:
        assert [(p.name, p.position) for p in summary.pictures(s, sid, "cases#1")] == [("a.png", 0), ("b.jpg", 1)]
    with demo_db.write() as s:
        summary.remove_picture(s, first)
    with demo_db.read() as s:
        assert [p.name for p in summary.pictures(s, sid)] == ["b.jpg"]


@pytest.mark.parametrize(("name", "mime", "data", "words"), [
    ("a.gif", "image/gif", b"GIF89a", "不是 PNG 或 JPEG"),
    ("empty.png", "image/png", b"", "空文件"),
])
def test_bad_pictures_are_refused_by_name(demo_db, demo_year, name, mime, data, words):
    _district, sid = _summary_sheet(demo_db, demo_year)
    with demo_db.write() as s:
        sheets.unlock(s, sid, "补图")
    with demo_db.write() as s, pytest.raises(ActionRefused) as refused:
        summary.add_picture(s, sid, "cases#1", name, mime, data)
    assert refused.value.code.startswith("scoring.picture.")
    assert name in refused.value.message("zh") and words in refused.value.message("zh")
    assert name in refused.value.message("en") and words not in refused.value.message("en")


def test_pictures_only_on_the_summary(demo_db, demo_year):
    with demo_db.read() as s:
        a = roster.appointments(s, demo_year)[0]
        sid = sheets.find_sheet_id(s, "3-1", demo_year, appointment_id=a.id)
    with demo_db.write() as s, pytest.raises(ActionRefused) as refused:
        summary.add_picture(s, sid, "cases#1", "a.png", "image/png", PNG)
    assert refused.value.code == "scoring.picture.not_allowed"
    assert (refused.value.message("zh"), refused.value.message("en")) == ("附件3-1 不能附图片",
                                                                          "Annex 3-1 takes no pictures")


def test_appendix_lists_every_appointment_of_the_district(demo_db, demo_year):
    district, _sid = _summary_sheet(demo_db, demo_year)
    with demo_db.read() as s:
        apps = roster.appointments(s, demo_year, district.id)
        data = summary.appendix(s, demo_year, district.id)
    assert [(c.unit, c.planner) for c in data.contracts] == [(a.unit, a.planner) for a in apps]
    assert {t.planner for t in data.teams} == {a.planner for a in apps}
    assert data.fees_total == sum(a.fee_amount or 0 for a in apps if a.fee_paid)


def test_the_demo_summaries_carry_real_pictures(demo_db, demo_year):
    """Every demo district's first case has two PNGs that decode as what they claim to be."""
    import zlib

    with demo_db.read() as s:
        for district in roster.districts(s):
            sid = sheets.find_sheet_id(s, "4-1", demo_year, district_id=district.id)
            pics = summary.pictures(s, sid, "cases#1")
            assert [p.position for p in pics] == [0, 1] and all(p.mime == "image/png" for p in pics)
            for p in pics:
                assert p.data.startswith(b"\x89PNG\r\n\x1a\n") and p.data[12:16] == b"IHDR"
                idat = p.data.index(b"IDAT")
                length = int.from_bytes(p.data[idat - 4:idat], "big")
                width, height = int.from_bytes(p.data[16:20], "big"), int.from_bytes(p.data[20:24], "big")
                assert len(zlib.decompress(p.data[idat + 4:idat + 4 + length])) == height * (1 + 3 * width)


def test_a_renamed_file_is_refused_as_the_package_import_would(demo_db, demo_year):
    """The app must not accept a picture that the city's import of the package would refuse."""
    _district, sid = _summary_sheet(demo_db, demo_year)
    with demo_db.write() as s:
        sheets.unlock(s, sid, "补图")
    with demo_db.write() as s, pytest.raises(ActionRefused) as refused:
        summary.add_picture(s, sid, "cases#1", "改了扩展名.png", "image/png", b"\xff\xd8\xff" + b"\0" * 8)
    assert refused.value.code == "scoring.picture.wrong_content"
    assert "内容不是 image/png" in refused.value.message("zh")


def test_a_case_is_any_number_with_a_title_a_text_or_a_picture():
    answers = {"title:cases#1": "甲", "text:cases#1": "…", "text:overview": "…", "text:cases#3": "…"}
    assert summary.case_numbers(answers, ["cases#1", "cases#4"]) == [1, 3, 4]
    assert summary.case_numbers({}, []) == []
    assert summary.case_numbers({"note:cases#9": "x", "text:cases#x": "y"}, ["photo#2"]) == []
