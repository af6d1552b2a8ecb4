"""Scoring by keyboard on 3-1: totals, band, refusals, undo, finalise/unlock, persistence."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from zeshi_desktop.gui import dialogs
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.views.sheet_table import COL_HINT, COL_SCORE
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.scoring import sheets


def stored(db, year, appointment_id):  # type: ignore[no-untyped-def]
    with db.read() as s:
        sid = sheets.find_sheet_id(s, "3-1", year, appointment_id=appointment_id)
        return sheets.view(s, sid) if sid is not None else None


def type_into(qtbot, view, item_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Go to the item's score cell, type the text, press Enter (as a panel member would)."""
    table = view.table
    table.setCurrentCell(view.row_of_item[item_id], COL_SCORE)
    table.setFocus()
    qtbot.keyClicks(table, text[0])
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "typing a digit should open the cell editor"
    editor = editors[0]
    assert editor.text() == text[0], "the typed digit replaces the old value"
    if len(text) > 1:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def open_31(window, ids):  # type: ignore[no-untyped-def]
    window.runner.changed.emit(Change(roster=True))  # the appointment was added after the window opened
    window.select(ids["district"], ids["unit"], ids["appointment"])
    return window.show_page("sheet-3-1")


def test_typed_scores_update_totals_band_and_database(qtbot, window, fresh_appointment, demo_db, demo_year):
    view = open_31(window, fresh_appointment)
    form = catalogue.form("3-1")
    first, second = form.items[0], form.items[1]
    type_into(qtbot, view, first.id, "3")
    type_into(qtbot, view, second.id, "2.5")
    sheet = stored(demo_db, demo_year, fresh_appointment["appointment"])
    assert sheet is not None
    assert sheet.scores == {first.id: Decimal(3), second.id: Decimal("2.5")}
    total_cell = view.table.item(view.total_row, COL_SCORE)
    assert total_cell.text() == "5.5"
    assert view.table.item(view.total_row, COL_HINT).text() == ""   # no band until every item is scored
    assert "不合格（暂定）" in view.summary.text()                       # 5.5 < 80, so far
    # Enter moved on: the next cell is the third item's
    assert view.table.currentRow() == view.row_of_item[form.items[2].id]
    # type the maximum into every other item and see the band reach 优秀 (>= 100)
    for item in form.items[2:]:
        type_into(qtbot, view, item.id, str(item.max))
    expected = sum((i.max for i in form.items[2:]), Decimal(0)) + Decimal("5.5")
    assert view.table.item(view.total_row, COL_SCORE).text() == str(expected)
    assert expected >= 100 and view.table.item(view.total_row, COL_HINT).text() == "优秀"


def test_value_above_maximum_is_refused_and_not_stored(qtbot, window, fresh_appointment, demo_db, demo_year):
    view = open_31(window, fresh_appointment)
    ten = next(i for i in catalogue.form("3-1").items if i.max == 10)
    type_into(qtbot, view, ten.id, "7")
    type_into(qtbot, view, ten.id, "11")
    row = view.row_of_item[ten.id]
    assert "超过单项满分 10" in view.table.item(row, COL_HINT).text()
    assert view.table.item(row, COL_SCORE).text() == "7"
    assert stored(demo_db, demo_year, fresh_appointment["appointment"]).scores[ten.id] == Decimal(7)
    for bad, reason in (("-1", "负数"), ("2.25", "一位小数"), ("abc", "不是数字")):
        type_into(qtbot, view, ten.id, bad)
        assert reason in view.table.item(row, COL_HINT).text()
    assert stored(demo_db, demo_year, fresh_appointment["appointment"]).scores[ten.id] == Decimal(7)


