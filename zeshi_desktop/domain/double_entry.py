"""Double entry of a paper sheet: two people type it, the program compares them item by item.

A 3-1 from a street office without the program, or a 3-2 filled on paper, is
typed in by a clerk (entry 1: the sheet's own scores); a second person types
it again without seeing the first (entry 2). Such a sheet may be finalised
only when, for every item of the form, the two entries agree, or a third
person resolved the difference: chose the value (which becomes the sheet's)
and said why. A resolution holds while the sheet keeps the value it chose; a
later change of the first entry makes the item differ again.

Values are ``Decimal`` (``None``: the item was left blank in that entry), so
comparing is exact: 9.5 and 9.50 are the same score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

FIRST, SECOND = 1, 2
ENTRIES = (FIRST, SECOND)


@dataclass(frozen=True)
class Resolution:
    """A third person's decision on one item: the value kept (None: left blank), who, why."""

    value: Decimal | None
    resolver: str
    reason: str


@dataclass(frozen=True)
class ItemComparison:
    """One item of a doubly-entered sheet: both entries and, when they differed, the decision."""

    item_id: str
    first: Decimal | None
    second: Decimal | None
    resolution: Resolution | None = None

    @property
    def agree(self) -> bool:
        return self.first == self.second

    @property
    def resolved(self) -> bool:
        """A difference a third person decided, and the sheet still holds the value chosen."""
        return not self.agree and self.resolution is not None and self.resolution.value == self.first

    @property
    def open(self) -> bool:
        """A difference that still stops the sheet from being finalised."""
        return not self.agree and not self.resolved


def compare(items: Iterable[str], first: Mapping[str, Decimal], second: Mapping[str, Decimal],
            resolutions: Mapping[str, Resolution] | None = None) -> list[ItemComparison]:
    """Every item of the form, in the form's order, with both entries side by side.

    Items stored in neither entry agree (both blank); a value either entry
    holds for an item the form does not list is ignored here (it is damaged
    data, named by the sheet's own checks).
    """
    decided = resolutions or {}
    return [ItemComparison(i, first.get(i), second.get(i), decided.get(i)) for i in items]


def open_differences(comparisons: Iterable[ItemComparison]) -> list[ItemComparison]:
    """The differences nobody has resolved yet: what refuses finalising, in form order."""
    return [c for c in comparisons if c.open]
