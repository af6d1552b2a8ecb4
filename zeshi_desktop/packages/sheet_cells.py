"""The program's own workbooks, with their cells kept as XML text instead of openpyxl cell objects.

openpyxl makes several objects per cell, looks a style up on every
assignment, and builds and serialises an XML element per cell when saving;
for a district's package that was most of an export, twice openpyxl's own
write-only floor (``tests/bench/package_bench.py``). The program's sheets hold
only text, numbers, a few SUM formulas and a handful of styles, so a
``SheetCells`` keeps each cell as the ``<c>`` element openpyxl would have
written (inline strings, the workbook's style list), and ``SheetBook.save``
lets openpyxl write everything else of the sheet — columns, frozen panes,
protection, data validation — and puts the rows in its empty ``sheetData``.

A sheet is written either way, never both: a cell put through openpyxl on a
sheet made here is refused at save, so nothing can be silently left out.
``tests/packages/test_sheet_cells.py`` reads the files back with openpyxl and
with the program's own reader.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any
from zipfile import ZipFile

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from .atomic import save_atomic
from .cells import RISKY_START, escape_text

MAX_TEXT = 32_767     # Excel's limit for one cell; openpyxl cuts there too


@dataclass(frozen=True, eq=False)   # by identity: styles are a module's constants, looked up once per workbook
class CellStyle:
    font: Font | None = None
    fill: PatternFill | None = None
    alignment: Alignment | None = None
    protection: Protection | None = None


def _xml_text(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _number(value: int | float | Decimal) -> str:
    """A number as openpyxl writes it (``%.16g`` for floats); a Decimal exactly."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a number a cell can hold: {value}")
        return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"not a number a cell can hold: {value}")
        return format(value, ".16g")
    return str(value)


class SheetCells:
    """One worksheet's cells, each the XML element of the cell; ``ws`` is the sheet for everything else."""

    def __init__(self, book: SheetBook, ws: Worksheet) -> None:
        self.ws = ws
        self._book = book
        self._rows: dict[int, dict[int, str]] = {}

    def _put(self, row: int, col: int, body: str) -> None:
        cells = self._rows.get(row)
        if cells is None:
            cells = self._rows[row] = {}
        cells[col] = body

    def text(self, row: int, col: int, text: str, style: CellStyle | None = None) -> None:
        """User text as text, whatever it starts with (``cells.write_text``); "" leaves the cell empty."""
        if not text:
            if style is not None:
                self.empty(row, col, style)
            return
        quoted = text.startswith(RISKY_START)   # kept text when edited in Excel or WPS: the quote prefix
        text = escape_text(text)[:MAX_TEXT]
        space = ' xml:space="preserve"' if text != text.strip() else ""
        self._put(row, col, f'<c r="{get_column_letter(col)}{row}" t="inlineStr"{self._book.style(style, quoted)}>'
                            f"<is><t{space}>{_xml_text(text)}</t></is></c>")

    def number(self, row: int, col: int, value: int | float | Decimal, style: CellStyle | None = None) -> None:
        self._put(row, col, f'<c r="{get_column_letter(col)}{row}" t="n"{self._book.style(style)}>'
                            f"<v>{_number(value)}</v></c>")

    def formula(self, row: int, col: int, formula: str, style: CellStyle | None = None) -> None:
        """A formula, given without its "=" (the program writes only SUMs of its own cells)."""
        self._put(row, col, f'<c r="{get_column_letter(col)}{row}"{self._book.style(style)}>'
                            f"<f>{_xml_text(formula)}</f><v></v></c>")

    def empty(self, row: int, col: int, style: CellStyle) -> None:
        """A cell with a style and no value: a template's unlocked fill-in cell."""
        self._put(row, col, f'<c r="{get_column_letter(col)}{row}"{self._book.style(style)}/>')

    def value(self, row: int, col: int, value: Any, style: CellStyle | None = None) -> None:
        """Whatever a table holds: text, a number, yes/no as Excel's boolean, or nothing."""
        if isinstance(value, str):
            self.text(row, col, value, style)
        elif value is None:
            if style is not None:
                self.empty(row, col, style)
        elif isinstance(value, bool):
            self._put(row, col, f'<c r="{get_column_letter(col)}{row}" t="b"{self._book.style(style)}>'
                                f"<v>{int(value)}</v></c>")
        elif isinstance(value, (int, float, Decimal)):
            self.number(row, col, value, style)
        else:
            raise TypeError(f"a {type(value).__name__} has no cell form here: {value!r}")

    def dimension(self) -> str:
        """The sheet's used range, as Excel writes it in ``<dimension>``."""
        if not self._rows:
            return "A1:A1"
        cols = [c for cells in self._rows.values() for c in cells]
        return (f"{get_column_letter(min(cols))}{min(self._rows)}:"
                f"{get_column_letter(max(cols))}{max(self._rows)}")

    def rows_xml(self) -> str:
        """The ``<row>`` elements: every row with cells or with a height or hidden mark of its own."""
        dims = self.ws.row_dimensions
        parts = []
        for r in sorted(self._rows.keys() | {r for r in dims if dict(dims[r])}):
            attrs = {"r": str(r), **dict(dims.get(r, {}))}
            start = "<row" + "".join(f' {k}="{_xml_text(v)}"' for k, v in attrs.items()) + ">"
            cells = self._rows.get(r, {})
            parts.append(start + "".join(cells[c] for c in sorted(cells)) + "</row>")
        return "".join(parts)


