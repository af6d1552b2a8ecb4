"""``packages.sheet_cells``: cells written as XML read back as openpyxl's own cells would.

Each test writes the same cells twice — through a ``SheetBook`` and through
ordinary openpyxl cells (``cells.write_value``, styles assigned) — and compares
what openpyxl and the program's reader (``safety.open_checked``) find in both.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection

from zeshi_desktop.packages import cells
from zeshi_desktop.packages.atomic import save_atomic
from zeshi_desktop.packages.safety import open_checked
from zeshi_desktop.packages.sheet_cells import CellStyle, SheetBook

BOLD_FILL = CellStyle(font=Font(bold=True), fill=PatternFill("solid", fgColor="FFF8DC"),
                      alignment=Alignment(wrap_text=True, vertical="top"), protection=Protection(locked=False))


def _both(tmp_path: Path, values: list[Any], style: CellStyle | None = None) -> tuple[Path, Path]:
    """``values`` down column B (from row 2) of a SheetBook and of an openpyxl workbook."""
    ours, theirs = tmp_path / "ours.xlsx", tmp_path / "theirs.xlsx"
    book = SheetBook()
    sheet = book.sheet("表")
    wb = Workbook()
    ws = wb.active
    ws.title = "表"
    for row, value in enumerate(values, start=2):
        sheet.value(row, 2, value, style)
        cell = ws.cell(row=row, column=2)
        cells.write_value(cell, value)
        if style is not None:
            cell.font, cell.fill = style.font, style.fill
            cell.alignment, cell.protection = style.alignment, style.protection
    book.save(ours)
    save_atomic(wb, theirs)
    return ours, theirs


def _read(path: Path, n: int) -> tuple[list[Any], list[str]]:
    """What openpyxl finds in B2…, and what the program's reader makes of each cell."""
    ws = load_workbook(path)["表"]
    grid = open_checked(path)["表"]
    return ([ws.cell(row=r, column=2).value for r in range(2, n + 2)],
            [cells.read_cell(grid, r, 2).text for r in range(2, n + 2)])


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=1, max_size=8))
def test_any_text_reads_back_as_openpyxls_own(tmp_path: Path, texts: list[str]) -> None:
    ours, theirs = _both(tmp_path, texts)
    assert _read(ours, len(texts)) == _read(theirs, len(texts))
    assert _read(ours, len(texts))[1] == texts   # and as the person typed it


@pytest.mark.parametrize("value", [0, 7, 10, -3, 2**40, 8.5, 9.55, 0.1 + 0.2, 1e-05, Decimal("8.50"),
                                   Decimal("15"), Decimal("0.25"), True, False, None])
def test_numbers_and_yes_no_read_back_alike(tmp_path: Path, value: Any) -> None:
    ours, theirs = _both(tmp_path, [value])
    assert _read(ours, 1) == _read(theirs, 1)


def test_text_that_looks_like_a_formula_stays_text_with_the_quote_prefix(tmp_path: Path) -> None:
    risky = ["=1+1", "+86 10", "-3", "@SUM(A1)", "\tx", "a & <b>", "  两头有空格  ", "_x0041_"]
    ours, _ = _both(tmp_path, risky, BOLD_FILL)
    ws = load_workbook(ours)["表"]
    for row, text in enumerate(risky, start=2):
        cell = ws.cell(row=row, column=2)
        assert cell.data_type == "s" and cells.unescape_text(cell.value) == text
        assert cell.quotePrefix == text.startswith(cells.RISKY_START)
        assert cell.font.b and cell.fill.fgColor.rgb.endswith("FFF8DC") and cell.alignment.wrap_text
        assert cell.protection.locked is False


def test_styles_formulas_hidden_rows_and_empty_styled_cells(tmp_path: Path) -> None:
    book = SheetBook()
    sheet = book.sheet("表")
    sheet.number(2, 5, 7)
    sheet.number(3, 5, Decimal("8.5"))
    sheet.formula(4, 5, "SUM(E2:E3)", CellStyle(font=Font(bold=True)))
    sheet.empty(5, 5, BOLD_FILL)
    sheet.text(1, 1, "#keys")
    sheet.ws.row_dimensions[1].hidden = True
    sheet.ws.row_dimensions[9].height = 30          # a row with a height and no cell is still written
    sheet.ws.freeze_panes = "E2"
    book.save(tmp_path / "b.xlsx")
    ws = load_workbook(tmp_path / "b.xlsx")["表"]
    assert ws["E4"].value == "=SUM(E2:E3)" and ws["E4"].font.b
    assert ws["E5"].value is None and ws["E5"].protection.locked is False and ws["E5"].font.b
    assert ws.row_dimensions[1].hidden and ws.row_dimensions[9].height == 30
    assert ws.freeze_panes == "E2" and ws.dimensions == "A1:E5"
    grid = open_checked(tmp_path / "b.xlsx")["表"]
    assert [cells.read_cell(grid, r, 5).text for r in (2, 3)] == ["7", "8.5"]
    assert cells.read_cell(grid, 4, 5).problem is not None          # a formula is never taken for a value


def test_a_cell_put_through_openpyxl_on_such_a_sheet_is_refused_not_lost(tmp_path: Path) -> None:
    book = SheetBook()
    sheet = book.sheet("表")
    sheet.text(1, 1, "ours")
    sheet.ws.cell(row=2, column=1, value="written the other way")
    with pytest.raises(RuntimeError, match="through openpyxl"):
        book.save(tmp_path / "b.xlsx")
    assert not (tmp_path / "b.xlsx").exists()


def test_values_with_no_cell_form_are_refused() -> None:
    sheet = SheetBook().sheet("表")
    with pytest.raises(TypeError):
        sheet.value(1, 1, object())
    with pytest.raises(ValueError):
        sheet.number(1, 1, float("nan"))
    with pytest.raises(ValueError):
        sheet.number(1, 1, Decimal("Infinity"))
