"""附件3-2: one reviewer's whole matrix, every planner of the district in a row.

Landscape, three header rows as on the seed (序号 / 责任片区 / 项目; the five
groups with 总分; the nine item texts), repeated on every page by
``repeatRows`` so a page in the middle of a long district still reads alone.
A blank matrix (no rows) fills its page with numbered rows to write in.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from zeshi_desktop.messages import text as catalogue_text

from .blanks import ROW, rows_that_fit
from .data import PAPER, MatrixDoc
from .document import LANDSCAPE, PageMeta, Part, frame_height, frame_width
from .layout import (
    CELL_C,
    SMALL,
    TINY_C,
    grid,
    heading_line,
    notes,
    num,
    para,
    signature_block,
    signature_lines,
    title_block,
    words,
    year_pair,
)
from .paragraphs import fitted
from .signed import keep_signed

HEADER_ROWS = 3
RECUSED_BG = Color(0.93, 0.93, 0.93)   # a light grey a photocopy keeps: the row is not to be filled


def render(doc: MatrixDoc, doc_no: int) -> Part:
    form = doc.form
    items = form.items
    width = frame_width(LANDSCAPE)
    fixed = [10 * mm, 36 * mm]
    total_w = 15 * mm
    item_w = (width - sum(fixed) - total_w) / len(items)
    widths = fixed + [item_w] * len(items) + [total_w]
    last = len(widths) - 1
    no_label, unit_label, items_label, total_label = (c.zh for c in form.columns)
    row0: list[object] = [fitted(no_label, CELL_C), fitted(unit_label, CELL_C), fitted(items_label, CELL_C)]
    row0 += [""] * (last - 2)
    row1: list[object] = ["", ""]
    spans: list[tuple] = [("SPAN", (0, 0), (0, 2)), ("SPAN", (1, 0), (1, 2)), ("SPAN", (2, 0), (last, 0)),
                          ("SPAN", (last, 1), (last, 2))]
    col = 2
    for section in form.sections:
        row1 += [fitted(section.title.zh, CELL_C)] + [""] * (len(section.items) - 1)
        if len(section.items) > 1:
            spans.append(("SPAN", (col, 1), (col + len(section.items) - 1, 1)))
        col += len(section.items)
    row1.append(fitted(total_label, CELL_C))
    row2: list[object] = ["", ""] + [para(item.text.zh, TINY_C) for item in items] + [""]
    rows = [row0, row1, row2]
    style = spans + [("VALIGN", (0, 2), (-1, 2), "TOP")]
    for r in doc.rows:
        cells = [num(r.scores.get(item.id)) for item in items] + [num(r.total)]
        if r.recused:   # 回避 across the items and the total: nothing to fill, nothing counted
            at = len(rows)
            cells = [fitted(catalogue_text("fairness.paper.recused", PAPER), CELL_C)] + [""] * len(items)
            style += [("SPAN", (2, at), (last, at)), ("BACKGROUND", (2, at), (last, at), RECUSED_BG)]
        rows.append([str(r.number), para(f"{r.unit}\n{r.planner}" if r.planner else r.unit, SMALL)] + cells)

    def blank_table(n: int) -> Table:   # numbered rows to fill by hand
        empty = [[str(k), ""] + [""] * len(items) + [""] for k in range(1, n + 1)]
        return grid(rows + empty, widths, style, repeat=HEADER_ROWS, heights=[None] * HEADER_ROWS + [ROW] * n)

    flow: list[Flowable] = title_block(form, doc.heading)
    pairs = [year_pair(doc.heading.year), (words("printing.paper.district"), doc.heading.district)]
    pairs += [(f.label.zh, doc.heading.organisation if f.id == "org" else doc.heading.reviewer)
              for f in form.header_fields]
    flow += [heading_line(pairs), Spacer(1, 2 * mm)]
    foot = signature_block(signature_lines(form, doc.heading), doc.stamp, width, before=notes(form), one_line=True)
    if doc.rows:
        table = grid(rows, widths, style, repeat=HEADER_ROWS)
    else:
        table = blank_table(rows_that_fit(LANDSCAPE, flow, blank_table, [foot]))
    flow += keep_signed(table, foot, frame_height(LANDSCAPE))
    running = words("printing.paper.running_matrix", annex=form.title.get(PAPER).partition("：")[0],
                    year=doc.heading.year, district=doc.heading.district, reviewer=doc.heading.reviewer)
    meta = PageMeta(doc_no, form.short_title, draft=not doc.final and bool(doc.rows), running=running, code=doc.stamp.code if doc.stamp else "")
    return Part(flow, LANDSCAPE, meta)
