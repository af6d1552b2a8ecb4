"""A package reaches only its destination: each finding built as a package, refused in one line, the store unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from tests.server.backends import content_digest, twin
from zeshi_desktop.packages import roster_workbook as rw
from zeshi_desktop.packages.package_workbook import write_package
from zeshi_desktop.packages.signing import installation as signing_key
from zeshi_desktop.services import installation
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.handover import export, packages
from zeshi_desktop.services.handover.importing import (
    PackageImportRefused,
    import_package,
)
from zeshi_desktop.services.handover.kinds import TABLE_SPECS
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.models import District, Unit


def digest(db: Database) -> str:
    """The store's bytes after a checkpoint (a server's rows): equal digests mean nothing was written."""
    return content_digest(db)


def laptop(tmp_path: Path, name: str, source: Database | None = None, role: str | None = None,
           **selectors: object) -> Database:
    """A store of its own: a copy of ``source`` (else empty), with ``role`` set when given."""
    path = tmp_path / f"{name}.sqlite3"
    db = twin(source, path) if source is not None else Database.open(path)   # a copy on the source's backend
    if role is not None:
        with db.write() as s:
            installation.set_role(s, role, **selectors)  # type: ignore[arg-type]
    return db


def exported(db: Database, year: int, path: Path, kind: str, **selectors: object) -> Path:
    with db.read() as s:
        packages.export_package(s, kind, year, path, **selectors)  # type: ignore[arg-type]
    return path


def refused(db: Database, path: Path, **options: object) -> PackageImportRefused:
    """The import refused, as a preview and as an import, in one line; the store byte for byte as it was."""
    before = digest(db)
    for dry_run in (True, False):
        with pytest.raises(PackageImportRefused) as caught, db.write() as s:
            import_package(s, path, dry_run=dry_run, **options)  # type: ignore[arg-type]
        assert digest(db) == before
    error = caught.value
    assert not error.problems and len(error.message("zh").splitlines()) == 1
    assert len(error.message("en").splitlines()) == 1
    return error


def test_a_district_office_refuses_a_district_to_city_package(demo_db: Database, demo_year: int,
                                                              tmp_path: Path) -> None:
    """Finding: a district store accepted another district's district → city package on --dry-run (37 sheets)."""
    package = exported(demo_db, demo_year, tmp_path / "cy.xlsx", "district-city", district="CY")
    district = laptop(tmp_path, "dc", demo_db, "district", district="东城区")
    error = refused(district, package)
    assert error.code == "installation.route.wrong_level"
    assert error.message("zh") == ("“区→市：名册、3-3 结果、4-2、4-1、5-1 及 3-1/3-2”的包应导入市级专班，"
                                   "本机是区级专班，拒绝导入")
    assert error.message("en").endswith("is for a city task force, and this computer is a district office: refused")


def test_a_street_laptop_refuses_a_district_to_city_package(demo_db: Database, demo_year: int,
                                                            tmp_path: Path) -> None:
    package = exported(demo_db, demo_year, tmp_path / "dc.xlsx", "district-city", district="DC")
    street = laptop(tmp_path, "street", None, "street", district="DC", units=["DC-U01"])
    error = refused(street, package)
    assert error.code == "installation.route.wrong_level" and "本机是街道/乡镇/园区" in error.message("zh")


def test_the_city_refuses_what_is_sent_to_a_district(demo_db: Database, demo_year: int, tmp_path: Path) -> None:
    package = exported(demo_db, demo_year, tmp_path / "s.xlsx", "street-district", units=["DC-U01"])
    city = laptop(tmp_path, "city", demo_db, "city")
    assert refused(city, package).code == "installation.route.wrong_level"


def test_a_city_to_district_package_always_names_its_district(demo_db: Database, demo_year: int,
                                                              tmp_path: Path) -> None:
    """Finding: a city → district package exported without --district was accepted by any district."""
    with demo_db.read() as s, pytest.raises(ActionRefused) as caught:
        packages.export_package(s, "city-district", demo_year, tmp_path / "all.xlsx")
    assert caught.value.code == "handover.export.district_needed" and "--district" in caught.value.message("zh")
    assert not (tmp_path / "all.xlsx").exists()
    with demo_db.read() as s:   # named by its name, it carries the code (the README's example)
        _data, origin = export.build(s, "city-district", demo_year, district="东城区")
    assert origin["district"] == "DC" and origin["district_name"] == "东城区"