def test_ctrl_z_undoes_the_last_score(qtbot, window, fresh_appointment, demo_db, demo_year):
    view = open_31(window, fresh_appointment)
    item = catalogue.form("3-1").items[0]
    type_into(qtbot, view, item.id, "2")
    type_into(qtbot, view, item.id, "4")
    assert stored(demo_db, demo_year, fresh_appointment["appointment"]).scores[item.id] == Decimal(4)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_db, demo_year, fresh_appointment["appointment"]).scores[item.id] == Decimal(2)
    assert view.table.item(view.row_of_item[item.id], COL_SCORE).text() == "2"


def test_finalise_lock_unlock_with_reason_and_audit(qtbot, window, fresh_appointment, demo_db, demo_year,
                                                    monkeypatch):
    view = open_31(window, fresh_appointment)
    form = catalogue.form("3-1")
    type_into(qtbot, view, form.items[0].id, "4")
    sheet = stored(demo_db, demo_year, fresh_appointment["appointment"])
    # finalising an incomplete sheet is refused with what is missing
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    view.bar.finalize_button.click()
    assert "不能定稿" in view.bar.message.text()
    assert not stored(demo_db, demo_year, fresh_appointment["appointment"]).is_final
    with demo_db.write() as s:
        sheets.set_scores(s, sheet.id, {i.id: 1 for i in form.items[1:]})
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or True)
    view.bar.finalize_button.click()
    assert asked, "finalising asks for confirmation"
    assert stored(demo_db, demo_year, fresh_appointment["appointment"]).is_final
    # locked: the score cells no longer take input
    row = view.row_of_item[form.items[0].id]
    assert not view.table.item(row, COL_SCORE).flags() & Qt.ItemFlag.ItemIsEditable
    view.table.setCurrentCell(row, COL_SCORE)
    qtbot.keyClicks(view.table, "2")
    assert stored(demo_db, demo_year, fresh_appointment["appointment"]).scores[form.items[0].id] == Decimal(4)
    # unlock with a reason, change a value, find both in the audit log
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: "评审会复核更正")
    view.bar.unlock_button.click()
    assert not stored(demo_db, demo_year, fresh_appointment["appointment"]).is_final
    type_into(qtbot, view, form.items[0].id, "3")
    with demo_db.read() as s:
        log = sheets.audit_log(s, sheet.id)
    actions = [(e.action, e.reason) for e in log]
    assert ("unlock", "评审会复核更正") in actions
    change = [e for e in log if e.action == "change"]
    assert change and change[-1].old == "4" and change[-1].new == "3"


def test_values_survive_closing_and_reopening(qtbot, make_window, fresh_appointment, demo_db, demo_year):
    window = make_window()
    view = open_31(window, fresh_appointment)
    form = catalogue.form("3-1")
    typed = {form.items[0].id: "3", form.items[4].id: "9.5", form.items[-1].id: "5"}
    for item_id, text in typed.items():
        type_into(qtbot, view, item_id, text)
    view.remarks.setPlainText("沟通及时")
    view.remarks.flush()
    window.close()
    again = make_window()
    assert again.selection.appointment_id == fresh_appointment["appointment"]
    page = again.show_page("sheet-3-1")
    for item_id, text in typed.items():
        assert page.table.item(page.row_of_item[item_id], COL_SCORE).text() == text
    assert page.remarks.toPlainText() == "沟通及时"
    assert stored(demo_db, demo_year, fresh_appointment["appointment"]).remarks == "沟通及时"


def test_delete_clears_a_cell_and_the_total_follows(qtbot, window, fresh_appointment, demo_db, demo_year):
    view = open_31(window, fresh_appointment)
    first, second = catalogue.form("3-1").items[:2]
    type_into(qtbot, view, first.id, "4")
    type_into(qtbot, view, second.id, "1.5")
    view.table.setCurrentCell(view.row_of_item[first.id], COL_SCORE)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert stored(demo_db, demo_year, fresh_appointment["appointment"]).scores == {second.id: Decimal("1.5")}
    assert view.table.item(view.total_row, COL_SCORE).text() == "1.5"
