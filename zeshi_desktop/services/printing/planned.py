"""A document planned for printing, with what its verification code hashes.

Shared by the per-form planners in ``jobs`` and the 4-1 planner in
``summary_doc``, so neither imports the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zeshi_desktop.domain import verification as vdomain
from zeshi_desktop.printing.data import Document, Stamp


@dataclass
class Planned:
    doc: Document
    contents: list[vdomain.SheetContent] | None = None   # set for a final document: what the code hashes
    ref_sheet_id: int | None = None


def stamp_for(contents: Sequence[vdomain.SheetContent]) -> Stamp:
    return Stamp(vdomain.make_code(contents))
