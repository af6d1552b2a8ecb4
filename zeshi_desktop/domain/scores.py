"""One item score: what a person typed, checked against the item's maximum.

Scores are ``Decimal`` with at most one decimal place. A refused value is never
clamped or dropped: the error names the item, its maximum and the reason.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .forms import Item

TENTH = Decimal("0.1")

# What people type that means a digit or a sign: full-width forms and the
# ideographic space come from Chinese input methods, Excel and WPS.
_SPACES = {" ", "\t", "\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\u202f"}


def normalise_text(raw: str) -> str:
    """Full-width digits and signs to ASCII, surrounding spaces removed."""
    text = unicodedata.normalize("NFKC", raw)
    text = text.replace("\u2212", "-")  # the minus sign
    return text.strip("".join(_SPACES) + "\r\n")


@dataclass
class ScoreRefused(ValueError):
    """A value that cannot be an item's score, with the reason in both languages."""

    item_id: str
    item_text: str
    maximum: Decimal
    raw: str
    code: str  # not_a_number | negative | above_max | too_many_decimals | empty

    @property
    def zh(self) -> str:
        reason = {
            "not_a_number": f"“{self.raw}”不是数字",
            "negative": f"{self.raw} 不能为负数",
            "above_max": f"{self.raw} 超过单项满分 {self.maximum}",
            "too_many_decimals": f"{self.raw} 最多保留一位小数",
            "empty": "不能为空",
        }[self.code]
        return f"{reason} ({self.item_text})"

    @property
    def en(self) -> str:
        reason = {
            "not_a_number": f"'{self.raw}' is not a number",
            "negative": f"{self.raw} is negative",
            "above_max": f"{self.raw} is above the item's maximum {self.maximum}",
            "too_many_decimals": f"{self.raw} has more than one decimal",
            "empty": "is empty",
        }[self.code]
        return f"{reason} ({self.item_text}, max {self.maximum})"

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def __str__(self) -> str:
        return self.zh


def parse_score(item: Item, raw: object) -> Decimal:
    """The score ``raw`` stands for, or ``ScoreRefused`` naming the item.

    Accepts ``Decimal``, ``int`` and text; a binary ``float`` is refused
    because 0.1 as a float is not 0.1.
    """
    def refuse(code: str, shown: str) -> ScoreRefused:
        return ScoreRefused(item.id, item.short, item.max, shown, code)

    if isinstance(raw, bool) or isinstance(raw, float):
        raise refuse("not_a_number", str(raw))
    if isinstance(raw, Decimal):
        value, shown = raw, str(raw)
    elif isinstance(raw, int):
        value, shown = Decimal(raw), str(raw)
    elif isinstance(raw, str):
        shown = normalise_text(raw)
        if not shown:
            raise refuse("empty", raw)
        if not all(ch.isdigit() and ch.isascii() or ch in ".-+" for ch in shown):
            raise refuse("not_a_number", raw.strip())
        try:
            value = Decimal(shown)
        except InvalidOperation:
            raise refuse("not_a_number", raw.strip()) from None
    else:
        raise refuse("not_a_number", repr(raw))
    if not value.is_finite():
        raise refuse("not_a_number", shown)
    if value < 0:
        raise refuse("negative", shown)
    if value != value.quantize(TENTH):
        raise refuse("too_many_decimals", shown)
    if value > item.max:
        raise refuse("above_max", shown)
    return value.quantize(TENTH) if value.as_tuple().exponent < 0 else value  # type: ignore[operator]


def to_tenths(value: Decimal) -> int:
    """Exact integer storage: 9.5 → 95 (portable to any SQL database)."""
    return int(value * 10)


def from_tenths(tenths: int) -> Decimal:
    return (Decimal(tenths) / 10).quantize(TENTH) if tenths % 10 else Decimal(tenths // 10)


def tenths_text(tenths: int) -> str:
    """A stored score as text without a Decimal on the way: 95 → "9.5", 100 → "10" (the same as ``display``)."""
    whole, tenth = divmod(abs(tenths), 10)
    sign = "-" if tenths < 0 else ""
    return f"{sign}{whole}.{tenth}" if tenth else f"{sign}{whole}"


def display(value: Decimal | None, places: int = 2) -> str:
    """Up to ``places`` decimals, trailing zeros dropped: 85, 85.5, 85.33."""
    if value is None:
        return ""
    q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format(q, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
