"""Roster, 4-1 summary, audit dialog and the English translation."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel

from zeshi_desktop.gui import i18n
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.dialogs import AuditDialog
from zeshi_desktop.gui.main_window import MainWindow
from zeshi_desktop.gui.views import outline as outline_module
from zeshi_desktop.locations import resources_dir
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.scoring import district_summary as summary
from zeshi_desktop.services.scoring import sheets


def test_roster_adds_a_district_and_refuses_an_empty_name(window, demo_db):
    page = window.show_page("roster")
    page.district_name.setText("  ")
    page.add_district()
    assert "区名不能为空" in page.message.text()
    page.district_name.setText("海淀区")
    page.district_circle.setCurrentText("中心城区")
    page.add_district()
    with demo_db.read() as s:
        added = [d for d in roster.districts(s) if d.name == "海淀区"]
    assert added and added[0].circle == "中心城区"
    names = [window.tree.topLevelItem(i).text(0) for i in range(window.tree.topLevelItemCount())]
    assert "海淀区（中心城区）" in names


def test_roster_shows_the_measures_warning_for_a_fourth_unit(window, demo_db, demo_year):
    with demo_db.write() as s:
        district = roster.districts(s)[0]
        planner = roster.add_planner(s, "忙碌的责师", is_team=False, leader_experience_years=5,
                                     leader_senior_title=True)
        for n in range(4):
            unit = roster.add_unit(s, district.id, f"第{n + 1}街道", "街道")
            roster.appoint(s, demo_year, unit, planner)
    window.runner.changed.emit(Change(roster=True))
    window.select(district.id)
    page = window.show_page("roster")
    texts = [page.warnings.item(i).text() for i in range(page.warnings.count())]
    assert any("忙碌的责师" in t and "4" in t for t in texts), texts


def _open_summary(window, demo_db, demo_year):  # type: ignore[no-untyped-def]
    """The first district's 4-1 summary, unlocked, on screen: (sheet id, page)."""
    with demo_db.read() as s:
        district = roster.districts(s)[0]
        sid = sheets.find_sheet_id(s, "4-1", demo_year, district_id=district.id)
    with demo_db.write() as s:
        sheets.unlock(s, sid, "补充")
    window.select(district.id)
    return sid, window.show_page("sheet-4-1")


def test_summary_counts_characters_and_attaches_a_picture(window, demo_db, demo_year, tmp_path, monkeypatch):
    sid, page = _open_summary(window, demo_db, demo_year)
    overview = page.texts["overview"]
    overview.edit.setPlainText("字" * 301)
    assert "301 / 300" in overview.count.text() and "超出" in overview.count.text()
    overview.flush()
    with demo_db.read() as s:
        assert sheets.view(s, sid).answers["text:overview"] == "字" * 301
    picture = tmp_path / "现场照片.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#4caf50"))
    assert image.save(str(picture))
    monkeypatch.setattr(outline_module, "choose_picture", lambda parent: str(picture))
    assert page.cases, "the demo summary has a case"
    with demo_db.read() as s:
        before = [p.name for p in summary.pictures(s, sid, "cases#1")]
    page.cases[0].add_button.click()
    with demo_db.read() as s:
        pics = summary.pictures(s, sid, "cases#1")
    assert [p.name for p in pics] == before + ["现场照片.png"] and pics[-1].mime == "image/png"


def test_audit_dialog_lists_unlock_and_changes(qtbot, demo_db, demo_year):
    with demo_db.read() as s:
        a = roster.appointments(s, demo_year)[0]
        sid = sheets.find_sheet_id(s, "3-1", demo_year, appointment_id=a.id)
    with demo_db.write() as s:
        sheets.unlock(s, sid, "笔误更正", actor="王")
        sheets.set_score(s, sid, "basic_contract", "1", actor="王")
    with demo_db.read() as s:
        entries = sheets.audit_log(s, sid)
    dialog = AuditDialog(entries, "测试")
    qtbot.addWidget(dialog)
    rows = [[dialog.table.item(r, c).text() for c in range(7)] for r in range(dialog.table.rowCount())]
    assert any(row[3] == "解锁" and row[6] == "笔误更正" for row in rows)
    contract = catalogue.form("3-1").item("basic_contract")
    assert any(row[4] == contract.short and row[5].endswith("→ 1") for row in rows)   # named, not its id


def _tr_strings() -> set[str]:
    path = resources_dir() / "i18n" / "update_ts.py"
    spec = importlib.util.spec_from_file_location("update_ts", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return set(module.extract())


def test_english_translation_is_complete_and_loads(qtbot, demo_db, settings_path):
    ts = ET.parse(resources_dir() / "i18n" / "zeshi_en.ts").getroot()
    translated = {(m.findtext("source"), m.findtext("comment") or ""): m.find("translation")
                  for m in ts.iter("message")}
    missing = [s for s in _tr_strings() if s not in translated or translated[s].get("type") == "unfinished"
               or not translated[s].text]
    assert not missing, missing
    assert (resources_dir() / "i18n" / "zeshi_en.qm").is_file()
    app = QApplication.instance()
    try:
        assert i18n.install_language(app, "en")
        window = MainWindow(demo_db, QSettings(str(settings_path), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert "3-1 Office review" in titles and "Roster" in titles
        with demo_db.read() as s:
            window.select(roster.districts(s)[0].id)
        summary_page = window.show_page("sheet-4-1")
        headings = [label.text() for label in summary_page.findChildren(QLabel)]
        assert "Appendix. Teams and members, contracts and funds" in headings
        assert not [h for h in headings if h.startswith("附件")]   # the section numbers are English too
    finally:
        i18n.install_language(app, "zh")


def test_roster_edits_the_chosen_district(window, demo_db):
    page = window.show_page("roster")
    page.district_table.selectRow(0)
    district_id = page._selected(page.district_table)
    page.district_circle.setCurrentText("多点地区")
    page.update_district()
    with demo_db.read() as s:
        assert roster.district(s, district_id).circle == "多点地区"


def test_a_summary_text_is_saved_when_the_cursor_leaves_it(window, demo_db, demo_year, qapp):
    """Typed, then the cursor leaves before the pause is over (closing, switching): the text is stored."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QFocusEvent

    sid, page = _open_summary(window, demo_db, demo_year)
    overview = page.texts["overview"]
    overview.edit.setPlainText("刚刚写完的一句话")
    qapp.sendEvent(overview.edit, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.OtherFocusReason))
    with demo_db.read() as s:
        assert sheets.view(s, sid).answers["text:overview"] == "刚刚写完的一句话"


def test_a_case_with_only_a_picture_stays_in_the_editor(window, demo_db, demo_year, tmp_path, monkeypatch):
    """Add a case, attach a picture before typing anything: the case is still there (the PDF prints it too)."""
    sid, page = _open_summary(window, demo_db, demo_year)
    before = len(page.cases)
    page.add_case_button.click()
    picture = tmp_path / "新案例.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#2196f3"))
    assert image.save(str(picture))
    monkeypatch.setattr(outline_module, "choose_picture", lambda parent: str(picture))
    page.cases[-1].add_button.click()
    assert len(page.cases) == before + 1
    with demo_db.read() as s:
        assert [p.name for p in summary.pictures(s, sid, f"cases#{before + 1}")] == ["新案例.png"]
