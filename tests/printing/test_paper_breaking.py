"""Chinese line breaking (禁则), units kept whole, text inside its cell, header labels shrunk before they wrap.

The punctuation lists are written out here, not imported, so the test states
the rule (issue 13) rather than repeating the code's list. Lines are read
back from the PDF (``pdflines``: each run drawn on one baseline), so a cell's
wrapped lines are checked one by one, as a reader sees them.
"""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from zeshi_desktop.printing import layout
from zeshi_desktop.printing.linebreak import break_lines
from zeshi_desktop.printing.paragraphs import Fitted, fitted, para
from zeshi_desktop.printing.render import _part, render_pdf

from . import samples
from .pdflines import page_lines

CLOSING = "，。、；：？！）》」』】”" + ",.;:?!)]"
OPENING = "（《「『【“"


def _bad_lines(pdf: bytes) -> list[tuple[int, str]]:
    return [(n, line) for n, page in enumerate(page_lines(pdf), start=1) for line in page
            if line[0] in CLOSING or line[-1] in OPENING]


@pytest.mark.parametrize("name", [
    "3-1 final 400", "3-1 final 2000", "3-1 final office60", "3-1 draft", "3-2 final", "3-3 final",
    "4-1 final", "4-1 draft", "4-2 final", "4-3 final", "5-1 final",
    "3-1 blank", "3-2 blank", "3-3 blank", "4-1 blank", "4-2 blank", "4-3 blank", "5-1 blank"])
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(forms, name):
    doc = samples.every_annex(forms)[name]
    pdf = render_pdf([doc]).pdf
    lines = [line for page in page_lines(pdf) for line in page]
    assert len(lines) > 20, "the PDF was read back line by line"
    assert _bad_lines(pdf) == []


def test_reportlab_alone_breaks_these_texts_badly(forms):
    """The check above would see the fault: reportlab's own CJK wrapping, same text, same font, starts lines with ，."""
    text = samples.long_text(1500, 3)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [Table([[Paragraph(text[i:i + 300], layout.CELL)]], colWidths=[w]) for i, w in
         zip(range(0, 1500, 300), (150, 180, 210, 240, 270))])
    assert _bad_lines(buffer.getvalue()), "reportlab's wrapping leaves 禁则 faults in these texts"


def _broken(value: str, per_line: int) -> list[str]:
    return [value[a:b] for a, b in break_lines(value, [1.0] * len(value), [float(per_line)])]


def test_units_stay_whole():
    assert _broken("按时提交年度工作计划（5分）", 7) == ["按时提交年度工", "作计划（5分）"]
    assert "（10" not in _broken("及时反馈年度责师聘任、合同签订及经费付给情况（10分）", 7)[-2]
    assert all(not line.endswith("（10") for line in _broken("差异化工作（10分）abc", 7))
    lines = _broken("年度：\xa02025\xa0\xa0\xa0\xa0区：\xa0东城区\xa0\xa0\xa0\xa0姓名：\xa0张赟琤\xa0", 16)
    assert any("姓名：\xa0张赟琤" in line for line in lines), lines
    assert _broken("常规分值", 3) == ["常规", "分值"]        # no single character left on the last line
    assert _broken("考核分数0-80分为不合格", 8)[0] == "考核分数"   # "0-80分" is one unit


def test_a_unit_wider_than_its_line_still_breaks():
    lines = _broken("ZS-1A2B-3C4D-5E6F-7A8B", 10)
    assert "".join(lines) == "ZS-1A2B-3C4D-5E6F-7A8B" and all(len(line) <= 10 for line in lines)


def test_a_label_gives_way_rather_than_leave_a_line_almost_empty():
    lines = _broken("属地服务基本职责：满足责任街区内的基本工作需求（分值0-15）", 10)
    assert lines[0] == "属地服务基本职责：满"


def test_no_line_is_wider_than_its_cell(forms):
    """reportlab hangs a closing mark past the edge, into the padding and over the border; ours never do."""
    checked = 0
    for name in ("4-2 final", "3-2 final", "3-1 final 2000"):
        doc = samples.every_annex(forms)[name]
        for flowable in _part(doc, 1).flowables:
            for table in _tables(flowable):
                table.wrap(sum(table._colWidths), 1e7)
                for row, styles in zip(table._cellvalues, table._cellStyles):
                    for width, cell, st in zip(table._colWidths, row, styles):
                        for p in cell if isinstance(cell, (list, tuple)) else [cell]:
                            checked += _check_lines(p, width - st.leftPadding - st.rightPadding)
    assert checked > 100, "the cells' lines were looked at"


def _tables(flowable):  # type: ignore[no-untyped-def]
    if isinstance(flowable, Table):
        yield flowable
    for part in (getattr(flowable, "_parts", list)() or []):
        yield from _tables(part)


def _check_lines(p, room: float) -> int:  # type: ignore[no-untyped-def]
    inner = p._para if isinstance(p, Fitted) else p
    bl = getattr(inner, "blPara", None)
    if bl is None:
        return 0
    for line in bl.lines:
        used = line.currentWidth if bl.kind == 1 else room - line[0]
        assert used <= room + 0.01, (inner.text[:30], used, room)
    return len(bl.lines)


def test_header_labels_shrink_before_they_wrap():
    label = fitted("常规分值", layout.CELL_C)
    _, height = label.wrap(31, 100)
    assert label._para is not None
    size = label._para.style.fontSize
    assert 7.5 <= size < layout.CELL_C.fontSize and height < 2 * layout.CELL_C.leading   # one line, smaller
    long = fitted("建立完善责师制度，能充分指导责师工作开展（20分）", layout.CELL_C)
    long.wrap(60, 500)
    assert long._para.style.fontSize == layout.CELL_C.fontSize   # too long even small: wrapped at its own size
    assert para("常规分值", layout.CELL_C).wrap(31, 100)[1] > layout.CELL_C.leading   # unfitted it would wrap
