"""Blank forms to fill by hand: as many writable rows as the page holds.

A blank 3-2 or 3-3 is handed to people who write names and scores with a
pen, so its rows are ``ROW`` tall (more than the 9 mm a handwritten line
needs) and fill the page down to the signature block, instead of the seed's
three sample rows. The heights are measured from the very flowables that
share the page, so the rows follow any change to the title or the signature.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from .document import MARGIN, PORTRAIT, frame_width

ROW = 10 * mm        # a row to write in by hand (at least 9 mm)
SAFETY = 4 * mm      # rounding and the frame's own spacing: never push the signature onto a second page


def frame_height(orientation: str) -> float:
    size = A4 if orientation == PORTRAIT else landscape(A4)
    _, top, _, bottom = MARGIN[orientation]
    return size[1] - top - bottom


def _height(flowable: Flowable, width: float, height: float) -> float:
    _, h = flowable.wrap(width, height)
    return h + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def rows_that_fit(orientation: str, before: Sequence[Flowable], table_for: Callable[[int], Table],
                  after: Sequence[Flowable], minimum: int = 3) -> int:
    """How many ``ROW``-tall rows ``table_for(n)`` may have so that one page holds it with ``before`` and ``after``."""
    width, height = frame_width(orientation), frame_height(orientation)
    used = sum(_height(f, width, height) for f in (*before, *after)) + _height(table_for(0), width, height)
    return max(minimum, int((height - used - SAFETY) // ROW))
