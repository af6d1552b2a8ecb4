"""The roster workbook: a round trip keeps everything; bad cells are named; errors write nothing."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.server.backends import content_digest
from zeshi_desktop.services import roster
from zeshi_desktop.services.roster import workbook as roster_io
from zeshi_desktop.store.database import Database


def _snapshot(db: Database, year: int) -> dict:
    """The roster as the roster service's own views see it, without database ids."""
    with db.read() as s:
        def strip(view: object, *drop: str) -> dict:
            d = asdict(view)  # type: ignore[arg-type]
            for k in ("id", *drop):
                d.pop(k, None)
            return d

        planners = []
        for p in roster.planners(s):
            d = strip(p)
            d["members"] = [{k: v for k, v in m.items() if k != "id"} for m in d["members"]]
            planners.append(d)
        units = {u.id: u.code for u in roster.units(s)}
        codes = {d.id: d.code for d in roster.districts(s)}
        return {
            "districts": [strip(d) for d in roster.districts(s)],
            "units": [strip(u, "district_id") for u in roster.units(s)],
            "planners": sorted(planners, key=lambda p: p["code"]),
            "appointments": sorted((units[a.unit_id], a.planner, a.term_start, a.term_years, a.renewal,
                                    a.contract_signed, a.fee_paid, a.fee_amount)
                                   for a in roster.appointments(s, year)),
            "reviewers": sorted((r.code, r.level, codes.get(r.district_id), r.name, r.organisation)
                                for r in roster.reviewers(s, year)),
        }


def _digest(db: Database) -> str:
    return content_digest(db)   # the file's bytes after a checkpoint, or a server's rows


def _refused(db: Database, year: int, path: Path) -> roster_io.RosterRefused:
    """The import's refusal, after checking that the store file is byte for byte as before."""
    before = _digest(db)
    with pytest.raises(roster_io.RosterRefused) as refused:
        with db.write() as s:
            roster_io.import_roster(s, year, path)
    assert _digest(db) == before
    return refused.value


