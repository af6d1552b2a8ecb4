"""``verify``: an untouched sheet matches; a changed one names its items; codes from other stores."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import delete

from zeshi_desktop.cli import main
from zeshi_desktop.services import lookup, roster
from zeshi_desktop.services.printing import jobs as printing
from zeshi_desktop.services.printing import verification
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.models import PrintedSheet


def _print_one_3_1(db, year):
    with db.write() as s:
        view = sheets.sheets(s, year, "3-1", status="final")[0]
        job = printing.print_sheet(s, view.id)
    return view, job.codes[0]


def test_an_untouched_sheet_matches(demo_db, demo_year):
    _, code = _print_one_3_1(demo_db, demo_year)
    with demo_db.read() as s:
        result = verification.verify(s, code.lower().replace("-", " "))
    assert result.matches and result.changes == [] and result.status == "final"


def test_a_changed_item_is_named_with_old_and_new(demo_db, demo_year, forms):
    view, code = _print_one_3_1(demo_db, demo_year)
    item = forms["3-1"].items[1]
    old = view.scores[item.id]
    new = old - 1 if old >= 1 else old + 1
    with demo_db.write() as s:
        sheets.unlock(s, view.id, "复核")
        sheets.set_score(s, view.id, item.id, str(new))
        sheets.finalize(s, view.id)
    with demo_db.read() as s:
        result = verification.verify(s, code)
    assert not result.matches
    assert [(c.key, c.label) for c in result.changes] == [(item.id, item.short)]
    assert result.changes[0].old == f"{old.normalize():f}" and result.changes[0].new == f"{new.normalize():f}"
    assert item.short in result.summary()
    lines = result.summary().splitlines()
    assert lines[0] == f"{code}：已改动 — 附件3-1 {result.sheet}，1 处与打印时不同："
    english = result.summary("en").splitlines()
    assert english[0] == f"{code}: changed — annex 3-1 {result.sheet}, 1 difference(s) from what was printed:"
    assert english[1].endswith(f"{item.text.en}: {result.changes[0].old} → {result.changes[0].new}")


def test_a_3_2_matrix_code_names_the_row_that_changed(demo_db, demo_year):
    with demo_db.write() as s:
        did = lookup.district_id(s, "东城区")
        reviewer = roster.reviewers(s, demo_year, "district", did)[0]
        code = printing.print_form(s, "3-2", printing.Selection(demo_year, reviewer_id=reviewer.id)).codes[0]
        row = sheets.sheets(s, demo_year, "3-2", reviewer_id=reviewer.id)[-1]
        sheets.unlock(s, row.id, "复核")
        sheets.set_remarks(s, row.id, "补充说明")
    with demo_db.read() as s:
        result = verification.verify(s, code)
    assert not result.matches and [c.key for c in result.changes] == ["remarks"]
    assert result.changes[0].sheet.startswith("附件3-2")


def test_without_a_print_record_the_code_still_tells_match_or_change(demo_db, demo_year, forms):
    view, code = _print_one_3_1(demo_db, demo_year)
    with demo_db.write() as s:
        s.execute(delete(PrintedSheet))
    with demo_db.read() as s:
        assert verification.verify(s, code).matches
    with demo_db.write() as s:
        sheets.unlock(s, view.id, "复核")
        sheets.set_remarks(s, view.id, view.remarks + "。")
    with demo_db.read() as s:
        result = verification.verify(s, code)
    assert not result.matches and not result.details_known
    assert "本数据库没有该次打印的记录" in result.summary()
    assert "this database has no record of that print" in result.summary("en")


def test_an_unknown_or_malformed_code_is_refused_with_a_code(demo_db):
    from zeshi_desktop.services.errors import ActionRefused, NotFound

    with demo_db.read() as s:
        with pytest.raises(NotFound) as info:
            verification.verify(s, "ZS-0000-0000-0000-0000")
        assert (info.value.code, str(info.value)) == ("printing.verify.no_sheet",
                                                       "没有与核验码 ZS-0000-0000-0000-0000 对应的评审表")
        assert info.value.message("en") == "No sheet for code ZS-0000-0000-0000-0000"
        with pytest.raises(ActionRefused) as info:
            verification.verify(s, "not-a-code")
        assert info.value.code == "printing.code.invalid" and "核验码" in str(info.value)


def test_cli_verify_exit_codes(demo_db, demo_year, tmp_path, capsys):
    db_file = str(demo_db.url).removeprefix("sqlite:///")
    out = tmp_path / "东城区.pdf"
    assert main(["--db", db_file, "--json", "print", "3-1", "--district", "东城区", "-o", str(out)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert out.read_bytes().startswith(b"%PDF") and report["documents"] == 4
    code = report["codes"][0]
    assert main(["--db", db_file, "verify", code]) == 0
    with demo_db.write() as s:
        sid = next(v.id for v in sheets.sheets(s, demo_year, "3-1", status="final")
                   if printing.print_sheet(s, v.id, record=False).codes == [code])
        sheets.unlock(s, sid, "复核")
        sheets.set_remarks(s, sid, "改了")
    capsys.readouterr()
    assert main(["--db", db_file, "--json", "verify", code]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["matches"] is False and result["changes"][0]["key"] == "remarks"
    assert main(["--db", db_file, "verify", "ZS-0000-0000-0000-0000"]) == 2
    assert main(["--db", db_file, "verify", "not-a-code"]) == 2
    assert "核验码" in capsys.readouterr().err
