"""``packages.sheet_stream``: a sheet read from the parser's callbacks comes out as openpyxl's parser reads it.

``grid._read_sheet`` takes the fast path and falls back to
``grid._read_sheet_by_openpyxl`` on anything unusual; on any sheet, the two
must give the same grid, or the same kind of failure.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils.datetime import WINDOWS_EPOCH

from tests.packages import crafting
from tests.packages.refusals import refused, street_package
from tests.packages.test_grid import CELLS
from zeshi_desktop.packages import grid, safety
from zeshi_desktop.packages.errors import PackageRefused
from zeshi_desktop.store.database import Database

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
YEAR = 2025

# the cells the program writes: read without falling back
PLAIN = [
    '<c r="A{r}" t="s"><v>0</v></c>',
    '<c r="B{r}"><v>7</v></c>',
    '<c r="C{r}" t="n" s="2"><v>9.5</v></c>',
    '<c r="D{r}" t="inlineStr" s="1"><is><t>责任规划师 &amp; &lt;团队&gt;</t></is></c>',
    '<c r="E{r}" t="inlineStr"><is><t xml:space="preserve">  两端空格 </t></is></c>',
    '<c r="F{r}" s="1"><f>SUM(B1:C1)</f><v></v></c>',
    '<c r="G{r}" s="4"/>',
    '<c r="H{r}" t="s"><v></v></c>',
    '<c r="I{r}" t="inlineStr"><is><t/></is></c>',
]
# and some no program writes, beside the kinds of tests/packages/test_grid.py
ODD = [
    '<c r="J{r}"><f t="shared" si="0" ref="J1:J9">A1</f><v>1</v></c>',
    '<c r="K{r}"><v>1</v><v>2</v></c>',
    '<c r="L{r}" t="inlineStr"><is/></c>',
    '<c r="M{r}" t="inlineStr"><is><t>a</t></is><is><t>b</t></is></c>',
    '<c r="N{r}" s="x"><v>1</v></c>',
    '<c r="O{r}" t="s"><v>9</v></c>',
    '<c r="P{r}"><v>abc</v></c>',
    '<c r=""><v>1</v></c>',
    '<extLst/>',
]
TAILS = ["", '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
         '<hyperlinks><hyperlink ref="A1"/></hyperlinks>',
         '<mergeCells><mergeCell ref="C3"/><mergeCell ref="A:B"/></mergeCells>']


def _sheet(rows: list[tuple[str, list[str]]], tail: str) -> bytes:
    body = "".join(f"<row{attrs}>{''.join(cells)}</row>" for attrs, cells in rows)
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetViews><sheetView/></sheetViews>'
            f"<sheetData>{body}</sheetData>{tail}</worksheet>").encode()


class _Sheet:
    """What ``grid`` reads of a read-only worksheet."""

    def __init__(self, xml: bytes) -> None:
        self.xml, self.title, self.sheet_state = xml, "表", "visible"
        self._shared_strings = ["first", "second"]

    def _get_source(self) -> BytesIO:
        return BytesIO(self.xml)


WB = SimpleNamespace(epoch=WINDOWS_EPOCH, _date_formats={3}, _timedelta_formats=set())


def _read(read: Any, xml: bytes) -> tuple[str, Any]:
    budget = grid._Budget("p.xlsx", 10_000_000)
    try:
        g = read(_Sheet(xml), WB, budget, [0])
    except Exception as exc:   # noqa: BLE001 - the kind of failure is compared
        return "failed", type(exc)
    return "read", (g.cells, g.merged, g.max_row, g.max_column, budget.used)


def _both(xml: bytes) -> None:
    assert _read(grid._read_sheet, xml) == _read(grid._read_sheet_by_openpyxl, xml)


ROW = st.tuples(st.sampled_from(['', ' r="{r}"', ' r="x"', ' r="{r}" spans="1:9" ht="20"']),
                st.lists(st.sampled_from(PLAIN + ODD + CELLS), max_size=8))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 1_048_576), ROW), max_size=6), st.sampled_from(TAILS))
def test_any_sheet_reads_as_openpyxls_parser_reads_it(rows: list[tuple[int, tuple[str, list[str]]]],
                                                      tail: str) -> None:
    _both(_sheet([(attrs.format(r=n), [c.format(r=n) for c in cells]) for n, (attrs, cells) in rows], tail))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 1_048_576), st.lists(st.sampled_from(PLAIN), max_size=9)), max_size=6),
       st.sampled_from(TAILS))
def test_the_programs_own_cells_never_fall_back(rows: list[tuple[int, list[str]]], tail: str) -> None:
    xml = _sheet([(f' r="{n}"', [c.format(r=n) for c in cells]) for n, cells in rows], tail)
    slow = _read(grid._read_sheet_by_openpyxl, xml)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grid, "_read_sheet_by_openpyxl", _no_fallback)
        assert _read(grid._read_sheet, xml) == slow


def _no_fallback(*_args: object) -> None:
    raise AssertionError("fell back to openpyxl's parser")


@pytest.mark.parametrize("xml", [
    '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE worksheet SYSTEM "http://example.org/x.dtd">',
    '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
])
def test_a_document_type_or_entity_fails_as_defusedxml_fails_it(xml: str) -> None:
    sheet = xml.encode() + _sheet([(' r="1"', ['<c r="A1" t="inlineStr"><is><t>&b;</t></is></c>'])], "").split(
        b"?>", 1)[1]
    fast, slow = _read(grid._read_sheet, sheet), _read(grid._read_sheet_by_openpyxl, sheet)
    assert fast == slow and fast[0] == "failed"


def test_a_package_whose_sheet_declares_entities_is_refused_and_nothing_written(
        demo_db: Database, tmp_path: Path, digest) -> None:  # type: ignore[no-untyped-def]
    """A billion laughs in a worksheet: one refusal, no expansion, the store unchanged."""
    package = street_package(demo_db, YEAR, tmp_path / "p.xlsx")
    part = crafting.sheet_part(package, next(iter(safety.open_checked(package))))
    laughs = (b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
              b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>')
    bad = crafting.rewrite(package, tmp_path / "laughs.xlsx", replace={part: lambda data: laughs + data.replace(
        b"</sheetData>", b'<row r="999"><c r="A999" t="inlineStr"><is><t>&d;</t></is></c></row></sheetData>', 1)})
    with pytest.raises(PackageRefused) as caught:
        safety.open_checked(bad)
    assert caught.value.msg.code == "package.file.unreadable_workbook"
    assert refused(demo_db, bad, digest).msg.code == "package.file.unreadable_workbook"
