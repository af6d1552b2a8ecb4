"""附件5-1: the questionnaire, blank to hand out or filled with a team's answers."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from zeshi_desktop.domain.forms import YesNoQuestion

from .data import PAPER, SheetDoc
from .document import PORTRAIT, PageMeta, Part, frame_width
from .layout import (
    BODY,
    CELL,
    CELL_C,
    H3,
    NOTE,
    checkbox,
    grid,
    heading_line,
    para,
    signature_block,
    signature_lines,
    text,
    title_block,
    year_line,
)
from .paragraphs import CJKParagraph as Paragraph

TICK = "√"


def _blank(value: str) -> str:
    """A blank of the question, underlined: the value written in, or room to write by hand."""
    return f"<u>&nbsp;{text(value)}&nbsp;</u>" if value else "<u>" + "&nbsp;" * 24 + "</u>"


def _unit_question(doc: SheetDoc) -> str:
    """Question 1 as a line to fill in: district and unit in their blanks, the unit's kind ticked.

    "东城区" is written "东城" before the form's own 区, and "东华门街道" is
    written "东华门" with ■街道 marked, so no word prints twice; a unit whose
    name ends in none of the kinds is written whole and no kind is marked.
    """
    q = doc.form.questionnaire
    assert q is not None
    uq = q.unit_question
    pieces = uq.pieces()
    if not uq.blanks or len(pieces) != len(uq.blanks) + 1:   # no blanks declared: the text as the form has it
        return text(uq.text.zh)
    values = {} if doc.blank else {"district": doc.answers.get("unit:district") or doc.heading.district,
                                   "unit": doc.answers.get("unit:name") or doc.heading.unit}
    written, kind = uq.written(values)   # the same words the app's 5-1 page writes in
    out = [text(pieces[0])]
    for value, after in zip(written, pieces[1:], strict=True):
        out += [_blank(value), text(after)]
    listed = "/".join(uq.kinds)
    if uq.kinds and pieces[-1].startswith(listed):
        marks = "&nbsp;&nbsp;".join(checkbox(k, i == kind) for i, k in enumerate(uq.kinds))
        out[-1] = "&nbsp;" + marks + text(pieces[-1][len(listed):])
    return "".join(out)


def render(doc: SheetDoc, doc_no: int) -> Part:
    form = doc.form
    q = form.questionnaire
    assert q is not None
    width = frame_width(PORTRAIT)
    heading = None if doc.blank else doc.heading
    flow: list[Flowable] = title_block(form, heading)
    if not doc.blank:
        flow += [heading_line(year_line(doc.heading)), Spacer(1, 2 * mm)]
    flow += [para(q.unit_question.section.zh, H3), Paragraph(_unit_question(doc), BODY),
             para(q.unit_question.hint.zh, NOTE), Spacer(1, 2 * mm)]
    printed_sections: set[str] = {q.unit_question.section.zh}
    asked: set[str] = set()
    option_w, reason_w = 15 * mm, 34 * mm
    widths = [width - len(q.options) * option_w - reason_w] + [option_w] * len(q.options) + [reason_w]
    for group in q.groups:
        if group.section.zh not in printed_sections:
            flow.append(para(group.section.zh, H3))
            printed_sections.add(group.section.zh)
        for yn in q.yes_no:
            if yn.section.zh == group.section.zh and yn.id not in asked:
                flow += _yes_no(doc, yn)
                asked.add(yn.id)
        rows: list[list[object]] = [[""] + [para(o.zh, CELL_C) for o in q.options] + [para(q.reason_label.zh, CELL_C)]]
        for s in group.statements:
            choice = "" if doc.blank else doc.answers.get(f"choice:{s.id}", "")
            reason = "" if doc.blank else doc.answers.get(f"reason:{s.id}", "")
            rows.append([para(s.text.zh, CELL)] + [TICK if choice == o.zh else "" for o in q.options]
                        + [para(reason, CELL)])
        table = grid(rows, widths, [("FONTSIZE", (1, 1), (-2, -1), 12)], repeat=1)
        flow += [para(group.prompt.zh, BODY), Spacer(1, 1 * mm), table, Spacer(1, 3 * mm)]
    for yn in q.yes_no:
        if yn.id not in asked:
            flow += [para(yn.section.zh, H3)] + _yes_no(doc, yn)
    ft = q.free_text
    answer = "" if doc.blank else doc.answers.get(f"free_text:{ft.id}", "")
    none_chosen = not doc.blank and answer.strip() in ("", ft.none_option)
    box = grid([[Paragraph(checkbox(ft.none_option, none_chosen), BODY)],
                [Paragraph(f"{text(ft.label.zh)}：" + ("" if none_chosen else text(answer)), BODY)]],
               [width], [("ALIGN", (0, 0), (-1, -1), "LEFT"), ("VALIGN", (0, 1), (0, 1), "TOP")],
               heights=[None, None if len(answer) > 150 else 30 * mm])
    block = signature_block(signature_lines(form, heading), doc.stamp, width)   # never alone on a page
    flow.append(KeepTogether([para(ft.section.zh, H3), para(ft.text.zh, BODY), Spacer(1, 1 * mm), box, block]))
    annex = form.title.get(PAPER).partition("：")[0]
    running = "" if doc.blank else f"{annex} {doc.heading.district} {doc.heading.unit} {doc.heading.planner}"
    meta = PageMeta(doc_no, form.short_title, running=running, draft=not doc.final and not doc.blank,
                    code=doc.stamp.code if doc.stamp else "")
    return Part(flow, PORTRAIT, meta)


def _yes_no(doc: SheetDoc, yn: YesNoQuestion) -> list[Flowable]:
    value = "" if doc.blank else doc.answers.get(f"yes_no:{yn.id}", "")
    marks = f"{checkbox(yn.yes, value == 'yes')}&nbsp;&nbsp;&nbsp;&nbsp;{checkbox(yn.no, value == 'no')}"
    return [para(yn.text.zh, BODY), Paragraph(marks, BODY), Spacer(1, 2 * mm)]
