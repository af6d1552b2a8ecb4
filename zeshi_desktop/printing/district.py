"""附件4-2 (the district's self-assessment) and 附件4-3 (a city reviewer's sheet for one district).

4-2's first line is the annex's: 单位 (the body that seals, 区规自分局) and, on
the same line, the contract question with a drawn box of 4.5 mm after 是 and
after 否, large enough to tick by hand.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.sheet import totals

from .data import PAPER, SheetDoc
from .document import LANDSCAPE, PORTRAIT, PageMeta, Part, frame_height, frame_width
from .layout import (
    BODY,
    CELL,
    CELL_C,
    FONT,
    SMALL_C,
    grid,
    heading_line,
    notes,
    num,
    para,
    signature_block,
    signature_lines,
    title_block,
    words,
)
from .paragraphs import fitted
from .signed import keep_signed

BOX = 4.5 * mm
WRITE_IN = "\u00a0" * 44     # a blank 单位 long enough for a bureau's name written by hand


class TickBox(Flowable):
    """A square to tick by hand, ``BOX`` wide; a given answer prints a √ in it (readable as text)."""

    def __init__(self, checked: bool) -> None:
        super().__init__()
        self.checked = checked
        self.width = self.height = BOX

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(0.7)
        canv.rect(0, 0, BOX, BOX)
        if self.checked:
            canv.setFont(FONT, 9.5)
            canv.drawCentredString(BOX / 2, BOX * 0.22, "√")
        canv.restoreState()


def _header_values(doc: SheetDoc) -> list[tuple[str, str]]:
    """年度 and the form's header fields: what the district typed, else the field's own value (区规自分局)."""
    form = doc.form
    if doc.blank:
        return [(words("printing.paper.year"), "")] + [(f.label.zh, WRITE_IN) for f in form.header_fields]
    pairs = [(words("printing.paper.year"), str(doc.heading.year))]
    for f in form.header_fields:
        typed = doc.answers.get(f"header:{f.id}", "")
        pairs.append((f.label.zh, typed or (f.value.fill(PAPER, **doc.heading.fields()) if f.value
                                            else doc.heading.district)))
    return pairs


def _first_line(doc: SheetDoc, width: float) -> Flowable:
    """The heading fields and, on the same line as in the annex, the contract question with its boxes."""
    form: Form = doc.form
    line = heading_line(_header_values(doc))
    rule = form.contract_rule
    if rule is None:
        return line
    answer = "" if doc.blank else doc.answers.get(rule.id, "")
    size = BODY.fontSize
    words_w = [stringWidth(w, FONT, size) + 2.5 * mm for w in (rule.question.zh, rule.yes, rule.no)]
    widths = [words_w[0], words_w[1], BOX + 5 * mm, words_w[2], BOX + 2 * mm]
    cells = [para(rule.question.zh, BODY), para(rule.yes, BODY), TickBox(answer == "yes"),
             para(rule.no, BODY), TickBox(answer == "no")]
    table = Table([[line, *cells]], colWidths=[width - sum(widths), *widths])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("ALIGN", (2, 0), (-1, 0), "LEFT")]))
    return table


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
        row0 += [fitted(part.label.zh, CELL_C)] + [""] * (len(part.items) - 1)
        spans.append(("SPAN", (col, 0), (col + len(part.items) - 1, 0)))
        col += len(part.items)
    row0.append(fitted(form.total_label.zh, CELL_C))
    row1: list[object] = [para(item.text.zh, SMALL_C) for item in items] + [""]
    sums = None if doc.blank else totals(form, doc.scores)
    row2: list[object] = [("" if doc.blank else num(doc.scores.get(i.id))) for i in items]
    row2.append("" if sums is None else num(sums.total))
    table = grid([row0, row1, row2], widths, spans + [("VALIGN", (0, 1), (-1, 1), "TOP")],
                 heights=[None, None, 14 * mm])
    heading = None if doc.blank else doc.heading
    flow: list[Flowable] = title_block(form, heading)
    flow += [_first_line(doc, width), Spacer(1, 2 * mm)]
    flow += keep_signed(table, signature_block(signature_lines(form, heading), doc.stamp, width, seal=True),
                        frame_height(LANDSCAPE))
    flow += [Spacer(1, 2 * mm)] + notes(form)
    return Part(flow, LANDSCAPE, _meta(doc, doc_no))


def render_city_review(doc: SheetDoc, doc_no: int) -> Part:
    """4-3: 序号 / 评分内容 / 分值 / 分数, a 总分 row, the 评审人 line."""
    form = doc.form
    width = frame_width(PORTRAIT)
    widths = [16 * mm, width - 16 * mm - 26 * mm - 30 * mm, 26 * mm, 30 * mm]
    rows: list[list[object]] = [[fitted(c.zh, CELL_C) for c in form.columns]]
    for n, item in enumerate(form.items, start=1):
        rows.append([item.number or str(n), para(item.text.zh, CELL), num(item.max),
                     "" if doc.blank else num(doc.scores.get(item.id))])
    sums = None if doc.blank else totals(form, doc.scores)
    rows.append([fitted(form.total_label.zh, CELL_C), "", "", "" if sums is None else num(sums.total)])
    table = grid(rows, widths, [("SPAN", (0, len(rows) - 1), (2, len(rows) - 1))],
                 heights=[9 * mm] * len(rows))
    heading = None if doc.blank else doc.heading
    flow: list[Flowable] = title_block(form, heading)
    flow.append(heading_line([(words("printing.paper.year"), "" if doc.blank else str(doc.heading.year)),
                              (words("printing.paper.reviewed_district"), "" if doc.blank else doc.heading.district)]))
    flow += [Spacer(1, 3 * mm)]
    flow += keep_signed(table, signature_block(signature_lines(form, heading), doc.stamp, width),
                        frame_height(PORTRAIT))
    flow += [Spacer(1, 2 * mm)] + notes(form)
    return Part(flow, PORTRAIT, _meta(doc, doc_no))
