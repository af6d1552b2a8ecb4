"""Nominations travel district → city, the city decides, the decision comes back: each step audited."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from zeshi_desktop.services import installation, lookup
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.handover import packages
from zeshi_desktop.services.handover.importing import (
    PackageImportRefused,
    import_package,
)
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.meeting import ranking
from zeshi_desktop.services.results import excellent
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.models import Appointment, AuditEntry
from zeshi_desktop.store.result_models import ExcellentNomination


def laptop(tmp_path: Path, name: str, source: Database | None, role: str, **selectors: object) -> Database:
    path = tmp_path / f"{name}.sqlite3"
    if source is not None:
        assert source.path is not None
        shutil.copy(source.path, path)
    db = Database.open(path)
    with db.write() as s:
        installation.set_role(s, role, **selectors)  # type: ignore[arg-type]
    return db


def exported(db: Database, year: int, path: Path, kind: str, district: str) -> Path:
    with db.read() as s:
        packages.export_package(s, kind, year, path, district=district)
    return path


def imported(db: Database, path: Path, **options: object) -> packages.ImportReport:
    with db.write() as s:
        return import_package(s, path, **options)  # type: ignore[arg-type]


def app_of(db: Database, year: int, unit: str) -> int:
    with db.read() as s:
        return lookup.appointment_id(s, year, unit)


def nominate(db: Database, year: int, *units: str, on: bool = True) -> None:
    with db.write() as s:
        for unit in units:
            analysis.set_recommended(s, lookup.appointment_id(s, year, unit), on, actor="区专班甲")


@pytest.mark.sqlite_only   # laptops are files carried between them
def test_a_nomination_travels_to_the_city_and_comes_back_with_its_decision(
        demo_db: Database, demo_year: int, tmp_path: Path) -> None:
    district = laptop(tmp_path, "dc", demo_db, "district", district="DC")
    nominate(district, demo_year, "DC-U01", "DC-U02")
    with district.read() as s:
        dc_ranking = {r.key: r for r in ranking.district_ranking(s, demo_year, lookup.district_id(s, "DC")).rows}
    city = laptop(tmp_path, "city", None, "city")
    report = imported(city, exported(district, demo_year, tmp_path / "dc-city.xlsx", "district-city", "DC"))
    assert [m.code for m in report.excellent] == ["results.import.nominations"]
    assert "推荐 2 名" in report.excellent[0].text("zh")

    with city.read() as s:
        board = excellent.board(s, demo_year)
    assert [n.unit_code for n in board.nominees] == sorted(["DC-U01", "DC-U02"], key=lambda u: next(
        r.rank for r in dc_ranking.values() if r.unit == next(n.unit for n in board.nominees if n.unit_code == u)))
    for n in board.nominees:
        theirs = next(r for r in dc_ranking.values() if r.unit == n.unit)
        assert n.reported and n.agrees and n.eligible
        assert (n.rank, n.total, n.band) == (theirs.rank, theirs.total, theirs.band)   # exact decimals
        assert n.selected is None
    first, second = board.nominees
    with city.write() as s:
        chosen = excellent.decide(s, demo_year, first.appointment_id, True, "街区更新成效突出", actor="市专班乙")
        excellent.decide(s, demo_year, second.appointment_id, False, "", actor="市专班乙")
    assert chosen.nominee.selected is True and chosen.warnings == ()

    back = imported(district, exported(city, demo_year, tmp_path / "city-dc.xlsx", "city-district", "DC"))
    assert [m.text("en") for m in back.excellent] == [
        "City selection for 东城区: 1 selected, 1 not selected, 0 pending"]
    with district.read() as s:
        seen = {o.unit: o for o in excellent.outcomes(s, demo_year, lookup.district_id(s, "DC"))}
        events = excellent.history(s, demo_year)
    assert seen[first.unit].selected is True and seen[first.unit].reason == "街区更新成效突出"
    assert seen[second.unit].selected is False and seen[second.unit].package_id == back.package_id
    assert [(e.action, e.new) for e in events] == [("nominate", "nominated"), ("nominate", "nominated"),
                                                   ("select", "selected"), ("select", "not_selected")]
    assert events[2].package_id == back.package_id and "街区更新成效突出" in events[2].reason
    with city.read() as s:
        city_events = excellent.history(s, demo_year)
    assert [(e.action, e.actor) for e in city_events][-2:] == [("select", "市专班乙"), ("select", "市专班乙")]
    assert {e.package_id for e in city_events if e.action == "nominate"} == {report.package_id}


@pytest.mark.sqlite_only   # laptops are files carried between them
def test_a_nomination_taken_back_is_taken_back_at_the_city(demo_db: Database, demo_year: int,
                                                          tmp_path: Path) -> None:
    district = laptop(tmp_path, "dc", demo_db, "district", district="DC")
    nominate(district, demo_year, "DC-U01", "DC-U02")
    city = laptop(tmp_path, "city", None, "city")
    imported(city, exported(district, demo_year, tmp_path / "one.xlsx", "district-city", "DC"))
    nominate(district, demo_year, "DC-U02", on=False)
    imported(city, exported(district, demo_year, tmp_path / "two.xlsx", "district-city", "DC"))
    with city.read() as s:
        assert [n.unit_code for n in excellent.board(s, demo_year).nominees] == ["DC-U01"]
        kept = s.scalars(select(ExcellentNomination.appointment_id)).all()
        assert kept == [lookup.appointment_id(s, demo_year, "DC-U01")]
        taken_back = s.scalars(select(AuditEntry).where(AuditEntry.action == "nominate",
                                                        AuditEntry.new == "")).all()
    assert len(taken_back) == 1 and taken_back[0].old == "nominated" and taken_back[0].package_id


@pytest.mark.sqlite_only   # laptops are files carried between them
def test_an_ineligible_districts_nominees_are_marked(demo_db: Database, demo_year: int, tmp_path: Path) -> None:
    """延庆 (YQ) has a contract not signed: its 4-2 says 否, so its nominees cannot be excellent, and say so."""
    yq = laptop(tmp_path, "yq", demo_db, "district", district="YQ")
    dc = laptop(tmp_path, "dc", demo_db, "district", district="DC")
    nominate(yq, demo_year, "YQ-U01")
    nominate(dc, demo_year, "DC-U01")
    city = laptop(tmp_path, "city", None, "city")
    for name, db in (("YQ", yq), ("DC", dc)):
        imported(city, exported(db, demo_year, tmp_path / f"{name}.xlsx", "district-city", name))
    with city.read() as s:
        board = excellent.board(s, demo_year)
    marks = {n.district_code: (n.contracts_signed, n.eligible) for n in board.nominees}
    assert marks == {"YQ": (False, False), "DC": (True, True)}
    ineligible = next(n for n in board.nominees if n.district_code == "YQ")
    with city.write() as s:
        decided = excellent.decide(s, demo_year, ineligible.appointment_id, True, "基层治理成效好")
    assert [w.code for w in decided.warnings] == ["results.excellent.ineligible"]   # a warning, never a stop
    with city.read() as s:
        assert "results.excellent.selected_ineligible" in [w.code for w in excellent.board(s, demo_year).warnings]


def test_a_limit_per_district_warns_when_exceeded(demo_db: Database, demo_year: int) -> None:
    with demo_db.write() as s:
        for unit in ("DC-U01", "DC-U02", "DC-U03"):
            analysis.set_recommended(s, lookup.appointment_id(s, demo_year, unit), True)
        excellent.set_limit(s, demo_year, None, 2, actor="市专班")
        dc = lookup.district_id(s, "DC")
        apps = [lookup.appointment_id(s, demo_year, u) for u in ("DC-U01", "DC-U02", "DC-U03")]
        excellent.decide(s, demo_year, apps[0], True, "理由一")
        assert excellent.decide(s, demo_year, apps[1], True, "理由二").warnings == ()
        third = excellent.decide(s, demo_year, apps[2], True, "理由三")
        assert [w.text("zh") for w in third.warnings] == ["东城区已入选 3 名，超过每区限额 2 名"]
        excellent.set_limit(s, demo_year, dc, 3)   # the district's own limit goes before the city's
        tally = next(t for t in excellent.board(s, demo_year).tallies if t.district_id == dc)
        assert (tally.selected, tally.limit, tally.over) == (3, 3, False)
    with demo_db.read() as s:
        limits = [(e.item, e.old, e.new) for e in excellent.history(s, demo_year) if e.action == "limit"]
    assert limits == [(f"limit:{demo_year}:*", "", "2"), (f"limit:{demo_year}:DC", "", "3")]


def test_the_city_decides_only_nominees_with_a_reason_and_only_at_the_city(demo_db: Database,
                                                                          demo_year: int) -> None:
    app = app_of(demo_db, demo_year, "DC-U01")
    with demo_db.write() as s, pytest.raises(ActionRefused) as caught:
        excellent.decide(s, demo_year, app, True, "理由")
    assert caught.value.code == "results.excellent.not_nominated"
    nominate(demo_db, demo_year, "DC-U01")
    with demo_db.write() as s, pytest.raises(ActionRefused) as caught:
        excellent.decide(s, demo_year, app, True, "  ")
    assert caught.value.code == "results.excellent.reason_needed"
    with demo_db.write() as s:
        installation.set_role(s, "district", district="DC")
    with demo_db.write() as s, pytest.raises(ActionRefused) as caught:
        excellent.decide(s, demo_year, app, True, "理由")
    assert caught.value.code == "results.excellent.city_only" and "区级专班" in caught.value.message("zh")


@pytest.mark.sqlite_only   # laptops are files carried between them
def test_a_nomination_row_that_breaks_a_rule_is_a_refused_cell(demo_db: Database, demo_year: int,
                                                               tmp_path: Path) -> None:
    """The nominations table is read through the checked boundary: every bad cell named, nothing written."""
    from openpyxl import load_workbook

    district = laptop(tmp_path, "dc", demo_db, "district", district="DC")
    nominate(district, demo_year, "DC-U01")
    path = exported(district, demo_year, tmp_path / "dc.xlsx", "district-city", "DC")
    book = load_workbook(path)
    sheet = book["区级推荐"]
    headers = {c.value: c.column_letter for c in sheet[1]}
    sheet[f"{headers['区内排名']}2"] = "第一"
    sheet[f"{headers['等级']}2"] = "极好"
    sheet[f"{headers['区编号']}2"] = "CY"
    book.save(path)
    city = laptop(tmp_path, "city", None, "city")
    with city.write() as s, pytest.raises(PackageImportRefused) as caught:
        import_package(s, path, accept_edited=True, reason="测试")
    assert {p.message("en") for p in caught.value.problems} == {
        "区级推荐!A2: District code CY is not the package's district DC",
        '区级推荐!F2: "第一" is not a whole number above 0',
        '区级推荐!I2: "极好" is not a value this column takes (优秀, 合格, 不合格)'}
    with city.read() as s:
        assert s.scalars(select(Appointment)).all() == []


def test_the_figures_carried_are_exact(demo_db: Database, demo_year: int) -> None:
    """The 总分 carried is every digit of the Decimal ``zeshi rank`` computes (a mean of 5 is no round number)."""
    from zeshi_desktop.services.handover.excellent import nomination_rows
    from zeshi_desktop.store.models import District

    nominate(demo_db, demo_year, "CY-U01")
    with demo_db.read() as s:
        d = s.get(District, lookup.district_id(s, "CY"))
        assert d is not None
        rows = nomination_rows(s, demo_year, d)
        result = ranking.district_ranking(s, demo_year, d.id)
        app = lookup.appointment_id(s, demo_year, "CY-U01")
    found = next(r for r in result.rows if r.key == app)
    assert len(rows) == 1 and Decimal(str(rows[0]["total"])) == found.total
    assert rows[0]["rank"] == found.rank and rows[0]["ranked"] == len(result.rows)
