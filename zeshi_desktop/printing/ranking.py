"""附件3-3: the district's result file, both weights in its heading, one row per 责任片区."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from zeshi_desktop.domain.scores import display

from .data import RankingDoc
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
    words,
    year_pair,
)


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{display(value)}%"


def render(doc: RankingDoc, doc_no: int) -> Part:
    form = doc.form
    width = frame_width(PORTRAIT)
    widths = [18 * mm, width - 18 * mm - 3 * 34 * mm, 34 * mm, 34 * mm, 34 * mm]
    rows: list[list[object]] = [[para(c.zh, CELL_C) for c in form.columns]]
    for r in doc.rows:
        rank = "" if r.rank is None else str(r.rank)
        unit = f"{r.unit}\n{r.planner}" if r.planner else r.unit
        rows.append([rank, para(unit, CELL), num(r.street_weighted), num(r.district_weighted), num(r.total)])
    if not doc.rows:
        rows += [[str(n), "", "", "", ""] for n in (1, 2, 3)]
    table = grid(rows, widths, repeat=1)
    values = {"district": doc.heading.district, "street_weight": _percent(doc.street_weight),
              "district_weight": _percent(doc.district_weight)}
    flow: list[Flowable] = title_block(form, doc.heading)
    flow += [heading_line([year_pair(doc.heading.year)] +
                          [(f.label.zh, values.get(f.id, "")) for f in form.header_fields]),
             Spacer(1, 2 * mm), table, Spacer(1, 2 * mm)]
    flow += notes(form)
    if any(r.rank is None for r in doc.rows):
        flow.append(para(words("printing.paper.unranked"), CELL))
    flow.append(signature_block(signature_lines(form, doc.heading), None, width))
    meta = PageMeta(doc_no, form.short_title, draft=not doc.final and bool(doc.rows))
    return Part(flow, PORTRAIT, meta)
