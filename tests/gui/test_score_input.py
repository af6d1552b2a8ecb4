"""Input that stays: a refused score keeps the cursor in its cell with the reason beside it (3-1 and 3-2,
the matrix naming the row); typing on a finalised sheet says so and how to unlock; the unlock names the sheet."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from zeshi_desktop.gui import dialogs
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.views.sheet_table import COL_HINT, COL_SCORE
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database

FINAL_TEXT = "本表已定稿（锁定）"


def _editor(table) -> QLineEdit:  # type: ignore[no-untyped-def]
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "the cell editor should be open"
    return editors[0]


def _type(qtbot, table, row: int, col: int, text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:  # type: ignore[no-untyped-def]
    table.setCurrentCell(row, col)
    table.setFocus()
    qtbot.keyClicks(table, text[0])
    editor = _editor(table)
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, key)


def _shown(qtbot, page):  # type: ignore[no-untyped-def]
    """The page once it is on screen (its holder may lay it out after the tab switch)."""
    qtbot.waitUntil(page.table.isVisible)
    return page


def _open_31(qtbot, window, ids):  # type: ignore[no-untyped-def]
    window.runner.changed.emit(Change(roster=True))
    window.select(ids["district"], ids["unit"], ids["appointment"])
    return _shown(qtbot, window.show_page("sheet-3-1"))


def _stored_31(db: Database, year: int, appointment_id: int):  # type: ignore[no-untyped-def]
    with db.read() as s:
        sid = sheets.find_sheet_id(s, "3-1", year, appointment_id=appointment_id)
        return sheets.view(s, sid) if sid is not None else None


@pytest.mark.parametrize("bad, reason", [("11", "超过单项满分 10"), ("9.55", "一位小数"), ("abc", "不是数字")])
def test_a_refused_value_keeps_focus_in_its_cell_with_the_reason_beside_it(  # type: ignore[no-untyped-def]
        qtbot, window, fresh_appointment, demo_db, demo_year, bad, reason):
    view = _open_31(qtbot, window, fresh_appointment)
    ten = next(i for i in catalogue.form("3-1").items if i.max == 10)
    row = view.row_of_item[ten.id]
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Return):
        _type(qtbot, view.table, row, COL_SCORE, bad, key)
        assert (view.table.currentRow(), view.table.currentColumn()) == (row, COL_SCORE)   # the cursor stayed
        assert view.table.state() == QAbstractItemView.State.EditingState
        editor = _editor(view.table)
        assert editor.text() == bad and editor.hasFocus()          # the typed text stays, to be corrected
        assert reason in view.table.item(row, COL_HINT).text()       # the 提示 column beside the cell
        assert _stored_31(demo_db, demo_year, fresh_appointment["appointment"]) is None   # nothing stored
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    # corrected in place: stored, the reason goes, the cursor moves on
    _type(qtbot, view.table, row, COL_SCORE, "7")
    assert _stored_31(demo_db, demo_year, fresh_appointment["appointment"]).scores[ten.id] == Decimal(7)
    assert view.table.item(row, COL_HINT).text() == ""
    assert view.table.currentRow() == row + 1


def test_correcting_the_refused_text_in_the_open_editor_stores_it(qtbot, window, fresh_appointment,  # type: ignore[no-untyped-def]
                                                                  demo_db, demo_year):
    view = _open_31(qtbot, window, fresh_appointment)
    item = catalogue.form("3-1").items[0]    # max 4
    row = view.row_of_item[item.id]
    _type(qtbot, view.table, row, COL_SCORE, "45")
    editor = _editor(view.table)
    assert editor.selectedText() == "45"          # selected: typing replaces it, an arrow key keeps it to edit
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _stored_31(demo_db, demo_year, fresh_appointment["appointment"]).scores[item.id] == Decimal(4)
    assert view.table.item(row, COL_SCORE).text() == "4"


def test_typing_on_a_finalised_sheet_says_it_is_final_and_how_to_unlock(qtbot, window, demo_db,  # type: ignore[no-untyped-def]
                                                                        demo_year):
    view = _shown(qtbot, window.show_page("sheet-3-1"))
    assert view.sheet is not None and view.sheet.is_final        # the demo's sheets are finalised
    item = catalogue.form("3-1").items[2]
    row = view.row_of_item[item.id]
    before = view.table.item(row, COL_SCORE).text()
    view.table.setCurrentCell(row, COL_SCORE)
    view.table.setFocus()
    qtbot.keyClicks(view.table, "3")
    assert (view.table.currentRow(), view.table.currentColumn()) == (row, COL_SCORE)   # no jump to a "3…" cell
    assert view.table.state() != QAbstractItemView.State.EditingState
    assert FINAL_TEXT in view.bar.message.text() and "解锁…" in view.bar.message.text()
    assert view.table.tip.isVisible() and view.table.tip.text() == view.bar.message.text()
    assert view.table.item(row, COL_SCORE).text() == before
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)                  # nor does Delete clear it
    assert view.table.item(row, COL_SCORE).text() == before and FINAL_TEXT in view.bar.message.text()


def test_typing_on_a_sheet_of_another_role_says_whose_it_is(qtbot, window):  # type: ignore[no-untyped-def]
    view = window.show_page("sheet-3-1")
    assert window.choose_reviewer("district")
    view = _shown(qtbot, window.show_page("sheet-3-1"))
    assert view.locked
    row = view.row_of_item[catalogue.form("3-1").items[0].id]
    view.table.setCurrentCell(row, COL_SCORE)
    view.table.setFocus()
    qtbot.keyClicks(view.table, "1")
    assert view.bar.message.text() == view.locked and view.table.tip.text() == view.locked


def test_the_unlock_dialog_names_the_sheet(window, monkeypatch):  # type: ignore[no-untyped-def]
    view = window.show_page("sheet-3-1")
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "ask_text", lambda parent, title, label: asked.append((title, label)))
    view.bar.unlock_button.click()
    assert asked
    title, label = asked[0]
    unit = view.sheet_title()
    assert unit and unit in title and unit in label and "解锁理由" in label


# ---------------------------------------------------------------- 3-2
def _new_reviewer(qtbot, window, db: Database, year: int):  # type: ignore[no-untyped-def]
    with db.write() as s:
        district = roster.districts(s)[0]
        reviewer_id = roster.add_reviewer(s, year, "district", "新评审人", district_id=district.id,
                                          organisation="测试单位")
        apps = roster.appointments(s, year, district.id)
    window.runner.changed.emit(Change(roster=True))
    window.select(district.id, reviewer_id=reviewer_id)
    return _shown(qtbot, window.show_page("sheet-3-2")), apps


def test_a_3_2_refusal_names_the_row_and_keeps_focus(qtbot, window, demo_db, demo_year):  # type: ignore[no-untyped-def]
    page, apps = _new_reviewer(qtbot, window, demo_db, demo_year)
    item = next(i for i in catalogue.form("3-2").items if i.max == 15)
    col = page.col_of_item[item.id]
    row = 3                                                      # the second unit (rows 0-1 are the heading)
    _type(qtbot, page.table, row, col, "16")
    named = f"第 2 行（{apps[1].unit}）"
    assert named in page.hint.text() and "超过单项满分 15" in page.hint.text()
    assert page.table.tip.isVisible() and named in page.table.tip.text()
    assert (page.table.currentRow(), page.table.currentColumn()) == (row, col)
    assert _editor(page.table).text() == "16"
    editor = _editor(page.table)
    editor.selectAll()
    qtbot.keyClicks(editor, "14")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert page.table.item(row, col).text() == "14" and page.hint.text() == ""
    assert page.table.currentColumn() == col + 1


def test_typing_on_a_finalised_3_2_row_names_the_row(qtbot, window):  # type: ignore[no-untyped-def]
    assert window.choose_reviewer("district")
    page = _shown(qtbot, window.show_page("sheet-3-2"))
    assert page.row_sheets[0] is not None and page.row_sheets[0].is_final
    col = page.col_of_item[catalogue.form("3-2").items[0].id]
    page.table.setCurrentCell(2, col)
    page.table.setFocus()
    qtbot.keyClicks(page.table, "4")
    message = page.bar.message.text()
    assert message.startswith(f"第 1 行（{page.rows[0].unit}）") and FINAL_TEXT in message
    assert page.table.tip.isVisible() and page.table.tip.text() == message
    assert (page.table.currentRow(), page.table.currentColumn()) == (2, col)
