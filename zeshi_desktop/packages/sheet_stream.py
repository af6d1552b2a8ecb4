"""A worksheet as the program writes it, read straight from the XML parser's callbacks.

A package's sheets hold shared strings, plain numbers, plain inline strings
and a few SUM formulas. ElementTree's ``iterparse`` (defusedxml's is pure
Python) builds an element for every cell and every value before ``grid``
looks at it; here expat hands each tag to a callback and only the cells are
kept, which halves the reading of a package. Anything else in a row — a date,
a boolean, rich text, an error, a cell without a coordinate, a shared or array
formula, an element that has no business there — raises ``Unusual``, and
``grid`` reads the whole sheet again through openpyxl's own parser, so every
cell still comes out exactly as openpyxl reads it
(``tests/packages/test_sheet_stream.py`` compares both on random sheets).

Like defusedxml, the parser accepts no document type declaration, entity or
external reference: one of those is ``Unusual`` too, and the defusedxml path
refuses it as it always did.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import IO, Any, NoReturn
from xml.parsers import expat

from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet._reader import _cast_number
from openpyxl.xml.constants import SHEET_MAIN_NS

Cell = tuple[int, int, Any, str]   # (row, column, value, data type), as ``grid`` keeps them

_NS = SHEET_MAIN_NS + " "
_ROW, _CELL, _VALUE, _FORMULA, _INLINE, _TEXT, _MERGE = (_NS + tag for tag in ("row", "c", "v", "f", "is", "t",
                                                                              "mergeCell"))
_KINDS = frozenset({"n", "s", "inlineStr"})
_COORDINATES: dict[str, tuple[int, int]] = {}   # "B12" → (12, 2): the same few hundred in every package
_COORDINATES_KEPT = 20_000                     # a hostile sheet of a million cells adds nothing past this


class Unusual(Exception):
    """Something only openpyxl's own parser reads as openpyxl does: the sheet is read that way instead."""


def coordinate(text: str) -> tuple[int, int]:
    found = _COORDINATES.get(text)
    if found is None:
        found = coordinate_to_tuple(text)
        if len(_COORDINATES) < _COORDINATES_KEPT:
            _COORDINATES[text] = found
    return found


def _unusual(*_args: object) -> NoReturn:
    raise Unusual


def read_plain(source: IO[bytes], strings: Sequence[str], date_styles: Collection[int],
               take_row: Callable[[list[Cell]], None], take_merge: Callable[[str], None]) -> None:
    """Every ``<row>`` of the sheet to ``take_row`` as it ends, every ``<mergeCell>`` ref to ``take_merge``."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    for handler in ("StartDoctypeDeclHandler", "EntityDeclHandler", "UnparsedEntityDeclHandler",
                    "ExternalEntityRefHandler", "NotationDeclHandler"):
        setattr(parser, handler, _unusual)
    row: list[Cell] | None = None
    where = kind = style = ""
    in_cell = False
    inner: list[str] = []                  # the open elements inside the cell
    found: dict[str, str] = {}             # tag → its text, of the cell's <v>, <f> and <t>
    text: list[str] | None = None          # character data of the element being read

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal row, where, kind, style, in_cell, text
        if in_cell:
            if not inner and name in (_VALUE, _FORMULA) and kind != "inlineStr" and name not in found:
                if name == _FORMULA and "t" in attrs:
                    raise Unusual   # a shared, array or data-table formula
            elif not inner and name == _INLINE and kind == "inlineStr" and _INLINE not in found:
                pass
            elif inner == [_INLINE] and name == _TEXT and _TEXT not in found:
                pass
            else:
                raise Unusual
            inner.append(name)
            if name != _INLINE:
                text = []
        elif name == _CELL:
            where, kind, style = attrs.get("r", ""), attrs.get("t", "n"), attrs.get("s", "")
            if row is None or not where or kind not in _KINDS:
                raise Unusual
            in_cell = True
            found.clear()
        elif name == _ROW:
            number = attrs.get("r")
            if row is not None or number is None or not number.isdigit():
                raise Unusual
            row = []
        elif row is not None:
            raise Unusual   # no other element belongs in a row
        elif name == _MERGE:
            take_merge(attrs.get("ref", ""))

    def end(name: str) -> None:
        nonlocal row, in_cell, text
        if inner:
            inner.pop()
            found[name] = "".join(text or ())
            text = None
        elif in_cell:
            in_cell = False
            assert row is not None
            r, c = coordinate(where)
            if _FORMULA in found:
                row.append((r, c, "=" + found[_FORMULA], "f"))
            elif kind == "inlineStr":
                if _TEXT not in found:
                    raise Unusual   # no <is><t>: openpyxl decides what that is
                row.append((r, c, found[_TEXT], "s"))
            else:
                if kind == "n" and int(style or 0) in date_styles:
                    raise Unusual   # a date, by its style
                value: Any = found.get(_VALUE) or None
                if value is not None:
                    value = strings[int(value)] if kind == "s" else _cast_number(value)
                row.append((r, c, value, kind))
        elif name == _ROW and row is not None:
            take_row(row)
            row = None

    def data(chunk: str) -> None:
        if text is not None:
            text.append(chunk)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.ParseFile(source)
