"""Importing packages: preview, idempotence, conflicts, signatures, text safety, templates, atomic files.

Signatures and manual entry in depth: test_signatures.py; drafts: tests/services/handover/test_drafts.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.server.backends import twin
from zeshi_desktop.packages import atomic
from zeshi_desktop.services import roster
from zeshi_desktop.services.handover import export as package_export
from zeshi_desktop.services.handover.importing import (
    PackageImportRefused,
    import_package,
)
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database

from .excel import cell_of

YEAR = 2025


def _export(db: Database, path: Path, kind: str = "street-district", **selectors: object) -> Path:
    if kind == "street-district":
        selectors.setdefault("units", ["DC-U01", "DC-U02"])
    with db.read() as s:
        package_export.export_package(s, kind, YEAR, path, **selectors)  # type: ignore[arg-type]
    return path


def _sheet(db: Database, form: str, unit: str) -> sheets.SheetView:
    with db.read() as s:
        app = next(a.id for a in roster.appointments(s, YEAR) if a.unit == unit)
        return sheets.sheets(s, YEAR, form, appointment_id=app)[0]


def test_import_into_an_empty_laptop_then_again_is_a_no_op(demo_db: Database, db: Database, tmp_path: Path,
                                                           digest) -> None:  # type: ignore[no-untyped-def]
    path = _export(demo_db, tmp_path / "p.xlsx")
    with db.read() as s:
        preview = import_package(s, path, dry_run=True)
    assert (preview.count("added"), preview.written) == (4, False)
    with db.write() as s:
        first = import_package(s, path)
    assert first.written and first.signer.status == "new"
    assert _sheet(db, "3-1", "景山街道").scores == _sheet(demo_db, "3-1", "景山街道").scores
    before = digest(db)
    with db.write() as s:
        second = import_package(s, path)
    assert second.already_imported and not second.written and second.sheets == []
    assert [w.code for w in second.warnings] == ["handover.warning.already_imported"]
    assert "导入过" in second.warnings[0].text("zh")
    assert digest(db) == before
    assert second.signer.status == "known" and second.signer.known_as == first.signer.name


def test_a_changed_finalised_sheet_is_a_conflict_until_a_side_is_kept(demo_db: Database, demo_year: int,
                                                                      tmp_path: Path) -> None:
    street = twin(demo_db, tmp_path / "street.sqlite3")
    target = _sheet(street, "3-1", "景山街道")
    with street.write() as s:
        sheets.unlock(s, target.id, "复核后更正", "街道")
        sheets.set_score(s, target.id, "basic_contract", "1", "街道")
        sheets.finalize(s, target.id, "街道")
    path = _export(street, tmp_path / "p.xlsx")
    street.dispose()
    with demo_db.read() as s:
        preview = import_package(s, path, dry_run=True)
    conflicts = preview.conflicts
    assert [c.key for c in conflicts] == ["3-1:DC-U02/P002"]
    assert any(d.code == "handover.detail.value" and d.params["field"] == "basic_contract"
               and d.text("zh").startswith("basic_contract:") and d.text("zh").endswith("→ 1")
               for d in conflicts[0].details)
    with pytest.raises(PackageImportRefused, match="--keep"):
        with demo_db.write() as s:
            import_package(s, path)
    mine = _sheet(demo_db, "3-1", "景山街道").scores["basic_contract"]
    with demo_db.write() as s:
        import_package(s, path, keep={"3-1:DC-U02/P002": "mine"})
    assert _sheet(demo_db, "3-1", "景山街道").scores["basic_contract"] == mine
    with demo_db.read() as s:
        log = sheets.audit_log(s, _sheet(demo_db, "3-1", "景山街道").id)
    assert log[-1].action == "conflict" and "保留本机" in log[-1].reason


def test_keep_theirs_overwrites_and_is_audited(demo_db: Database, tmp_path: Path) -> None:
    street = twin(demo_db, tmp_path / "street.sqlite3")
    target = _sheet(street, "3-1", "景山街道")
    with street.write() as s:
        sheets.unlock(s, target.id, "复核", "街道")
        sheets.set_score(s, target.id, "basic_contract", "1", "街道")
        sheets.finalize(s, target.id, "街道")
    path = _export(street, tmp_path / "p.xlsx")
    street.dispose()
    with demo_db.write() as s:
        report = import_package(s, path, keep_all="theirs", actor="区专班")
    assert report.conflicts[0].keep == "theirs"
    view = _sheet(demo_db, "3-1", "景山街道")
    assert str(view.scores["basic_contract"]) == "1" and view.is_final
    with demo_db.read() as s:
        log = sheets.audit_log(s, view.id)
    assert log[-1].action == "conflict" and "采用包内" in log[-1].reason and log[-1].actor == "区专班"


def test_opened_and_saved_unchanged_by_a_spreadsheet_it_still_verifies(demo_db: Database, db: Database,
                                                                       tmp_path: Path) -> None:
    path = _export(demo_db, tmp_path / "p.xlsx")
    original = path.read_bytes()
    wb = load_workbook(path)
    wb.save(path)
    assert path.read_bytes() != original
    with db.write() as s:
        report = import_package(s, path)
    assert report.written and not report.edited_outside and report.signer.status == "new"


def test_a_new_key_for_a_known_sender_is_warned_in_the_preview(demo_db: Database, db: Database, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    first = _export(demo_db, tmp_path / "a.xlsx", signer_name="东城区专班")
    with db.write() as s:
        import_package(s, first)
    monkeypatch.setenv("ZESHI_KEY_DIR", str(tmp_path / "new-laptop"))
    second = _export(demo_db, tmp_path / "b.xlsx", signer_name="东城区专班")
    with db.read() as s:
        report = import_package(s, second, dry_run=True)
    assert report.signer.status == "key_changed"
    changed = [w for w in report.warnings if w.code == "handover.warning.key_changed"]
    assert changed and "密钥已更换" in changed[0].text("zh") and report.signer.fingerprint in changed[0].text("en")


def test_risky_text_is_exported_as_text_and_comes_back_unchanged(demo_db: Database, db: Database,
                                                                 tmp_path: Path) -> None:
    risky = ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\t缩进", "\r回车", "\n换行"]
    target = _sheet(demo_db, "3-1", "东华门街道")
    with demo_db.write() as s:
        sheets.unlock(s, target.id, "测试", "t")
        sheets.set_remarks(s, target.id, risky[0], "t")
        sheets.set_answers(s, target.id, {"header:office": risky[1]}, "t")
        sheets.finalize(s, target.id, "t")
    path = _export(demo_db, tmp_path / "p.xlsx")
    wb = load_workbook(path)
    ws = wb["3-1"]
    remark = ws[cell_of(ws, "DC-U01/P001", "remarks")]
    assert remark.data_type == "s" and remark.quotePrefix and remark.value == risky[0]
    with db.write() as s:
        import_package(s, path)
    got = _sheet(db, "3-1", "东华门街道")
    assert got.remarks == risky[0] and got.answers["header:office"] == risky[1]
    for text in risky[2:]:   # each start character through a package, one at a time
        with demo_db.write() as s:
            sheets.unlock(s, target.id, "测试", "t")
            sheets.set_remarks(s, target.id, text, "t")
            sheets.finalize(s, target.id, "t")
        path = _export(demo_db, tmp_path / "p.xlsx")
        with db.write() as s:
            import_package(s, path, keep_all="theirs")
        assert _sheet(db, "3-1", "东华门街道").remarks == text


def test_template_cells_protection_and_validation(demo_db: Database, tmp_path: Path, forms) -> None:  # type: ignore[no-untyped-def]
    path = _export(demo_db, tmp_path / "t.xlsx", "reviewer-district", reviewer="DC-R1")
    with demo_db.read() as s:
        package_export.export_package(s, "reviewer-district", YEAR, path, reviewer="DC-R1", template=True)
    wb = load_workbook(path)
    ws = next(w for w in wb.worksheets if w.title.startswith("3-2"))
    assert ws.protection.sheet
    assert wb["manifest"].sheet_state == "hidden" and wb["manifest"].protection.sheet
    item = forms["3-2"].items[0]
    score = ws[cell_of(ws, "DC-U01/P001", item.id)]
    assert score.protection.locked is False
    assert ws["C4"].protection.locked is not False            # labels stay locked
    validations = [dv for dv in ws.data_validations.dataValidation if score.coordinate in dv.sqref]
    assert len(validations) == 1
    dv = validations[0]
    assert (dv.type, dv.operator, dv.formula1, dv.formula2) == ("decimal", "between", "0", str(item.max))
    assert item.short in dv.prompt and str(item.max) in dv.prompt


def test_a_filled_template_imports_as_manual_entry(demo_db: Database, tmp_path: Path, forms) -> None:  # type: ignore[no-untyped-def]
    """Filled in Excel and marked 定稿, it still comes in as drafts, with a reason (more in test_signatures)."""
    fresh = Database.open(tmp_path / "district.sqlite3")
    path = tmp_path / "t.xlsx"
    with demo_db.read() as s:   # the reviewer's template, filled below as Excel would
        package_export.export_package(s, "reviewer-district", YEAR, path, reviewer="DC-R1", template=True)
    wb = load_workbook(path)
    ws = next(w for w in wb.worksheets if w.title.startswith("3-2"))
    for item in forms["3-2"].items:
        ws[cell_of(ws, "DC-U01/P001", item.id)] = int(item.max) - 1
    ws[cell_of(ws, "DC-U01/P001", "status")] = "定稿"
    wb.save(path)
    with fresh.write() as s:
        report = import_package(s, path, reason="评审人在 Excel 中填写")
    assert not report.edited_outside and report.manual_entry
    with fresh.read() as s:
        app = next(a.id for a in roster.appointments(s, YEAR) if a.unit == "东华门街道")
        view = sheets.sheets(s, YEAR, "3-2", appointment_id=app)[0]
    expected = sum(int(i.max) - 1 for i in forms["3-2"].items)
    assert view.totals is not None and view.totals.total == expected and not view.is_final
    fresh.dispose()


def test_a_failed_write_leaves_no_half_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "p.xlsx"
    target.write_bytes(b"the previous package")

    def half_then_full(workbook: object, handle, writer: object) -> None:  # type: ignore[no-untyped-def]
        handle.write(b"PK half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_save", half_then_full)
    with pytest.raises(OSError):
        atomic.save_atomic(object(), target)
    assert target.read_bytes() == b"the previous package"
    assert [p.name for p in tmp_path.iterdir()] == ["p.xlsx"]


def test_a_blank_sheet_in_a_package_never_wipes_what_is_here(demo_db: Database, tmp_path: Path) -> None:
    """The district's blank assignment arriving again on a street laptop that has scored: nothing is lost."""
    from zeshi_desktop.services.roster import workbook as roster_io

    district = Database.open(tmp_path / "district.sqlite3")        # the same roster, no sheets at all
    with demo_db.read() as s:
        roster_io.export_roster(s, YEAR, tmp_path / "roster.xlsx")
    with district.write() as s:
        roster_io.import_roster(s, YEAR, tmp_path / "roster.xlsx")
    path = tmp_path / "assignment.xlsx"
    with district.read() as s:
        package_export.export_package(s, "district-street", YEAR, path, units=["DC-U01", "DC-U02"])
    district.dispose()
    street = twin(demo_db, tmp_path / "street.sqlite3")
    target = _sheet(street, "3-1", "景山街道")
    with street.write() as s:
        sheets.unlock(s, target.id, "改一处", "街道")
        sheets.set_score(s, target.id, "basic_contract", "1", "街道")
    kept = _sheet(street, "3-1", "景山街道")
    with street.write() as s:
        report = import_package(s, path)
    assert report.sheets == [] and report.written
    after = _sheet(street, "3-1", "景山街道")
    assert (after.scores, after.status) == (kept.scores, kept.status)
    street.dispose()


