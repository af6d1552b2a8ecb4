"""The CJK fonts every PDF embeds, and the check that a text can be printed with them.

reportlab embeds TrueType outlines only, so the main font is WenQuanYi Micro
Hei (``resources/fonts``, Apache-2.0), found through ``locations.cjk_font_path()``.
It lacks nearly all of CJK Extension A, which rare names use (㛃 U+36C3, 䶮
U+4DAE), so a second TrueType font, Droid Sans Fallback (the design Micro Hei
was drawn from; ``locations.cjk_fallback_font_path()``), sets those characters,
run by run (``runs``, ``paragraphs.text``, ``draw``). It is read only when a
text needs it. A character neither font has would print as an empty box on a
signed legal record; ``missing_glyphs`` finds such characters first so that
the caller can refuse with the name that holds them instead.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from zeshi_desktop.locations import cjk_fallback_font_path, cjk_font_path
from zeshi_desktop.messages import Message, Refused

FONT = "ZeshiCJK"
FALLBACK = "ZeshiCJKFallback"
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


@lru_cache(maxsize=1)
def register_fallback() -> str | None:
    """Register the fallback font once, on first need; None when there is none or it cannot be read.

    Without it the characters only it has are refused, as before it existed.
    """
    path = cjk_fallback_font_path()
    if path is None or not path.is_file():
        return None
    try:
        font = (TTFont(FALLBACK, str(path), subfontIndex=0) if path.suffix.lower() == ".ttc"
                else TTFont(FALLBACK, str(path)))
    except Exception:  # noqa: BLE001 - an unusable fallback is no fallback; the main font still prints
        return None
    pdfmetrics.registerFont(font)
    return FALLBACK


@lru_cache(maxsize=1)
def _fallback_cmap() -> frozenset[int]:
    if register_fallback() is None:
        return frozenset()
    return frozenset(pdfmetrics.getFont(FALLBACK).face.charToGlyph)  # type: ignore[attr-defined]


def _no_ink(ch: str) -> bool:
    """Line breaks and other controls are layout, not ink: they need no glyph."""
    return ch in _LAYOUT or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")


def font_of(ch: str) -> str | None:
    """The font that draws ``ch``: the main one, else the fallback, else None (it would print as a box)."""
    code = ord(ch)
    if code in _cmap():
        return FONT
    if code in _fallback_cmap():
        return FALLBACK
    return None


def all_in_main(text: str) -> bool:
    """Whether the main font alone draws ``text`` (the common case, checked in one set operation)."""
    return text.isascii() or not (set(map(ord, text)) - _cmap())


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into runs of one font each: ``[(font name, chars), ...]``.

    A character only the fallback has starts a fallback run; layout characters
    and characters neither font has stay in the run they are in (the latter
    are refused before anything is drawn).
    """
    if all_in_main(text):
        return [(FONT, text)]
    out: list[tuple[str, str]] = []
    current, start = FONT, 0
    for i, ch in enumerate(text):
        font = current if _no_ink(ch) else (font_of(ch) or current)
        if font != current:
            if i > start:
                out.append((current, text[start:i]))
            current, start = font, i
    out.append((current, text[start:]))
    return out


def one_font(text: str) -> str:
    """The one font for a text that cannot change font midway (a chart label): the main one, or the
    fallback when the main one lacks a character and the fallback has them all."""
    if all_in_main(text):
        return FONT
    fallback = _fallback_cmap()
    if fallback and all(ord(ch) in fallback or _no_ink(ch) for ch in text):
        return FALLBACK
    return FONT


def advance(ch: str, font_name: str, size: float) -> float:
    """How far ``ch`` moves the pen in ``font_name``, measured in the fallback when that is the font that draws it."""
    if font_name == FONT and not ch.isascii() and font_of(ch) == FALLBACK:
        font_name = FALLBACK
    return float(pdfmetrics.stringWidth(ch, font_name, size))


def string_width(text: str, size: float) -> float:
    """The width of ``text`` set run by run in the main font and the fallback."""
    return sum(float(pdfmetrics.stringWidth(chunk, font, size)) for font, chunk in runs(text))


def draw(canv: Any, x: float, y: float, text: str, size: float, anchor: str = "start") -> None:
    """``canvas.drawString`` with the fallback for the characters the main font lacks.

    ``anchor``: ``start`` (x is the left end), ``end`` (the right end) or ``middle``.
    """
    parts = runs(text)
    if anchor != "start":
        width = sum(float(pdfmetrics.stringWidth(chunk, font, size)) for font, chunk in parts)
        x -= width if anchor == "end" else width / 2
    for font, chunk in parts:
        canv.setFont(font, size)
        canv.drawString(x, y, chunk)
        x += float(pdfmetrics.stringWidth(chunk, font, size))
    if len(parts) > 1:
        canv.setFont(FONT, size)


def missing_chars(text: str) -> list[str]:
    """Characters of ``text`` neither font has a glyph for (each once, in order)."""
    if all_in_main(text):
        return []
    seen: list[str] = []
    for ch in text:
        if ch in seen or _no_ink(ch) or font_of(ch) is not None:
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
