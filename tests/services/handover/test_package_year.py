"""A whole review year handed over through separate database files, by the command line only.

District DC prepares and exports to three street offices; each imports, scores and
exports back; five reviewers each return a 3-2 package (one fills the template in
"Excel", i.e. writes its cells with openpyxl: manual entry, drafts that the district
finalises); the district imports all, ranks and
exports to the city; district YQ does its own scoring on one shared laptop; two
city reviewers score on their laptops, a third on the city's; the city ranks. The
rankings must equal those of the same scores entered into one database.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from zeshi_desktop.demo.fixture import demo_year
from zeshi_desktop.demo.yeardata import SheetRecord, YearData
from zeshi_desktop.services.meeting import ranking
from zeshi_desktop.store.database import Database

from .package_flow import Laptop, database_with, subset

YEAR = 2025
STREETS = [["DC-U01"], ["DC-U02"], ["DC-U03", "DC-U04"]]


def _district_rows(path: Path, code: str) -> list[tuple]:
    db = Database.open(path)
    with db.read() as s:
        district_id = next(d.id for d in __import__("zeshi_desktop.services.roster", fromlist=["x"]).districts(s)
                           if d.code == code)
        result = ranking.district_ranking(s, YEAR, district_id)
    db.dispose()
    return [(r.rank, r.unit, r.planner, r.street_weighted, r.district_weighted, r.total,
             r.band.label.zh if r.band else None) for r in result.rows]


def _city_rows(path: Path) -> list[tuple]:
    db = Database.open(path)
    with db.read() as s:
        result = ranking.city_ranking(s, YEAR)
    db.dispose()
    return [(r.rank, r.district, r.city_score, r.self_score, r.contracts_signed, r.eligible_excellent)
            for r in result.rows]


def _records(data: YearData, form: str, **match: str | None) -> list[SheetRecord]:
    return [s for s in data.sheets if s.form_id == form and all(getattr(s, k) == v for k, v in match.items())]


def _fill_template_like_excel(path: Path, records: dict[str, SheetRecord]) -> None:
    """Write numbers into the unlocked cells of a 3-2 template, as a person in Excel would."""
    wb = load_workbook(path)
    ws = next(w for w in wb.worksheets if w.title.startswith("3-2"))
    key_row = next(r for r in range(1, 20) if ws.cell(row=r, column=1).value == "#keys")
    columns = {ws.cell(row=key_row, column=c).value: c for c in range(5, ws.max_column + 1)}
    for r in range(key_row + 1, ws.max_row + 1):
        subject = ws.cell(row=r, column=1).value
        record = records[subject]
        for item, value in record.scores.items():
            cell = ws.cell(row=r, column=columns[item])
            assert cell.protection.locked is False
            text = format(value, "f")
            cell.value = float(text) if "." in text else int(text)
        ws.cell(row=r, column=columns["status"]).value = "定稿"
    wb.save(path)


def test_whole_year_round_trip_equals_one_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    full = demo_year(YEAR)
    data = subset(full, {"DC", "YQ"})
    reference = database_with(tmp_path / "reference.sqlite3", data)

    def laptop(name: str) -> Laptop:
        return Laptop(name, tmp_path, monkeypatch, capsys)

    def roster_file(name: str, part: YearData) -> Path:
        path = tmp_path / f"{name}.xlsx"
        source = database_with(tmp_path / f"{name}-source.sqlite3", part)
        from zeshi_desktop.cli import main
        assert main(["--db", str(source), "roster", "export", str(path), "--year", str(YEAR)]) == 0
        return path

    city = laptop("city")
    city_roster = subset(full, set(), with_sheets=False)
    city.zeshi("roster", "import", str(roster_file("city-roster", city_roster)), "--year", str(YEAR))

    for code in ("DC", "YQ"):
        district = laptop(f"district-{code}")
        part = subset(full, {code}, with_sheets=False, city_reviewers=False)
        district.zeshi("roster", "import", str(roster_file(f"roster-{code}", part)), "--year", str(YEAR))
        setting = part.settings[0]
        district.zeshi("weights", "--year", str(YEAR), "--district", code, "--street", str(setting["street_weight"]),
                       "--group", str(setting["district_weight"]), "--trimmed", "on" if setting["trimmed"] else "off")
        unit_codes = [u["code"] for u in part.units]
        if code == "DC":
            for i, units in enumerate(STREETS):
                out = tmp_path / f"to-street-{i}.xlsx"
                district.zeshi("export", "district-street", *sum((["--unit", u] for u in units), []), "-o", str(out))
                street = laptop(f"street-{i}")
                street.zeshi("import", str(out))
                for u in units:
                    for form in ("3-1", "5-1"):
                        for record in _records(data, form, unit_code=u):
                            street.score(record, YEAR, tmp_path)
                back = tmp_path / f"from-street-{i}.xlsx"
                street.zeshi("export", "street-district", *sum((["--unit", u] for u in units), []), "-o", str(back))
                district.zeshi("import", str(back))
            for k in range(1, 6):
                reviewer = f"DC-R{k}"
                template = tmp_path / f"template-{reviewer}.xlsx"
                district.zeshi("template", "reviewer-district", "--reviewer", reviewer, "-o", str(template))
                mine = {f"{r.unit_code}/{r.planner_code}": r for r in _records(data, "3-2", reviewer_code=reviewer)}
                if k == 1:   # manual entry: drafts, a reason; finalised at the district once checked
                    _fill_template_like_excel(template, mine)
                    assert "人工录入" in district.zeshi("import", str(template), "--dry-run")
                    assert "理由" in district.zeshi("import", str(template), ok=False)
                    district.zeshi("import", str(template), "--reason", "评审人在 Excel 中填写，纸质表已核对")
                    for record in mine.values():
                        district.finalize(record, YEAR)
                    continue
                member = laptop(f"reviewer-{reviewer}")
                member.zeshi("import", str(template))
                for record in mine.values():
                    member.score(record, YEAR, tmp_path)
                back = tmp_path / f"from-{reviewer}.xlsx"
                member.zeshi("export", "reviewer-district", "--reviewer", reviewer, "-o", str(back))
                district.zeshi("import", str(back))
        else:  # one shared laptop: the office and the review group score on the district's machine
            for form in ("3-1", "5-1", "3-2"):
                for u in unit_codes:
                    for record in _records(data, form, unit_code=u):
                        district.score(record, YEAR, tmp_path)
        for form in ("4-2", "4-1"):
            for record in _records(data, form, district_code=code):
                district.score(record, YEAR, tmp_path)
        assert _district_rows(district.db, code) == _district_rows(reference, code)
        to_city = tmp_path / f"to-city-{code}.xlsx"
        district.zeshi("export", "district-city", "--district", code, "-o", str(to_city))
        city.zeshi("import", str(to_city))
        assert _district_rows(city.db, code) == _district_rows(reference, code)

    for k in (1, 2):
        reviewer = f"CITY-R{k}"
        template = tmp_path / f"template-{reviewer}.xlsx"
        city.zeshi("template", "reviewer-city", "--reviewer", reviewer, "-o", str(template))
        member = laptop(f"reviewer-{reviewer}")
        member.zeshi("import", str(template))
        for record in _records(data, "4-3", reviewer_code=reviewer):
            member.score(record, YEAR, tmp_path)
        back = tmp_path / f"from-{reviewer}.xlsx"
        member.zeshi("export", "reviewer-city", "--reviewer", reviewer, "-o", str(back))
        city.zeshi("import", str(back))
    for record in _records(data, "4-3", reviewer_code="CITY-R3"):
        city.score(record, YEAR, tmp_path)

    assert _city_rows(city.db) == _city_rows(reference)
    assert any(r[4] is False for r in _city_rows(city.db))   # YQ's unsigned contract travelled too

    results = tmp_path / "results.xlsx"
    city.zeshi("export", "city-district", "--district", "DC", "-o", str(results))
    district = laptop("district-DC")
    assert "新增" in district.zeshi("import", str(results))
