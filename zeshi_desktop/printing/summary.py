"""附件4-1: the district's annual summary as a document, following the outline of the seed.

Section texts are the district's own words (escaped, paragraphs kept), the
excellent cases carry their pictures, and the appendix prints the roster's
teams, members, contracts and funds as tables.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer

from zeshi_desktop.messages import Refused

from .data import PAPER, Case, Picture, SummaryDoc
from .document import PORTRAIT, PageMeta, Part, frame_width
from .layout import (
    ANNEX,
    CELL,
    CELL_C,
    H2,
    H3,
    NOTE,
    TEXT,
    TITLE,
    filled,
    grid,
    para,
    signature_block,
    signature_lines,
    words,
)

MAX_PICTURE_W, MAX_PICTURE_H = 140 * mm, 95 * mm


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


def _case(n: int, case: Case) -> list[Flowable]:
    title = (words("printing.paper.case_titled", number=n, title=case.title) if case.title
             else words("printing.paper.case", number=n))
    flow: list[Flowable] = [para(title, H3)]
    flow += _paragraphs(case.text)
    for picture in case.pictures:
        flow.append(KeepTogether([_picture(picture), para(picture.name, NOTE), Spacer(1, 2 * mm)]))
    return flow


def render(doc: SummaryDoc, doc_no: int) -> Part:
    form = doc.form
    width = frame_width(PORTRAIT)
    annex = form.title.get(PAPER).partition("：")[0]
    title = filled(form.document_title, doc.heading)
    flow: list[Flowable] = [para(annex, ANNEX), para(title, TITLE)]
    if doc.heading.year:
        flow.append(para(words("printing.paper.year_of", year=doc.heading.year), CELL_C))
    flow.append(Spacer(1, 4 * mm))
    for section in form.outline:
        number = section.number.zh
        flow.append(para(f"{number} {section.title.zh}", H2 if "." not in number.strip(".") else H3))
        if section.heading_only:
            continue
        if section.repeatable:
            if not doc.cases:
                flow.append(para(words("printing.paper.none_this_year"), TEXT))
            for n, case in enumerate(doc.cases, start=1):
                flow += _case(n, case)
            continue
        if section.appendix:
            for table in doc.appendix:
                flow += _appendix_table(table.title, table.columns, table.rows, width)
            continue
        flow += _paragraphs(doc.texts.get(section.id, "")) or [para(words("printing.paper.not_filled"), TEXT)]
    flow.append(signature_block(signature_lines(form, doc.heading), doc.stamp, width))
    running = words("printing.paper.running_summary", title=title, year=doc.heading.year)
    meta = PageMeta(doc_no, form.short_title, running=running, draft=not doc.final and bool(doc.texts or doc.cases),
                    code=doc.stamp.code if doc.stamp else "")
    return Part(flow, PORTRAIT, meta)


def _appendix_table(title: str, columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...],
                    width: float) -> list[Flowable]:
    data: list[list[object]] = [[para(c, CELL_C) for c in columns]]
    data += [[para(v, CELL) for v in row] for row in rows] or [[para(words("printing.paper.none"), CELL)]
                                                              + [""] * (len(columns) - 1)]
    # Columns share the width by how long their texts are (names need room, 是/否 does not).
    need = [min(16, max(3, len(c), *(len(r[i]) for r in rows))) if rows else max(3, len(c))
            for i, c in enumerate(columns)]
    widths = [width * n / sum(need) for n in need]
    return [para(title, H3), grid(data, widths, repeat=1), Spacer(1, 4 * mm)]
