"""The sheet views' own fields and heading: the compact 3-2 header (remembered), the heading fields
(3-1's 评审单位, 4-2's 单位), 5-1's question 1 filled in, and the English totals."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from zeshi_desktop.gui import i18n
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.views.matrix_header import SETTING
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.scoring import sheets


def _visible_rows(page) -> int:  # type: ignore[no-untyped-def]
    table = page.table
    return sum(1 for row in range(2, table.rowCount())
               if table.visualRect(table.model().index(row, 0)).bottom() <= table.viewport().height())


def test_the_compact_3_2_header_shows_more_rows_and_is_remembered(qtbot, make_window, settings_path):  # type: ignore[no-untyped-def]
    window = make_window()
    window.resize(1280, 720)
    assert window.choose_reviewer("district")
    page = window.show_page("sheet-3-2")
    page.table.setRowCount(2 + 40)                                # a district of forty units
    for row in range(3, 42):
        page.table.setRowHeight(row, page.table.rowHeight(2))
    page.set_compact(False)
    qtbot.wait(20)
    full, rows_full = page.heading.height(), _visible_rows(page)
    page.set_compact(True)
    qtbot.wait(20)
    compact, rows_compact = page.heading.height(), _visible_rows(page)
    assert compact < full / 3 and compact < 90                  # the annex's texts take about 250-290 px
    assert rows_full <= 7 and rows_compact >= 12                  # at 1280x720: 6 rows, then 13
    item = catalogue.form("3-2").items[0]
    cell = page.table.item(1, page.col_of_item[item.id])
    assert item.column_label.zh in cell.text() and item.text.zh in cell.toolTip()   # the whole text as tooltip
    assert not page.heading.frozen.isHidden() and page.heading.frozen.geometry().height() == compact
    page.compact_button.setChecked(False)                         # the person's choice …
    assert not page.heading.compact
    window.close()
    assert QSettings(str(settings_path), QSettings.Format.IniFormat).value(SETTING) in (False, "false")
    again = make_window()                                         # … is kept for the next time
    assert again.choose_reviewer("district")
    assert not again.show_page("sheet-3-2").heading.compact


def test_the_matrix_heading_stays_above_the_rows_while_they_scroll(window):  # type: ignore[no-untyped-def]
    assert window.choose_reviewer("district")
    page = window.show_page("sheet-3-2")
    top = page.heading.frozen.geometry()
    page.table.setRowCount(60)
    page.table.verticalScrollBar().setValue(page.table.verticalScrollBar().maximum())
    assert page.heading.frozen.geometry() == top and not page.heading.frozen.isHidden()
    assert page.table.viewport().geometry().top() >= top.bottom()


def test_a_heading_field_is_saved_and_fills_the_title(qtbot, window, fresh_appointment, demo_db,  # type: ignore[no-untyped-def]
                                                     demo_year):
    window.runner.changed.emit(Change(roster=True))
    window.select(fresh_appointment["district"], fresh_appointment["unit"], fresh_appointment["appointment"])
    view = window.show_page("sheet-3-1")
    edit = view.header_fields.edits["header:office"]
    assert edit.isVisibleTo(view) and not edit.isReadOnly() and edit.placeholderText() == "测试街道"
    edit.setText("测试街道办事处")
    edit.editingFinished.emit()
    with demo_db.read() as s:
        sid = sheets.find_sheet_id(s, "3-1", demo_year, appointment_id=fresh_appointment["appointment"])
        assert sheets.view(s, sid).answers["header:office"] == "测试街道办事处"
    assert "测试街道办事处" in view.heading_title.text()


def test_4_2_shows_its_organisation_field(window):  # type: ignore[no-untyped-def]
    view = window.show_page("sheet-4-2")
    edit = view.header_fields.edits["header:org"]
    assert edit.isVisibleTo(view) and edit.isReadOnly()               # the demo's 4-2 is finalised
    assert view.sheet is not None and edit.text() == view.sheet.answers.get("header:org", "")
    assert edit.placeholderText().endswith("规自分局")


def test_5_1_question_1_reads_as_filled_in(window):  # type: ignore[no-untyped-def]
    view = window.show_page("sheet-5-1")
    line = view.unit_line.text()
    unit = window.selection.appointment_id
    assert unit is not None and "■街道" in line and "□镇(乡)" in line and "<u>" in line
    assert "      " not in line                                   # no blank left as a run of spaces


def test_english_totals_have_a_space_after_the_colon(qapp, window):  # type: ignore[no-untyped-def]
    i18n.install_language(qapp, "en")
    view = window.show_page("sheet-3-1")
    view.update_totals()
    assert "Total score: " in view.summary.text() and "Regular subtotal: " in view.summary.text()
