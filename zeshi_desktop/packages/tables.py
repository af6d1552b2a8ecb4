"""Plain tables in a workbook: one header row of Chinese column names, then rows.

The roster workbook and the roster part of every package are such tables.
Columns are found by their header text, so a person who reorders columns in
Excel does not break the import; every value read keeps its cell name so an
error can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from zeshi_desktop.messages import Message

from .cells import read_cell
from .errors import CellProblem
from .grid import Grid
from .sheet_cells import CellStyle, SheetBook

HEADER_STYLE = CellStyle(font=Font(bold=True), fill=PatternFill("solid", fgColor="DDE7F0"),
                         alignment=Alignment(horizontal="center"))


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int = 14
    optional: bool = False     # missing from a file: read as empty, no problem (a column added later)


@dataclass(frozen=True)
class TableSpec:
    sheet: str
    columns: tuple[Column, ...]
    required: bool = True
    hidden: bool = False          # for the program only (the 4-1 pictures as text): not shown in Excel

    def header(self, key: str) -> str:
        return next(c.header for c in self.columns if c.key == key)


@dataclass
class TableRow:
    """One data row: the text of each column and the cell it came from."""

    sheet: str
    row: int
    values: dict[str, str] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)

    def cell(self, key: str) -> str:
        return self.cells.get(key, f"{self.row}")


def write_table(book: SheetBook, spec: TableSpec, rows: list[dict[str, Any]]) -> None:
    sheet = book.sheet(spec.sheet)
    ws = sheet.ws
    for col, column in enumerate(spec.columns, start=1):
        sheet.text(1, col, column.header, HEADER_STYLE)
        ws.column_dimensions[get_column_letter(col)].width = column.width
    keys = [column.key for column in spec.columns]
    for r, row in enumerate(rows, start=2):
        for col, key in enumerate(keys, start=1):
            sheet.value(r, col, row.get(key))
    ws.freeze_panes = "A2"
    if spec.hidden:
        ws.sheet_state = "hidden"


def read_table(grids: dict[str, Grid], spec: TableSpec, problems: list[CellProblem]) -> list[TableRow]:
    """Rows of one table; a missing sheet or column is a problem, blank rows are skipped."""
    if spec.sheet not in grids:
        if spec.required:
            problems.append(CellProblem(spec.sheet, "", Message("package.sheet_missing", sheet=spec.sheet)))
        return []
    ws = grids[spec.sheet]
    by_header: dict[str, int] = {}
    for col in range(1, ws.max_column + 1):
        text = read_cell(ws, 1, col).text.strip()
        if text:
            by_header[text] = col
    positions: dict[str, int] = {}
    for column in spec.columns:
        if column.header in by_header:
            positions[column.key] = by_header[column.header]
        elif not column.optional:
            problems.append(CellProblem(spec.sheet, "1", Message("package.column_missing", column=column.header)))
    if any(c.key not in positions for c in spec.columns if not c.optional):
        return []
    rows: list[TableRow] = []
    for r in ws.rows(2):
        row = TableRow(spec.sheet, r)
        blank = True
        for key, col in positions.items():
            coordinate = f"{get_column_letter(col)}{r}"
            read = read_cell(ws, r, col)
            row.cells[key] = coordinate
            if read.problem is not None:
                problems.append(CellProblem(spec.sheet, coordinate, read.problem))
                blank = False
                continue
            row.values[key] = read.text.strip()
            blank = blank and not row.values[key]
        if not blank:
            rows.append(row)
    return rows
