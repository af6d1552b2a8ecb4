"""Every page opens on the demo year; 3-3 weights, 5-1 completeness, 4-2 warning, screenshots."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QLabel

from zeshi_desktop import app
from zeshi_desktop.gui import dialogs
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.pages import PAGES
from zeshi_desktop.gui.views.sheet_table import COL_SCORE
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.meeting import ranking
from zeshi_desktop.services.scoring import sheets


def visible_texts(widget) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def test_every_page_opens_on_the_demo_year(window, demo_db, demo_year):
    with demo_db.read() as s:
        a = roster.appointments(s, demo_year)[0]
        sheet = sheets.view(s, sheets.find_sheet_id(s, "3-1", demo_year, appointment_id=a.id))
    window.select(a.district_id, a.unit_id, a.id)
    for name in window.page_names():
        page = window.show_page(name)
        window.choose_reviewer(getattr(page, "reviewer_level", None))
        assert page.isVisible(), name
    page = window.show_page("sheet-3-1")
    window.choose_reviewer(None)
    for item_id, value in sheet.scores.items():
        assert Decimal(page.table.item(page.row_of_item[item_id], COL_SCORE).text()) == value
    assert Decimal(page.table.item(page.total_row, COL_SCORE).text()) == sum(sheet.scores.values())
    assert "已定稿" in visible_texts(page)


def test_matrix_shows_one_row_per_unit_of_the_reviewers_district(window, demo_db, demo_year):
    with demo_db.read() as s:
        district = roster.districts(s)[0]
        apps = roster.appointments(s, demo_year, district.id)
        reviewer = roster.reviewers(s, demo_year, "district", district.id)[0]
        first = sheets.view(s, sheets.find_sheet_id(s, "3-2", demo_year, appointment_id=apps[0].id,
                                                     reviewer_id=reviewer.id))
    window.select(district.id)
    page = window.show_page("sheet-3-2")
    window.select(district.id, reviewer_id=reviewer.id)
    page = window.show_page("sheet-3-2")
    assert len(page.rows) == len(apps)
    assert [page.table.item(2 + i, 1).text() for i in range(len(apps))] == [a.unit for a in apps]
    total = page.table.item(2, page.total_col).text()
    assert Decimal(total) == sum(first.scores.values())


def test_weight_of_15_percent_is_refused(window, demo_db, demo_year):
    with demo_db.read() as s:
        district = roster.districts(s)[0]
        before = ranking.weights(s, demo_year, district.id)[0]
    window.select(district.id)
    page = window.show_page("sheet-3-3")
    page.street.setText("15")
    page.district.setText("85")
    page.apply.click()
    assert "低于20" in page.message.text()
    with demo_db.read() as s:
        assert ranking.weights(s, demo_year, district.id)[0] == before
    page.street.setText("35")
    page.district.setText("65")
    page.apply.click()
    with demo_db.read() as s:
        assert ranking.weights(s, demo_year, district.id)[0].street == Decimal(35)


def test_questionnaire_refuses_to_finalise_until_complete(window, fresh_appointment, demo_db, demo_year,
                                                          monkeypatch):
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    window.runner.changed.emit(Change(roster=True))
    window.select(fresh_appointment["district"], fresh_appointment["unit"], fresh_appointment["appointment"])
    page = window.show_page("sheet-5-1")
    q = catalogue.form("5-1").questionnaire
    statements = list(q.statements)
    # answer everything but the last row
    page.groups[f"yes_no:{q.yes_no[0].id}"].buttons()[0].click()
    for st in statements[:-1]:
        page.groups[f"choice:{st.id}"].buttons()[0].click()
    page.bar.finalize_button.click()
    assert "不能定稿" in page.bar.message.text()
    # the last row 不同意 without a reason: still refused
    disagree = [b for b in page.groups[f"choice:{statements[-1].id}"].buttons()
                if b.property("value") == q.reason_option][0]
    disagree.click()
    page.bar.finalize_button.click()
    assert "不同意理由" in page.bar.message.text()
    with demo_db.read() as s:
        sid = sheets.find_sheet_id(s, "5-1", demo_year, appointment_id=fresh_appointment["appointment"])
        assert not sheets.view(s, sid).is_final
    page.reasons[statements[-1].id].setText("报酬未按时支付")
    page.reasons[statements[-1].id].editingFinished.emit()
    page.bar.finalize_button.click()
    with demo_db.read() as s:
        assert sheets.view(s, sid).is_final


def test_contract_no_shows_the_ineligibility_warning(window, demo_db, demo_year, monkeypatch):
    with demo_db.read() as s:
        district = roster.districts(s)[0]
        sid = sheets.find_sheet_id(s, "4-2", demo_year, district_id=district.id)
    with demo_db.write() as s:
        sheets.unlock(s, sid, "测试合同问题")
    window.select(district.id)
    page = window.show_page("sheet-4-2")
    page.contract.no.click()
    assert page.contract.warning.isVisible()
    assert catalogue.form("4-2").contract_rule.consequence.zh in page.contract.warning.text()
    with demo_db.read() as s:
        assert sheets.view(s, sid).answers["contracts_signed"] == "no"
    page.contract.yes.click()
    assert not page.contract.warning.isVisible()


def test_screenshots_write_one_png_per_page(qtbot, demo_db, tmp_path):
    out = tmp_path / "shots"
    path = demo_db.path
    demo_db.dispose()
    assert app.main(["--db", str(path), "--lang", "zh", "--screenshots", str(out)]) == 0
    names = {p.stem for p in out.glob("*.png")}
    assert {s.name for s in PAGES} <= names
    assert {"sheet-3-1", "sheet-3-2", "sheet-3-3", "sheet-5-1", "roster", "district-dashboard"} <= names
    assert {f"{s.name}{tab}" for s in PAGES for tab in s.extra_tabs} <= names   # the dashboards' further tabs
    assert "district-dashboard-impact" in names
    assert {"role-reviewer", "file-check", "file-restore"} <= names   # the role on screen, 检查数据 and 恢复…
    assert all(p.stat().st_size > 10_000 for p in out.glob("*.png"))


def test_matrix_typing_creates_the_reviewers_sheet_and_refuses_above_maximum(qtbot, window, demo_db, demo_year):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit
    with demo_db.write() as s:
        district = roster.districts(s)[0]
        reviewer_id = roster.add_reviewer(s, demo_year, "district", "新评审人", district_id=district.id,
                                          organisation="测试单位")
        apps = roster.appointments(s, demo_year, district.id)
    window.runner.changed.emit(Change(roster=True))
    window.select(district.id, reviewer_id=reviewer_id)
    page = window.show_page("sheet-3-2")
    item = next(i for i in catalogue.form("3-2").items if i.max == 15)
    col = page.col_of_item[item.id]

    def type_cell(row: int, text: str) -> None:
        page.table.setCurrentCell(row, col)
        qtbot.keyClicks(page.table, text[0])
        editor = next(e for e in page.table.viewport().findChildren(QLineEdit) if e.isVisible())
        qtbot.keyClicks(editor, text[1:])
        qtbot.keyClick(editor, Qt.Key.Key_Tab)

    type_cell(2, "12.5")
    with demo_db.read() as s:
        sid = sheets.find_sheet_id(s, "3-2", demo_year, appointment_id=apps[0].id, reviewer_id=reviewer_id)
        assert sheets.view(s, sid).scores == {item.id: Decimal("12.5")}
    assert page.table.item(2, page.total_col).text() == "12.5"
    assert page.table.currentColumn() == col + 1           # Tab moved to the next item
    type_cell(2, "16")
    assert "超过单项满分 15" in page.hint.text()
    assert page.table.item(2, col).text() == "12.5"
    with demo_db.read() as s:
        assert sheets.view(s, sid).scores == {item.id: Decimal("12.5")}
        others = [sheets.find_sheet_id(s, "3-2", demo_year, appointment_id=a.id, reviewer_id=reviewer_id)
                  for a in apps[1:]]
    assert others == [None] * len(apps[1:])                 # browsing created no blank sheets


def test_the_3_2_matrix_prints_the_reviewers_whole_matrix(window, demo_db, demo_year, monkeypatch):
    """打印… under the matrix prints the reviewer's 3-2 (one row per unit), like the paper sheet."""
    from zeshi_desktop.gui import printing as gui_printing

    from ..printing.conftest import page_texts

    shown = []
    monkeypatch.setattr(gui_printing, "preview_and_print",
                        lambda parent, pdf, title, *rest, **named: shown.append((pdf, title)))
    with demo_db.read() as s:
        district = roster.districts(s)[0]
        apps = roster.appointments(s, demo_year, district.id)
        reviewer = roster.reviewers(s, demo_year, "district", district.id)[0]
    window.select(district.id, reviewer_id=reviewer.id)
    page = window.show_page("sheet-3-2")
    assert page.bar.print_button.isVisibleTo(page)
    page.bar.print_button.click()
    assert shown and shown[0][1] == "附件3-2"
    text = "".join(page_texts(shown[0][0]))
    assert reviewer.name in text and all(a.unit in text for a in apps)
