"""The 3-1 title on screen names the office as the printed sheet does (issue 10: form details as data)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from zeshi_desktop.gui.main_window import MainWindow
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.printing import jobs as printing
from zeshi_desktop.services.scoring import sheets

from .conftest import page_texts, squash


def test_the_3_1_title_on_screen_fills_its_placeholder_as_the_print_does(demo_db, demo_year, qtbot, tmp_path: Path):
    window = MainWindow(demo_db, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    form = catalogue.form("3-1")
    with demo_db.read() as s:
        a = roster.appointments(s, demo_year)[0]
        sheet = sheets.view(s, sheets.find_sheet_id(s, "3-1", demo_year, appointment_id=a.id))
        pdf = printing.print_sheet(s, sheet.id, record=False).pdf
    window.select(a.district_id)   # no planner chosen: the seed's placeholder, as on a blank sheet
    page = window.show_page("sheet-3-1")
    assert page.heading_title.text() == form.title.zh == "附件3-1：XXX（街/乡/镇/功能区管委会）责师工作评审表"
    office = sheet.answers.get("header:office") or a.unit
    window.select(a.district_id, a.unit_id, a.id)
    page = window.show_page("sheet-3-1")
    assert page.heading_title.text() == f"附件3-1：{office}责师工作评审表"
    assert squash(f"{office}责师工作评审表") in page_texts(pdf)[0]
    assert "XXX" not in page_texts(pdf)[0]
