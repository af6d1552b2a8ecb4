"""The one CJK font every PDF embeds, and the check that a text can be printed with it.

reportlab embeds TrueType outlines only, so the font is WenQuanYi Micro Hei
(``resources/fonts``, Apache-2.0), found through ``locations.cjk_font_path()``.
A character the font lacks would print as an empty box on a signed legal
record; ``missing_glyphs`` finds such characters first so that the caller can
refuse with the name that holds them instead.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from zeshi_desktop.locations import cjk_font_path
from zeshi_desktop.messages import Message, Refused

FONT = "ZeshiCJK"
# Page streams stay Flate-compressed but binary: ASCII85 on top only makes them 25 % bigger
# and costs ~10 ms a page in pure Python. Set here because every renderer imports this module.
rl_config.useA85 = 0
# Characters that never need a glyph: line breaks and other controls are layout, not ink.
_LAYOUT = {"\n", "\r", "\t"}


class FontUnavailable(Refused, RuntimeError):
    """No TrueType CJK font can be found or read; says where it was looked for."""


@dataclass(frozen=True)
class MissingGlyph:
    """A character of ``text`` (found under ``where``, e.g. "责师 张𠮷") the font cannot draw.

    ``where`` is a plain text or a message (``printing.where``) so that the
    refusal names the field in the reader's language.
    """

    where: str | Message
    char: str
    text: str = ""

    @property
    def codepoint(self) -> str:
        return f"U+{ord(self.char):04X}"

    def message(self) -> Message:
        params = {"where": self.where, "char": self.char, "codepoint": self.codepoint}
        if self.text and self.text != self.where:
            return Message("printing.glyph_missing_in", value=self.text, **params)
        return Message("printing.glyph_missing", **params)


@dataclass(frozen=True)
class _Joined:
    """The named characters, already worded in both languages (a message parameter renders the one asked)."""

    zh: str
    en: str


class GlyphsMissing(Refused):
    """Raised before anything is drawn: the texts hold characters the font lacks (the first five named)."""

    SHOWN = 5

    def __init__(self, missing: list[MissingGlyph]) -> None:
        self.missing = missing
        shown = [m.message() for m in missing[:self.SHOWN]]
        glyphs = _Joined("；".join(m.text("zh") for m in shown), "; ".join(m.text("en") for m in shown))
        if len(missing) > self.SHOWN:
            super().__init__("printing.glyphs_missing_more", glyphs=glyphs, count=len(missing))
        else:
            super().__init__("printing.glyphs_missing", glyphs=glyphs)


@lru_cache(maxsize=1)
def register() -> str:
    """Register the CJK font once per process and return its reportlab name."""
    path = cjk_font_path()
    if path is None or not path.is_file():
        raise FontUnavailable("printing.font_not_found", font="wqy-microhei.ttc")
    try:
        # A .ttc holds several faces; face 0 is the proportional Micro Hei.
        font = TTFont(FONT, str(path), subfontIndex=0) if path.suffix.lower() == ".ttc" else TTFont(FONT, str(path))
    except Exception as exc:  # reportlab raises TTFError and plain errors alike for unusable files
        raise FontUnavailable("printing.font_unusable", path=str(path), error=str(exc)) from exc
    pdfmetrics.registerFont(font)
    return FONT


@lru_cache(maxsize=1)
def _cmap() -> frozenset[int]:
    register()
    font = pdfmetrics.getFont(FONT)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def missing_chars(text: str) -> list[str]:
    """Characters of ``text`` the font has no glyph for (each once, in order)."""
    cmap = _cmap()
    seen: list[str] = []
    for ch in text:
        if ch in _LAYOUT or ord(ch) in cmap or ch in seen:
            continue
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            continue
        seen.append(ch)
    return seen


def missing_glyphs(texts: Iterable[tuple[str | Message, str]]) -> list[MissingGlyph]:
    """Check ``(where, text)`` pairs; every missing character is reported with where it is."""
    found: list[MissingGlyph] = []
    for where, text in texts:
        if text:
            found.extend(MissingGlyph(where, ch, text) for ch in missing_chars(text))
    return found


def require_glyphs(texts: Iterable[tuple[str | Message, str]]) -> None:
    """Refuse (``GlyphsMissing``) when any text holds a character the font cannot print."""
    missing = missing_glyphs(texts)
    if missing:
        raise GlyphsMissing(missing)
