"""The app side of printing: painting the PDF onto a printer, the preview, the verify field, all through the runner."""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from zeshi_desktop.gui import dialogs as gui_dialogs
from zeshi_desktop.gui import printing as gui_printing
from zeshi_desktop.gui.actions import ActionRunner
from zeshi_desktop.gui.desk import saved
from zeshi_desktop.gui.selection import PrintRequest
from zeshi_desktop.services.printing import jobs as printing
from zeshi_desktop.services.scoring import sheets


@pytest.fixture(autouse=True)
def said_where(monkeypatch) -> list:  # type: ignore[no-untyped-def]
    """Where a saved PDF went, as the message would say it (no modal box in tests)."""
    said: list = []
    monkeypatch.setattr(saved, "show_saved", lambda parent, path, what="": said.append(path))
    return said


def test_paint_pdf_prints_every_page_in_its_orientation(demo_db, demo_year, tmp_path, qtbot):
    with demo_db.write() as s:
        did = sheets.sheets(s, demo_year, "4-2")[0].district_id
        job = printing.print_all(s, printing.Selection(demo_year, district_id=did))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    document = gui_printing.load_pdf(job.pdf)
    assert gui_printing.paint_pdf(printer, document) == job.pages
    original = pypdf.PdfReader(io.BytesIO(job.pdf)).pages
    printed = pypdf.PdfReader(str(out)).pages
    assert len(printed) == job.pages
    for a, b in zip(original, printed):
        assert (a.mediabox.width > a.mediabox.height) == (b.mediabox.width > b.mediabox.height)


def test_preview_has_a_save_as_pdf_action(demo_db, qtbot, monkeypatch, tmp_path):
    job = printing.print_blank("5-1")
    dialog = gui_printing.preview_dialog(None, job.pdf, "附件5-1")
    qtbot.addWidget(dialog)
    assert isinstance(dialog, QPrintPreviewDialog)
    target = tmp_path / "问卷"
    monkeypatch.setattr(gui_dialogs.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    save = gui_printing.preview_actions(dialog)["save"]
    assert "PDF" in save.text()
    save.trigger()
    assert (tmp_path / "问卷.pdf").read_bytes() == job.pdf


def test_verify_dialog_shows_match_and_refusal(demo_db, demo_year, qtbot, tmp_path):
    with demo_db.write() as s:
        view = sheets.sheets(s, demo_year, "3-1", status="final")[0]
        code = printing.print_sheet(s, view.id).codes[0]
    dialog = gui_printing.VerifyDialog(None, ActionRunner(demo_db))
    qtbot.addWidget(dialog)
    dialog.code.setText(code)
    dialog.check.click()
    assert dialog.result is not None and dialog.result.matches
    assert code in dialog.details.toPlainText()
    dialog.grab().save(str(tmp_path / "verify.png"))
    dialog.code.setText("hello")
    dialog.check.click()
    assert dialog.result is None and "核验码" in dialog.status.text()


def test_open_print_renders_the_request_and_records_codes(demo_db, demo_year, qtbot, monkeypatch):
    from sqlalchemy import func, select

    from zeshi_desktop.store.models import PrintedSheet

    shown = []
    monkeypatch.setattr(gui_printing, "preview_and_print", lambda parent, pdf, title, *rest, **named: shown.append((pdf, title)))
    runner = ActionRunner(demo_db)
    busy, changes = [], []
    runner.busy.connect(busy.append)
    runner.changed.connect(changes.append)
    with demo_db.read() as s:
        view = sheets.sheets(s, demo_year, "4-2", status="final")[0]
    gui_printing.open_print(None, runner, PrintRequest("sheet", "4-2", demo_year, sheet_id=view.id))
    assert shown and shown[0][0].startswith(b"%PDF") and shown[0][1] == "附件4-2"
    with demo_db.read() as s:
        assert s.scalar(select(func.count()).select_from(PrintedSheet)) == 1
    assert busy == ["正在准备打印…", "", "正在生成 PDF…", ""]   # progress in one place, cleared after
    assert len(changes) == 1 and not changes[0].touches_results   # the codes kept: no figure moves


def test_a_refused_print_says_why_through_the_runner(demo_db, demo_year, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(gui_printing, "preview_and_print", lambda parent, pdf, title, *rest, **named: shown.append(title))
    runner = ActionRunner(demo_db)
    refused = []
    runner.refused.connect(refused.append)
    gui_printing.open_print(None, runner, PrintRequest("sheet", "4-2", demo_year, sheet_id=999_999))
    assert not shown and len(refused) == 1
    assert "999999" in refused[0] and "拒绝" not in refused[0]



def test_verify_dialog_close_button_is_in_the_interface_language(demo_db, qtbot):
    from PySide6.QtWidgets import QPushButton

    dialog = gui_printing.VerifyDialog(None, ActionRunner(demo_db))
    qtbot.addWidget(dialog)
    texts = {b.text() for b in dialog.findChildren(QPushButton)}
    assert "关闭" in texts and "Close" not in texts


def test_preview_of_a_batch_offers_two_sided_printing(demo_db, demo_year, qtbot, monkeypatch, tmp_path):
    with demo_db.read() as s:
        did = sheets.sheets(s, demo_year, "4-2")[0].district_id
        prepared = printing.prepare_all(s, printing.Selection(demo_year, district_id=did))
    plain = printing.render(prepared)
    padded = printing.render(prepared, two_sided=True)
    assert padded.pages % 2 == 0 and padded.pages >= plain.pages
    dialog = gui_printing.preview_dialog(None, plain.pdf, "评审材料", lambda: padded.pdf)
    qtbot.addWidget(dialog)
    actions = gui_printing.preview_actions(dialog)
    two_sided, save = [actions["two_sided"]], [actions["save"]]
    assert "双面" in two_sided[0].text() and two_sided[0].isCheckable() and "PDF" in save[0].text()
    target = tmp_path / "批"
    monkeypatch.setattr(gui_dialogs.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    two_sided[0].setChecked(True)   # also asks the printer for two-sided output, where the printer has it
    save[0].trigger()
    assert (tmp_path / "批.pdf").read_bytes() == padded.pdf        # what is shown is what is saved
    two_sided[0].setChecked(False)
    save[0].trigger()
    assert (tmp_path / "批.pdf").read_bytes() == plain.pdf
