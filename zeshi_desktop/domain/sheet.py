"""The sums of one filled sheet: sections, parts (常规分 / 附加分), total, band."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .forms import Band, Form


@dataclass(frozen=True)
class SheetTotals:
    section_sums: dict[str, Decimal]
    part_sums: dict[str, Decimal]
    total: Decimal
    band: Band
    filled: int
    expected: int

    @property
    def complete(self) -> bool:
        return self.filled == self.expected

    @property
    def missing(self) -> int:
        return self.expected - self.filled


def totals(form: Form, scores: Mapping[str, Decimal]) -> SheetTotals:
    """Exact sums; an item not yet scored counts as nothing (and as missing)."""
    section_sums: dict[str, Decimal] = {}
    part_sums: dict[str, Decimal] = {}
    filled = 0
    for part in form.parts:
        part_sum = Decimal(0)
        for section in part.sections:
            s = Decimal(0)
            for item in section.items:
                value = scores.get(item.id)
                if value is not None:
                    s += value
                    filled += 1
            section_sums[section.id] = s
            part_sum += s
        part_sums[part.id] = part_sum
    total = sum(part_sums.values(), Decimal(0))
    return SheetTotals(section_sums, part_sums, total, form.band_for(total), filled, len(form.items))
