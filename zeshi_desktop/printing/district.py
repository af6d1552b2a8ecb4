"""附件4-2 (the district's self-assessment) and 附件4-3 (a city reviewer's sheet for one district)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from zeshi_desktop.domain.sheet import totals

from .data import SheetDoc
from .document import LANDSCAPE, PORTRAIT, PageMeta, Part, frame_width
from .layout import (
    BODY,
    CELL,
    CELL_C,
    SMALL_C,
    checkbox,
    grid,
    heading_line,
    notes,
    num,
    para,
    signature_block,
    signature_lines,
    text,
    title_block,
    words,
)


def _meta(doc: SheetDoc, doc_no: int) -> PageMeta:
    return PageMeta(doc_no, doc.form.short_title, draft=not doc.final and not doc.blank,
                    code=doc.stamp.code if doc.stamp else "")


def render_self_assessment(doc: SheetDoc, doc_no: int) -> Part:
    """4-2: 规定工作 and 自选工作 side by side, item texts as column heads, scores beneath."""
    form = doc.form
    items = form.items
    width = frame_width(LANDSCAPE)
    total_w = 16 * mm
    widths = [(width - total_w) / len(items)] * len(items) + [total_w]
    last = len(widths) - 1
    row0: list[object] = []
    spans: list[tuple] = [("SPAN", (last, 0), (last, 1))]
    col = 0
    for part in form.parts:
        row0 += [para(part.label.zh, CELL_C)] + [""] * (len(part.items) - 1)
        spans.append(("SPAN", (col, 0), (col + len(part.items) - 1, 0)))
        col += len(part.items)
    row0.append(para(form.total_label.zh, CELL_C))
    row1: list[object] = [para(item.text.zh, SMALL_C) for item in items] + [""]
    sums = None if doc.blank else totals(form, doc.scores)
    row2: list[object] = [("" if doc.blank else num(doc.scores.get(i.id))) for i in items]
    row2.append("" if sums is None else num(sums.total))
    table = grid([row0, row1, row2], widths, spans + [("VALIGN", (0, 1), (-1, 1), "TOP")],
                 heights=[None, None, 14 * mm])
    heading = None if doc.blank else doc.heading
    flow: list[Flowable] = title_block(form, heading)
    line = heading_line([(words("printing.paper.year"), "" if doc.blank else str(doc.heading.year))] +
                        [(f.label.zh, "" if doc.blank else doc.heading.district) for f in form.header_fields])
    flow.append(line)
    rule = form.contract_rule
    if rule is not None:
        answer = doc.answers.get(rule.id)
        flow.append(Paragraph(f"{text(rule.question.zh)}&nbsp;&nbsp;{checkbox(rule.yes, answer == 'yes')}"
                              f"&nbsp;&nbsp;&nbsp;&nbsp;{checkbox(rule.no, answer == 'no')}", BODY))
    flow += [Spacer(1, 2 * mm), table]
    flow.append(signature_block(signature_lines(form, heading), doc.stamp, width))
    flow += [Spacer(1, 2 * mm)] + notes(form)
    return Part(flow, LANDSCAPE, _meta(doc, doc_no))


def render_city_review(doc: SheetDoc, doc_no: int) -> Part:
    """4-3: 序号 / 评分内容 / 分值 / 分数, a 总分 row, the 评审人 line."""
    form = doc.form
    width = frame_width(PORTRAIT)
    widths = [16 * mm, width - 16 * mm - 26 * mm - 30 * mm, 26 * mm, 30 * mm]
    rows: list[list[object]] = [[para(c.zh, CELL_C) for c in form.columns]]
    for n, item in enumerate(form.items, start=1):
        rows.append([item.number or str(n), para(item.text.zh, CELL), num(item.max),
                     "" if doc.blank else num(doc.scores.get(item.id))])
    sums = None if doc.blank else totals(form, doc.scores)
    rows.append([para(form.total_label.zh, CELL_C), "", "", "" if sums is None else num(sums.total)])
    table = grid(rows, widths, [("SPAN", (0, len(rows) - 1), (2, len(rows) - 1))],
                 heights=[9 * mm] * len(rows))
    heading = None if doc.blank else doc.heading
    flow: list[Flowable] = title_block(form, heading)
    flow.append(heading_line([(words("printing.paper.year"), "" if doc.blank else str(doc.heading.year)),
                              (words("printing.paper.reviewed_district"), "" if doc.blank else doc.heading.district)]))
    flow += [Spacer(1, 3 * mm), table]
    flow.append(signature_block(signature_lines(form, heading), doc.stamp, width))
    flow += [Spacer(1, 2 * mm)] + notes(form)
    return Part(flow, PORTRAIT, _meta(doc, doc_no))
