"""The one number formatter: scores, means and weights as people read them."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def number_text(value: Decimal | int | None, places: int = 2) -> str:
    """Up to ``places`` decimals, half up, trailing zeros dropped: 85, 85.5, 85.33; None is ''."""
    if value is None:
        return ""
    q = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format(q, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent_text(value: Decimal | None, places: int = 1) -> str:
    """A share as a percentage: 0.125 → '12.5%'; None is ''."""
    return "" if value is None else f"{number_text(value * 100, places)}%"
