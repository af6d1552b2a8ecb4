"""The one paragraph every renderer prints with: Chinese line breaking, cached parses and breaks, fitted headers.

``markup``/``para`` make a ``CJKParagraph``, whose ``breakLinesCJK`` asks
``linebreak.break_lines`` where lines may end instead of reportlab's
character-by-character split (see that module for what reportlab does and
does not do). ``fitted`` is for header cells: the font shrinks, down to a
minimum, until the label fits on one line; only a label too long even then
wraps, at the style's own size.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import (
    ParaLines,
    _handleBulletWidth,
    cjkU,
    makeCJKParaLine,
)

from . import fonts
from .linebreak import break_lines

_PARSED: dict[tuple[str, str], list] = {}
_PARSED_MAX = 4096
_BROKEN: dict[tuple[str, str, tuple[float, ...]], object] = {}
_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}
_STYLES: dict[tuple[str, float], ParagraphStyle] = {}


def text(value: str) -> str:
    """Paragraph markup for a plain text: escaped, line breaks kept, and each run of characters
    the main font lacks set in the fallback font (``<font name=...>``), so 张㛃䶮 prints whole."""
    parts = fonts.runs(value)
    if len(parts) == 1 and parts[0][0] == fonts.FONT:
        return escape(value).replace("\n", "<br/>")
    return "".join(escape(chunk).replace("\n", "<br/>") if font == fonts.FONT
                   else f'<font name="{font}">{escape(chunk)}</font>' for font, chunk in parts)


def char_widths(chars: str, font_name: str, size: float) -> list[float]:
    """Each character's advance, remembered per font and size (a batch measures the same few thousand);
    a character the main font lacks is measured in the fallback that draws it."""
    known = _WIDTHS.setdefault((font_name, size), {})
    missing = [c for c in set(chars) if c not in known]
    if missing:
        font = getFont(font_name)
        for c in missing:
            known[c] = font.stringWidth(c, size) if c.isascii() else fonts.advance(c, font_name, size)
    return [known[c] for c in chars]


class CJKParagraph(Paragraph):
    """A paragraph broken by the Chinese rules of ``linebreak``, its breaks remembered per text, style and width.

    A batch prints the same item texts into the same column widths hundreds of
    times; breaking lines is over a third of a sheet's time. The cached result
    is only read afterwards (drawing and splitting build new objects).
    """

    _zs_key: tuple[str, str] | None = None

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if self._zs_key is None or getattr(self, "_splitpara", 0) or self.bulletText:
            return self._break(maxWidths)
        widths = tuple(maxWidths) if isinstance(maxWidths, (list, tuple)) else (maxWidths,)
        key = (*self._zs_key, widths)
        found = _BROKEN.get(key)
        if found is None:
            found = self._break(maxWidths)
            if len(_BROKEN) < _PARSED_MAX:
                _BROKEN[key] = found
        self.height = 0
        return found

    def _break(self, maxWidths: Any) -> Any:
        """reportlab's ``breakLinesCJK`` with the break positions chosen by ``break_lines``."""
        frags = self.frags
        special = any(hasattr(f, "cbDefn") for f in frags) or self.style.endDots
        if special or (hasattr(self, "blPara") and getattr(self, "_splitpara", 0)) or not frags:
            return super().breakLinesCJK(maxWidths)
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        self.height = 0
        _handleBulletWidth(self.bulletText, self.style, widths)
        if len(frags) == 1 and not hasattr(frags[0], "lineBreak"):
            return self._single(frags[0], widths)
        return self._multi(frags, widths)

    @staticmethod
    def _single(frag: Any, max_widths: list[float]) -> Any:
        chars = frag.text if hasattr(frag, "text") else "".join(getattr(frag, "words", []))
        widths = char_widths(chars, frag.fontName, frag.fontSize)
        lines = []
        for n, (start, end) in enumerate(break_lines(chars, widths, max_widths)):
            limit = max_widths[min(n, len(max_widths) - 1)]
            lines.append((limit - sum(widths[start:end]), [chars[start:end].strip(" ")]))
        return frag.clone(kind=0, lines=lines, ascent=frag.fontSize, descent=-0.2 * frag.fontSize)

    def _multi(self, frags: Any, max_widths: list[float]) -> Any:
        units = []
        for f in frags:
            value = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
            units.extend([cjkU(c, f, "utf8") for c in value] if value else [cjkU(value, f, "utf8")])
        chars = "".join(u if u else "\n" for u in units)
        widths = [u.width for u in units]
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        bounds = auto not in ("", "off")
        lines = []
        for n, (start, end) in enumerate(break_lines(chars, widths, max_widths)):
            limit = max_widths[min(n, len(max_widths) - 1)]
            used = sum(widths[start:end])
            forced = hasattr(units[end - 1].frag, "lineBreak")
            lines.append(makeCJKParaLine(units[start:end], limit, used, limit - used, forced, bounds))
        return ParaLines(kind=1, lines=lines)


