"""The renewal view's rules (Article 19): a term's years and the flags a hiring body should look at.

The first term is one year; a renewal is agreed "in the light of the
assessment" for 1 to 3 years. The view shows each appointment's term and the
results of every year of it, and flags three things — the term ends this
year; this year's result is 不合格; two years in a row below 合格 — as a
reference for the hiring body, never a decision. The bands are the 3-3
form's (ordered highest first); which ones the flags mean is data
(``forms/results.toml``, ``[renewal]``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..forms import Band

TERM_ENDS, FAIL_THIS_YEAR, TWO_YEARS_BELOW = "term_ends", "fail_this_year", "two_years_below_pass"
FLAGS = (TERM_ENDS, FAIL_THIS_YEAR, TWO_YEARS_BELOW)


@dataclass(frozen=True)
class Term:
    start: int
    years: int
    renewal: bool

    @property
    def end(self) -> int:
        return self.start + max(self.years, 1) - 1

    def years_until(self, year: int) -> list[int]:
        """The term's years up to ``year`` (those that can have a result by now)."""
        return list(range(self.start, min(self.end, year) + 1))


def below(band: Band | None, floor: str, bands: Sequence[Band]) -> bool:
    """Whether ``band`` is lower than the band ``floor`` (by the form's order, highest first)."""
    if band is None:
        return False
    order = [b.id for b in bands]
    return band.id in order and floor in order and order.index(band.id) > order.index(floor)


def flags(year: int, term: Term, this_year: Band | None, last_year: Band | None, bands: Sequence[Band],
          fail_band: str, below_band: str) -> tuple[str, ...]:
    """The flags of one appointment in ``year``, given its band this year and last year (None: no result)."""
    out = []
    if term.end <= year:
        out.append(TERM_ENDS)
    if this_year is not None and this_year.id == fail_band:
        out.append(FAIL_THIS_YEAR)
    if below(this_year, below_band, bands) and below(last_year, below_band, bands):
        out.append(TWO_YEARS_BELOW)
    return tuple(out)
