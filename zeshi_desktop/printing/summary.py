"""附件4-1: the district's annual summary as a document, following the outline of the seed.

Section texts are the district's own words (escaped, paragraphs kept), the
excellent cases carry their pictures, each captioned "图N …" with the caption
typed in the app (the file name only when there is none), and the appendix
prints the roster's teams, members, contracts and funds as tables.

Headings are the outline's titles without their writing hints ("（300字）"):
the hints guide the writer, in the editor and on a blank form, where each
section leaves ruled lines to write on instead of "（未填写）".
"""

from __future__ import annotations

import io
from itertools import count
from pathlib import PurePath

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, Image, KeepTogether, Spacer

from zeshi_desktop.domain.forms import OutlineSection
from zeshi_desktop.messages import Refused

from .data import PAPER, Case, Picture, SummaryDoc
from .document import PORTRAIT, PageMeta, Part, frame_width
from .layout import (
    ANNEX,
    CELL,
    CELL_C,
    GAP,
    H2,
    H3,
    NOTE,
    TEXT,
    TITLE,
    filled,
    grid,
    markup,
    para,
    signature_block,
    signature_lines,
    style,
    text,
    words,
)

MAX_PICTURE_W, MAX_PICTURE_H = 140 * mm, 95 * mm
LINE_GAP = 9 * mm               # ruled lines of a blank form: room for handwriting
BLANK_ROWS = 4                  # empty rows of each appendix table on a blank form


class WritingLines(Flowable):
    """Ruled lines to write on by hand, ``LINE_GAP`` apart, across the column."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        self.lines = lines

    BELOW = 4 * mm   # under the last line, before the next heading

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.lines * LINE_GAP + self.BELOW

    def split(self, aw: float, ah: float) -> list[Flowable]:
        fit = int((ah - self.BELOW) // LINE_GAP)
        if fit < 1 or fit >= self.lines:
            return []
        return [WritingLines(fit), WritingLines(self.lines - fit)]

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(colors.Color(0.55, 0.55, 0.55))
        canv.setLineWidth(0.4)
        for n in range(self.lines):
            canv.line(0, self.BELOW + n * LINE_GAP, self.width, self.BELOW + n * LINE_GAP)
        canv.restoreState()


def blank_lines(section: OutlineSection) -> int:
    """How many ruled lines a blank form leaves a section: about 40 handwritten characters a line."""
    limit = section.max_chars
    return 6 if limit is None else max(6, min(12, -(-limit // 40)))


CAPTION = style(9, TA_CENTER, leading=12, space_after=1 * mm, name="zs_caption")
HEADING_ROOM = 28 * mm          # a heading starts a new page when less than this is left below it


def _heading(value: str, st: ParagraphStyle) -> list[Flowable]:
    """A heading that never ends a page alone: a new page when too little room is left for what follows."""
    return [CondPageBreak(HEADING_ROOM), para(value, st)]


class PictureRefused(Refused):
    """A case picture that is not a readable PNG or JPEG; names the picture."""


def _picture(picture: Picture) -> Image:
    try:
        reader = ImageReader(io.BytesIO(picture.data))
        w, h = reader.getSize()
    except Exception as exc:  # PIL and reportlab raise many types for broken image bytes
        raise PictureRefused("printing.picture_unreadable", name=picture.name, error=str(exc)) from exc
    scale = min(MAX_PICTURE_W / w, MAX_PICTURE_H / h, 1.0)  # fit the column, never enlarge past 72 dpi
    return Image(io.BytesIO(picture.data), width=w * scale, height=h * scale)


def _paragraphs(value: str) -> list[Flowable]:
    return [para(chunk.strip(), TEXT) for chunk in value.split("\n") if chunk.strip()]


def caption(number: int, picture: Picture) -> str:
    """"图3 …": the caption typed in the app, else the file's name without its extension."""
    return words("printing.paper.figure", number=number,
                 caption=picture.caption.strip() or PurePath(picture.name).stem)


