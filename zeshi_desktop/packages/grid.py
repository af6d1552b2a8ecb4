"""A worksheet read once into a plain grid, by the program's own fast reader or by openpyxl's parser.

Read-only mode is openpyxl's fast path, but its worksheets trust the sheet's
declared ``<dimension>`` (and parse the sheet once more just to find it);
here each sheet is parsed once, so every row and column the sheet actually
holds is taken and a wrong dimension cannot hide data
(``test_a_wrong_dimension_drops_no_rows``). A sheet as the program writes it
is read by ``sheet_stream`` straight from expat's callbacks; any other —
a date, rich text, a shared formula, a document type — is read again through
openpyxl's ``iterparse`` (defusedxml's, ``safety.require_defusedxml``), its
``<row>`` elements handed to openpyxl's own row parser. Merged ranges come
from the ``<mergeCell>`` elements of the same pass. Everything else in the
sheet (validations, views, page set-up) is skipped. Formulas stay formulas
(``data_only=False``, data type ``f``): never evaluated. (``ExcelReader``,
``ReadOnlyWorksheet`` and ``WorkSheetParser.parse_row`` are openpyxl
internals; ``tests/packages`` exercise them.)
"""

from __future__ import annotations

import warnings
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from sys import getsizeof
from typing import Any

from openpyxl.cell.text import Text
from openpyxl.packaging.relationship import get_rels_path
from openpyxl.reader.excel import ExcelReader, _find_workbook_part
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser, _cast_number
from openpyxl.xml.constants import (
    ARC_CONTENT_TYPES,
    ARC_STYLE,
    SHARED_STRINGS,
    SHEET_MAIN_NS,
)
from openpyxl.xml.functions import iterparse

from .errors import PackageRefused
from .sheet_stream import coordinate, read_plain

MAX_MERGED_RANGES = 1000   # the program writes none; a form filled by hand may merge a few
MAX_MERGED_IN_ALL = 2000   # in the whole workbook (2,000 sheets of 1,000 would be two million ranges)
_LAST_ROW, _LAST_COLUMN = 1_048_576, 16_384
_ROW = f"{{{SHEET_MAIN_NS}}}row"
_MERGE = f"{{{SHEET_MAIN_NS}}}mergeCell"
_STRING = f"{{{SHEET_MAIN_NS}}}si"
_VALUE = f"{{{SHEET_MAIN_NS}}}v"
_FORMULA = f"{{{SHEET_MAIN_NS}}}f"
_INLINE = f"{{{SHEET_MAIN_NS}}}is"
_TEXT = f"{{{SHEET_MAIN_NS}}}t"
_CELL_PARTS = frozenset(f"{{{SHEET_MAIN_NS}}}{t}" for t in ("c", "v", "f", "is", "t", "r"))   # parse_row reads these


@dataclass(frozen=True)
class ReadLimits:
    """What ``safety`` counted and allows: each part's markup, the control parts' cap, the text budget."""

    markup: Mapping[str, int]
    control_markup: int
    text_bytes: int


class _Budget:
    """Memory the text read takes (``sys.getsizeof``: one emoji makes a whole string 4 bytes a character)."""

    def __init__(self, file: str, limit: int) -> None:
        self.file, self.limit, self.used = file, limit, 0

    def take(self, value: object) -> None:
        if isinstance(value, str):
            self.add(getsizeof(value))

    def add(self, size: int) -> None:
        self.used += size
        if self.used > self.limit:
            raise PackageRefused("package.file.too_much_text", file=self.file, limit_mb=self.limit // 1024 // 1024)


@dataclass
class Grid:
    title: str
    cells: dict[tuple[int, int], tuple[Any, str]] = field(default_factory=dict)   # (row, col) → (value, type)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)   # (min_col, min_row, max_col, max_row)
    max_row: int = 0
    max_column: int = 0
    state: str = "visible"
    _spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict, repr=False)   # row → merged columns
    _rows: list[int] | None = field(default=None, repr=False)

    def value(self, row: int, column: int) -> tuple[Any, str]:
        return self.cells.get((row, column), (None, "n"))

    def is_merged(self, row: int, column: int) -> bool:
        """Kept as ranges, never expanded: a hostile ``A1:XFD1048576`` costs one tuple, not 17 billion."""
        if not self.merged:
            return False   # the program's own sheets: most cells of every import ask
        spans = self._spans.get(row)
        if spans is None:
            spans = self._spans[row] = [(c0, c1) for c0, r0, c1, r1 in self.merged if r0 <= row <= r1]
        return any(c0 <= column <= c1 for c0, c1 in spans)

    def rows(self, first: int = 1) -> list[int]:
        """The rows from ``first`` on that hold a value, in order.

        A sheet may put one value in row 1,048,576: readers walk these rows,
        never ``range(1, max_row + 1)``, so that costs one row, not a million.
        """
        if self._rows is None:
            self._rows = sorted({r for r, _ in self.cells})
        return self._rows[bisect_left(self._rows, first):]


