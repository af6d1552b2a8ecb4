"""Writing user text safely and reading one cell back as a person meant it.

Text that begins with = + - @ tab CR or LF would be taken by Excel or WPS for
a formula when someone edits the cell; it is written as a string with the
quote prefix, so it stays text and comes back unchanged. Reading never
evaluates anything: a formula is reported, and a merged range over a data
cell is reported, each with the cell named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import Cell

from zeshi_desktop.messages import Message

from .grid import Grid
from .words import yes_no

RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n")

# XML cannot keep a carriage return (parsers turn it into a line feed) nor most
# control characters; OOXML writes them as _xHHHH_ (and a literal "_xHHHH_" as
# "_x005F_xHHHH_"), which Excel and WPS show as the character itself.
_ESCAPE_NEEDED = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_UNESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def escape_text(text: str) -> str:
    return _ESCAPE_NEEDED.sub(lambda m: "_x005F_" if m.group() == "_" else f"_x{ord(m.group()):04X}_", text)


def unescape_text(text: str) -> str:
    return _UNESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def write_text(cell: Cell, text: str) -> None:
    """Put user text in a cell so that it is text, whatever it starts with."""
    cell.value = escape_text(text)
    if text.startswith(RISKY_START):
        cell.data_type = "s"      # openpyxl would otherwise store "=..." as a formula
        cell.quotePrefix = True   # and Excel / WPS keep it text when the cell is edited


def write_value(cell: Cell, value: Any) -> None:
    if isinstance(value, str):
        write_text(cell, value)
    else:
        cell.value = value


@dataclass(frozen=True)
class CellRead:
    """What a cell holds: ``text`` normalised, or the reason it cannot be used (``package.cell.*``)."""

    text: str
    problem: Message | None = None


def number_text(value: int | float | Decimal) -> str:
    """A number as typed: 9.5 stays 9.5, 10.0 becomes 10, floats via their shortest repr."""
    if type(value) is int:   # most cells of a package: what the rest would give, without two Decimals
        return str(value)
    d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if d == d.to_integral_value():
        return str(d.to_integral_value())
    return format(d.normalize(), "f")


def read_cell(grid: Grid, row: int, column: int) -> CellRead:
    value, data_type = grid.value(row, column)
    if grid.is_merged(row, column):
        return CellRead("", Message("package.cell.merged"))
    if data_type == "f":
        return CellRead("", Message("package.cell.formula", formula=str(value)[:30]))
    if value is None:
        return CellRead("")
    if isinstance(value, bool):
        return CellRead(yes_no(value))
    if isinstance(value, (int, float, Decimal)):
        return CellRead(number_text(value))
    if isinstance(value, (datetime, date)):
        return CellRead(value.isoformat())
    return CellRead(unescape_text(str(value)))  # verbatim: a score goes through parse_score, which normalises it