class SheetBook:
    """A workbook of ``SheetCells`` sheets (and, for small extras, ordinary openpyxl ones)."""

    def __init__(self) -> None:
        self.workbook = Workbook()
        self.workbook.remove(self.workbook.active)
        self._sheets: dict[Worksheet, SheetCells] = {}
        self._styles: dict[tuple[CellStyle, bool], str] = {}

    def sheet(self, title: str) -> SheetCells:
        sheet = SheetCells(self, self.workbook.create_sheet(title))
        self._sheets[sheet.ws] = sheet
        return sheet

    def style(self, style: CellStyle | None, quoted: bool = False) -> str:
        """The cell's ``s`` attribute: the style's place in the workbook's list, found once per workbook."""
        if style is None and not quoted:
            return ""
        key = (style or _PLAIN, quoted)
        known = self._styles.get(key)
        if known is None:
            cell = Cell(self.workbook.worksheets[0])   # a loose cell: openpyxl files its style in the workbook
            if style is not None:
                for name in ("font", "fill", "alignment", "protection"):
                    if getattr(style, name) is not None:
                        setattr(cell, name, getattr(style, name))
            cell.quotePrefix = quoted
            known = self._styles[key] = f' s="{cell.style_id}"' if cell.has_style else ""
        return known

    def save(self, path: Path) -> None:
        """Written atomically (``atomic.save_atomic``): never half a workbook under the real name."""
        save_atomic(self.workbook, Path(path), _writer(self._sheets))


_PLAIN = CellStyle()
_EMPTY_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")


class _SheetWriter(WorksheetWriter):
    """openpyxl's writer of one sheet, with the rows from a ``SheetCells``."""

    def __init__(self, ws: Worksheet, cells: SheetCells) -> None:
        self._cells = cells
        super().__init__(ws, out=BytesIO())

    def write_dimensions(self) -> None:
        self.xf.send(SheetDimension(self._cells.dimension()).to_tree())

    def write_rows(self) -> None:
        xf = self.xf.send(True)
        with xf.element("sheetData"):
            pass
        self.xf.send(None)

    def xml(self) -> bytes:
        head, *tail = _EMPTY_DATA.split(self.read(), maxsplit=1)
        if len(tail) != 1:
            raise RuntimeError(f"sheet {self.ws.title!r}: openpyxl wrote no empty sheetData to fill")
        return head + b"<sheetData>" + self._cells.rows_xml().encode() + b"</sheetData>" + tail[0]


def _writer(sheets: dict[Worksheet, SheetCells]) -> Callable[[Workbook, ZipFile], ExcelWriter]:
    class _BookWriter(ExcelWriter):
        def write_worksheet(self, ws: Worksheet) -> None:
            cells = sheets.get(ws)
            if cells is None:
                super().write_worksheet(ws)
                return
            if ws._cells:
                raise RuntimeError(f"sheet {ws.title!r}: cells written through openpyxl on a SheetCells sheet")
            ws._drawing = SpreadsheetDrawing()   # what ExcelWriter.write_worksheet sets up, for what follows
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            writer = _SheetWriter(ws, cells)
            try:
                writer.write()
            finally:
                writer.close()   # on failure too: its XML stream is not left to the garbage collector
            ws._rels = writer._rels
            self._archive.writestr(ws.path[1:], writer.xml())
            self.manifest.append(ws)

    return _BookWriter
