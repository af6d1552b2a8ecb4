"""The grid's own row reader agrees with openpyxl's ``parse_row`` cell for cell.

``grid._row_cells`` reads shared strings and plain numbers itself and hands
every other cell to openpyxl: a row mixing every kind of cell, with and
without coordinates, must come out exactly as openpyxl reads it.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.functions import fromstring

from zeshi_desktop.packages import grid

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _parser(strings: list[str], date_styles: set[int] = frozenset({3})) -> WorkSheetParser:  # type: ignore[assignment]
    parser = WorkSheetParser(None, strings, data_only=False)
    parser.date_formats = set(date_styles)
    return parser


def _both(xml: str, strings: list[str]) -> tuple[list, list]:  # type: ignore[type-arg]
    row = fromstring(f'<row xmlns="{NS}" {xml}')
    ours = grid._row_cells(_parser(strings), row)
    _index, theirs = _parser(strings).parse_row(fromstring(f'<row xmlns="{NS}" {xml}'))
    return ours, [(c["row"], c["column"], c["value"], c["data_type"]) for c in theirs]


CELLS = [
    '<c r="A{r}" t="s"><v>0</v></c>',                      # a shared string
    '<c r="B{r}"><v>7</v></c>',                             # an integer
    '<c r="C{r}" t="n"><v>9.5</v></c>',                     # a decimal
    '<c r="D{r}" s="3"><v>45000</v></c>',                   # a date by its style
    '<c r="E{r}" t="b"><v>1</v></c>',                       # a boolean
    '<c r="F{r}"><f>SUM(B1:C1)</f><v>16.5</v></c>',         # a formula stays a formula
    '<c r="G{r}" t="s"><f>A1</f><v>1</v></c>',              # a formula whose cached value is a string
    '<c r="H{r}" t="inlineStr"><is><t>inline</t></is></c>', # an inline string
    '<c r="I{r}" t="str"><v>text</v></c>',                  # a formula string
    '<c r="J{r}" t="e"><v>#N/A</v></c>',                    # an error
    '<c><v>3</v></c>',                                      # no coordinate: the next column
    '<c r="M{r}" t="s"><v></v></c>',                        # an empty value
    '<c r="N{r}" s="0"><v>1E3</v></c>',                     # a number in exponent form
    '<c r="O{r}" t="inlineStr"><is><t/></is></c>',          # an empty inline string
    '<c r="P{r}" t="inlineStr" s="2"><is><t xml:space="preserve"> a  b </t></is></c>',
    '<c r="Q{r}" t="inlineStr"><is><r><t>rich</t></r><r><t> text</t></r></is></c>',   # rich text
    '<c r="R{r}" t="inlineStr"><is><t>x</t><rPh sb="0" eb="1"><t>y</t></rPh></is></c>',  # with phonetics
    '<c r="S{r}" t="inlineStr"></c>',                       # no <is> at all
    '<c r="T{r}" t="inlineStr"><f>A1</f><is><t>f</t></is></c>',   # a formula beside it
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(range(len(CELLS))), max_size=12), st.integers(1, 1_048_576),
       st.booleans())
def test_any_row_reads_as_openpyxl_reads_it(picks: list[int], number: int, numbered: bool) -> None:
    cells = "".join(CELLS[i].format(r=number) for i in picks)
    attrs = f'r="{number}">' if numbered else ">"
    ours, theirs = _both(attrs + cells + "</row>", ["first", "second"])
    assert ours == theirs


def test_a_whole_workbook_reads_the_same_as_openpyxl(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["名称", 1, 2.5, True, date(2026, 1, 2), datetime(2026, 1, 2, 3, 4), "=B1+C1", None, "x"])
    ws.append([None, "段落\n第二行", 10, -3, 1e20])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    from zeshi_desktop.packages import safety
    grids = safety.open_checked(path)
    theirs = load_workbook(path)   # the ordinary (not read-only) reader: every cell with its type
    sheet = theirs.active
    for (r, c), (value, data_type) in grids[sheet.title].cells.items():
        cell = sheet.cell(r, c)
        assert (value, data_type) == (cell.value, cell.data_type)
    assert len(grids[sheet.title].cells) == sum(1 for row in sheet.iter_rows() for c in row if c.value is not None)
