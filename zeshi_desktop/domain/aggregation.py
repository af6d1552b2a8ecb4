"""Several reviewers score one subject (3-2, 4-3): their totals become one final score.

DOMAIN.md decision 4: the arithmetic mean; a district or the city may choose,
per year, a trimmed mean dropping one highest and one lowest total once there
are at least five reviewers. Only finalised sheets are passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext

TRIM_MIN_REVIEWERS = 5


def mean(values: Sequence[Decimal]) -> Decimal | None:
    if not values:
        return None
    with localcontext() as ctx:
        ctx.prec = 40  # correctly rounded: the same fraction always gives the same Decimal
        return sum(values, Decimal(0)) / len(values)


def trimmed_mean(values: Sequence[Decimal]) -> Decimal | None:
    """Drops one highest and one lowest; falls back to the mean below five values."""
    if len(values) < TRIM_MIN_REVIEWERS:
        return mean(values)
    ordered = sorted(values)
    return mean(ordered[1:-1])


def final_score(values: Sequence[Decimal], trimmed: bool = False) -> Decimal | None:
    return trimmed_mean(values) if trimmed else mean(values)
