"""审计记录: items by their names in the current language; an import's record names the office that imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.test_handover import _sheet, _street_package
from zeshi_desktop.gui import dialogs, handover_import, i18n
from zeshi_desktop.gui.handover_import import ImportPreviewDialog
from zeshi_desktop.services import catalogue, installation
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database

ITEM_COLUMN, ACTOR_COLUMN = 4, 1


def _changed_31(db: Database, year: int) -> int:
    sheet = _sheet(db, year)
    with db.write() as s:
        sheets.unlock(s, sheet.id, "复核", "测试")
        sheets.set_score(s, sheet.id, "basic_contract", 1, "测试")
        sheets.set_remarks(s, sheet.id, "改", "测试")
    return sheet.id


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_audit_dialog_names_items_in_the_current_language(qapp, qtbot, demo_db, demo_year,  # type: ignore[no-untyped-def]
                                                              language):
    sheet_id = _changed_31(demo_db, demo_year)
    i18n.install_language(qapp, language)
    with demo_db.read() as s:
        entries = sheets.audit_log(s, sheet_id)
    dialog = dialogs.AuditDialog(entries, "3-1", None)
    qtbot.addWidget(dialog)
    shown = [dialog.table.item(r, ITEM_COLUMN).text() for r in range(dialog.table.rowCount())]
    form = catalogue.form("3-1")
    contract = next(e.item for e in entries if e.item_id == "basic_contract")
    assert contract.get(language) in shown and form.remarks.get(language) in shown
    assert "basic_contract" not in shown and "remarks" not in shown


@pytest.mark.parametrize("role, importer", [("district", "区级专班（东城区）"), (None, "本机（未设定角色）")])
def test_an_import_names_the_office_that_imported_not_the_chosen_reviewer(  # type: ignore[no-untyped-def]
        window, demo_db: Database, demo_year: int, tmp_path: Path, monkeypatch, role, importer) -> None:
    path = _street_package(demo_db, demo_year, tmp_path)
    if role is not None:
        with demo_db.write() as s:
            installation.set_role(s, role, district="DC")
    assert window.choose_reviewer("district")                  # a reviewer is chosen as 评分人 …
    reviewer = window.selection.actor
    monkeypatch.setattr(handover_import, "choose_file", lambda parent: str(path))

    def keep_theirs(parent, report):  # type: ignore[no-untyped-def]
        dialog = ImportPreviewDialog(report, parent)
        dialog.keep_all("theirs")
        return dialog.choice()

    monkeypatch.setattr(handover_import, "confirm_preview", keep_theirs)
    window._import()                                            # … when 文件 → 导入交接包… is used
    with demo_db.read() as s:
        log = sheets.audit_log(s, _sheet(demo_db, demo_year).id)
    conflict = log[-1]
    assert conflict.action == "conflict" and conflict.actor == importer
    assert reviewer and reviewer not in conflict.actor
