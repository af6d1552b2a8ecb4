"""附件3-3: the district's result file, both weights in its heading, one row per 责任片区.

A blank result file (no rows) fills its page with numbered rows to write in.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from zeshi_desktop.domain.scores import display

from .blanks import ROW, rows_that_fit
from .data import RankingDoc
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
    words,
    year_pair,
)
from .paragraphs import fitted
from .signed import keep_signed


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{display(value)}%"


def render(doc: RankingDoc, doc_no: int) -> Part:
    form = doc.form
    width = frame_width(PORTRAIT)
    widths = [18 * mm, width - 18 * mm - 3 * 34 * mm, 34 * mm, 34 * mm, 34 * mm]
    rows: list[list[object]] = [[fitted(c.zh, CELL_C) for c in form.columns]]
    for r in doc.rows:
        rank = "" if r.rank is None else str(r.rank)
        unit = f"{r.unit}\n{r.planner}" if r.planner else r.unit
        rows.append([rank, para(unit, CELL), num(r.street_weighted), num(r.district_weighted), num(r.total)])

    def blank_table(n: int) -> Table:   # numbered rows to fill by hand
        return grid(rows + [[str(k), "", "", "", ""] for k in range(1, n + 1)], widths, repeat=1,
                    heights=[None] + [ROW] * n)

    values = {"district": doc.heading.district, "street_weight": _percent(doc.street_weight),
              "district_weight": _percent(doc.district_weight)}
    flow: list[Flowable] = title_block(form, doc.heading)
    flow += [heading_line([year_pair(doc.heading.year)] +
                          [(f.label.zh, values.get(f.id, "")) for f in form.header_fields]),
             Spacer(1, 2 * mm)]
    foot: list[Flowable] = [Spacer(1, 2 * mm), *notes(form)]
    if any(r.rank is None for r in doc.rows):
        foot.append(para(words("printing.paper.unranked"), CELL))
    foot.append(signature_block(signature_lines(form, doc.heading), doc.stamp, width, seal=True))
    if doc.rows:
        table = grid(rows, widths, repeat=1)
    else:
        table = blank_table(rows_that_fit(PORTRAIT, flow, blank_table, foot))
    flow += keep_signed(table, foot, frame_height(PORTRAIT))
    meta = PageMeta(doc_no, form.short_title, draft=not doc.final and bool(doc.rows),
                    code=doc.stamp.code if doc.stamp else "")
    return Part(flow, PORTRAIT, meta)