class _Sheet(ReadOnlyWorksheet):
    """A read-only worksheet that does not look for its declared size (it is not trusted here)."""

    def _get_size(self) -> None:
        return None


class _Reader(ExcelReader):
    """openpyxl's reader, read-only, reading only what a grid needs, each part within its limits.

    Document properties, the theme, defined names, chart sheets and their
    pictures are never parsed; the content types, the workbook, its
    relationships and the styles are parsed only when small (counted before);
    the shared strings are read within the text budget.
    """

    def __init__(self, path: Path, limits: ReadLimits) -> None:
        super().__init__(path, read_only=True, keep_vba=False, data_only=False, keep_links=False)
        self.limits = limits
        self.strings_budget = _Budget(path.name, limits.text_bytes)
        self.cells_budget = _Budget(path.name, limits.text_bytes)
        self.file = path.name

    def _control(self, part: str) -> None:
        if self.limits.markup.get(part, 0) > self.limits.control_markup:
            raise PackageRefused("package.file.too_much_markup", file=self.file, entry=part,
                                 limit=self.limits.control_markup)

    def read(self) -> None:
        self._control(ARC_CONTENT_TYPES)
        self.read_manifest()
        self.read_strings()
        workbook = _find_workbook_part(self.package).PartName[1:]
        self._control(workbook)
        self._control(get_rels_path(workbook))
        self.read_workbook()
        self._control(ARC_STYLE)
        apply_stylesheet(self.archive, self.wb)
        self.read_worksheets()

    def read_strings(self) -> None:
        """openpyxl's ``read_string_table``, each string counted against the text budget as it is read."""
        ct = self.package.find(SHARED_STRINGS)
        if ct is None:
            return
        strings: list[str] = []
        with self.archive.open(ct.PartName[1:]) as source:
            for _event, node in iterparse(source):
                if node.tag == _STRING:
                    text = Text.from_tree(node).content.replace("x005F_", "")
                    node.clear()
                    self.strings_budget.take(text)
                    strings.append(text)
        self.shared_strings = strings

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files or "chartsheet" in rel.Type:
                continue   # a chart sheet holds no cells
            ws = _Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
            ws.sheet_state = sheet.state
            self.wb._sheets.append(ws)


def load_grids(path: Path, limits: ReadLimits) -> dict[str, Grid]:
    """Every worksheet of the file as a grid, in workbook order.

    One streaming pass per sheet: each ``<row>`` goes through openpyxl's own
    row parser (shared strings, dates, data types as openpyxl reads them)
    without building a cell object per value, and each ``<mergeCell>`` marks
    its cells; the declared dimension plays no part. The text the cells hold
    has a budget of its own, as large as the shared strings' (a cell that
    refers to a shared string counts it again: a bound, never an underestimate).
    """
    grids: dict[str, Grid] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # openpyxl warns about odd parts it skips: the checks say what matters
        reader = _Reader(path, limits)
        reader.read()
        wb = reader.wb
        merges = [0]   # merged ranges of the whole workbook so far
        try:
            for ws in wb.worksheets:
                grids[ws.title] = _read_sheet(ws, wb, reader.cells_budget, merges)
        finally:
            wb.close()
    return grids


def _read_sheet(ws: _Sheet, wb: Any, budget: _Budget, merges: list[int]) -> Grid:
    """The sheet through ``sheet_stream`` (the program's own sheets), else through openpyxl's parser."""
    used, merged = budget.used, merges[0]
    grid = _read_plain_sheet(ws, wb, budget, merges)   # nothing of a failed attempt is kept meanwhile
    if grid is not None:
        return grid
    budget.used, merges[0] = used, merged
    return _read_sheet_by_openpyxl(ws, wb, budget, merges)


