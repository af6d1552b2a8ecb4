"""The city's list (名单) of 市级优秀责任规划师, a paper the city task force signs and seals.

The list is the board's selected nominees, by district and rank, with the
reason the city gave. It is final — printed without 草稿 and with a
verification code — once every nominee is decided and at least one is
selected. The code names the first listed planner's 3-1 sheet (the list is
computed, not stored, like the 3-3 result file) and covers the year and every
row, so ``verify`` says when a selection or a name changed after signing
(``contents.honours_content``); ``honours_paper`` words it for paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from zeshi_desktop.services import catalogue
from zeshi_desktop.services.results.common import first_sheet
from zeshi_desktop.services.results.excellent import Nominee, board


@dataclass(frozen=True)
class HonoursList:
    year: int
    rows: tuple[Nominee, ...]
    pending: int                     # nominees not decided yet
    ref_sheet: tuple[int, str] | None = None   # the first listed planner's 3-1: the sheet the code names

    @property
    def final(self) -> bool:
        return bool(self.rows) and not self.pending and self.ref_sheet is not None


def honours(session: Session, year: int) -> HonoursList:
    """The selected nominees of the year, as the list prints them."""
    b = board(session, year)
    rows = tuple(n for n in b.nominees if n.selected)
    rule = catalogue.form("3-3").weights
    form_id = rule.street_form if rule is not None else "3-1"
    refs = first_sheet(session, year, form_id, [rows[0].appointment_id]) if rows else {}
    return HonoursList(year, rows, b.pending, refs.get(rows[0].appointment_id) if rows else None)
