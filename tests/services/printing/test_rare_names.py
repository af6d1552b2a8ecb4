"""Rare names from the store: 张㛃䶮 prints (fallback font); a name neither font has is warned about at the roster
import, refused for its own sheets and left out of a batch, which prints the rest and names what it left out."""

from __future__ import annotations

import json

from openpyxl import load_workbook
from sqlalchemy import func, select

from tests.printing.conftest import page_texts
from zeshi_desktop.cli import main
from zeshi_desktop.locations import cjk_fallback_font_path
from zeshi_desktop.services import lookup, roster
from zeshi_desktop.services.printing import jobs as printing
from zeshi_desktop.services.printing import verification
from zeshi_desktop.services.roster import workbook as roster_io
from zeshi_desktop.store.models import PrintedSheet

RARE = "张㛃䶮"
UNPRINTABLE = "𠮷祥规划团队"


def test_a_planner_named_with_extension_a_prints_and_its_code_verifies(demo_db, demo_year):
    if cjk_fallback_font_path() is None:
        import pytest
        pytest.skip("no fallback font installed")
    with demo_db.write() as s:
        app = roster.appointments(s, demo_year, lookup.district_id(s, "东城区"))[0]
        roster.update_planner(s, app.planner_id, name=RARE)
        job = printing.print_form(s, "3-1", printing.Selection(demo_year, unit_id=app.unit_id))
    assert RARE in "".join(page_texts(job.pdf)) and job.refused == ()
    with demo_db.read() as s:
        result = verification.verify(s, job.codes[0])
    assert result.matches and RARE in result.sheet


def test_a_batch_prints_every_sheet_it_can_and_lists_the_ones_it_refused(demo_db, demo_year):
    with demo_db.write() as s:
        did = lookup.district_id(s, "东城区")
        app = roster.appointments(s, demo_year, did)[0]
        roster.update_planner(s, app.planner_id, name=UNPRINTABLE)
        everything = printing.prepare_all(s, printing.Selection(demo_year, district_id=did))
        job = printing.print_all(s, printing.Selection(demo_year, district_id=did))
        recorded = s.scalar(select(func.count()).select_from(PrintedSheet))
    refused = job.refused_lines("zh")
    assert job.refused and job.documents == len(everything.planned) - len(job.refused) > 0
    assert all(UNPRINTABLE in line and "𠮷" in line and line.startswith("未打印 附件") for line in refused)
    assert {r.document.params["form"] for r in job.refused} >= {"3-1", "5-1"}   # its own sheets at least
    joined = "".join(page_texts(job.pdf))
    assert UNPRINTABLE not in joined and "附件4-2" in joined and "附件4-3" in joined
    assert recorded == len(job.codes) == job.documents   # only what was printed is recorded (all final)
    english = job.refused_lines("en")
    assert all(line.startswith("Not printed: Annex ") for line in english)


def test_the_command_line_prints_the_rest_and_names_what_it_left_out(demo_db, demo_year, tmp_path, capsys):
    with demo_db.write() as s:
        app = roster.appointments(s, demo_year, lookup.district_id(s, "东城区"))[0]
        roster.update_planner(s, app.planner_id, name=UNPRINTABLE)
    db_file = str(demo_db.url).removeprefix("sqlite:///")
    out = tmp_path / "东城区.pdf"
    assert main(["--db", db_file, "print", "all", "--district", "东城区", "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert out.read_bytes().startswith(b"%PDF")
    lines = captured.err.strip().splitlines()
    assert lines and all(line.startswith("未打印 附件") and UNPRINTABLE in line for line in lines)
    assert main(["--db", db_file, "--json", "--lang", "en", "print", "all", "--district", "东城区",
                 "-o", str(out)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert len(report["refused"]) == len(lines) and report["refused"][0].startswith("Not printed: Annex ")


def test_a_single_sheet_with_the_name_is_still_refused(demo_db, demo_year):
    import pytest

    from zeshi_desktop.services.errors import ActionRefused

    with demo_db.write() as s:
        app = roster.appointments(s, demo_year, lookup.district_id(s, "东城区"))[0]
        roster.update_planner(s, app.planner_id, name=UNPRINTABLE)
        with pytest.raises(ActionRefused) as info:
            printing.print_form(s, "3-1", printing.Selection(demo_year, unit_id=app.unit_id))
    assert info.value.code == "printing.glyphs_missing"


def test_the_roster_import_warns_about_a_name_neither_font_prints(demo_db, demo_year, tmp_path, capsys):
    path = tmp_path / "roster.xlsx"
    with demo_db.read() as s:
        roster_io.export_roster(s, demo_year, path)
    wb = load_workbook(path)
    wb["责师"]["B2"] = UNPRINTABLE
    wb["责师"]["B3"] = RARE
    wb.save(path)
    with demo_db.write() as s:
        report = roster_io.import_roster(s, demo_year, path)
    assert report.written and len(report.warnings) == 1   # a warning, not a refusal: the name is imported
    [warning] = report.warnings
    assert (warning.sheet, warning.cell) == ("责师", "B2")
    assert warning.message("zh").endswith("“𠮷祥规划团队”中的字“𠮷”(U+20BB7) 两种字体都没有，含这个名字的表将无法打印")
    assert "in neither font" in warning.message("en")
    with demo_db.read() as s:
        assert UNPRINTABLE in {p.name for p in roster.planners(s)}
    db_file = str(demo_db.url).removeprefix("sqlite:///")
    assert main(["--db", db_file, "roster", "import", str(path), "--year", str(demo_year), "--dry-run"]) == 0
    assert "U+20BB7" in capsys.readouterr().err
