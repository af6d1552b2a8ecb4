"""The renewal view as an Excel workbook: one row per appointment, as the hiring bodies read it.

A title, the note that the figures are a reference and not a decision, then
the table: every text as given (the caller words it in the program's
language), numbers as numbers so Excel sorts them, flagged rows shaded. Written
atomically, like every file the program writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .atomic import save_atomic
from .cells import write_text, write_value

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FLAGGED = PatternFill("solid", fgColor="FDE0DC")
HEADER = PatternFill("solid", fgColor="DDE7F0")


@dataclass(frozen=True)
class TableBook:
    sheet: str
    title: str
    notes: tuple[str, ...]
    headers: tuple[str, ...]
    rows: tuple[tuple[str | Decimal | int | None, ...], ...]
    widths: tuple[int, ...] = ()
    flagged: tuple[int, ...] = ()          # 0-based rows shaded


def write_table_book(book: TableBook, path: Path) -> Path:
    """Write ``book`` to ``path`` (.xlsx); nothing is left half-written on failure."""
    wb = Workbook()
    ws = wb.active
    ws.title = book.sheet[:31]
    last = get_column_letter(max(len(book.headers), 1))
    ws.merge_cells(f"A1:{last}1")
    write_text(ws["A1"], book.title)
    ws["A1"].font = Font(bold=True, size=14)
    row = 2
    for note in book.notes:
        ws.merge_cells(f"A{row}:{last}{row}")
        write_text(ws.cell(row=row, column=1), note)
        ws.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = 30
        row += 1
    header_row = row + 1
    for col, text in enumerate(book.headers, start=1):
        cell = ws.cell(row=header_row, column=col)
        write_text(cell, text)
        cell.font, cell.fill, cell.border = Font(bold=True), HEADER, BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, values in enumerate(book.rows):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=header_row + 1 + i, column=col)
            write_value(cell, value)
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(value, Decimal):
                cell.number_format = "0.00"
            if i in book.flagged:
                cell.fill = FLAGGED
    for col, width in enumerate(book.widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    save_atomic(wb, Path(path))
    return Path(path)


