"""文件 → 导出交接包… / 导入交接包…: the dialogs, the preview, conflicts, refusals, a second import."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.packages.excel import cell_of
from zeshi_desktop.gui import handover_export, handover_import
from zeshi_desktop.gui.handover_export import ExportChoice, ExportDialog
from zeshi_desktop.gui.handover_import import ImportPreviewDialog
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.handover import packages
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database

UNIT = "景山街道"
CONFLICT_KEY = "3-1:DC-U02/P002"


def _sheet(db: Database, year: int, form: str = "3-1", unit: str = UNIT) -> sheets.SheetView:
    with db.read() as s:
        app = next(a.id for a in roster.appointments(s, year) if a.unit == unit)
        return sheets.sheets(s, year, form, appointment_id=app)[0]


def _street_package(demo_db: Database, year: int, tmp_path: Path, score: str = "1") -> Path:
    """A street's package in which a sheet finalised at the district was changed and finalised again."""
    street = Database.open(shutil.copy(demo_db.path, tmp_path / "street.sqlite3"))  # type: ignore[arg-type]
    target = _sheet(street, year)
    with street.write() as s:
        sheets.unlock(s, target.id, "复核后更正", "街道")
        sheets.set_score(s, target.id, "basic_contract", score, "街道")
        sheets.finalize(s, target.id, "街道")
    path = tmp_path / "street.xlsx"
    with street.read() as s:
        packages.export_package(s, "street-district", year, path, units=["DC-U01", "DC-U02"])
    street.dispose()
    return path


