"""The print preview opens large at the page's width, remembers its size, and saving says where the PDF went."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

from zeshi_desktop.gui import dialogs as gui_dialogs
from zeshi_desktop.gui import printing as gui_printing
from zeshi_desktop.gui.desk import saved
from zeshi_desktop.gui.desk.saved import show_path as real_show_path
from zeshi_desktop.services.printing import jobs


@pytest.fixture
def parent(qtbot, tmp_path: Path) -> QWidget:  # type: ignore[no-untyped-def]
    """A window with settings, as the main window is (``real_show_path`` was taken before any fixture answered it)."""
    widget = QWidget()
    widget.settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)   # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    return widget


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return jobs.print_blank("3-2").pdf


def test_the_preview_takes_most_of_the_screen_at_the_page_s_width(parent: QWidget, pdf: bytes) -> None:
    dialog = gui_printing.preview_dialog(parent, pdf, "附件3-2", file_name="附件3-2_朝阳区_张三_2026-11-30.pdf")
    area = (parent.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert dialog.width() >= area.width() * 0.85 and dialog.height() >= area.height() * 0.85
    assert dialog.width() <= area.width() and dialog.height() <= area.height()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    assert dialog.findChild(QAction, "fitWidthAction").isChecked()
    assert dialog.windowTitle() == "打印预览 — 附件3-2_朝阳区_张三_2026-11-30"


def test_size_and_maximised_are_remembered(parent: QWidget, pdf: bytes) -> None:
    first = gui_printing.preview_dialog(parent, pdf, "附件3-2")
    first.show()
    first.resize(700, 500)
    first.done(0)
    again = gui_printing.preview_dialog(parent, pdf, "附件3-2")
    assert (again.width(), again.height()) == (700, 500)
    again.showMaximized()
    again.done(0)
    third = gui_printing.preview_dialog(parent, pdf, "附件3-2")
    assert third.windowState() & third.windowState().WindowMaximized


def test_save_offers_the_name_in_the_last_folder_and_says_where(parent: QWidget, pdf: bytes, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []
    said: list[Path] = []
    folder = tmp_path / "out"
    folder.mkdir()

    def choose(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        offered.append(suggested)
        return str(folder / Path(suggested).name), ""

    monkeypatch.setattr(gui_dialogs.QFileDialog, "getSaveFileName", choose)
    monkeypatch.setattr(saved, "show_saved", lambda parent, path, what="": said.append(path))
    name = "附件3-2_朝阳区_张三_2026-11-30.pdf"
    dialog = gui_printing.preview_dialog(parent, pdf, "附件3-2", file_name=name)
    save = gui_printing.preview_actions(dialog)["save"]
    save.trigger()
    assert offered == [str(Path.home() / name)] and said == [folder / name]
    assert (folder / name).read_bytes() == pdf
    save.trigger()   # the next save starts in the folder saved to
    assert offered[-1] == str(folder / name)


def test_the_saved_message_offers_the_folder(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    opened: list[Path] = []
    monkeypatch.setattr(saved, "open_folder", lambda path: opened.append(path))
    texts: list[str] = []

    def click_folder(box: QMessageBox) -> int:
        texts.append(box.text())
        folder = next(b for b in box.buttons() if b.text() == "打开所在文件夹")
        box.clickedButton = lambda: folder   # type: ignore[method-assign]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_folder)
    real_show_path(None, saved.saved_text(tmp_path / "a.pdf"), tmp_path / "a.pdf")
    assert opened == [tmp_path / "a.pdf"] and texts == [f"已保存到：\n{tmp_path / 'a.pdf'}"]


def test_a_sheet_printed_from_its_page_is_offered_under_its_form_district_and_reviewer(
        demo_db, demo_year: int, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from zeshi_desktop.gui.actions import ActionRunner
    from zeshi_desktop.gui.selection import PrintRequest
    from zeshi_desktop.services import roster
    from zeshi_desktop.services.scoring import sheets

    offered: list[str | None] = []
    monkeypatch.setattr(gui_printing, "preview_and_print",
                        lambda parent, pdf, title, two_sided=None, file_name=None: offered.append(file_name))
    with demo_db.read() as s:
        sheet = sheets.sheets(s, demo_year, "3-2")[0]
        reviewer = roster.reviewer(s, sheet.reviewer_id)
        district = roster.district(s, reviewer.district_id)
    gui_printing.open_print(None, ActionRunner(demo_db), PrintRequest("sheet", "3-2", demo_year, sheet_id=sheet.id))
    assert offered == [f"附件3-2_{district.name}_{reviewer.name}_{date.today().isoformat()}.pdf"]