def test_a_draft_here_that_is_final_in_the_package_is_changed_not_a_conflict(demo_db: Database,
                                                                             tmp_path: Path) -> None:
    path = _export(demo_db, tmp_path / "p.xlsx")           # every sheet final in the package
    target = _sheet(demo_db, "3-1", "景山街道")
    with demo_db.write() as s:
        sheets.unlock(s, target.id, "再看一遍", "区专班")     # the same content, a draft here
    with demo_db.read() as s:
        preview = import_package(s, path, dry_run=True)
    change = next(c for c in preview.sheets if c.key == "3-1:DC-U02/P002")
    assert change.action == "changed" and [d.text("zh") for d in change.details] == ["status: draft → final"]
    with demo_db.write() as s:
        import_package(s, path)
    assert _sheet(demo_db, "3-1", "景山街道").is_final


def test_a_reviewer_named_twice_must_be_chosen_by_code(demo_db: Database, tmp_path: Path) -> None:
    """Two reviewers with one name: exporting "by name" is refused instead of picking one of them."""
    from zeshi_desktop.services.errors import ActionRefused

    with demo_db.write() as s:
        first = next(r for r in roster.reviewers(s, YEAR) if r.level == "district")
        roster.add_reviewer(s, YEAR, "district", first.name, district_id=first.district_id, code="DUP-1")
    with demo_db.read() as s, pytest.raises(ActionRefused, match="不唯一"):
        package_export.export_package(s, "reviewer-district", YEAR, tmp_path / "r.xlsx", reviewer=first.name)
    assert not (tmp_path / "r.xlsx").exists()


def test_risky_text_in_a_table_is_exported_as_text_and_comes_back_unchanged(demo_db: Database, db: Database,
                                                                            tmp_path: Path) -> None:
    """The roster tables are written a row at a time; a name that starts like a formula stays text there too."""
    from zeshi_desktop.services.roster import changes
    risky = "=HYPERLINK(\"http://x\",\"点我\")"
    with demo_db.write() as s:
        planner = next(p for p in roster.planners(s) if p.code == "P001")
        changes.update_planner(s, planner.id, organisation=risky)
    path = _export(demo_db, tmp_path / "p.xlsx")
    ws = load_workbook(path)["责师"]
    [cell] = [c for row in ws.iter_rows() for c in row if c.value == risky]
    assert cell.data_type == "s" and cell.quotePrefix
    with db.write() as s:
        import_package(s, path)
    with db.read() as s:
        assert next(p for p in roster.planners(s) if p.code == "P001").organisation == risky