def markup(value: str, st: ParagraphStyle) -> CJKParagraph:
    """A paragraph from markup we wrote; the parse is cached because the same form texts
    recur on every sheet of a batch (parsing is a third of a 3-1 page's time)."""
    key = (value, st.name)
    frags = _PARSED.get(key)
    if frags is None:
        made = CJKParagraph(value, st)
        if len(_PARSED) < _PARSED_MAX:
            _PARSED[key] = made.frags
    else:
        made = CJKParagraph(value, st, frags=frags)
    made._zs_key = key
    return made


def para(value: str, st: ParagraphStyle) -> CJKParagraph:
    """A paragraph showing ``value`` as plain text (escaped)."""
    return markup(text(value), st)


def sized(st: ParagraphStyle, size: float) -> ParagraphStyle:
    """``st`` at another font size (leading scaled with it); one style object per size."""
    if size == st.fontSize:
        return st
    key = (st.name, size)
    found = _STYLES.get(key)
    if found is None:
        found = _STYLES[key] = ParagraphStyle(f"{st.name}@{size:g}", parent=st, fontSize=size,
                                              leading=st.leading * size / st.fontSize)
    return found


class Fitted(Flowable):
    """A label that shrinks (0.25 pt at a time, not below ``smallest``) to fit its width on one line.

    The width is only known when a table or frame wraps it, so the size is
    chosen then; a label too long even at ``smallest`` wraps at the style's own
    size (a header of many words reads better wrapped than tiny), or at
    ``smallest`` with ``wrap_small`` (a title, which should take little height).
    """

    def __init__(self, value: str, st: ParagraphStyle, smallest: float, wrap_small: bool = False) -> None:
        super().__init__()
        self.value, self.style, self.smallest, self.wrap_small = value, st, smallest, wrap_small
        self._para: CJKParagraph | None = None
        self._for: float | None = None

    def _choose(self, width: float) -> CJKParagraph:
        if self._para is None or self._for != width:
            self._para, self._for = para(self.value, sized(self.style, self._size(width))), width
        return self._para

    def _size(self, width: float) -> float:
        st = self.style
        if "\n" in self.value or not self.value:
            return st.fontSize
        natural = sum(char_widths(self.value, st.fontName, st.fontSize))
        if natural <= width:
            return st.fontSize
        size = int(st.fontSize * width / natural * 4) / 4
        while size >= self.smallest and sum(char_widths(self.value, st.fontName, size)) > width:
            size -= 0.25
        if size >= self.smallest:
            return size
        return self.smallest if self.wrap_small else st.fontSize

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = self._choose(aw).wrap(aw, ah)
        return self.width, self.height

    def draw(self) -> None:
        assert self._para is not None
        self._para.drawOn(self.canv, 0, 0)

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return self._choose(aw).split(aw, ah)

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.style.spaceAfter)


def fitted(value: str, st: ParagraphStyle, smallest: float = 7.5, wrap_small: bool = False) -> Fitted:
    """A header cell's label (or a title): shrunk to fit on one line, wrapped only below ``smallest``."""
    return Fitted(value, st, smallest, wrap_small)
