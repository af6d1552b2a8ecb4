"""Importing leaves a trace: an audit row per changed sheet, a reason for an edited package, a backup first."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from tests.server.backends import twin
from zeshi_desktop.services import roster
from zeshi_desktop.services.handover import export as package_export
from zeshi_desktop.services.handover import importing
from zeshi_desktop.services.handover.importing import (
    PackageImportRefused,
    import_package,
)
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store import backup
from zeshi_desktop.store.backup import BackupRefused
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.models import AuditEntry

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


def _audit(db: Database, sheet_id: int | None = None) -> list[AuditEntry]:
    with db.read() as s:
        q = select(AuditEntry).order_by(AuditEntry.id)
        if sheet_id is not None:
            q = q.where(AuditEntry.sheet_id == sheet_id)
        return list(s.scalars(q))


def _edited(path: Path) -> Path:
    """The package with one remark changed in a spreadsheet program: its content no longer matches the manifest."""
    wb = load_workbook(path)
    ws = wb["3-1"]
    ws[cell_of(ws, "DC-U01/P001", "remarks")] = "在表格里改过"
    wb.save(path)
    return path


def test_a_package_replacing_a_draft_leaves_an_audit_row_with_the_package_and_its_sender(
        demo_db: Database, tmp_path: Path) -> None:
    district = twin(demo_db, tmp_path / "district.sqlite3")
    target = _sheet(district, "3-1", "景山街道")
    with district.write() as s:   # the district has reopened the sheet and typed something else meanwhile
        sheets.unlock(s, target.id, "复核", "区专班")
        sheets.set_score(s, target.id, "basic_contract", "1", "区专班")
    path = _export(demo_db, tmp_path / "p.xlsx")
    before = len(_audit(district))
    with district.write() as s:
        report = import_package(s, path, actor="区专班")
    assert [c.key for c in report.sheets if c.action == "changed"] == ["3-1:DC-U02/P002"]
    rows = _audit(district)[before:]
    [row] = [r for r in rows if r.sheet_id == target.id]
    assert (row.action, row.package_id, row.signer, row.actor) == ("import", report.package_id,
                                                                   report.signer.fingerprint, "区专班")
    assert row.reason == f"导入包 {report.package_id[:8]}：以包内版本更新该评审表"
    assert "basic_contract" in (row.new or "") and row.row_hash is not None
    assert _sheet(district, "3-1", "景山街道").is_final
    district.dispose()


def test_every_sheet_an_import_adds_has_its_audit_row(demo_db: Database, db: Database, tmp_path: Path) -> None:
    path = _export(demo_db, tmp_path / "p.xlsx")
    with db.write() as s:
        report = import_package(s, path, actor="区专班", reason="街道报送")
    rows = _audit(db)
    assert len(rows) == report.count("added") == 4
    assert {(r.action, r.package_id, r.signer, r.actor) for r in rows} == {
        ("import", report.package_id, report.signer.fingerprint, "区专班")}
    assert {r.new for r in rows} == {"final"}
    assert all(r.reason == f"导入包 {report.package_id[:8]}：新增该评审表；理由：街道报送" for r in rows)


def test_a_conflict_decision_names_the_package_and_its_sender(demo_db: Database, tmp_path: Path) -> None:
    street = twin(demo_db, tmp_path / "street.sqlite3")
    target = _sheet(street, "3-1", "景山街道")
    with street.write() as s:
        sheets.unlock(s, target.id, "复核", "街道")
        sheets.set_score(s, target.id, "basic_contract", "1", "街道")
        sheets.finalize(s, target.id, "街道")
    path = _export(street, tmp_path / "p.xlsx")
    street.dispose()
    with demo_db.write() as s:
        report = import_package(s, path, keep_all="mine", actor="区专班")
    row = _audit(demo_db, target.id)[-1]
    assert (row.action, row.package_id, row.signer) == ("conflict", report.package_id, report.signer.fingerprint)
    assert "保留本机" in row.reason


def test_accepting_an_edited_package_needs_a_reason_and_writes_it(demo_db: Database, db: Database, tmp_path: Path,
                                                                  digest) -> None:  # type: ignore[no-untyped-def]
    path = _edited(_export(demo_db, tmp_path / "p.xlsx"))
    before = digest(db)
    for reason in ("", "   "):
        with pytest.raises(PackageImportRefused) as refused, db.write() as s:
            import_package(s, path, accept_edited=True, reason=reason)
        assert refused.value.code == "handover.import.reason_needed"
        assert refused.value.message("zh") == "接受在程序之外修改过的包时，必须说明理由"
        assert refused.value.message("en") == "Accepting a package edited outside the program needs a reason"
    assert digest(db) == before and _audit(db) == []
    assert db.path is None or backup.backups(db.path) == []   # a server keeps no backups folder
    with db.read() as s:   # a preview needs none: it writes nothing
        assert import_package(s, path, dry_run=True, accept_edited=True).edited_outside
    with db.write() as s:
        report = import_package(s, path, accept_edited=True, reason="电话核实过备注", actor="区专班")
    assert report.written and report.edited_outside
    rows = _audit(db)
    assert len(rows) == 4 and all(r.reason.endswith("该包在程序之外被修改过，经确认导入，理由：电话核实过备注")
                                  for r in rows)


@pytest.mark.sqlite_only
def test_an_import_that_writes_is_backed_up_first(demo_db: Database, db: Database, tmp_path: Path) -> None:
    path = _export(demo_db, tmp_path / "p.xlsx")
    assert db.path is not None
    with db.read() as s:
        import_package(s, path, dry_run=True)
    assert backup.backups(db.path) == []
    with db.write() as s:
        import_package(s, path)
    [made] = backup.backups(db.path)
    assert made.reason == "import"
    with db.write() as s:   # the same package again writes nothing: no backup
        assert import_package(s, path).already_imported
    assert len(backup.backups(db.path)) == 1


@pytest.mark.sqlite_only
def test_a_backup_that_fails_refuses_the_import_with_nothing_written(demo_db: Database, db: Database,
                                                                     tmp_path: Path, digest) -> None:  # type: ignore[no-untyped-def]
    path = _export(demo_db, tmp_path / "p.xlsx")
    assert db.path is not None
    backup.folder_for(db.path).write_text("not a folder")   # the backups folder cannot be made
    before = digest(db)
    with pytest.raises(BackupRefused) as refused, db.write() as s:
        import_package(s, path)
    assert refused.value.code == "store.backup_failed"
    assert digest(db) == before
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_a_bad_answer_in_a_package_is_a_refused_cell_and_nothing_is_written(
        demo_db: Database, db: Database, tmp_path: Path, digest,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An answer the form's question does not take (here past the workbook's own checks) never reaches the store."""
    path = _export(demo_db, tmp_path / "p.xlsx", "district-city", district="DC")
    read = importing.read_package

    def with_a_bad_answer(*args, **kwargs):  # type: ignore[no-untyped-def]
        rp = read(*args, **kwargs)
        block = next(b for b in rp.data.blocks if b.form_id == "4-2")
        block.values["DC"]["contracts_signed"] = "maybe"
        return rp

    monkeypatch.setattr(importing, "read_package", with_a_bad_answer)
    before = digest(db)
    with pytest.raises(PackageImportRefused) as refused, db.write() as s:
        import_package(s, path, accept_edited=True, reason="测试")
    assert refused.value.code == "handover.import.errors"
    [problem] = refused.value.problems
    ws = load_workbook(path)["4-2"]
    assert (problem.sheet, problem.cell) == ("4-2", cell_of(ws, "DC", "contracts_signed"))
    assert problem.reason.code == "scoring.answer.not_yes_no"
    assert "maybe" in problem.message("en") and problem.sheet in problem.message("zh")
    assert digest(db) == before


def test_the_package_reader_reads_answers_as_the_rule_does(forms) -> None:  # type: ignore[no-untyped-def]
    from zeshi_desktop.domain.answers import AnswerRefused, key_list, read_answer
    from zeshi_desktop.services.handover.plan import AnswerReader

    reader = AnswerReader()
    for form in forms.values():
        for key in [k.replace("#N", "#2") for k in key_list(form)] + ["foo"]:
            for raw in ("是", "否", "yes", " No ", "maybe", "", "同意", "不同意", "任意文字"):
                try:
                    expected: object = read_answer(form, key, raw)
                except AnswerRefused as refused:
                    expected = refused.msg
                for _ in range(2):   # asked twice: the remembered answer is the rule's
                    got = reader.read(form, key, raw)
                    assert (got.msg if isinstance(got, AnswerRefused) else got) == expected, (form.id, key, raw)
