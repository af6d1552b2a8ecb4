"""导入交接包…, where trust is decided: a laptop's first assignment, a changed or new key, manual entry, the previews."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from tests.packages.excel import cell_of
from zeshi_desktop.gui import handover_import
from zeshi_desktop.gui.handover_import import ImportPreviewDialog
from zeshi_desktop.services import roster
from zeshi_desktop.services.handover import packages
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database

UNIT = "景山街道"


def test_an_empty_laptop_takes_its_assignment_and_shows_the_year(qtbot, db: Database, demo_db: Database,  # type: ignore[no-untyped-def]
                                                                 demo_year: int, tmp_path: Path, monkeypatch,
                                                                 no_modal_dialogs) -> None:
    from PySide6.QtCore import QSettings

    from zeshi_desktop.gui.main_window import MainWindow
    path = tmp_path / "assignment.xlsx"
    with demo_db.read() as s:
        packages.export_package(s, "district-street", demo_year, path, units=["DC-U01"])
    window = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    monkeypatch.setattr(handover_import, "confirm_preview", lambda parent, report: handover_import.ImportChoice({}, False))
    report = handover_import.import_file(window, window.runner, path=str(path))
    assert report is not None and report.count("added") > 0
    assert window.year_box.currentData() == demo_year
    assert window.tree.topLevelItemCount() == 1 and "东城区" in window.tree.topLevelItem(0).text(0)


def test_a_changed_key_shows_both_fingerprints_once(qtbot, demo_db: Database, db: Database, demo_year: int,  # type: ignore[no-untyped-def]
                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def export(name: str) -> Path:
        path = tmp_path / name
        with demo_db.read() as s:
            packages.export_package(s, "street-district", demo_year, path, units=["DC-U01"])
        return path

    first = export("a.xlsx")
    with db.write() as s:
        old = packages.import_package(s, first).signer.fingerprint
    monkeypatch.setenv("ZESHI_KEY_DIR", str(tmp_path / "another-laptop"))   # same sender, new key
    with db.read() as s:
        report = packages.report_dict(packages.import_package(s, export("b.xlsx"), dry_run=True))
    dialog = ImportPreviewDialog(report)
    qtbot.addWidget(dialog)
    line = dialog.signer_label.text()
    assert "密钥已更换" in line and report["signer"]["fingerprint"] in line and old in line
    shown = [w.text() for w in dialog.findChildren(QLabel) if "密钥已更换" in w.text()]
    assert shown == [line]   # said once, in the signer line


# ---------------------------------------------------------------- manual entry and a new key in the preview
def _manual_entry(demo_db: Database, year: int, tmp_path: Path, forms) -> tuple[Path, int, str]:  # type: ignore[no-untyped-def]
    """DC-R1's template filled in "Excel" for a sheet that is a draft here: the preview of a manual entry."""
    item = forms["3-2"].items[1]
    with demo_db.read() as s:
        reviewer = next(r.id for r in roster.reviewers(s, year) if r.code == "DC-R1")
    with demo_db.read() as s:
        app = next(a.id for a in roster.appointments(s, year) if a.unit == UNIT)
        sheet = sheets.sheets(s, year, "3-2", appointment_id=app, reviewer_id=reviewer)[0]
    with demo_db.write() as s:
        sheets.unlock(s, sheet.id, "评审人要改", "区专班")
    path = tmp_path / "template.xlsx"
    with demo_db.read() as s:
        packages.export_package(s, "reviewer-district", year, path, reviewer="DC-R1", template=True)
    wb = load_workbook(path)
    ws = next(w for w in wb.worksheets if w.title.startswith("3-2"))
    ws[cell_of(ws, "DC-U02/P002", item.id)] = int(item.max) - 3
    ws[cell_of(ws, "DC-U01/P001", item.id)] = 1          # final here: kept, never replaced by manual entry
    wb.save(path)
    return path, sheet.id, item.id


def test_a_filled_template_is_previewed_as_manual_entry_and_asks_for_a_reason(  # type: ignore[no-untyped-def]
        window, demo_db: Database, demo_year: int, tmp_path: Path, monkeypatch, forms) -> None:
    path, sheet_id, item = _manual_entry(demo_db, demo_year, tmp_path, forms)

    def answer(parent, report):  # type: ignore[no-untyped-def]
        dialog = ImportPreviewDialog(report, parent)
        banner = [w.text() for w in dialog.findChildren(QLabel) if w.text().startswith("人工录入：")]
        assert len(banner) == 1 and "草稿" in banner[0]
        assert "本机自己的密钥" in dialog.signer_label.text()      # the district's own template, back filled
        kept = next(r for r in range(dialog.table.rowCount()) if "DC-U01/P001" in dialog.table.item(r, 0).text())
        assert dialog.table.item(kept, 4).text().startswith("保留本机") and not dialog.keep_boxes
        assert dialog.reason is not None and dialog.reason.isEnabled()
        assert not dialog.import_button.isEnabled() and "理由" in dialog.hint.text()
        dialog.reason.setText("评审人用模板填写，纸质表已核对")
        assert dialog.import_button.isEnabled()
        return dialog.choice()

    monkeypatch.setattr(handover_import, "confirm_preview", answer)
    report = handover_import.import_file(window, window.runner, "区专班", path=str(path))
    assert report is not None and report.written and report.manual_entry
    with demo_db.read() as s:
        view = sheets.view(s, sheet_id)
        row = sheets.audit_log(s, sheet_id)[-1]
    assert not view.is_final and row.actor == "区专班" and "人工录入" in row.reason
    assert row.reason.endswith("评审人用模板填写，纸质表已核对") and item in (row.new or "")


