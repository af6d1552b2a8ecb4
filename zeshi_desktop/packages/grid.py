"""A worksheet read once, with openpyxl's streaming parts, into a plain grid.

Read-only mode is openpyxl's fast path, but its worksheets trust the sheet's
declared ``<dimension>`` (and parse the sheet once more just to find it);
here each sheet is parsed exactly once, its ``<row>`` elements handed to
openpyxl's own row parser, so every row and column the sheet actually holds
is taken and a wrong dimension cannot hide data
(``test_a_wrong_dimension_drops_no_rows``). Merged ranges come from the
``<mergeCell>`` elements of the same pass. Everything else in the sheet
(validations, views, page set-up) is skipped unparsed. Formulas stay
formulas (``data_only=False``, data type ``f``): never evaluated. The XML
parser is openpyxl's ``iterparse``, which is defusedxml's when it is
installed (``safety.require_defusedxml``). (``ExcelReader``,
``ReadOnlyWorksheet`` and ``WorkSheetParser.parse_row`` are openpyxl
internals; ``tests/packages`` exercise them.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from .errors import PackageRefused

MAX_MERGED_RANGES = 1000   # the program writes none; a form filled by hand may merge a few
_ROW = f"{{{SHEET_MAIN_NS}}}row"
_MERGE = f"{{{SHEET_MAIN_NS}}}mergeCell"


@dataclass
class Grid:
    title: str
    cells: dict[tuple[int, int], tuple[Any, str]] = field(default_factory=dict)   # (row, col) → (value, type)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)   # (min_col, min_row, max_col, max_row)
    max_row: int = 0
    max_column: int = 0
    state: str = "visible"

    def value(self, row: int, column: int) -> tuple[Any, str]:
        return self.cells.get((row, column), (None, "n"))

    def is_merged(self, row: int, column: int) -> bool:
        """Kept as ranges, never expanded: a hostile ``A1:XFD1048576`` costs one tuple, not 17 billion."""
        return any(c0 <= column <= c1 and r0 <= row <= r1 for c0, r0, c1, r1 in self.merged)


class _Sheet(ReadOnlyWorksheet):
    """A read-only worksheet that does not look for its declared size (it is not trusted here)."""

    def _get_size(self) -> None:
        return None


class _Reader(ExcelReader):
    """openpyxl's reader, read-only, with worksheets that are not pre-scanned."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                self.read_chartsheet(sheet, rel)
                continue
            ws = _Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
            ws.sheet_state = sheet.state
            self.wb._sheets.append(ws)


def load_grids(path: Path) -> dict[str, Grid]:
    """Every worksheet of the file as a grid, in workbook order.

    One streaming pass per sheet: each ``<row>`` goes through openpyxl's own
    row parser (shared strings, dates, data types as openpyxl reads them)
    without building a cell object per value, and each ``<mergeCell>`` marks
    its cells; the declared dimension plays no part.
    """
    grids: dict[str, Grid] = {}
    reader = _Reader(path, read_only=True, keep_vba=False, data_only=False, keep_links=False)
    reader.read()
    wb = reader.wb
    try:
        for ws in wb.worksheets:
            grid = Grid(ws.title, state=ws.sheet_state)
            with ws._get_source() as source:
                parser = WorkSheetParser(source, ws._shared_strings, data_only=False, epoch=wb.epoch,
                                         date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
                for _event, element in iterparse(source):
                    tag = element.tag
                    if tag == _ROW:
                        _index, row = parser.parse_row(element)
                        element.clear()
                        _take_row(grid, row)
                    elif tag == _MERGE:
                        _take_merge(grid, element.get("ref", ""))
            grids[ws.title] = grid
    finally:
        wb.close()
    return grids


def _take_row(grid: Grid, row: list[dict[str, Any]]) -> None:
    for cell in row:
        value = cell["value"]
        if value is None:
            continue
        r, c = cell["row"], cell["column"]
        grid.cells[(r, c)] = (value, cell["data_type"])
        if r > grid.max_row:
            grid.max_row = r
        if c > grid.max_column:
            grid.max_column = c


def _take_merge(grid: Grid, ref: str) -> None:
    if ":" not in ref:
        return   # a one-cell "range" merges nothing
    if len(grid.merged) >= MAX_MERGED_RANGES:
        raise PackageRefused("package.file.too_many_merged", sheet=grid.title, limit=MAX_MERGED_RANGES)
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    grid.merged.append((min_col, min_row, max_col, max_row))