def test_a_city_to_district_package_is_refused_at_another_district(demo_db: Database, demo_year: int,
                                                                   tmp_path: Path) -> None:
    package = exported(demo_db, demo_year, tmp_path / "dc.xlsx", "city-district", district="东城区")
    other = laptop(tmp_path, "cy", demo_db, "district", district="CY")
    error = refused(other, package)
    assert error.code == "installation.route.other_district"
    assert "东城区（DC）" in error.message("zh") and "朝阳区（CY）" in error.message("zh")
    assert "东城区 (DC)" in error.message("en") and "朝阳区 (CY)" in error.message("en")
    own = laptop(tmp_path, "dc", demo_db, "district", district="东城区")
    with own.read() as s:
        report = import_package(s, package, dry_run=True)
    assert report.route.role == "district" and report.route.here is not None
    assert report.route.here.text("zh") == "区级专班（东城区）"
    assert report.count("added") + report.count("changed") + report.count("unchanged") == 3   # DC's three 4-3


def test_a_city_package_of_an_older_program_without_a_district_is_refused(demo_db: Database, demo_year: int,
                                                                          tmp_path: Path) -> None:
    """What an older program wrote for ``zeshi export city-district`` with no --district."""
    path = tmp_path / "old.xlsx"
    with demo_db.read() as s:
        data, _origin = export.build(s, "city-district", demo_year, district="DC")
    me = signing_key(None)
    write_package(path, data, kind="city-district", year=demo_year, program_version="0.9",
                  origin={"level": "city", "district": "", "installation": me.name, "fingerprint": me.fingerprint},
                  me=me, table_specs=TABLE_SPECS)
    district = laptop(tmp_path, "dc", demo_db, "district", district="DC")
    error = refused(district, path)
    assert error.code == "installation.route.no_district" and "--district" in error.message("zh")
    unset = laptop(tmp_path, "old", demo_db)   # a store with no role yet takes it as before, and says so
    with unset.read() as s:
        report = import_package(s, path, dry_run=True)
    assert report.route.role == "" and report.route.here is not None
    assert report.route.here.code == "installation.describe.none"


def _move_district_units(db: Database, old: str, new: str) -> None:
    """The sender's store says the units of ``old`` are ``new``'s (a crafted or mistaken roster)."""
    with db.write() as s:
        new_id = s.scalar(select(District.id).where(District.code == new))
        old_id = s.scalar(select(District.id).where(District.code == old))
        s.execute(update(Unit).where(Unit.district_id == old_id).values(district_id=new_id))


def test_a_package_never_moves_a_unit_to_another_district(demo_db: Database, demo_year: int,
                                                          tmp_path: Path) -> None:
    """Finding: at the city, CY's district → city package listing DC's units moved them to CY, said nowhere."""
    sender = laptop(tmp_path, "cy-office", demo_db)
    _move_district_units(sender, "DC", "CY")
    package = exported(sender, demo_year, tmp_path / "cy.xlsx", "district-city", district="CY")
    for name, role in (("city", "city"), ("unset", None)):   # whatever the role, even none
        city = laptop(tmp_path, name, demo_db, role)
        error = refused(city, package)
        assert error.code == "installation.route.unit_moved"
        zh = error.message("zh")
        assert "东城区（DC）" in zh and "朝阳区（CY）" in zh and "DC-U0" in zh, zh
        assert zh.index("东城区（DC）") < zh.index("朝阳区（CY）")   # from DC to CY
        with city.read() as s:
            assert {u.code for u in s.scalars(select(Unit).join(District).where(District.code == "DC"))} == {
                "DC-U01", "DC-U02", "DC-U03", "DC-U04"}


def test_a_district_package_listing_another_district_s_unit_is_refused(demo_db: Database, demo_year: int,
                                                                        tmp_path: Path) -> None:
    package = exported(demo_db, demo_year, tmp_path / "cy.xlsx", "district-city", district="CY")
    book = load_workbook(package)
    sheet = book[rw.UNITS.sheet]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "CY-U01")
    sheet.cell(row, 1).value, sheet.cell(row, 2).value = "DC-U99", "DC"    # a new unit, of DC
    book.save(package)
    city = laptop(tmp_path, "city", demo_db, "city")
    error = refused(city, package, accept_edited=True, reason="测试")
    assert error.code == "installation.route.foreign_unit"
    assert "朝阳区（CY）" in error.message("zh") and "东城区（DC）" in error.message("zh")