def _read_plain_sheet(ws: _Sheet, wb: Any, budget: _Budget, merges: list[int]) -> Grid | None:
    grid = Grid(ws.title, state=ws.sheet_state)
    try:
        with ws._get_source() as source:
            read_plain(source, ws._shared_strings, wb._date_formats, lambda row: _take_row(grid, row, budget),
                       lambda ref: _take_merge(grid, ref, merges))
    except PackageRefused:
        raise   # a limit: the same cells the other way would reach it too
    except Exception:   # noqa: BLE001 - Unusual, or a malformed part: openpyxl's parser reads it, or says why not
        return None
    return grid


def _read_sheet_by_openpyxl(ws: _Sheet, wb: Any, budget: _Budget, merges: list[int]) -> Grid:
    grid = Grid(ws.title, state=ws.sheet_state)
    with ws._get_source() as source:
        parser = WorkSheetParser(source, ws._shared_strings, data_only=False, epoch=wb.epoch,
                                 date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
        for _event, element in iterparse(source):
            tag = element.tag
            if tag == _ROW:
                row = _row_cells(parser, element)
                element.clear()
                _take_row(grid, row, budget)
            elif tag == _MERGE:
                _take_merge(grid, element.get("ref", ""), merges)
                element.clear()
            elif tag not in _CELL_PARTS:
                element.clear()   # hyperlinks, validations, views…: never needed, never kept
    return grid


_Cell = tuple[int, int, Any, str]   # (row, column, value, data type)


def _row_cells(parser: WorkSheetParser, row: Any) -> list[_Cell]:
    """``parser.parse_row``'s cells, the common ones read here without openpyxl's per-cell dictionary.

    A numbered cell holding a shared string, a plain number (no formula, no
    date style) or a plain inline string (one ``<t>``, as the program writes
    text) is read directly: that is nearly every cell of a package, and
    reading it here halves the parse. Every other cell (a formula, a date, a
    boolean, rich text, an error, no coordinate) goes to openpyxl's own
    ``parse_cell``, which keeps its counters, so both paths agree cell for cell
    (``tests/packages/test_grid.py``).
    """
    number = row.get("r")
    if number is None or not number.isdigit():
        _index, cells = parser.parse_row(row)
        return [(c["row"], c["column"], c["value"], c["data_type"]) for c in cells]
    parser.row_counter = int(number)
    parser.col_counter = 0
    strings, date_styles = parser.shared_strings, parser.date_formats
    out: list[_Cell] = []
    for element in row:
        kind, where = element.get("t", "n"), element.get("r")
        if where and kind in ("s", "n") and element.find(_FORMULA) is None and (
                kind == "s" or int(element.get("s") or 0) not in date_styles):
            r, c = coordinate(where)
            parser.col_counter = c
            value = element.findtext(_VALUE, None) or None
            if value is not None:
                value = strings[int(value)] if kind == "s" else _cast_number(value)
            out.append((r, c, value, kind))
        elif where and kind == "inlineStr" and _plain_inline(element):
            r, c = coordinate(where)
            parser.col_counter = c
            out.append((r, c, element[0][0].text or "", "s"))   # Text.content of a lone <t>: its text, or ""
        else:
            cell = parser.parse_cell(element)
            out.append((cell["row"], cell["column"], cell["value"], cell["data_type"]))
    return out


def _plain_inline(element: Any) -> bool:
    """A cell whose only child is ``<is>`` holding one childless ``<t>``: how the program writes every text."""
    if len(element) != 1 or element[0].tag != _INLINE:
        return False
    inline = element[0]
    return len(inline) == 1 and inline[0].tag == _TEXT and len(inline[0]) == 0


def _take_row(grid: Grid, row: list[_Cell], budget: _Budget) -> None:
    text = 0
    for r, c, value, data_type in row:
        if value is None:
            continue
        if isinstance(value, str):
            text += getsizeof(value)
        grid.cells[(r, c)] = (value, data_type)
        if r > grid.max_row:
            grid.max_row = r
        if c > grid.max_column:
            grid.max_column = c
    budget.add(text)


def _take_merge(grid: Grid, ref: str, merges: list[int]) -> None:
    if ":" not in ref:
        return   # a one-cell "range" merges nothing
    if len(grid.merged) >= MAX_MERGED_RANGES:
        raise PackageRefused("package.file.too_many_merged", sheet=grid.title, limit=MAX_MERGED_RANGES)
    merges[0] += 1
    if merges[0] > MAX_MERGED_IN_ALL:
        raise PackageRefused("package.file.too_many_merged_in_all", limit=MAX_MERGED_IN_ALL)
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    grid.merged.append((min_col or 1, min_row or 1, max_col or _LAST_COLUMN, max_row or _LAST_ROW))   # "A:B", "3:4"
