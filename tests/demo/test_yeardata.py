"""A year loaded in bulk refuses records that name what is not there, with a code in both languages."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from zeshi_desktop.demo import PictureRecord, SheetRecord, YearData, load_year
from zeshi_desktop.demo.pictures import street_scene
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.models import Unit

CJK = re.compile(r"[\u3400-\u9fff]")


def _year(*sheets: SheetRecord, appointed: bool = True) -> YearData:
    data = YearData(year=2025)
    data.districts.append({"code": "D1", "name": "东城区", "circle": "首都功能核心区"})
    data.units.append({"code": "U1", "district": "D1", "name": "景山街道"})
    data.planners.append({"code": "P1", "name": "王明"})
    if appointed:
        data.appointments.append({"unit": "U1", "planner": "P1"})
    data.sheets.extend(sheets)
    return data


def _refusal(db: Database, data: YearData) -> ActionRefused:
    with pytest.raises(ActionRefused) as caught, db.write() as session:
        load_year(session, data)
    return caught.value


def test_a_sheet_of_no_appointment_is_refused(db: Database) -> None:
    refused = _refusal(db, _year(SheetRecord("3-1", unit_code="U1", planner_code="P1"), appointed=False))
    assert refused.code == "demo.no_appointment"
    assert refused.message("zh") == "附件3-1：U1/P1 没有聘任"
    assert refused.message("en") == "Annex 3-1: no appointment U1/P1"


def test_a_sheet_of_no_district_is_refused(db: Database) -> None:
    refused = _refusal(db, _year(SheetRecord("4-2", district_code="D9")))
    assert refused.code == "demo.no_district"
    assert refused.message("zh") == "附件4-2：没有区 D9"
    assert refused.message("en") == "Annex 4-2: no district D9"


def test_pictures_go_only_on_4_1(db: Database) -> None:
    picture = PictureRecord("cases#1", "a.png", "image/png", street_scene(1))
    refused = _refusal(db, _year(SheetRecord("3-1", unit_code="U1", planner_code="P1", pictures=(picture,))))
    assert refused.code == "scoring.picture.not_allowed"
    assert refused.message("zh") == "附件3-1 不能附图片"
    assert not CJK.search(refused.message("en"))


def test_a_picture_that_is_not_one_is_refused(db: Database) -> None:
    picture = PictureRecord("cases#1", "a.gif", "image/gif", b"GIF89a")
    refused = _refusal(db, _year(SheetRecord("4-1", district_code="D1", pictures=(picture,))))
    assert refused.code == "scoring.picture.not_png_or_jpeg"
    assert "a.gif" in refused.message("en") and not CJK.search(refused.message("en"))


def test_a_unit_without_a_kind_is_a_street(db: Database) -> None:
    with db.write() as session:
        counts = load_year(session, _year())
    assert counts["units"] == 1 and counts["appointments"] == 1
    with db.read() as session:
        assert session.scalars(select(Unit.kind)).all() == ["街道"]
