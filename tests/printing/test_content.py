"""Content as officials expect it (issue 13 §5), read back from the printed pages.

Corrected typos, 4-1 hints kept out of the headings, captions "图N …", blank
forms with room to write, 5-1's unit line, 4-2's 单位 line with its boxes.
"""

from __future__ import annotations

import io
import struct
import zlib
from decimal import Decimal
from itertools import pairwise

import pypdf
from reportlab.lib.units import mm

from zeshi_desktop.printing.data import (
    Case,
    Heading,
    MatrixDoc,
    Picture,
    RankingDoc,
    SheetDoc,
    Stamp,
    SummaryDoc,
)
from zeshi_desktop.printing.render import render_pdf
from zeshi_desktop.services.printing import jobs

from .conftest import page_texts, squash

HEADING = Heading(2025, "东城区", "东华门街道", "尹芳团队", office="东华门街道办事处", reviewer="李四")
STAMP = Stamp("ZS-1A2B-3C4D-5E6F-7A8B")
ANNEX_TYPOS = ("责任规工作总结", "市规划自然资源为", "放发", "您得", "【填空题】")


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes([40, 120, 200]) * 40 for _ in range(30))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 40, 30, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _joined(*docs: object) -> str:
    return "".join(page_texts(render_pdf(list(docs)).pdf))


