"""Assembling documents into one PDF: page templates, per-document page numbers, draft mark.

Page numbers (第 x 页 共 y 页) count the pages of each document, not of the
whole file, because each sheet is signed and filed on its own even when a
batch prints many. That needs the total before drawing the footer, so the
canvas keeps every page and draws the footers in a second pass on ``save``;
that pass also writes "本表共 N 页" and, for two-sided printing, the blank backs.
The file names only the embedded CJK font and states its real creation date.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from zeshi_desktop.messages import Refused
from zeshi_desktop.messages import text as catalogue_text

from . import fonts
from .data import PAPER
from .fonts import register

FONT = register()

PORTRAIT, LANDSCAPE = "portrait", "landscape"


def words(code: str, /, **params: object) -> str:
    """The program's own words on paper, in the paper's language (as ``layout.words``)."""
    return catalogue_text(code, PAPER, **params)

MARGIN = {PORTRAIT: (16 * mm, 11 * mm, 16 * mm, 13 * mm), LANDSCAPE: (14 * mm, 12 * mm, 14 * mm, 14 * mm)}


@dataclass(frozen=True)
class PageMeta:
    """What the footer of a document's pages shows; set on the canvas by its ``DocStart`` marker."""

    doc_no: int
    title: str
    draft: bool
    code: str = ""
    running: str = ""   # whose document it is, repeated at the top of its later pages
    lang: str = PAPER   # the language of the footer's words: a letter prints in the program's language


@dataclass
class Part:
    """The flowables of one document and the page orientation it prints in."""

    flowables: list[Flowable]
    orientation: str
    meta: PageMeta


class DocStart(Flowable):
    """A zero-size marker: pages from here on belong to this document."""

    def __init__(self, meta: PageMeta) -> None:
        super().__init__()
        self.meta = meta
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._zs_meta = self.meta  # type: ignore[attr-defined]


class PageCount(Flowable):
    """Room for "本表共 N 页" (the document's page count), written in the canvas' second pass.

    A signature block is drawn before the document's last page exists, so the
    line is only placed here and filled in ``NumberedCanvas.save``; it stays
    empty on a one-page document.
    """

    def __init__(self, size: float = 9.5, centred: bool = False) -> None:
        super().__init__()
        self.size, self.centred = size, centred
        self.width, self.height = 0, size * 1.35

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.height

    def draw(self) -> None:
        later = getattr(self.canv, "_zs_later", None)   # only a NumberedCanvas writes the count
        if later is not None:
            x, y = self.canv.absolutePosition(self.width / 2 if self.centred else 0, self.size * 0.3)
            later.append((x, y, self.size, int(self.centred)))


class NumberedCanvas(Canvas):
    """Two passes: keep each page's drawing, then add footer and draft mark once totals are known.

    The second pass also writes what needs a document's page count on its
    pages (``PageCount``: "本表共 N 页" in a signature block) and, for a
    two-sided batch (``_zs_even``), adds "（此页空白）" after every document
    with an odd number of pages, so that the next one starts on a sheet of its own.
    """

    _zs_even = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._zs_pages: list[dict[str, Any]] = []
        self._zs_meta: PageMeta | None = None
        self._zs_later: list[tuple[float, float, float, int]] = []
        self._zs_written = 0

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._zs_pages.append(dict(self.__dict__))
        self._zs_later = []
        self._startPage()

    def save(self) -> None:
        metas = [page.get("_zs_meta") for page in self._zs_pages]
        totals = Counter(m.doc_no for m in metas if m is not None)
        seen: Counter[int] = Counter()
        written = 0
        for n, (page, meta) in enumerate(zip(self._zs_pages, metas)):
            self.__dict__.update(page)
            if meta is not None:
                seen[meta.doc_no] += 1
                self._footer(meta, seen[meta.doc_no], totals[meta.doc_no])
                self._page_counts(page.get("_zs_later", ()), totals[meta.doc_no], meta.lang)
            super().showPage()
            written += 1
            following = metas[n + 1] if n + 1 < len(metas) else None
            last_of_doc = meta is not None and (following is None or following.doc_no != meta.doc_no)
            if self._zs_even and last_of_doc and totals[meta.doc_no] % 2:
                self._blank_page(page["_pagesize"])
                written += 1
        self._zs_written = written
        super().save()

    def _page_counts(self, later: Sequence[tuple[float, float, float, int]], total: int,
                     lang: str = PAPER) -> None:
        """"本表共 N 页" where a signature block asked for it, when the document has more than one page."""
        if total < 2:
            return
        self.saveState()
        self.setFillColor(colors.black)
        for x, y, size, align in later:
            self.setFont(FONT, size)
            line = catalogue_text("printing.paper.sheet_pages", lang, total=total)
            (self.drawCentredString if align else self.drawString)(x, y, line)
        self.restoreState()

    def _blank_page(self, size: tuple[float, float]) -> None:
        """The back of a document's last sheet in a two-sided batch: says it is blank on purpose."""
        self.setPageSize(size)
        self.saveState()
        self.setFont(FONT, 10)
        self.setFillColor(colors.Color(0.45, 0.45, 0.45))
        self.drawCentredString(size[0] / 2, size[1] / 2, words("printing.paper.blank_page"))
        self.restoreState()
        super().showPage()

    def _footer(self, meta: PageMeta, page: int, total: int) -> None:
        width, height = self._pagesize
        say = lambda key, /, **params: catalogue_text(key, meta.lang, **params)
        self.saveState()
        self.setFont(FONT, 8.5)
        self.setFillColor(colors.black)
        self.drawCentredString(width / 2, 6 * mm, say("printing.paper.page", page=page, total=total))
        if page > 1 and meta.running:
            fonts.draw(self, width - 12 * mm, height - 7 * mm, meta.running, 8, "end")   # names: rare characters too
        if meta.code:
            self.setFont(FONT, 7)
            self.drawRightString(width - 12 * mm, 6 * mm, say("printing.paper.code", code=meta.code))
        if meta.draft:
            self.setFont(FONT, 8.5)
            self.setFillColor(colors.Color(0.75, 0.05, 0.05))
            self.drawString(12 * mm, 6 * mm, say("printing.paper.draft_note", mark=say("printing.paper.draft")))
            self._draft_mark(width, height, say("printing.paper.draft"))
        self.restoreState()

    def _draft_mark(self, width: float, height: float, draft: str | None = None) -> None:
        """A large, light, diagonal 草稿 over the page: readable content, unmistakably not final.

        Drawn filled and outlined (text render mode 2) because the font's strokes are thin.
        """
        tint = colors.Color(0.8, 0.1, 0.1, alpha=0.25)
        self.saveState()
        self.setFillColor(tint)
        self.setStrokeColor(tint)
        self.setLineWidth(3)
        self.translate(width / 2, height / 2)
        self.rotate(35)
        draft = draft or words("printing.paper.draft")
        size = 150 if len(draft) <= 4 else 110
        mark = self.beginText()
        mark.setTextRenderMode(2)
        mark.setFont(FONT, size)
        mark.setTextOrigin(-self.stringWidth(draft, FONT, size) / 2, -size / 3)
        mark.textOut(draft)
        self.drawText(mark)
        self.restoreState()


