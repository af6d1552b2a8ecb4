"""附件5-1: the questionnaire, blank to hand out or filled with a team's answers."""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

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

TICK = "√"


def _unit_question(doc: SheetDoc) -> str:
    """The fill-in question with the district and unit written into its blanks (underlined)."""
    q = doc.form.questionnaire
    assert q is not None
    raw = q.unit_question.text.zh
    if doc.blank:  # the seed's runs of spaces are the blanks to write in; paragraphs would collapse them
        return re.sub(r"\s{2,}", "<u>" + "&nbsp;" * 12 + "</u>", text(raw))
    district = doc.answers.get("unit:district") or doc.heading.district
    unit = doc.answers.get("unit:name") or doc.heading.unit
    blanks = list(re.finditer(r"\s{2,}", raw))
    if len(blanks) < 2:
        return text(raw) + f"<br/><u>{text(district)}</u> <u>{text(unit)}</u>"
    first, second = blanks[0], blanks[1]
    # The form prints the 区 after the first blank ("位于      区      街道"): 东城区 is written 东城.
    after = raw[first.end():first.end() + 1]
    district_short = district[:-1] if after and district.endswith(after) else district
    return (text(raw[:first.start()]) + f"<u>&nbsp;{text(district_short)}&nbsp;</u>"
            + text(raw[first.end():second.start()]) + f"<u>&nbsp;{text(unit)}&nbsp;</u>"
            + text(raw[second.end():]))


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
    flow.append(KeepTogether([para(ft.section.zh, H3), para(ft.text.zh, BODY), Spacer(1, 1 * mm), box]))
    flow.append(signature_block(signature_lines(form, heading), doc.stamp, width))
    annex = form.title.get(PAPER).partition("：")[0]
    running = "" if doc.blank else f"{annex} {doc.heading.district} {doc.heading.unit} {doc.heading.planner}"
    meta = PageMeta(doc_no, form.short_title, running=running, draft=not doc.final and not doc.blank,
                    code=doc.stamp.code if doc.stamp else "")
    return Part(flow, PORTRAIT, meta)


def _yes_no(doc: SheetDoc, yn: YesNoQuestion) -> list[Flowable]:
    value = "" if doc.blank else doc.answers.get(f"yes_no:{yn.id}", "")
    marks = f"{checkbox(yn.yes, value == 'yes')}&nbsp;&nbsp;&nbsp;&nbsp;{checkbox(yn.no, value == 'no')}"
    return [para(yn.text.zh, BODY), Paragraph(marks, BODY), Spacer(1, 2 * mm)]
