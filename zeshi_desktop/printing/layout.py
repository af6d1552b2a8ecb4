"""Shared pieces of every printed annex: styles, escaped paragraphs, headings, signature blocks.

Form texts (titles, signature lines) come from the form with their named
fields filled from the document's heading; the program's own words on paper
(年度：, the date line) come from the message catalogue, in the paper's language.

User text (names, remarks, suggestions) is escaped before it reaches
reportlab's paragraph markup, so ``<b>`` or ``<img src=...>`` typed by a user
prints as those characters and never as formatting or a fetched file.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from zeshi_desktop.domain.forms import Form, FormText
from zeshi_desktop.domain.scores import display
from zeshi_desktop.messages import text as catalogue_text

from .data import PAPER, Heading, Stamp
from .fonts import register

FONT = register()
CHECKED, UNCHECKED = "■", "□"
GAP = "&nbsp;"


def words(code: str, /, **params: object) -> str:
    """The program's own words on paper (``printing.paper.*``), in the paper's language."""
    return catalogue_text(code, PAPER, **params)


def style(size: float = 9.5, align: int = TA_LEFT, leading: float | None = None, space_after: float = 0,
          name: str = "") -> ParagraphStyle:
    """A paragraph style in the CJK font; ``wordWrap='CJK'`` breaks lines between any two characters."""
    return ParagraphStyle(name or f"zs{size}{align}", fontName=FONT, fontSize=size,
                          leading=leading or size * 1.35, alignment=align, wordWrap="CJK",
                          spaceAfter=space_after)


BODY = style(9.5)
CELL = style(8.6, leading=11.4)
CELL_C = style(8.6, TA_CENTER, leading=11.4)
SMALL = style(8)
SMALL_C = style(8, TA_CENTER)
TINY_C = style(7.2, TA_CENTER, leading=9.2)
NOTE = style(8.5, leading=12)
TITLE = style(15, TA_CENTER, leading=19, space_after=1.5 * mm)
ANNEX = style(10, leading=13)
H2 = style(12, leading=17, space_after=1.5 * mm)
H3 = style(10.5, leading=15, space_after=1 * mm)
TEXT = style(10, leading=16, space_after=2 * mm)

GRID = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("FONTSIZE", (0, 0), (-1, -1), 9),
    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
]


def text(value: str) -> str:
    """Paragraph markup for a plain text: escaped, line breaks kept."""
    return escape(value).replace("\n", "<br/>")


_PARSED: dict[tuple[str, str], list] = {}
_PARSED_MAX = 4096
_BROKEN: dict[tuple[str, str, tuple[float, ...]], object] = {}


class _CachedParagraph(Paragraph):
    """A paragraph whose line breaking is remembered per text, style and width.

    A batch prints the same item texts into the same column widths hundreds of
    times; breaking CJK lines is over a third of a sheet's time. The cached
    result is only read afterwards (drawing and splitting build new objects).
    """

    _zs_key: tuple[str, str] | None = None

    def breakLinesCJK(self, maxWidths):  # type: ignore[no-untyped-def]  # noqa: N802 - reportlab's name
        if self._zs_key is None or getattr(self, "_splitpara", 0) or self.bulletText:
            return super().breakLinesCJK(maxWidths)
        widths = tuple(maxWidths) if isinstance(maxWidths, (list, tuple)) else (maxWidths,)
        key = (*self._zs_key, widths)
        found = _BROKEN.get(key)
        if found is None:
            found = super().breakLinesCJK(maxWidths)
            if len(_BROKEN) < _PARSED_MAX:
                _BROKEN[key] = found
        self.height = 0
        return found


def markup(value: str, st: ParagraphStyle = CELL) -> Paragraph:
    """A paragraph from markup we wrote; the parse is cached because the same form texts
    recur on every sheet of a batch (parsing is a third of a 3-1 page's time)."""
    key = (value, st.name)
    frags = _PARSED.get(key)
    if frags is None:
        made = _CachedParagraph(value, st)
        if len(_PARSED) < _PARSED_MAX:
            _PARSED[key] = made.frags
    else:
        made = _CachedParagraph(value, st, frags=frags)
    made._zs_key = key
    return made


def para(value: str, st: ParagraphStyle = CELL) -> Paragraph:
    """A paragraph showing ``value`` as plain text (escaped)."""
    return markup(text(value), st)


def num(value: Decimal | None) -> str:
    return "" if value is None else display(value)


def grid(data: list[list[object]], widths: Sequence[float], extra: Sequence[tuple] = (), repeat: int = 0,
         heights: Sequence[float | None] | None = None) -> Table:
    table = Table(data, colWidths=list(widths), rowHeights=list(heights) if heights else None, repeatRows=repeat)
    table.setStyle(TableStyle(GRID + list(extra)))
    return table


def filled(value: FormText, heading: Heading | None) -> str:
    """A form text with its fields written in from ``heading``; ``None`` (a blank form) keeps the placeholders."""
    return value.fill(PAPER, **heading.fields()) if heading is not None else value.get(PAPER)


def signature_lines(form: Form, heading: Heading | None) -> list[str]:
    """The form's signature and seal lines, filled as the title is."""
    return form.signature_lines(PAPER, **(heading.fields() if heading is not None else {}))


def title_block(form: Form, heading: Heading | None) -> list[Flowable]:
    """"附件3-1" at the top left, then the sheet's own title centred, as on the official annex."""
    annex, _, rest = filled(form.title, heading).partition("：")
    return [para(annex.strip(), ANNEX), para(rest.strip() or form.short_title, TITLE)]


def heading_line(pairs: Sequence[tuple[str, str]], st: ParagraphStyle = BODY) -> Paragraph:
    """``label value`` pairs on one line; values underlined so they read as filled-in blanks."""
    parts = []
    for label, value in pairs:
        shown = text(value) if value else "&nbsp;" * 14
        parts.append(f"{text(label)}<u>&nbsp;{shown}&nbsp;</u>")
    return markup("&nbsp;&nbsp;&nbsp;&nbsp;".join(parts), st)


def year_pair(year: int | None) -> tuple[str, str]:
    """年度： and the year, blank when there is none (a form to fill by hand)."""
    return words("printing.paper.year"), str(year) if year else ""


def year_line(heading: Heading) -> list[tuple[str, str]]:
    pairs = [year_pair(heading.year)]
    for code, value in (("printing.paper.district", heading.district), ("printing.paper.unit", heading.unit),
                        ("printing.paper.planner", heading.planner)):
        if value:
            pairs.append((words(code), value))
    return pairs


def notes(form: Form) -> list[Flowable]:
    return [para(note.zh, NOTE) for note in form.notes]


def date_line() -> str:
    """The date, written by hand when the sheet is signed."""
    return words("printing.paper.date", year=GAP * 8, month=GAP * 5, day=GAP * 5)


def qr_modules(payload: str, mask: int = 0) -> list[list[bool]]:
    """The QR matrix from reportlab's own encoder, with a fixed mask pattern.

    ``QrCodeWidget`` tries all eight masks and builds one shape object per dark
    module (0.7 s a code, most of a sheet's printing time); any of the eight
    masks is valid QR, so the encoder is run once with mask ``mask``.
    """
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.version = code.calculate_version()
    code.makeImpl(False, mask)
    return [list(row) for row in code.modules]


class QrStamp(Flowable):
    """The QR code of a final sheet, drawn as filled runs of modules (with the 4-module quiet zone)."""

    QUIET = 4

    def __init__(self, payload: str, size: float = 22 * mm) -> None:
        super().__init__()
        self.modules = qr_modules(payload)
        self.width = self.height = size

    def draw(self) -> None:
        count = len(self.modules) + 2 * self.QUIET
        canv = self.canv
        canv.saveState()
        # One module = one unit, y downwards: whole-number "re" operators in one filled path keep
        # the stream small and skip reportlab's per-number float formatting (a third of the time).
        canv.translate(0, self.height)
        canv.scale(self.width / count, -self.width / count)
        canv.setFillColor(colors.black)
        ops = []
        for r, row in enumerate(self.modules):
            c = 0
            while c < len(row):
                if row[c]:
                    start = c
                    while c < len(row) and row[c]:
                        c += 1
                    ops.append(f"{start + self.QUIET} {r + self.QUIET} {c - start} 1 re")
                else:
                    c += 1
        if ops:
            canv._code.append(" ".join(ops) + " f")  # raw PDF path operators, as canvas.drawPath emits
        canv.restoreState()


def signature_block(lines: Sequence[str], stamp: Stamp | None, width: float,
                    before: Sequence[Flowable] = (), one_line: bool = False) -> Table:
    """Signature/stamp lines with a date line on the left; the verification QR and code on the right.

    ``before`` (the notes of a long matrix) shares the block so that the last
    page never holds a signature line alone; ``one_line`` puts the date beside
    the signature to save height on landscape matrices.
    """
    left: list[Flowable] = list(before)
    if one_line:
        joined = "&nbsp;&nbsp;".join(text(line) for line in lines)
        left.append(markup(joined + "&nbsp;" * 30 + date_line(), BODY))
    else:
        left += [markup(text(line) + "&nbsp;" * 24, BODY) for line in lines]
        left += [Spacer(1, 3 * mm), markup(date_line(), BODY)]
    right: list[Flowable] = []
    if stamp is not None:
        right = [QrStamp(stamp.code, 19 * mm),
                 Paragraph(f"{text(words('printing.paper.code_label'))}<br/>{text(stamp.code)}", TINY_C)]
    table = Table([[left, right]], colWidths=[width - 38 * mm, 38 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "CENTER"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * mm)]))
    return table


def checkbox(label: str, checked: bool) -> str:
    return f"<font size=\"12\">{CHECKED if checked else UNCHECKED}</font>&nbsp;{text(label)}"
