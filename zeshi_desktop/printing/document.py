"""Assembling documents into one PDF: page templates, per-document page numbers, draft mark.

Page numbers (第 x 页 共 y 页) count the pages of each document, not of the
whole file, because each sheet is signed and filed on its own even when a
batch prints many. That needs the total before drawing the footer, so the
canvas keeps every page and draws the footers in a second pass on ``save``.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
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

from .layout import FONT, words

PORTRAIT, LANDSCAPE = "portrait", "landscape"
MARGIN = {PORTRAIT: (16 * mm, 11 * mm, 16 * mm, 13 * mm), LANDSCAPE: (14 * mm, 12 * mm, 14 * mm, 14 * mm)}


@dataclass(frozen=True)
class PageMeta:
    """What the footer of a document's pages shows; set on the canvas by its ``DocStart`` marker."""

    doc_no: int
    title: str
    draft: bool
    code: str = ""
    running: str = ""   # whose document it is, repeated at the top of its later pages


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


class NumberedCanvas(Canvas):
    """Two passes: keep each page's drawing, then add footer and draft mark once totals are known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._zs_pages: list[dict[str, Any]] = []
        self._zs_meta: PageMeta | None = None

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._zs_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        metas = [page.get("_zs_meta") for page in self._zs_pages]
        totals = Counter(m.doc_no for m in metas if m is not None)
        seen: Counter[int] = Counter()
        for page, meta in zip(self._zs_pages, metas):
            self.__dict__.update(page)
            if meta is not None:
                seen[meta.doc_no] += 1
                self._footer(meta, seen[meta.doc_no], totals[meta.doc_no])
            super().showPage()
        super().save()

    def _footer(self, meta: PageMeta, page: int, total: int) -> None:
        width, height = self._pagesize
        self.saveState()
        self.setFont(FONT, 8.5)
        self.setFillColor(colors.black)
        self.drawCentredString(width / 2, 6 * mm, words("printing.paper.page", page=page, total=total))
        if page > 1 and meta.running:
            self.setFont(FONT, 8)
            self.drawRightString(width - 12 * mm, height - 7 * mm, meta.running)
        if meta.code:
            self.setFont(FONT, 7)
            self.drawRightString(width - 12 * mm, 6 * mm, words("printing.paper.code", code=meta.code))
        if meta.draft:
            self.setFont(FONT, 8.5)
            self.setFillColor(colors.Color(0.75, 0.05, 0.05))
            self.drawString(12 * mm, 6 * mm, words("printing.paper.draft_note", mark=words("printing.paper.draft")))
            self._draft_mark(width, height)
        self.restoreState()

    def _draft_mark(self, width: float, height: float) -> None:
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
        size = 150
        draft = words("printing.paper.draft")
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


def build(parts: Sequence[Part], title: str = "zeshi") -> tuple[bytes, int]:
    """All documents into one PDF, each starting on a new page; returns (bytes, page count)."""
    if not parts:
        raise Refused("printing.nothing_in_document")
    buffer = io.BytesIO()
    first = parts[0].orientation
    templates = [_template(first), _template(LANDSCAPE if first == PORTRAIT else PORTRAIT)]
    doc = BaseDocTemplate(buffer, pagesize=templates[0].pagesize, pageTemplates=templates, title=title,
                          author="zeshi-desktop", creator="zeshi-desktop", invariant=1)
    story: list[Flowable] = []
    for i, part in enumerate(parts):
        if i:
            story += [NextPageTemplate(part.orientation), PageBreak()]
        story.append(DocStart(part.meta))
        story += part.flowables
    doc.build(story, canvasmaker=NumberedCanvas)
    return buffer.getvalue(), doc.page