def _template(orientation: str) -> PageTemplate:
    size = A4 if orientation == PORTRAIT else landscape(A4)
    left, top, right, bottom = MARGIN[orientation]
    frame = Frame(left, bottom, size[0] - left - right, size[1] - top - bottom, id=orientation,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    return PageTemplate(id=orientation, frames=[frame], pagesize=size)


def frame_width(orientation: str) -> float:
    size = A4 if orientation == PORTRAIT else landscape(A4)
    left, _, right, _ = MARGIN[orientation]
    return size[0] - left - right


@dataclass(frozen=True)
class Info:
    """What a PDF says about itself (File → Properties): title, subject, author, creation time."""

    title: str = "zeshi"
    subject: str = ""
    author: str = ""
    created: datetime | None = None     # None: now


class _Stamp:
    """reportlab's ``TimeStamp`` for a given moment: the real creation date, not invariant mode's 2000-01-01.

    The document stays in invariant mode otherwise (no random parts), so the
    same documents printed at the same moment give the same bytes.
    """

    def __init__(self, moment: datetime) -> None:
        local = moment.astimezone() if moment.tzinfo is None else moment
        offset = local.utcoffset() or timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        self.t = local.timestamp()
        self.lt = local.timetuple()
        self.YMDhms = tuple(self.lt)[:6]  # noqa: N815 - reportlab's name
        self.dhh = (1 if minutes >= 0 else -1) * (abs(minutes) // 60)
        self.dmm = abs(minutes) % 60
        self.tzname = local.tzname() or ""


def _canvas_maker(info: Info, even: bool) -> Callable[..., NumberedCanvas]:
    def make(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canv = NumberedCanvas(*args, **kwargs)
        canv._zs_even = even
        moment = info.created or datetime.now().astimezone()
        canv._doc._timeStamp = _Stamp(moment)
        canv._doc.updateSignature(moment.isoformat())   # the file identifier differs from print to print
        return canv
    return make


def frame_height(orientation: str) -> float:
    size = A4 if orientation == PORTRAIT else landscape(A4)
    _, top, _, bottom = MARGIN[orientation]
    return size[1] - top - bottom


def build(parts: Sequence[Part], title: str = "zeshi", *, info: Info | None = None,
          even: bool = False) -> tuple[bytes, int]:
    """All documents into one PDF, each starting on a new page; returns (bytes, page count).

    ``even`` pads every document to an even number of pages (for two-sided
    printing). Only the embedded CJK font is named in the file: the canvas
    starts in it instead of reportlab's default Helvetica.
    """
    if not parts:
        raise Refused("printing.nothing_in_document")
    info = info or Info(title)
    buffer = io.BytesIO()
    first = parts[0].orientation
    templates = [_template(first), _template(LANDSCAPE if first == PORTRAIT else PORTRAIT)]
    doc = BaseDocTemplate(buffer, pagesize=templates[0].pagesize, pageTemplates=templates, title=info.title,
                          subject=info.subject, author=info.author or "zeshi-desktop", creator="zeshi-desktop",
                          invariant=1, initialFontName=FONT, initialFontSize=9.5)
    story: list[Flowable] = []
    for i, part in enumerate(parts):
        if i:
            story += [NextPageTemplate(part.orientation), PageBreak()]
        story.append(DocStart(part.meta))
        story += part.flowables
    doc.build(story, canvasmaker=_canvas_maker(info, even))
    return buffer.getvalue(), doc.canv._zs_written
