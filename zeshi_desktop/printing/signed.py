"""Keeping the signature with the scores: the page that is signed and sealed also holds the totals.

platypus places flowables one after another, so a long remark (3-1) or the
last rows of a long matrix (3-2, 3-3) pushed the signature, the seal space and
the QR code alone onto a page of their own, and the page with the scores went
unsigned. ``KeepSigned`` lays out the scored table and the signature block
together:

* a table that runs over pages leaves at least ``keep_rows`` rows to share
  the signature's page (the header rows repeat there, as on every page); a
  table without repeated header rows (4-2, 4-3) moves whole with its block;
* a text that follows the totals (``Overflow``: 3-1's 意见建议) gets the room
  left between the totals and the signature block; what does not fit goes to
  a continuation page headed with the sheet's title and subject and "（续）",
  and the page with the signature says "（未完，见续页）" in the cell and
  "本表共 N 页" in the block.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from .layout import CELL, CELL_C, GRID, para, words

_FUZZ = 0.5
_ALL = 1e7   # a height to measure a whole table in (reportlab stops measuring rows past the height it is given)


@dataclass
class Overflow:
    """A long text in a two-column row under the table (label | text) that may continue on a continuation page.

    ``widths`` are the label's and the text's column widths (together the
    table's width); ``continuation`` heads the continuation page (the sheet's
    title with "（续）" and its subject line); ``min_height`` keeps room to
    write by hand under a short or empty text.
    """

    label: str
    text: str
    widths: tuple[float, float]
    continuation: Sequence[Flowable]
    min_height: float | None = None
    style: Any = field(default=CELL)

    def table(self, cell: Sequence[Flowable], label: str | None = None, height: float | None = None,
              split_in_row: bool = False) -> Table:
        made = Table([[para(label or self.label, CELL_C), list(cell)]], colWidths=list(self.widths),
                     rowHeights=[height], splitInRow=int(split_in_row))
        made.setStyle(TableStyle([*GRID, ("VALIGN", (1, 0), (1, 0), "TOP")]))
        return made

    def whole(self) -> Table:
        return self.table([para(self.text, self.style)], height=self.min_height)

    def text_room(self) -> float:
        """The width a paragraph has in the text cell (the column less the grid's padding)."""
        pads = {op: value for op, _, _, value in (g for g in GRID if g[0].endswith("PADDING"))}
        return self.widths[1] - pads["LEFTPADDING"] - pads["RIGHTPADDING"]

    def vertical_padding(self) -> float:
        pads = {op: value for op, _, _, value in (g for g in GRID if g[0].endswith("PADDING"))}
        return pads["TOPPADDING"] + pads["BOTTOMPADDING"]


class KeepSigned(Flowable):
    """The scored table, an optional overflowing text and the signature block: the block shares the totals' page.

    ``page_height`` is the frame's full height: asked to fit in that much and
    still unable to, it gives up keeping things together rather than loop.
    """

    def __init__(self, body: Table, block: Flowable | Sequence[Flowable], page_height: float, *,
                 keep_rows: int = 2, overflow: Overflow | None = None) -> None:
        super().__init__()
        self.body, self.page_height = body, page_height
        self.block = [block] if isinstance(block, Flowable) else list(block)
        self.keep_rows, self.overflow = keep_rows, overflow
        self._tail = overflow.whole() if overflow is not None else None

    def _parts(self) -> list[Flowable]:
        return [self.body, *([self._tail] if self._tail is not None else []), *self.block]

    def _height(self, part: Flowable, aw: float) -> float:
        canv = getattr(self, "canv", None)
        _, h = part.wrapOn(canv, aw, _ALL) if canv is not None else part.wrap(aw, _ALL)
        return float(h) + part.getSpaceBefore() + part.getSpaceAfter()

    def _block_height(self, aw: float) -> float:
        return sum(self._height(part, aw) for part in self.block)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self._heights = [self._height(f, aw) for f in self._parts()]
        self.height = sum(self._heights)
        return aw, self.height

    def draw(self) -> None:
        y = self.height
        for part, height in zip(self._parts(), self._heights):
            y -= height
            part.drawOn(self.canv, 0, y + part.getSpaceAfter())

    def split(self, aw: float, ah: float) -> list[Flowable]:
        at_top = ah >= self.page_height - _FUZZ
        if self.overflow is not None:
            return self._split_text(aw, ah)
        return self._split_rows(aw, ah, at_top)

    # ------------------------------------------------------------ a table running over pages

    def _split_rows(self, aw: float, ah: float, at_top: bool) -> list[Flowable]:
        body, block = self.body, self.block
        _, body_h = body.wrap(aw, _ALL)
        heights = list(body._rowHeights)
        header = body.repeatRows if isinstance(body.repeatRows, int) else len(body.repeatRows)
        data = len(heights) - header
        if body_h <= ah:   # the table fits but not with the block: its last rows go along with the block
            cut = len(heights) - self.keep_rows
        else:
            cut = len(heights)
            while cut > header and sum(heights[:cut]) > ah + 1e-6:
                cut -= 1
            cut = min(cut, len(heights) - self.keep_rows)
        if header == 0 or data <= self.keep_rows or cut <= header:   # a small table moves whole, with its block
            return [body, *block] if at_top else []
        pieces = body.split(aw, sum(heights[:cut]) + 0.01)
        if len(pieces) != 2:
            return [body, *block] if at_top else []
        return [pieces[0], KeepSigned(pieces[1], block, self.page_height, keep_rows=self.keep_rows)]

    # ------------------------------------------------------------ a text after the totals

    def _split_text(self, aw: float, ah: float) -> list[Flowable]:
        over = self.overflow
        assert over is not None and self._tail is not None
        _, body_h = self.body.wrap(aw, _ALL)
        block_h = self._block_height(aw)
        marker = para(words("printing.paper.continues"), over.style)
        room_w = over.text_room()
        _, marker_h = marker.wrap(room_w, ah)
        room = ah - body_h - block_h - over.vertical_padding() - marker_h
        if room < 0:   # not even the totals and the signature fit under the heading: flow as before
            return self._parts()
        text = para(over.text, over.style)
        text.wrap(room_w, room)
        pieces = text.split(room_w, room) if room >= over.style.leading else []
        if len(pieces) == 1:   # it fits once the room kept for writing by hand is given up
            return [self.body, over.table(pieces), *self.block]
        first: list[Flowable] = [pieces[0]] if len(pieces) == 2 else []
        rest = pieces[1] if len(pieces) == 2 else text
        here = over.table([*first, marker], height=None)
        label = words("printing.paper.continued", text=over.label)
        later = over.table([rest], label=label, split_in_row=True)
        return [self.body, here, *self.block, PageBreak(), *over.continuation, later]


def keep_signed(body: Table, block: Flowable | Sequence[Flowable], page_height: float,
                keep_rows: int = 2) -> list[Flowable]:
    """The table and its signature block as one flowable (a list, to add to a story)."""
    return [KeepSigned(body, block, page_height, keep_rows=keep_rows)]