def _case(n: int, case: Case, figures: count) -> list[Flowable]:
    title = (words("printing.paper.case_titled", number=n, title=case.title) if case.title
             else words("printing.paper.case", number=n))
    flow = _heading(title, H3)
    flow += _paragraphs(case.text)
    for picture in case.pictures:
        flow.append(KeepTogether([_picture(picture), para(caption(next(figures), picture), CAPTION),
                                  Spacer(1, 2 * mm)]))
    return flow


def _blank_case(section: OutlineSection) -> list[Flowable]:
    """A case to write by hand: its number and a line for the title, then ruled lines."""
    title = words("printing.paper.case_titled", number=1, title="")
    return [CondPageBreak(HEADING_ROOM), markup(text(title) + "<u>" + GAP * 60 + "</u>", H3),
            WritingLines(blank_lines(section))]


def _section(doc: SummaryDoc, section: OutlineSection, width: float, figures: count) -> list[Flowable]:
    """What follows a heading: the district's text or cases, the appendix, or space to write on."""
    if section.repeatable:
        if doc.blank:
            return _blank_case(section)
        flow = [] if doc.cases else [para(words("printing.paper.none_this_year"), TEXT)]
        for n, case in enumerate(doc.cases, start=1):
            flow += _case(n, case, figures)
        return flow
    if section.appendix:
        flow = []
        for table in doc.appendix:
            flow += _appendix_table(table.title, table.columns, table.rows, width, doc.blank)
        return flow
    if doc.blank:
        return [WritingLines(blank_lines(section))]
    return _paragraphs(doc.texts.get(section.id, "")) or [para(words("printing.paper.not_filled"), TEXT)]


def render(doc: SummaryDoc, doc_no: int) -> Part:
    form = doc.form
    width = frame_width(PORTRAIT)
    annex = form.title.get(PAPER).partition("：")[0]
    title = filled(form.document_title, doc.heading)
    flow: list[Flowable] = [para(annex, ANNEX), para(title, TITLE)]
    if doc.heading.year:
        flow.append(para(words("printing.paper.year_of", year=doc.heading.year), CELL_C))
    flow.append(Spacer(1, 4 * mm))
    figures = count(1)   # 图1, 图2 … through the whole summary
    for section in form.outline:
        number = section.number.zh
        flow += _heading(f"{number} {section.heading.zh}", H2 if "." not in number.strip(".") else H3)
        if doc.blank and section.hint.zh:
            flow.append(para(section.hint.zh, NOTE))
        if not section.heading_only:
            flow += _section(doc, section, width, figures)
    flow.append(signature_block(signature_lines(form, doc.heading), doc.stamp, width, seal=True))
    running = words("printing.paper.running_summary", title=title, year=doc.heading.year) if doc.heading.year else title
    draft = not doc.final and not doc.blank and bool(doc.texts or doc.cases)
    meta = PageMeta(doc_no, form.short_title, running=running, draft=draft,
                    code=doc.stamp.code if doc.stamp else "")
    return Part(flow, PORTRAIT, meta)


def _appendix_table(title: str, columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...],
                    width: float, blank: bool = False) -> list[Flowable]:
    data: list[list[object]] = [[para(c, CELL_C) for c in columns]]
    heights: list[float | None] | None = None
    if blank and not rows:   # rows to fill by hand
        data += [[""] * len(columns) for _ in range(BLANK_ROWS)]
        heights = [None] + [LINE_GAP] * BLANK_ROWS
    else:
        data += [[para(v, CELL) for v in row] for row in rows] or [[para(words("printing.paper.none"), CELL)]
                                                                  + [""] * (len(columns) - 1)]
    # Columns share the width by how long their texts are (names need room, 是/否 does not).
    need = [min(16, max(3, len(c), *(len(r[i]) for r in rows))) if rows else max(3, len(c))
            for i, c in enumerate(columns)]
    widths = [width * n / sum(need) for n in need]
    return [*_heading(title, H3), grid(data, widths, repeat=1, heights=heights), Spacer(1, 4 * mm)]