def _positions(pdf: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """Each text run of a page with where it starts (x, y in points)."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if text.strip():
            found.append((text.strip(), cm[4] + tm[4], cm[5] + tm[5]))
    pypdf.PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return found


def test_the_annexes_typos_print_corrected_and_the_annex_words_do_not(forms):
    q = forms["5-1"].questionnaire
    answers = {f"choice:{s.id}": "一般" for s in q.statements}
    text = _joined(SummaryDoc(forms["4-1"], Heading(2025, "东城区"), {"overview": "正文" * 400}, (), (), True),
                   SheetDoc(forms["4-2"], HEADING, True, {i.id: i.max for i in forms["4-2"].items}),
                   SheetDoc(forms["5-1"], HEADING, True, answers=answers),
                   SheetDoc(forms["5-1"], Heading(0), False, blank=True))
    assert "东城区责任规划工作总结" in text and "东城区责任规划工作总结2025年度" in text   # title and running header
    assert "市规划自然资源委及市级专班" in text and "足量发放" in text and "对您的日常工作" in text
    assert not [typo for typo in ANNEX_TYPOS if typo in text]


def test_4_1_prints_headings_without_their_writing_hints(forms):
    form = forms["4-1"]
    texts = {s.id: "内容" for s in form.outline if not (s.heading_only or s.repeatable or s.appendix)}
    text = _joined(SummaryDoc(form, Heading(2025, "东城区"), texts, (Case("案例", "正文"),), (), True))
    assert "1.整体介绍内容" in text and "2.工作重点与特色内容" in text and "4.优秀案例案例1" in text
    for hint in ("（300字）", "（500字）", "有则填写", "有图有文"):
        assert hint not in text


def test_pictures_are_captioned_with_the_typed_caption_or_the_file_name(forms):
    cases = (Case("背街小巷", "正文", (Picture("IMG_0001.png", "image/png", _png(), "整治前的胡同入口"),
                                     Picture("整治后.png", "image/png", _png()))),
             Case("社区花园", "正文", (Picture("garden.jpg.png", "image/png", _png(), "  居民共建的花园 "),)))
    text = _joined(SummaryDoc(forms["4-1"], Heading(2025, "东城区"), {}, cases, (), True))
    assert "图1整治前的胡同入口" in text and "图2整治后" in text and "图3居民共建的花园" in text
    assert "IMG_0001" not in text and ".png" not in text


def test_a_blank_4_1_leaves_room_to_write_and_shows_the_hints(forms):
    from zeshi_desktop.services.printing.summary_doc import blank_summary

    rendered = render_pdf([blank_summary()])
    text = "".join(page_texts(rendered.pdf))
    assert "（未填写）" not in text and "（本年度无）" not in text and "（无）" not in text and "草稿" not in text
    assert "1.整体介绍（300字）" in text and "4.优秀案例（有则填写，每个500-1000字，有图有文）案例1：" in text
    assert "XX区责任规划工作总结" in text and "0年度" not in text
    draft = _joined(SummaryDoc(forms["4-1"], Heading(2025, "东城区"), {"overview": "只写了这一段"}, (), (), False))
    assert "（未填写）" in draft and "（本年度无）" in draft     # a draft still says what is missing


def _numbered_rows(pdf: bytes, x_max: float) -> list[tuple[int, float]]:
    """The row numbers printed in the first column (x below ``x_max``), with their heights on the page."""
    return [(int(t), y) for t, x, y in _positions(pdf) if t.isdigit() and x < x_max]


def test_blank_3_2_and_3_3_fill_one_page_with_rows_to_write_in(forms):
    for doc, x_max, at_least in ((MatrixDoc(forms["3-2"], Heading(0), (), False), 70, 8),
                                 (RankingDoc(forms["3-3"], Heading(0), None, None, (), False), 80, 15)):
        rendered = render_pdf([doc])
        assert rendered.pages == 1, doc.form.id
        rows = _numbered_rows(rendered.pdf, x_max)
        assert [n for n, _ in rows] == list(range(1, len(rows) + 1)) and len(rows) >= at_least, doc.form.id
        gaps = [a - b for (_, a), (_, b) in pairwise(rows)]
        assert min(gaps) >= 9 * mm, doc.form.id
        below = [y for t, _, y in _positions(rendered.pdf) if "注" in t or "签字" in t or "盖章" in t]
        assert rows[-1][1] - max(below) < 3 * 10 * mm, "the rows reach down to the notes and the signature"


def test_5_1_question_1_is_a_fill_in_line_with_the_kind_marked(forms):
    form = forms["5-1"]
    filled = _joined(SheetDoc(form, HEADING, True, answers={}, stamp=STAMP))
    assert "位于东城区东华门■街道□镇(乡)□园区□单元" in filled
    line = filled[filled.index("位于"):filled.index("提示")]
    assert line.count("街道") == 1 and "【" not in line
    town = _joined(SheetDoc(form, Heading(2025, "昌平区", "马坡镇", "某团队"), False))
    assert "位于昌平区马坡□街道■镇(乡)□园区□单元" in town
    typed = _joined(SheetDoc(form, HEADING, False, answers={"unit:district": "西城区", "unit:name": "回龙观地区"}))
    assert "位于西城区回龙观地区□街道□镇(乡)□园区□单元" in typed     # no kind of the form: none marked
    blank = _joined(SheetDoc(form, Heading(0), False, blank=True))
    assert "位于区□街道□镇(乡)□园区□单元" in blank and "■" not in blank


def _boxes(pdf: bytes) -> list[tuple[float, float]]:
    sizes: list[tuple[float, float]] = []

    def visit(op: bytes, args: list, _cm: list[float], _tm: list[float]) -> None:
        if op == b"re":
            sizes.append((float(args[2]), float(args[3])))
    pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_operand_before=visit)
    return sizes


def test_4_2_asks_the_contract_question_on_the_unit_line_with_boxes_of_4_mm(forms):
    form = forms["4-2"]
    scores = {i.id: i.max - Decimal(1) for i in form.items}
    pdf = render_pdf([SheetDoc(form, HEADING, True, scores, {"contracts_signed": "yes"}, stamp=STAMP)]).pdf
    runs = _positions(pdf)
    unit_y = next(y for t, _, y in runs if t.startswith("年度"))
    question_y = next(y for t, _, y in runs if t.startswith(form.contract_rule.question.zh))
    assert abs(unit_y - question_y) < 2, "the question stands on the 单位 line, as in the annex"
    page = page_texts(pdf)[0]
    assert "单位：东城区规自分局" in page                      # the body that seals, not the district
    assert squash(form.contract_rule.question.zh) + "是√否" in page
    squares = [w for w, h in _boxes(pdf) if abs(w - h) < 0.5 and 2 < w < 20 * mm]   # not the QR code's modules
    assert len(squares) == 2 and min(squares) >= 4 * mm
    typed = page_texts(render_pdf([SheetDoc(form, HEADING, False, {}, {"header:org": "北京市规划和自然资源委员会东城分局"})]).pdf)[0]
    assert "单位：北京市规划和自然资源委员会东城分局" in typed
    blank = page_texts(jobs.print_blank("4-2").pdf)[0]
    assert "单位：" in blank and "√" not in blank and "规自分局盖章" in blank