def _new_key_preview(demo_db: Database, db: Database, year: int, tmp_path: Path,
                     monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """The same sender ("东城区专班") from another laptop: a new key, after one package from the old one."""
    def export(name: str) -> Path:
        path = tmp_path / name
        with demo_db.read() as s:
            packages.export_package(s, "street-district", year, path, units=["DC-U01"], signer_name="东城区专班")
        return path

    with db.write() as s:
        old = packages.import_package(s, export("a.xlsx")).signer.fingerprint
    monkeypatch.setenv("ZESHI_KEY_DIR", str(tmp_path / "another-laptop"))
    return export("b.xlsx"), old


@pytest.mark.parametrize("actor", ["区专班", ""])   # nobody named: the installation's office accepts it
def test_a_new_key_is_accepted_in_the_preview_with_a_reason(qtbot, db: Database, demo_db: Database,  # type: ignore[no-untyped-def]
                                                            demo_year: int, tmp_path: Path, monkeypatch,
                                                            actor: str) -> None:
    from PySide6.QtCore import QSettings

    from zeshi_desktop.gui.main_window import MainWindow
    from zeshi_desktop.store.models import AuditEntry, KnownSigner
    path, old = _new_key_preview(demo_db, db, demo_year, tmp_path, monkeypatch)
    window = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    asked: list[str] = []

    def answer(parent, report):  # type: ignore[no-untyped-def]
        dialog = ImportPreviewDialog(report, parent)
        assert dialog.key_button is not None and not dialog.import_button.isEnabled()
        monkeypatch.setattr(handover_import, "ask_key_reason",
                            lambda parent, name, fp: asked.append(fp) or "电话核对过新指纹")
        dialog.key_button.click()
        assert asked == [report["signer"]["fingerprint"]] and dialog.import_button.isEnabled()
        assert "已接受" in dialog.signer_label.text() and not dialog.key_button.isEnabled()
        return dialog.choice()

    monkeypatch.setattr(handover_import, "confirm_preview", answer)
    report = handover_import.import_file(window, window.runner, actor, path=str(path))
    assert report is not None and report.written and report.signer.status == "known"
    with db.read() as s:
        assert [k.fingerprint for k in s.scalars(select(KnownSigner))] == asked
        event = s.scalars(select(AuditEntry).where(AuditEntry.action == "key")).one()
        expected = actor or packages.importer(s)
    assert expected and (event.old, event.new, event.actor, event.package_id) == (old, asked[0], expected,
                                                                                 report.package_id)
    assert event.reason.endswith("理由：电话核对过新指纹")


def test_a_cancelled_preview_accepts_no_key(qtbot, db: Database, demo_db: Database, demo_year: int,  # type: ignore[no-untyped-def]
                                            tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    from zeshi_desktop.gui.main_window import MainWindow
    from zeshi_desktop.store.models import KnownSigner
    path, old = _new_key_preview(demo_db, db, demo_year, tmp_path, monkeypatch)
    window = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)

    def answer(parent, report):  # type: ignore[no-untyped-def]
        ImportPreviewDialog(report, parent).accept_key("看错了")   # then 取消: confirm_preview gives None

    monkeypatch.setattr(handover_import, "confirm_preview", answer)
    assert handover_import.import_file(window, window.runner, path=str(path)) is None
    with db.read() as s:
        assert [k.fingerprint for k in s.scalars(select(KnownSigner))] == [old]


def render_previews(qapp, demo_db: Database, db: Database, year: int, tmp_path: Path,  # type: ignore[no-untyped-def]
                    monkeypatch: pytest.MonkeyPatch, forms, out: Path) -> list[Path]:
    """The preview of a manual-entry template and of a new key, in Chinese and English, as PNG files in ``out``."""
    from zeshi_desktop.gui import i18n
    manual, _sid, _item = _manual_entry(demo_db, year, tmp_path, forms)
    with demo_db.read() as s:      # before another laptop's key takes over: the template is this computer's own
        manual_report = packages.import_package(s, manual, dry_run=True)
    new_key, _old = _new_key_preview(demo_db, db, year, tmp_path, monkeypatch)
    with db.read() as s:
        key_report = packages.import_package(s, new_key, dry_run=True)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        for language in ("zh", "en"):
            i18n.install_language(qapp, language)
            for name, report in (("manual-entry", manual_report), ("new-key", key_report)):
                dialog = ImportPreviewDialog(packages.report_dict(report, language))
                dialog.resize(980, 640)
                dialog.show()
                qapp.processEvents()
                path = out / f"import-preview-{name}-{language}.png"
                assert dialog.grab().save(str(path))
                dialog.close()
                written.append(path)
    finally:
        i18n.install_language(qapp, "zh")
    return written


def test_the_preview_renders_in_both_languages(qapp, demo_db: Database, db: Database, demo_year: int,  # type: ignore[no-untyped-def]
                                               tmp_path: Path, monkeypatch, forms) -> None:
    import os
    out = Path(os.environ.get("ZESHI_PREVIEW_PNG_DIR") or tmp_path / "png")
    written = render_previews(qapp, demo_db, db, demo_year, tmp_path, monkeypatch, forms, out)
    assert len(written) == 4 and all(p.stat().st_size > 10_000 for p in written)
