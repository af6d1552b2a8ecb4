"""Codes that are right (issue 13, item 4): they cover the names, carry a check character, are on every annex
(the 3-3 result file too), and ``verify`` names every unlocked row of a 3-2 matrix."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import delete, insert, select

from tests.printing.conftest import page_texts
from zeshi_desktop.cli import main
from zeshi_desktop.domain import verification as vdomain
from zeshi_desktop.services import lookup, roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.meeting import ranking, result_file
from zeshi_desktop.services.printing import content, verification
from zeshi_desktop.services.printing import jobs as printing
from zeshi_desktop.services.scoring import district_summary, sheets
from zeshi_desktop.store.models import PrintedSheet, utcnow


def _db_file(db) -> str:  # type: ignore[no-untyped-def]
    return str(db.url).removeprefix("sqlite:///")


def _one_3_1(db, year):  # type: ignore[no-untyped-def]
    with db.write() as s:
        view = sheets.sheets(s, year, "3-1", status="final")[0]
        job = printing.print_sheet(s, view.id)
        app = roster.appointment(s, view.appointment_id)
    return app, job.codes[0]


def _typo(code: str, position: int = 6) -> str:
    """The code with one character replaced, as a person might mistype it."""
    body = code.removeprefix("ZS-").replace("-", "")
    swapped = "7" if body[position] != "7" else "8"
    return "ZS-" + body[:position] + swapped + body[position + 1:]


@pytest.mark.parametrize("what", ["unit", "planner"])
def test_renaming_the_unit_or_planner_is_a_change_and_a_reprint_gets_a_new_code(demo_db, demo_year, what):
    app, code = _one_3_1(demo_db, demo_year)
    with demo_db.write() as s:
        if what == "unit":
            kind = next(u.kind for u in roster.units(s) if u.id == app.unit_id)
            roster.update_unit(s, app.unit_id, name="东华门街道（新）", kind=kind)
        else:
            roster.update_planner(s, app.planner_id, name="尹芳新团队")
    with demo_db.read() as s:
        result = verification.verify(s, code)
    assert not result.matches
    [change] = result.changes
    assert change.key == f"name:{what}" and change.new in ("东华门街道（新）", "尹芳新团队")
    assert change.label == {"unit": "责任片区", "planner": "责任规划师"}[what]
    assert main(["--db", _db_file(demo_db), "verify", code]) == 1
    with demo_db.write() as s:
        again = printing.print_form(s, "3-1", printing.Selection(demo_year, unit_id=app.unit_id,
                                                                 planner_id=app.planner_id))
    assert again.codes and again.codes[0] != code
    with demo_db.read() as s:
        assert verification.verify(s, again.codes[0]).matches


def test_one_mistyped_character_is_not_recognised_never_changed(demo_db, demo_year, capsys):
    _, code = _one_3_1(demo_db, demo_year)
    for position in range(15):
        with demo_db.read() as s, pytest.raises(ActionRefused) as info:
            verification.verify(s, _typo(code, position))
        assert info.value.code == "printing.code.not_recognised"
    body = code.removeprefix("ZS-").replace("-", "")
    i = next(n for n in range(14) if body[n] != body[n + 1])
    swapped = body[:i] + body[i + 1] + body[i] + body[i + 2:]
    assert main(["--db", _db_file(demo_db), "verify", swapped]) == 2
    assert main(["--db", _db_file(demo_db), "verify", _typo(code)]) == 2
    err = capsys.readouterr().err
    assert "无法识别——请逐个核对字符" in err
    assert main(["--db", _db_file(demo_db), "--lang", "en", "verify", _typo(code)]) == 2
    assert "not recognised — check the characters" in capsys.readouterr().err
    assert main(["--db", _db_file(demo_db), "verify", code.lower().replace("0", "o")]) == 0


def test_every_annex_of_a_district_prints_with_a_code(demo_db, demo_year):
    with demo_db.write() as s:
        did = lookup.district_id(s, "东城区")
        prepared = printing.prepare_all(s, printing.Selection(demo_year, district_id=did))
        job = printing.print_all(s, printing.Selection(demo_year, district_id=did))
        forms = {p.doc.form.id for p in prepared.planned if p.doc.stamp is not None}
    assert forms == set(printing.ANNEXES)
    assert len(job.codes) == job.documents and len(set(job.codes)) == len(job.codes)
    joined = "".join(page_texts(job.pdf))
    assert all(code in joined for code in job.codes)
    assert {vdomain.parse_code(c).form_id for c in job.codes} == set(printing.ANNEXES)
    with demo_db.read() as s:
        assert all(verification.verify(s, c).matches for c in job.codes)
    with demo_db.write() as s:
        s.execute(delete(PrintedSheet))
    with demo_db.read() as s:   # another store that never printed them: every code still found and matching
        results = [verification.verify(s, c) for c in job.codes]
    assert all(r.matches and not r.details_known for r in results)


def test_the_3_3_result_file_carries_a_code_that_names_what_changed(demo_db, demo_year, tmp_path):
    with demo_db.write() as s:
        did = lookup.district_id(s, "东城区")
        job = printing.print_form(s, "3-3", printing.Selection(demo_year, district_id=did))
    [code] = job.codes
    assert code.startswith("ZS-3") and code in "".join(page_texts(job.pdf))
    with demo_db.read() as s:   # the exported result file prints the same code for the same result
        result_file.export_district_results(s, demo_year, did, tmp_path / "r.pdf")
        assert code in page_texts((tmp_path / "r.pdf").read_bytes())[0]
        assert verification.verify(s, code).matches
    with demo_db.write() as s:
        weights = ranking.weights(s, demo_year, did)[0]
        ranking.set_weights(s, demo_year, did, weights.street + 10, weights.district - 10)
    with demo_db.read() as s:
        result = verification.verify(s, code)
    assert not result.matches and result.form_id == "3-3" and result.sheet == "东城区"
    keys = {c.key for c in result.changes}
    assert {"weight:street_weight", "weight:district_weight"} <= keys
    assert any(k.startswith("row:") for k in keys)
    assert "责任片区行政主体评分权重" in result.summary() and "排名行 " in result.summary()
    with demo_db.write() as s:
        s.execute(delete(PrintedSheet))
    with demo_db.read() as s:   # another store: it still tells whether the result changed
        assert not verification.verify(s, code).matches
    with demo_db.write() as s:
        ranking.set_weights(s, demo_year, did, weights.street, weights.district)
    with demo_db.read() as s:
        assert verification.verify(s, code).matches


def test_verify_names_every_unlocked_row_of_a_3_2_matrix(demo_db, demo_year, capsys):
    with demo_db.write() as s:
        did = lookup.district_id(s, "东城区")
        reviewer = roster.reviewers(s, demo_year, "district", did)[0]
        code = printing.print_form(s, "3-2", printing.Selection(demo_year, reviewer_id=reviewer.id)).codes[0]
        rows = sheets.sheets(s, demo_year, "3-2", reviewer_id=reviewer.id)
        for row in rows[1:3]:   # not the first row
            sheets.unlock(s, row.id, "复核")
        names = [f"{r.unit}（{r.planner}）" for r in (roster.appointment(s, row.appointment_id) for row in rows[1:3])]
    with demo_db.read() as s:
        result = verification.verify(s, code)
    assert result.matches and set(result.unlocked) == set(names)
    assert "2 张表已解锁" in result.summary() and all(n in result.summary() for n in names)
    assert main(["--db", _db_file(demo_db), "verify", code]) == 0
    out = capsys.readouterr().out
    assert all(n in out for n in names)


def test_4_1_captions_and_appendix_are_covered(demo_db, demo_year):
    from tests.printing.test_annexes import _png

    with demo_db.write() as s:
        did = lookup.district_id(s, "东城区")
        sheet = sheets.sheets(s, demo_year, "4-1", district_id=did)[0]
        sheets.unlock(s, sheet.id, "加图")
        picture = district_summary.add_picture(s, sheet.id, "cases#1", "a.png", "image/png", _png(), "整治前")
        sheets.finalize(s, sheet.id)
        code = printing.print_form(s, "4-1", printing.Selection(demo_year, district_id=did)).codes[0]
        sheets.unlock(s, sheet.id, "改图注")
        district_summary.set_caption(s, picture, "整治后")
        sheets.finalize(s, sheet.id)
        app = roster.appointments(s, demo_year, did)[0]
        roster.update_planner(s, app.planner_id, name="改名团队")
    with demo_db.read() as s:
        result = verification.verify(s, code)
    keys = {c.key for c in result.changes}
    assert any(k.startswith("caption:cases#1/") for k in keys), keys
    assert any(k.startswith("appendix:teams#") for k in keys)
    assert "责任团队名单 第" in result.summary()


def test_codes_printed_before_the_check_character_are_still_verified(demo_db, demo_year):
    app, _ = _one_3_1(demo_db, demo_year)
    with demo_db.write() as s:
        view = sheets.sheets(s, demo_year, "3-1", status="final")[0]
        now = content.load(s, [view.id])[view.id].content()
        legacy = vdomain.legacy_code([now])
        s.execute(delete(PrintedSheet))
    with demo_db.read() as s:   # no record: the hash of what it covered (names were not covered)
        result = verification.verify(s, legacy)
    assert result.matches and result.code == legacy and not result.details_known
    stored = json.loads(vdomain.to_json([now]))
    del stored[0]["printed"]
    with demo_db.write() as s:   # a record written by the earlier version
        s.execute(insert(PrintedSheet), [{"code": legacy, "sheet_id": view.id, "form_id": "3-1",
                                          "content_hash": "", "content": json.dumps(stored, ensure_ascii=False),
                                          "printed_at": utcnow()}])
        roster.update_planner(s, app.planner_id, name="改名团队")   # names were not covered: still a match
        sheets.unlock(s, view.id, "复核")
        sheets.set_remarks(s, view.id, "改了")
    with demo_db.read() as s:
        result = verification.verify(s, legacy)
        assert s.scalar(select(PrintedSheet.code).where(PrintedSheet.code == legacy)) == legacy
    assert not result.matches and [c.key for c in result.changes] == ["remarks"]