def test_export_dialog_shows_only_the_selectors_a_kind_needs(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(window.runner, window.selection, template=False, parent=window)
    kinds = [dialog.kind_box.itemData(i) for i in range(dialog.kind_box.count())]
    assert kinds == list(packages.KINDS)
    assert dialog.kind_box.itemText(0) == packages.KINDS["district-street"].zh
    dialog.kind_box.setCurrentIndex(kinds.index("reviewer-district"))
    assert dialog.reviewer_box.isVisibleTo(dialog) and not dialog.unit_list.isVisibleTo(dialog)
    with window.db.read() as s:
        district_codes = {r.code for r in roster.reviewers(s, window.selection.year, "district")}
    shown = {dialog.reviewer_box.itemData(i) for i in range(dialog.reviewer_box.count())}
    assert shown == district_codes and shown
    dialog.kind_box.setCurrentIndex(kinds.index("street-district"))
    assert dialog.unit_list.isVisibleTo(dialog) and not dialog.reviewer_box.isVisibleTo(dialog)
    assert dialog.choice() is None and dialog.message.text() == "请至少勾选一个责任单元。"
    dialog.unit_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.path_edit.setText(str(tmp_path / "out"))
    choice = dialog.choice()
    assert choice is not None and choice.kind == "street-district" and choice.path.name == "out.xlsx"
    assert choice.units == (dialog.unit_list.item(0).data(handover_export.CODE_ROLE),)


def test_export_writes_the_package_and_says_who_signed(window, tmp_path: Path, monkeypatch,  # type: ignore[no-untyped-def]
                                                       no_modal_dialogs) -> None:
    path = tmp_path / "给街道.xlsx"
    monkeypatch.setattr(handover_export, "choose_export", lambda parent, runner, selection, template: ExportChoice(
        "district-street", selection.year, path, template, units=("DC-U01",)))
    result = handover_export.export(window, window.runner, window.selection, template=True)
    assert result is not None and result.template and path.is_file()
    assert no_modal_dialogs and str(path) in no_modal_dialogs[-1] and result.fingerprint in no_modal_dialogs[-1]


def test_export_refusal_is_shown(window, tmp_path: Path, monkeypatch, no_modal_dialogs) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(handover_export, "choose_export", lambda parent, runner, selection, template: ExportChoice(
        "reviewer-city", selection.year, tmp_path / "x.xlsx", reviewer="NO-SUCH"))
    assert handover_export.export(window, window.runner, window.selection) is None
    assert "NO-SUCH" in no_modal_dialogs[-1] and not (tmp_path / "x.xlsx").exists()


def test_import_conflict_keep_theirs_then_a_second_import_changes_nothing(  # type: ignore[no-untyped-def]
        window, demo_db: Database, demo_year: int, tmp_path: Path, monkeypatch, no_modal_dialogs) -> None:
    path = _street_package(demo_db, demo_year, tmp_path)
    page = window.show_page("sheet-3-1")
    window.select(*_where(demo_db, demo_year))
    seen: list[dict[str, Any]] = []

    def answer(parent, report):  # type: ignore[no-untyped-def]
        seen.append(report)
        dialog = ImportPreviewDialog(report, parent)
        assert not dialog.import_button.isEnabled()      # a conflict without a side cannot be imported
        dialog.keep_all("theirs")
        assert dialog.import_button.isEnabled()
        return dialog.choice()

    monkeypatch.setattr(handover_import, "choose_file", lambda parent: str(path))
    monkeypatch.setattr(handover_import, "confirm_preview", answer)
    changes: list[object] = []
    busy: list[str] = []
    window.runner.changed.connect(changes.append)
    window.runner.busy.connect(busy.append)
    report = handover_import.import_file(window, window.runner, "区专班")
    assert report is not None and report.written
    assert seen[0]["counts"]["conflict"] == 1 and [s["key"] for s in seen[0]["sheets"]
                                                   if s["action"] == "conflict"] == [CONFLICT_KEY]
    assert str(_sheet(demo_db, demo_year).scores["basic_contract"]) == "1"
    with demo_db.read() as s:
        log = sheets.audit_log(s, _sheet(demo_db, demo_year).id)
    assert log[-1].action == "conflict" and "采用包内" in log[-1].reason and log[-1].actor == "区专班"
    assert changes and changes[-1].roster and changes[-1].touches_sheet(_sheet(demo_db, demo_year).id)
    assert changes[-1] == handover_import.IMPORTED
    assert busy == ["正在导入…", "", "正在导入…", ""]      # the runner's progress line: preview, then import
    assert page.sheet is not None and str(page.sheet.scores["basic_contract"]) == "1"   # the open page followed
    assert "采用交接包 1" in no_modal_dialogs[-1] and "冲突" not in no_modal_dialogs[-1]   # the side chosen, not open

    seen.clear()
    assert handover_import.import_file(window, window.runner) is None
    assert seen == [] and no_modal_dialogs[-1] == "该包已经导入过，本次没有任何改动。"


def _where(db: Database, year: int) -> tuple[int, int, int]:
    with db.read() as s:
        a = next(a for a in roster.appointments(s, year) if a.unit == UNIT)
    return a.district_id, a.unit_id, a.id


def test_keep_mine_leaves_the_sheet(window, demo_db: Database, demo_year: int, tmp_path: Path,  # type: ignore[no-untyped-def]
                                    monkeypatch) -> None:
    before = _sheet(demo_db, demo_year).scores["basic_contract"]
    path = _street_package(demo_db, demo_year, tmp_path)

    def answer(parent, report):  # type: ignore[no-untyped-def]
        dialog = ImportPreviewDialog(report, parent)
        box = dialog.keep_boxes[CONFLICT_KEY]
        box.setCurrentIndex(box.findData("mine"))
        return dialog.choice()

    monkeypatch.setattr(handover_import, "confirm_preview", answer)
    assert handover_import.import_file(window, window.runner, path=str(path)) is not None
    assert _sheet(demo_db, demo_year).scores["basic_contract"] == before
    with demo_db.read() as s:
        assert "保留本机" in sheets.audit_log(s, _sheet(demo_db, demo_year).id)[-1].reason


def test_cancelled_preview_writes_nothing(window, demo_db: Database, demo_year: int, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          monkeypatch) -> None:
    before = _sheet(demo_db, demo_year).scores
    path = _street_package(demo_db, demo_year, tmp_path)
    monkeypatch.setattr(handover_import, "confirm_preview", lambda parent, report: None)
    assert handover_import.import_file(window, window.runner, path=str(path)) is None
    assert _sheet(demo_db, demo_year).scores == before


def test_preview_warns_about_a_new_signer_and_an_edited_package(qtbot, demo_db: Database, demo_year: int,  # type: ignore[no-untyped-def]
                                                                tmp_path: Path) -> None:
    path = _street_package(demo_db, demo_year, tmp_path)
    wb = load_workbook(path)           # a person changes a remark in Excel: the hash no longer matches
    ws = next(w for w in wb.worksheets if w.title.startswith("3-1"))
    ws[cell_of(ws, "DC-U01/P001", "remarks")] = "在表格软件中改过"
    wb.save(path)
    with demo_db.read() as s:
        report = packages.report_dict(packages.import_package(s, path, dry_run=True, accept_edited=True))
    dialog = ImportPreviewDialog(report)
    qtbot.addWidget(dialog)
    assert "首次见到的发送方" in dialog.signer_label.text() and "#b00020" in dialog.signer_label.styleSheet()
    assert report["signer"]["fingerprint"] in dialog.signer_label.text()
    assert dialog.accept_edited is not None
    dialog.keep_all("mine")
    assert not dialog.import_button.isEnabled()       # an edited package needs the user's consent
    dialog.accept_edited.setChecked(True)
    assert not dialog.import_button.isEnabled()       # and a reason, for the audit log
    assert dialog.reason is not None and dialog.reason.isEnabled()
    dialog.reason.setText("发送方电话确认：只改了意见建议")
    assert dialog.import_button.isEnabled() and dialog.choice().accept_edited
    assert dialog.choice().reason == "发送方电话确认：只改了意见建议"
    names = {dialog.table.item(r, 0).text(): dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert names[CONFLICT_KEY] == "冲突（本机已定稿）"      # a conflict says why it is one
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == CONFLICT_KEY)
    contract = catalogue.form("3-1").item("basic_contract")
    assert dialog.table.item(row, 3).text().startswith(f"{contract.short}: ")   # the item named, not its id


def test_the_preview_decides_by_code_in_either_language(qtbot, demo_db: Database, demo_year: int,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    """The edited-outside warning has its own line; in English its text shares no words with the Chinese."""
    path = _street_package(demo_db, demo_year, tmp_path)
    wb = load_workbook(path)
    ws = next(w for w in wb.worksheets if w.title.startswith("3-1"))
    ws[cell_of(ws, "DC-U01/P001", "remarks")] = "在表格软件中改过"
    wb.save(path)
    with demo_db.read() as s:
        report = packages.report_dict(packages.import_package(s, path, dry_run=True, accept_edited=True), "en")
    warning = next(w for w in report["warnings"] if w["code"] == handover_import.EDITED)
    assert "哈希不符" not in warning["text"]
    dialog = ImportPreviewDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.accept_edited is not None
    assert [w for w in dialog.findChildren(QLabel) if warning["text"] in w.text()] == []


def test_a_refused_package_lists_every_bad_cell_and_writes_nothing(window, demo_db: Database, demo_year: int,  # type: ignore[no-untyped-def]
                                                                   tmp_path: Path, monkeypatch, forms) -> None:
    path = tmp_path / "t.xlsx"
    with demo_db.read() as s:
        packages.export_package(s, "reviewer-district", demo_year, path, reviewer="DC-R1", template=True)
    wb = load_workbook(path)
    ws = next(w for w in wb.worksheets if w.title.startswith("3-2"))
    first, second = forms["3-2"].items[:2]
    ws[cell_of(ws, "DC-U01/P001", first.id)] = int(first.max) + 1
    ws[cell_of(ws, "DC-U01/P001", second.id)] = "9O"
    wb.save(path)
    shown: list[list[str]] = []
    monkeypatch.setattr(handover_import, "show_refusal", lambda parent, lines: shown.append(lines))
    monkeypatch.setattr(handover_import, "confirm_preview", lambda parent, report: pytest.fail("no preview"))
    with demo_db.read() as s:
        before = [v.scores for v in sheets.sheets(s, demo_year, "3-2")]
    assert handover_import.import_file(window, window.runner, path=str(path)) is None
    lines = shown[0]
    assert "2 处错误" in lines[0] and len(lines) == 3
    assert any(str(int(first.max) + 1) in line and first.short in line for line in lines[1:])
    assert any("9O" in line for line in lines[1:])
    with demo_db.read() as s:
        assert [v.scores for v in sheets.sheets(s, demo_year, "3-2")] == before