def test_demo_roster_round_trips_into_an_empty_store(demo_db: Database, db: Database, demo_year: int,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with demo_db.read() as s:
        roster_io.export_roster(s, demo_year, path)
    with db.write() as s:
        report = roster_io.import_roster(s, demo_year, path)
    assert report.counts["区"].added == 4 and report.counts["聘任"].added == 15
    assert _snapshot(db, demo_year) == _snapshot(demo_db, demo_year)
    with db.write() as s:  # a second import changes nothing
        again = roster_io.import_roster(s, demo_year, path)
    assert all(c.added == 0 and c.changed == 0 for c in again.counts.values())


def test_columns_and_sheets_are_the_documented_ones(demo_db: Database, demo_year: int, tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with demo_db.read() as s:
        roster_io.export_roster(s, demo_year, path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["区", "责任单元", "责师", "团队成员", "聘任", "评审人"]
    assert [c.value for c in wb["聘任"][1]] == ["责任单元编号", "责师编号", "聘期开始", "聘期年限", "续聘",
                                               "合同已签", "经费已付", "经费（元）"]
    assert {c.value for c in wb["责师"]["C"][1:]} <= {"是", "否"}


def test_an_update_changes_the_matched_row(demo_db: Database, demo_year: int, tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with demo_db.read() as s:
        roster_io.export_roster(s, demo_year, path)
    wb = load_workbook(path)
    wb["区"]["B2"] = "东城区（新）"
    wb["区"].append(["XC", "西城区", "首都功能核心区"])
    wb.save(path)
    with demo_db.write() as s:
        report = roster_io.import_roster(s, demo_year, path)
    assert (report.counts["区"].added, report.counts["区"].changed) == (1, 1)
    with demo_db.read() as s:
        assert {d.name for d in roster.districts(s)} >= {"东城区（新）", "西城区"}


def test_every_bad_cell_is_named_and_nothing_is_written(demo_db: Database, demo_year: int, tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with demo_db.read() as s:
        roster_io.export_roster(s, demo_year, path)
    wb = load_workbook(path)
    wb["区"]["C3"] = "市中心"                 # unknown circle
    wb["责任单元"]["B2"] = "ZZ"                # unknown district
    wb["聘任"]["D4"] = "三"                    # not a number
    wb["聘任"]["E5"] = "对"                    # not 是/否
    wb["评审人"].append(["NEW-R", "区级", "", "某人", ""])  # district reviewer without district
    wb["责师"]["B2"] = None                    # blank required name
    wb.save(path)
    refused = _refused(demo_db, demo_year, path)   # and nothing written
    where = {p.where for p in refused.problems}
    assert {"区!C3", "责任单元!B2", "聘任!D4", "聘任!E5", "责师!B2"} <= where
    assert any(p.sheet == "评审人" and p.cell.startswith("C") for p in refused.problems)
    assert "聘任!D4: “三”不是整数" in refused.message("zh")


def test_cli_round_trip_and_dry_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from zeshi_desktop.cli import main

    src, dst, path = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3", tmp_path / "r.xlsx"
    assert main(["--db", str(src), "demo"]) == 0
    assert main(["--db", str(src), "roster", "export", str(path), "--year", "2025"]) == 0
    assert main(["--db", str(dst), "--json", "roster", "import", str(path), "--year", "2025", "--dry-run"]) == 0
    assert '"written": false' in capsys.readouterr().out
    with Database.open(dst).read() as s:
        assert roster.districts(s) == []
    assert main(["--db", str(dst), "roster", "import", str(path), "--year", "2025"]) == 0
    with Database.open(dst).read() as s:
        assert len(roster.appointments(s, 2025)) == 15


def test_a_reviewer_code_of_another_year_is_refused_not_moved(demo_db: Database, demo_year: int,
                                                              tmp_path: Path) -> None:
    """Next year's roster reusing this year's reviewer codes must not carry the reviewer (and their sheets) over."""
    path = tmp_path / "roster.xlsx"
    with demo_db.read() as s:
        roster_io.export_roster(s, demo_year, path)
    problems = _refused(demo_db, demo_year + 1, path).problems
    reviewer = [p for p in problems if p.sheet == "评审人"]
    assert reviewer and all(p.cell.startswith("A") and p.code == "roster.cell.reviewer_of_another_year"
                            and f"已属于 {demo_year} 年度" in p.reason.text("zh") for p in reviewer)


@pytest.mark.parametrize(("sheet", "row", "code", "words"), [
    ("区", ["XX", "东城区", "首都功能核心区"], "roster.cell.district_name_taken", "区名“东城区”已属于编号"),  # a known name, new code
    ("区", ["DC", "东城区", "首都功能核心区"], "roster.cell.code_repeated", "重复"),   # a code twice in the workbook
    ("责任单元", ["DC-U99", "DC", "东华门街道", "街道"], "roster.cell.unit_name_taken", "已有名为“东华门街道”的责任单元"),
])
def test_names_and_codes_that_clash_are_named(demo_db: Database, demo_year: int, tmp_path: Path,
                                              sheet: str, row: list[str], code: str, words: str) -> None:
    path = tmp_path / "roster.xlsx"
    with demo_db.read() as s:
        roster_io.export_roster(s, demo_year, path)
    wb = load_workbook(path)
    wb[sheet].append(row)
    wb.save(path)
    problems = _refused(demo_db, demo_year, path).problems
    assert any(p.sheet == sheet and p.code == code and words in p.reason.text("zh") for p in problems), problems


def test_yes_no_cells_take_chinese_english_and_true_false_in_any_case(demo_db: Database, demo_year: int,
                                                                      tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with demo_db.read() as s:
        roster_io.export_roster(s, demo_year, path)
    wb = load_workbook(path)
    planners = wb["责师"]
    headers = [c.value for c in planners[1]]
    team, full_time = headers.index("团队") + 1, headers.index("专职") + 1
    words = {2: ("YES", "false"), 3: ("True", "No"), 4: ("是", "否"), 5: ("no", "TRUE")}
    for row, (a, b) in words.items():
        planners.cell(row=row, column=team, value=a)
        planners.cell(row=row, column=full_time, value=b)
    codes = {row: planners.cell(row=row, column=1).value for row in words}
    wb.save(path)
    with demo_db.write() as s:
        roster_io.import_roster(s, demo_year, path)
    with demo_db.read() as s:
        by_code = {p.code: p for p in roster.planners(s, with_members=False)}
    flag = {"yes": True, "true": True, "是": True, "no": False, "false": False, "否": False}
    for row, (a, b) in words.items():
        assert (by_code[codes[row]].is_team, by_code[codes[row]].full_time) == (flag[a.lower()], flag[b.lower()])
    with demo_db.read() as s:   # and the export writes 是/否 again
        roster_io.export_roster(s, demo_year, path)
    assert {c.value for c in load_workbook(path)["责师"]["C"][1:]} <= {"是", "否"}


def test_bad_cells_are_named_in_english_too(demo_db: Database, demo_year: int, tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with demo_db.read() as s:
        roster_io.export_roster(s, demo_year, path)
    wb = load_workbook(path)
    wb["聘任"]["D4"] = "三"
    wb["聘任"]["E5"] = "对"
    wb["责师"]["B2"] = None
    wb.save(path)
    refused = _refused(demo_db, demo_year, path)
    reasons = {p.where: p for p in refused.problems}
    assert reasons["聘任!D4"].code == "roster.cell.not_whole_number"
    assert reasons["聘任!E5"].reason.text("zh") == "“对”应为 是 或 否"
    assert reasons["聘任!E5"].reason.text("en") == "\"对\" must be yes or no"
    assert reasons["责师!B2"].reason.text("zh") == "“名称”不能为空"
    assert reasons["责师!B2"].reason.text("en") == "\"Name\" is required"
    assert refused.code == "roster.workbook_refused"
    assert refused.message("zh").startswith("名册有 3 处错误，未写入任何数据：\n")
    english = refused.message("en")
    assert english.startswith("The roster has 3 error(s); nothing was written:\n")
    assert '聘任!D4: "三" is not a whole number' in english
