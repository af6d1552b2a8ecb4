"""A worksheet read once, in openpyxl's streaming read-only mode, into a plain grid.

Read-only mode is openpyxl's fast path, but its worksheets trust the sheet's
declared ``<dimension>``; reading the rows from its sheet parser instead takes
every row and column the sheet actually holds, so a wrong dimension cannot
hide data (``test_a_wrong_dimension_drops_no_rows``). Read-only mode
does not expose merged ranges, so they are taken from the sheet's
``<mergeCell>`` elements with a plain scan (no XML parser involved). Formulas
stay formulas (``data_only=False``, data type ``f``): never evaluated.
(``WorkSheetParser`` and ``_get_source`` are openpyxl internals, used as its
own read-only worksheet uses them; ``tests/packages`` exercise them.)
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._reader import WorkSheetParser

_MERGE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s+ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")


@dataclass
class Grid:
    title: str
    cells: dict[tuple[int, int], tuple[Any, str]] = field(default_factory=dict)   # (row, col) → (value, type)
    merged: set[tuple[int, int]] = field(default_factory=set)
    max_row: int = 0
    max_column: int = 0
    state: str = "visible"

    def value(self, row: int, column: int) -> tuple[Any, str]:
        return self.cells.get((row, column), (None, "n"))


def load_grids(path: Path) -> dict[str, Grid]:
    """Every worksheet of the file as a grid, in workbook order.

    The rows come straight from openpyxl's streaming sheet parser (what its
    read-only worksheets use underneath), without building a cell object per
    value; the parser reads every ``<row>`` there is, whatever the declared
    dimension says, and gives formulas their own data type ``f``.
    """
    grids: dict[str, Grid] = {}
    wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    try:
        with zipfile.ZipFile(path) as archive:
            for ws in wb.worksheets:
                grid = Grid(ws.title, state=ws.sheet_state)
                with ws._get_source() as source:
                    parser = WorkSheetParser(source, ws._shared_strings, data_only=False, epoch=wb.epoch,
                                             date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
                    for _index, row in parser.parse():
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
                for ref in _MERGE.findall(archive.read(ws._worksheet_path)):
                    min_col, min_row, max_col, max_row = range_boundaries(ref.decode())
                    grid.merged.update((r, c) for r in range(min_row, max_row + 1)
                                       for c in range(min_col, max_col + 1))
                grids[ws.title] = grid
    finally:
        wb.close()
    return grids
