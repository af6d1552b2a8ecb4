"""附件3-1: the office's review of one planner, laid out like the official table.

Columns 工作职责 / 工作版块 / 单项满分 (a 常规分值 or 附加分值 label column beside
the maximum) / 评分; each duty cell spans its items, and the part label spans
the part's items, as in the seed. Totals come from the domain, never typed.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from zeshi_desktop.domain.sheet import totals

from .data import SheetDoc
from .document import PORTRAIT, PageMeta, Part, frame_width
from .layout import (
    CELL,
    CELL_C,
    grid,
    heading_line,
    notes,
    num,
    para,
    signature_block,
    signature_lines,
    title_block,
    year_line,
)


def render(doc: SheetDoc, doc_no: int) -> Part:
    form = doc.form
    width = frame_width(PORTRAIT)
    widths = [33 * mm, width - 33 * mm - 13 * mm - 12 * mm - 20 * mm, 13 * mm, 12 * mm, 20 * mm]
    sums = totals(form, doc.scores) if not doc.blank else None
    header = [para(c.zh, CELL_C) for c in form.columns]
    rows: list[list[object]] = [[header[0], header[1], header[2], "", header[3]]]
    spans: list[tuple] = [("SPAN", (2, 0), (3, 0))]
    for part in form.parts:
        part_start = len(rows)
        for section in part.sections:
            start = len(rows)
            for k, item in enumerate(section.items):
                score = "" if doc.blank else num(doc.scores.get(item.id))
                rows.append([para(section.title.zh, CELL) if k == 0 else "", para(item.text.zh, CELL),
                             para(part.label.zh, CELL_C) if len(rows) == part_start else "",
                             num(item.max), score])
            if len(section.items) > 1:
                spans.append(("SPAN", (0, start), (0, len(rows) - 1)))
        spans.append(("SPAN", (2, part_start), (2, len(rows) - 1)))
        subtotal = "" if sums is None else num(sums.part_sums.get(part.id))
        rows.append([para(part.total_label.zh, CELL_C), "", "", "", subtotal])
        spans.append(("SPAN", (0, len(rows) - 1), (3, len(rows) - 1)))
    rows.append([para(form.total_label.zh, CELL_C), "", "", "", "" if sums is None else num(sums.total)])
    spans.append(("SPAN", (0, len(rows) - 1), (3, len(rows) - 1)))
    if form.remarks is not None:
        rows.append([para(form.remarks.zh, CELL_C), para(doc.remarks, CELL), "", "", ""])
        spans += [("SPAN", (1, len(rows) - 1), (4, len(rows) - 1)), ("VALIGN", (1, len(rows) - 1), (1, -1), "TOP")]
    heights: list[float | None] = [None] * len(rows)
    if form.remarks is not None and len(doc.remarks) < 120:
        heights[-1] = 15 * mm  # room to write by hand on a blank sheet or under a short remark
    table = grid(rows, widths, spans, heights=heights)
    heading = None if doc.blank else doc.heading
    office = "" if doc.blank else (doc.heading.office or doc.heading.unit)
    flow: list[Flowable] = title_block(form, heading)
    if not doc.blank:
        flow.append(heading_line(year_line(doc.heading)))
        flow.append(Spacer(1, 1.5 * mm))
    flow += [heading_line([(f.label.zh, office) for f in form.header_fields]), Spacer(1, 2 * mm), table]
    flow += [signature_block(signature_lines(form, heading), doc.stamp, width)]
    flow += notes(form)
    meta = PageMeta(doc_no, form.short_title, draft=not doc.final and not doc.blank,
                    code=doc.stamp.code if doc.stamp else "")
    return Part(flow, PORTRAIT, meta)
