"""One item score: what a person typed, checked against the item's maximum.

Scores are ``Decimal`` with at most one decimal place. A refused value is never
clamped or dropped: the error names the item, its maximum and the reason.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from zeshi_desktop.messages import Message, Refused, number_text, text

from .forms import Item, Label

TENTH = Decimal("0.1")

# What people type that means a digit or a sign: full-width forms and the
# ideographic space come from Chinese input methods, Excel and WPS.
_SPACES = {" ", "\t", "\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\u202f"}


def normalise_text(raw: str) -> str:
    """Full-width digits and signs to ASCII, surrounding spaces removed."""
    text = unicodedata.normalize("NFKC", raw)
    text = text.replace("\u2212", "-")  # the minus sign
    return text.strip("".join(_SPACES) + "\r\n")


def short_en(item: Item) -> str:
    """The English counterpart of ``Item.short``: the item's first phrase, whole words, at most 60 letters."""
    phrase = item.text.en or item.text.zh
    for stop in ",;.(":
        cut = phrase.find(stop)
        if 0 < cut:
            phrase = phrase[:cut].rstrip()
    if len(phrase) > 60:   # whole words, as a reader would shorten it
        phrase = phrase[:60].rsplit(" ", 1)[0] + "…"
    return phrase


def item_name(item: Item) -> Label:
    """How a message names an item: its short phrase in either language."""
    return Label(item.short, short_en(item))


class ScoreRefused(Refused):
    """A value that cannot be an item's score: the item, its maximum, what was typed and why.

    ``code`` is the catalogue code (``scoring.score.above_max``); ``reason`` the
    short reason (not_a_number | negative | above_max | too_many_decimals | empty).
    The English names the item with its maximum, the Chinese by its phrase only,
    as the meeting's scorers have always read it.
    """

    item_id: str
    item_text: str   # the item's short Chinese phrase
    maximum: Decimal
    raw: str
    reason: str

    def __init__(self, item: Item, raw: str, reason: str) -> None:
        self.item_id = item.id
        self.item_text = item.short
        self.maximum = item.max
        self.raw = raw
        self.reason = reason
        named = Label(item.short, text("scoring.score.item", "en", item=short_en(item), maximum=item.max))
        super().__init__(Message(f"scoring.score.{reason}", raw=raw, maximum=item.max, item=named))


def parse_score(item: Item, raw: object) -> Decimal:
    """The score ``raw`` stands for, or ``ScoreRefused`` naming the item.

    Accepts ``Decimal``, ``int`` and text; a binary ``float`` is refused
    because 0.1 as a float is not 0.1.
    """
    def refuse(reason: str, shown: str) -> ScoreRefused:
        return ScoreRefused(item, shown, reason)

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
    """Up to ``places`` decimals, trailing zeros dropped: 85, 85.5, 85.33 (the one formatter, ``number_text``)."""
    return number_text(value, places)
