"""``form_sheets._styled``: a cell styled from the first such cell's copy looks exactly as one styled directly."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from zeshi_desktop.packages import form_sheets


def test_copied_styles_equal_assigned_ones_and_keep_a_cells_own_style() -> None:
    wb = Workbook()
    ws = wb.active
    for row in (1, 2, 3):
        form_sheets._styled(ws.cell(row, 1), form_sheets.BOLD, form_sheets.WRAP)   # the 2nd and 3rd are copies
        form_sheets._styled(ws.cell(row, 2), alignment=form_sheets.WRAP)
        ws.cell(row, 3).font, ws.cell(row, 3).alignment = form_sheets.BOLD, form_sheets.WRAP
    for row in (1, 2, 3):
        assert list(ws.cell(row, 1)._style) == list(ws.cell(row, 3)._style)   # the same font and alignment ids
        assert not ws.cell(row, 2).font.b and ws.cell(row, 2).alignment.wrap_text
    filled = ws.cell(4, 1)
    filled.fill = PatternFill("solid", fgColor="FFF8DC")     # a style of its own is kept
    form_sheets._styled(filled, form_sheets.BOLD, form_sheets.WRAP)
    assert filled.fill.fgColor.rgb.endswith("FFF8DC") and filled.font.b and filled.alignment.wrap_text
