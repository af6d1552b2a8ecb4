"""The papers that carry the results to people: the feedback letter and the city's list of excellent planners.

Neither is an annex, so neither has a form: a service fills a ``PaperDoc``
with every text already worded (from ``forms/results.toml`` and the message
catalogue, in the program's language) and every figure already written, and
this module only lays it out as the annexes are laid out — title, heading
line, sections of text and tables, the task force's signature with the date
line, the 45 mm seal space and the verification QR code. The last table is
kept with the signature block (``signed.keep_signed``), so the signed page
holds figures; a longer paper says "本表共 N 页" in its block. Footer, date
line and code label are in the paper's own language (``PageMeta.lang``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from zeshi_desktop.messages import Message, Refused
from zeshi_desktop.messages import text as catalogue_text

from .data import Stamp
from .document import (
    PORTRAIT,
    PageCount,
    PageMeta,
    Part,
    build,
    frame_height,
    frame_width,
)
from .fonts import GlyphsMissing, missing_glyphs
from .layout import (
    BODY,
    CELL,
    CELL_C,
    FONT,
    GAP,
    QR_COLUMN,
    SEAL,
    TINY_C,
    TITLE,
    QrStamp,
    SealSpace,
    grid,
    heading_line,
    markup,
    para,
    style,
)
from .paragraphs import fitted, text
from .render import Refusal, Rendered
from .signed import keep_signed

CELL_R = style(8.6, TA_RIGHT, leading=11.4, name="zs-paper-cell-r")
LETTER = style(9.5, leading=14, space_after=1 * mm, name="zs-paper-letter")
HEADING = style(9.5, leading=15, name="zs-paper-heading")
SECTION = style(10.5, leading=14, space_after=0.8 * mm, name="zs-paper-section")
HEADER_BG = colors.HexColor("#eef2f6")


@dataclass(frozen=True)
class PaperTable:
    """A table of a paper: its header row and rows of text, relative column widths, each column's alignment."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    align: str = ""                 # one letter per column: L, C or R (default L)
    shaded: tuple[int, ...] = ()    # 0-based data rows shaded (this unit among the district's)


@dataclass(frozen=True)
class PaperSection:
    heading: str
    paragraphs: tuple[str, ...] = ()
    table: PaperTable | None = None
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class PaperDoc:
    """One paper, every text worded in ``lang`` and every figure written."""

    lang: str
    kind: str                        # feedback | honours: what the paper is (the code's mark)
    document: str                    # the paper's name: top left, the PDF's title
    title: str
    heading: tuple[tuple[tuple[str, str], ...], ...]   # lines of (label, value) under the title
    addressees: tuple[str, ...]
    opening: str
    sections: tuple[PaperSection, ...]
    closing: str
    signature: tuple[str, ...]
    final: bool
    stamp: Stamp | None = None
    running: str = ""                # whose paper: at the top of its later pages
    names: tuple[tuple[Message | str, str], ...] = field(default=())   # user texts, where each sits (glyph check)

    def texts(self) -> Iterator[tuple[Message | str, str]]:
        """Every text printed, with where it sits: all of it is checked against the fonts before drawing."""
        yield from self.names
        yield self.document, self.title
        for line in self.heading:
            yield from line
        for line in (*self.addressees, self.opening, self.closing, *self.signature):
            yield self.document, line
        for s in self.sections:
            yield s.heading, s.heading
            for line in (*s.paragraphs, *s.after):
                yield s.heading, line
            if s.table is not None:
                for row in (s.table.headers, *s.table.rows):
                    for cell in row:
                        yield s.heading, cell


def _table(spec: PaperTable, width: float) -> Table:
    weights = list(spec.widths) or [1.0] * len(spec.headers)
    widths = [width * w / sum(weights) for w in weights]
    styles = {"L": CELL, "C": CELL_C, "R": CELL_R}
    align = (spec.align or "").ljust(len(spec.headers), "L")
    rows: list[list[object]] = [[fitted(h, CELL_C) for h in spec.headers]]
    rows += [[para(cell, styles.get(align[i], CELL)) for i, cell in enumerate(row)] for row in spec.rows]
    extra: list[tuple] = [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]
    extra += [("BACKGROUND", (0, r + 1), (-1, r + 1), colors.HexColor("#e3f1e1")) for r in spec.shaded]
    return grid(rows, widths, extra, repeat=1)