def test_a_street_office_takes_only_its_own_units(demo_db: Database, demo_year: int, tmp_path: Path) -> None:
    both = exported(demo_db, demo_year, tmp_path / "both.xlsx", "district-street", units=["DC-U01", "景山街道"])
    street = laptop(tmp_path, "street", None, "street", district="东城区", units=["DC-U01"])
    error = refused(street, both)
    assert error.code == "installation.route.units_not_held" and "景山街道（DC-U02）" in error.message("zh")
    own = exported(demo_db, demo_year, tmp_path / "own.xlsx", "district-street", units=["DC-U01"])
    with street.read() as s:
        report = import_package(s, own, dry_run=True)
    assert report.route.role == "street"
    assert [m.code for m in report.route.roster] == ["installation.roster.district_added",
                                                     "installation.roster.unit_added"]
    assert report.route.roster[1].text("zh") == "新增责任单元（1）：东华门街道（DC-U01）"
    other = laptop(tmp_path, "cy-street", None, "street", district="CY", units=["CY-U01"])
    assert refused(other, own).code == "installation.route.other_district"


def test_a_reviewer_laptop_takes_only_its_own_assignment(demo_db: Database, demo_year: int, tmp_path: Path) -> None:
    mine = exported(demo_db, demo_year, tmp_path / "r1.xlsx", "reviewer-district", reviewer="DC-R1")
    theirs = exported(demo_db, demo_year, tmp_path / "r2.xlsx", "reviewer-district", reviewer="DC-R2")
    laptop_r1 = laptop(tmp_path, "r1", None, "reviewer", reviewer="DC-R1")
    error = refused(laptop_r1, theirs)
    assert error.code == "installation.route.other_reviewer" and "DC-R1" in error.message("zh")
    with laptop_r1.write() as s:
        report = import_package(s, mine)
    assert report.written and report.route.role == "reviewer"
    district_package = exported(demo_db, demo_year, tmp_path / "dc.xlsx", "district-city", district="DC")
    assert refused(laptop_r1, district_package).code == "installation.route.wrong_level"


def test_renamed_and_added_units_are_listed_in_the_preview(demo_db: Database, demo_year: int,
                                                           tmp_path: Path) -> None:
    sender = laptop(tmp_path, "district", demo_db)
    with sender.write() as s:
        s.execute(update(Unit).where(Unit.code == "DC-U01").values(name="东华门街道（新）"))
    package = exported(sender, demo_year, tmp_path / "p.xlsx", "district-street", units=["DC-U01"])
    street = laptop(tmp_path, "street", demo_db, "street", units=["DC-U01"])
    with street.read() as s:
        report = import_package(s, package, dry_run=True)
    assert [m.text("zh") for m in report.route.roster] == ["责任单元 DC-U01 改名：东华门街道 → 东华门街道（新）"]
    data = packages.report_dict(report, "en")
    assert data["route"]["role"] == "street"
    assert data["route"]["here"]["text"] == "street office (东城区: 东华门街道)"
    assert data["route"]["roster"][0]["code"] == "installation.roster.unit_renamed"
    assert data["route"]["roster"][0]["params"] == {"code": "DC-U01", "old": "东华门街道", "new": "东华门街道（新）"}


def test_a_store_without_a_role_keeps_working_and_the_preview_says_so(demo_db: Database, demo_year: int,
                                                                      tmp_path: Path) -> None:
    package = exported(demo_db, demo_year, tmp_path / "s.xlsx", "street-district", units=["DC-U01"])
    with demo_db.read() as s:
        report = import_package(s, package, dry_run=True)
    data = packages.report_dict(report, "zh")
    assert data["route"] == {"role": "", "here": {"code": "installation.describe.none", "params": {},
                                                  "text": "未设定本机角色"}, "roster": []}
    assert data["warnings"] == []   # the role is said apart from the warnings
