"""The hand-over dialogs' small findings: a one-line refusal, the conflicts' sides in the result, 全选, the file name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from zeshi_desktop.gui import handover_export, handover_import, i18n
from zeshi_desktop.gui.desk.import_outcome import RefusalDialog, result_text
from zeshi_desktop.services.handover import packages
from zeshi_desktop.services.handover.plan import SheetChange


def test_a_file_that_is_no_package_shows_its_reason_alone(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[list[str]] = []
    monkeypatch.setattr(handover_import, "show_refusal", lambda parent, lines: shown.append(lines))
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook")
    assert handover_import.import_file(window, window.runner, path=str(bad)) is None
    assert len(shown) == 1 and len(shown[0]) == 1 and "notes.xlsx" in shown[0][0]
    dialog = RefusalDialog(shown[0], window)
    assert dialog.head.text() == shown[0][0] and not dialog.list.isVisibleTo(dialog)
    several = RefusalDialog(["有 2 处错误", "评审表!C3: 太大", "评审表!C4: 太大"], window)
    assert several.list.isVisibleTo(several) and several.list.count() == 2


def _report(*changes: SheetChange) -> packages.ImportReport:
    report = packages.ImportReport("f.xlsx", "id", "street-district", 2025, False, {}, None, False)  # type: ignore[arg-type]
    report.sheets = list(changes)
    return report


def _change(action: str, keep: str = "") -> SheetChange:
    change = SheetChange.__new__(SheetChange)
    change.action, change.keep = action, keep
    return change


def test_the_result_says_each_conflict_s_side_not_an_open_conflict(qapp) -> None:  # type: ignore[no-untyped-def]
    report = _report(_change("added"), _change("conflict", "theirs"), _change("conflict", "mine"),
                     _change("unchanged"))
    assert result_text(report) == "新增 1，更新 0，未变 1，采用交接包 1，保留本机 1"
    i18n.install_language(qapp, "en")
    assert "package's side taken 1" in result_text(report) and "冲突" not in result_text(report)


def test_export_offers_select_all_and_a_name_that_says_what_it_holds(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = handover_export.ExportDialog(window.runner, window.selection, template=False, parent=window)
    assert dialog.all_units.isVisibleTo(dialog)
    dialog.all_units.click()
    units = dialog.unit_list
    assert all(units.item(i).checkState() == Qt.CheckState.Checked for i in range(units.count()))
    first = units.item(0).data(handover_export.NAME_ROLE)
    today = date.today().isoformat()
    assert Path(dialog.path_edit.text()).name == \
        f"{window.selection.year}_区至街道_{first}等{units.count()}个单元_交接包_{today}.xlsx"
    dialog.no_units.click()
    units.item(0).setCheckState(Qt.CheckState.Checked)
    assert Path(dialog.path_edit.text()).name == f"{window.selection.year}_区至街道_{first}_交接包_{today}.xlsx"
    dialog.path_edit.setText(str(tmp_path / "mine.xlsx"))   # a name typed over is kept
    units.item(1).setCheckState(Qt.CheckState.Checked)
    assert dialog.path_edit.text() == str(tmp_path / "mine.xlsx")


def test_the_export_name_is_english_in_english(qapp, window) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language(qapp, "en")
    dialog = handover_export.ExportDialog(window.runner, window.selection, template=True, parent=window)
    kinds = [dialog.kind_box.itemData(i) for i in range(dialog.kind_box.count())]
    dialog.kind_box.setCurrentIndex(kinds.index("district-city"))
    name = Path(dialog.path_edit.text()).name
    district = dialog.district_box.currentData(handover_export.NAME_ROLE)
    assert name == f"{window.selection.year}_district-to-city_{district}_fill-in-template_{date.today().isoformat()}.xlsx"