def _signature(doc: PaperDoc, width: float) -> Table:
    """The signature and seal lines with the date in the paper's language, the seal space, the QR code."""
    say = lambda key, /, **params: catalogue_text(key, doc.lang, **params)
    left: list[Flowable] = [markup(text(line), BODY) for line in doc.signature]
    left += [Spacer(1, 3 * mm), markup(say("printing.paper.date", year=GAP * 8, month=GAP * 5, day=GAP * 5), BODY),
             PageCount(BODY.fontSize)]
    cells: list[list[Flowable]] = [left, [SealSpace()]]
    widths = [0.0, SEAL]
    if doc.stamp is not None:
        cells.append([QrStamp(doc.stamp.code, 19 * mm),
                      markup(f"{text(say('printing.paper.code_label'))}<br/>{text(doc.stamp.code)}", TINY_C)])
        widths.append(QR_COLUMN)
    widths[0] = width - sum(widths[1:])
    block = Table([cells], colWidths=widths)
    block.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("ALIGN", (1, 0), (-1, 0), "CENTER"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, 0), 2 * mm),
                               ("LEFTPADDING", (-1, 0), (-1, 0), 5 * mm if doc.stamp else 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 3 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * mm)]))
    return block


def render(doc: PaperDoc, doc_no: int) -> Part:
    """The paper's flowables: heading, sections, and the last section kept with the signature block.

    Sections flow one after another (a heading never left alone at the foot
    of a page); the last one shares the signature's page: its table's last
    rows (``keep_signed``), or its text whole.
    """
    width = frame_width(PORTRAIT)
    flow: list[Flowable] = [fitted(doc.title, TITLE, smallest=11, wrap_small=True)]
    flow += [heading_line(list(line), HEADING) for line in doc.heading]
    flow.append(Spacer(1, 2 * mm))
    flow += [para(line, BODY) for line in doc.addressees]
    flow += [Spacer(1, 1 * mm), para(doc.opening, LETTER)]
    tail: list[Flowable] = [Spacer(1, 1.5 * mm), *([para(doc.closing, LETTER)] if doc.closing else []),
                            _signature(doc, width)]
    for i, s in enumerate(doc.sections):
        block: list[Flowable] = [para(s.heading, SECTION), *(para(p, LETTER) for p in s.paragraphs)]
        after = [para(p, LETTER) for p in s.after]
        last = i == len(doc.sections) - 1
        if s.table is None:
            flow += [KeepTogether([*block, *after, *tail])] if last else [KeepTogether(block[:2]), *block[2:], *after]
        elif last:   # the table's last rows go with what follows it and the signature; the heading with the table
            flow.append(KeepTogether([*block, *keep_signed(_table(s.table, width), [Spacer(1, 1 * mm), *after, *tail],
                                                           frame_height(PORTRAIT))]))
        else:
            flow += [KeepTogether([*block, _table(s.table, width)]), *after, Spacer(1, 1.5 * mm)]
    if not doc.sections:
        flow += tail
    meta = PageMeta(doc_no, doc.document, draft=not doc.final, code=doc.stamp.code if doc.stamp else "",
                    running=doc.running, lang=doc.lang)
    return Part(flow, PORTRAIT, meta)


def refusal(doc: PaperDoc) -> Refused | None:
    """Why ``doc`` cannot be printed (a character neither font has), or None."""
    missing = missing_glyphs(doc.texts())
    return GlyphsMissing(missing) if missing else None


def render_papers(docs: Sequence[PaperDoc], *, title: str = "zeshi", subject: str = "",
                  created: datetime | None = None, even: bool = False) -> Rendered:
    """The papers into one PDF; a paper that cannot be printed is left out of a batch and named.

    One paper alone is refused (``GlyphsMissing``); a batch prints the others
    and lists the refused in ``Rendered.refused``, and refuses only when none
    can be printed. ``even`` pads every paper to an even page count (two-sided printing).
    """
    from .document import Info

    parts: list[Part] = []
    refused: list[Refusal] = []
    for index, doc in enumerate(docs):
        reason = refusal(doc)
        if reason is None:
            parts.append(render(doc, len(parts) + 1))
        elif len(docs) == 1:
            raise reason
        else:
            refused.append(Refusal(index, Message("results.paper.label", document=doc.document, who=doc.running),
                                   reason))
    if not parts:
        raise refused[0].reason
    pdf, pages = build(parts, info=Info(title, subject, "zeshi-desktop", created), even=even)
    return Rendered(pdf, pages, len(parts), tuple(refused))
