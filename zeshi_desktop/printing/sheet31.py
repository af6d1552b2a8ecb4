"""附件3-1: the office's review of one planner, laid out like the official table.

Columns 工作职责 / 工作版块 / 单项满分 (a 常规分值 or 附加分值 label column beside
the maximum) / 评分; each duty cell spans its items, and the part label spans
the part's items, as in the seed. Totals come from the domain, never typed.

The page that is signed also holds the totals: 意见建议 gets the room between
总得分 and the signature block (with its seal space and QR code), and a
remark longer than that continues on a continuation page (see ``signed``).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from zeshi_desktop.domain.sheet import totals

from .data import SheetDoc
from .document import PORTRAIT, PageMeta, Part, frame_height, frame_width
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
from .paragraphs import fitted
from .signed import KeepSigned, Overflow

LABEL_W, PART_W, MAX_W, SCORE_W = 33 * mm, 13 * mm, 12 * mm, 20 * mm
SHORT_REMARK = 120   # characters; a shorter remark leaves room to write under it


def render(doc: SheetDoc, doc_no: int) -> Part:
    form = doc.form
    width = frame_width(PORTRAIT)
    widths = [LABEL_W, width - LABEL_W - PART_W - MAX_W - SCORE_W, PART_W, MAX_W, SCORE_W]
    sums = totals(form, doc.scores) if not doc.blank else None
    header = [fitted(c.zh, CELL_C) for c in form.columns]
    rows: list[list[object]] = [[header[0], header[1], header[2], "", header[3]]]
    spans: list[tuple] = [("SPAN", (2, 0), (3, 0))]
    for part in form.parts:
        part_start = len(rows)
        for section in part.sections:
            start = len(rows)
            for k, item in enumerate(section.items):
                score = "" if doc.blank else num(doc.scores.get(item.id))
                rows.append([para(section.title.zh, CELL) if k == 0 else "", para(item.text.zh, CELL),
                             fitted(part.label.zh, CELL_C) if len(rows) == part_start else "",
                             num(item.max), score])
            if len(section.items) > 1:
                spans.append(("SPAN", (0, start), (0, len(rows) - 1)))
        spans.append(("SPAN", (2, part_start), (2, len(rows) - 1)))
        subtotal = "" if sums is None else num(sums.part_sums.get(part.id))
        rows.append([fitted(part.total_label.zh, CELL_C), "", "", "", subtotal])
        spans.append(("SPAN", (0, len(rows) - 1), (3, len(rows) - 1)))
    rows.append([fitted(form.total_label.zh, CELL_C), "", "", "", "" if sums is None else num(sums.total)])
    spans.append(("SPAN", (0, len(rows) - 1), (3, len(rows) - 1)))
    table = grid(rows, widths, spans)
    heading = None if doc.blank else doc.heading
    head = _head(doc)
    block = signature_block(signature_lines(form, heading), doc.stamp, width, seal=True, after=notes(form))
    overflow = None
    if form.remarks is not None:
        remarks = "" if doc.blank else doc.remarks
        overflow = Overflow(form.remarks.zh, remarks, (LABEL_W, width - LABEL_W),
                            [*_head(doc, continued=True), Spacer(1, 2 * mm)],
                            min_height=15 * mm if len(remarks) < SHORT_REMARK else None)
    flow = [*head, Spacer(1, 2 * mm), KeepSigned(table, block, frame_height(PORTRAIT), overflow=overflow)]
    meta = PageMeta(doc_no, form.short_title, draft=not doc.final and not doc.blank,
                    code=doc.stamp.code if doc.stamp else "")
    return Part(flow, PORTRAIT, meta)


def _head(doc: SheetDoc, continued: bool = False) -> list[Flowable]:
    """附件3-1, the title (with "（续）" on a continuation page), the year/subject line and the office line."""
    heading = None if doc.blank else doc.heading
    office = "" if doc.blank else (doc.heading.office or doc.heading.unit)
    head: list[Flowable] = title_block(doc.form, heading, continued=continued)
    if not doc.blank:
        head += [heading_line(year_line(doc.heading)), Spacer(1, 1.5 * mm)]
    head.append(heading_line([(f.label.zh, office) for f in doc.form.header_fields]))
    return head
