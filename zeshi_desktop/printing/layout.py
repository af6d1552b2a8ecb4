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

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle, tables

from zeshi_desktop.domain.forms import Form, FormText
from zeshi_desktop.domain.scores import display
from zeshi_desktop.messages import text as catalogue_text

from . import paragraphs
from .data import PAPER, Heading, Stamp
from .document import PageCount
from .fonts import register
from .paragraphs import CJKParagraph, text

FONT = register()
# A table cell holding a plain string is set in the table's font, reportlab's Helvetica unless a style
# names another; an unembedded Helvetica would then be listed in every file (issue 13).
tables.CellStyle.fontname = FONT
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
    ("LEFTPADDING", (0, 0), (-1, -1), 3.5),   # text keeps 1.2 mm off the borders (nothing hangs past it)
    ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
]


def markup(value: str, st: ParagraphStyle = CELL) -> CJKParagraph:
    """A paragraph from markup we wrote (cached parse, Chinese line breaking)."""
    return paragraphs.markup(value, st)


def para(value: str, st: ParagraphStyle = CELL) -> CJKParagraph:
    """A paragraph showing ``value`` as plain text (escaped)."""
    return paragraphs.markup(text(value), st)


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


def title_block(form: Form, heading: Heading | None, continued: bool = False) -> list[Flowable]:
    """"附件3-1" at the top left, then the sheet's own title centred, as on the official annex.

    The title shrinks (down to 11 pt, where it wraps) so that a long office
    name takes little of the page; ``continued`` marks a continuation page "（续）".
    """
    annex, _, rest = filled(form.title, heading).partition("：")
    title = rest.strip() or form.short_title
    if continued:
        title = words("printing.paper.continued", text=title)
    return [para(annex.strip(), ANNEX), paragraphs.fitted(title, TITLE, smallest=11, wrap_small=True)]


def heading_line(pairs: Sequence[tuple[str, str]], st: ParagraphStyle = BODY) -> CJKParagraph:
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


SEAL = 45 * mm        # the clear square kept for a round seal (42 mm and a margin)
QR_COLUMN = 40 * mm   # the QR code and its text (a 22-character code on one line), 5 mm from the seal space


class SealSpace(Flowable):
    """The square where the seal goes (盖章): kept clear, nothing is drawn in it."""

    def __init__(self, size: float = SEAL) -> None:
        super().__init__()
        self.width = self.height = size

    def draw(self) -> None:
        return None


def signature_block(lines: Sequence[str], stamp: Stamp | None, width: float,
                    before: Sequence[Flowable] = (), one_line: bool = False, *, seal: bool = False,
                    after: Sequence[Flowable] = ()) -> Table:
    """Signature/stamp lines with a date line on the left; the seal space; the verification QR and code on the right.

    ``before`` (the notes of a long matrix) and ``after`` (a sheet's notes)
    share the block so that no page holds a signature line alone; ``one_line``
    puts the date beside the signature to save height on landscape matrices.
    ``seal`` keeps a ``SEAL`` square clear beside the lines, away from the QR
    code. A document of more than one page says "本表共 N 页" under the date.
    """
    left: list[Flowable] = list(before)
    if one_line:
        joined = "&nbsp;&nbsp;".join(text(line) for line in lines)
        left.append(markup(joined + "&nbsp;" * 30 + date_line(), BODY))
    else:
        left += [markup(text(line), BODY) for line in lines]
        left += [Spacer(1, 3 * mm), markup(date_line(), BODY)]
    left += [PageCount(BODY.fontSize), *after]
    cells: list[list[Flowable]] = [left]
    widths = [width]
    if seal:
        cells.append([SealSpace()])
        widths.append(SEAL)
    if stamp is not None:
        cells.append([QrStamp(stamp.code, 19 * mm),
                      markup(f"{text(words('printing.paper.code_label'))}<br/>{text(stamp.code)}", TINY_C)])
        widths.append(QR_COLUMN)
    widths[0] = width - sum(widths[1:])
    table = Table([cells], colWidths=widths)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (-1, 0), "CENTER"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, 0), 2 * mm),
                               ("LEFTPADDING", (-1, 0), (-1, 0), 5 * mm if seal and stamp else 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * mm)]))
    return table


def checkbox(label: str, checked: bool) -> str:
    return f"<font size=\"12\">{CHECKED if checked else UNCHECKED}</font>&nbsp;{text(label)}"
