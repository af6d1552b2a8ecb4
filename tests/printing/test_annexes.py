"""Each annex as printed: official texts from the Form objects, maxima, scores, totals, marks.

Expected totals are summed here from the scores the test chose, not taken
from the code under test.
"""

from __future__ import annotations

import io
import struct
import zlib
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pypdf

from zeshi_desktop.domain.ranking import ResultLine
from zeshi_desktop.printing.data import (
    AppendixTable,
    Case,
    Heading,
    MatrixDoc,
    MatrixRow,
    Picture,
    RankingDoc,
    SheetDoc,
    Stamp,
    SummaryDoc,
)
from zeshi_desktop.printing.render import render_pdf

from .conftest import page_texts, squash

HEADING = Heading(2025, "东城区", "东华门街道", "尹芳团队", office="东华门街道办事处", reviewer="李四",
                  organisation="北京工业大学")
STAMP = Stamp("ZS-1A2B-3C4D-5E6F-7A8B")


def _scores(form, minus: str = "0.5") -> dict[str, Decimal]:
    return {item.id: item.max - Decimal(minus) for item in form.items}


def test_3_1_has_every_item_text_maximum_score_and_total(forms):
    form = forms["3-1"]
    scores = _scores(form)
    doc = SheetDoc(form, HEADING, True, scores, remarks="继续加强驻场", stamp=STAMP)
    rendered = render_pdf([doc])
    pages = page_texts(rendered.pdf)
    assert rendered.pages == len(pages) == 1, "a 3-1 sheet is one page, like the paper"
    page = pages[0]
    for item in form.items:
        assert squash(item.text.zh) in page, item.id
    for section in form.sections:
        assert squash(section.title.zh) in page
    for label in ("工作职责", "工作版块", "单项满分", "评分", "常规分值", "附加分值", "常规分合计", "附加分合计",
                  "总得分", "意见建议", "继续加强驻场"):
        assert label in page
    regular = sum(v for k, v in scores.items() if form.item(k).part_id == "regular")
    bonus = sum(v for k, v in scores.items() if form.item(k).part_id == "bonus")
    assert (regular, bonus) == (Decimal("94"), Decimal("22.5"))
    assert "常规分合计94" in page and "附加分合计22.5" in page and "总得分116.5" in page
    assert "14.5" in page  # 差异化 15 - 0.5
    assert "签字/盖章：东华门街道办事处" in page and "年月日" in page
    assert squash(form.notes[0].zh) in page
    assert "2025" in page and "东城区" in page and "尹芳团队" in page
    assert "东华门街道办事处责师工作评审表" in page
    assert "第1页共1页" in page and STAMP.code in page
    assert "草稿" not in page


def test_draft_mark_exactly_on_sheets_that_are_not_final(forms):
    form = forms["3-1"]
    final = SheetDoc(form, HEADING, True, _scores(form), stamp=STAMP)
    draft = SheetDoc(form, HEADING, False, _scores(form))
    blank = SheetDoc(form, Heading(0), False, blank=True)
    pages = page_texts(render_pdf([final, draft, final, blank]).pdf)
    assert ["草稿" in p for p in pages] == [False, True, False, False]


def test_user_markup_prints_literally(forms):
    typed = '<b>粗</b><img src="/etc/passwd"/><font color="red">红</font> & <br/>'
    doc = SheetDoc(forms["3-1"], Heading(2025, "东城区", "东华门街道", "<i>王五</i>团队"), False,
                   remarks=typed)
    page = page_texts(render_pdf([doc]).pdf)[0]
    assert squash(typed) in page
    assert "<i>王五</i>团队" in page


def test_3_2_matrix_repeats_its_header_rows_on_every_page(forms):
    form = forms["3-2"]
    rows = tuple(MatrixRow(n, f"第{n}责任单元", f"规划师{n}团队", _scores(form, "1"), Decimal("91"))
                 for n in range(1, 41))
    rendered = render_pdf([MatrixDoc(form, HEADING, rows, final=False)])
    pages = page_texts(rendered.pdf)
    assert rendered.pages == len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        for section in form.sections:
            assert squash(section.title.zh) in page
        for item in form.items:
            assert squash(item.text.zh) in page
        assert f"第{number}页共{len(pages)}页" in page
        assert "草稿" in page
    seen = [n for n in range(1, 41) for page in pages if f"第{n}责任单元规划师{n}团队" in page]
    assert seen == list(range(1, 41)), "each unit on exactly one page"


def test_3_3_has_both_weights_and_the_ranked_rows(forms):
    form = forms["3-3"]
    rows = (ResultLine(1, "东四街道", "甲团队", Decimal("42"), Decimal("54.42"), Decimal("96.42")),
            ResultLine(2, "景山街道", "乙团队", Decimal("32.4"), Decimal("40.08"), Decimal("72.48")))
    page = page_texts(render_pdf([RankingDoc(form, Heading(2025, "东城区"), Decimal("40"), Decimal("60"),
                                             rows, True)]).pdf)[0]
    assert "责任片区行政主体评分权重：40%" in page and "区级评审组评分权重：60%" in page
    for column in form.columns:
        assert squash(column.zh) in page
    assert "1东四街道甲团队425442" not in page  # numbers keep their decimals
    assert "42" in page and "54.42" in page and "96.42" in page and "72.48" in page
    for note in form.notes:
        assert squash(note.zh) in page


def test_4_2_marks_the_contract_answer_and_sums_the_parts(forms):
    form = forms["4-2"]
    scores = _scores(form)
    doc = SheetDoc(form, HEADING, True, scores, {"contracts_signed": "no"}, stamp=STAMP)
    page = page_texts(render_pdf([doc]).pdf)[0]
    for item in form.items:
        assert squash(item.text.zh) in page
    assert squash(form.contract_rule.question.zh) + "是否√" in page   # drawn boxes; √ in the one ticked
    assert "区规自分局盖章" in page
    row = "".join(str(scores[item.id]) for item in form.items)
    assert row + "94" in page  # 100 - 12 x 0.5, right after the twelve scores


def test_4_3_names_the_reviewer_and_the_district(forms):
    form = forms["4-3"]
    scores = _scores(form, "2")
    page = page_texts(render_pdf([SheetDoc(form, HEADING, True, scores, stamp=STAMP)]).pdf)[0]
    for item in form.items:
        assert squash(item.text.zh) + str(item.max) + str(item.max - 2) in page
    assert "总分88" in page
    assert "评审人：李四" in page and "被评审区：东城区" in page
    assert "评审人：李四签字：" in page


def test_signature_lines_and_title_fields_come_from_the_form(forms):
    """Each annex prints the signature lines its file lists, and fills the title's fields from the heading."""
    for form_id, doc in (("3-2", MatrixDoc(forms["3-2"], HEADING, (), False)),
                         ("3-3", RankingDoc(forms["3-3"], HEADING, None, None, (), False)),
                         ("4-1", SummaryDoc(forms["4-1"], HEADING, {}, (), (), False)),
                         ("5-1", SheetDoc(forms["5-1"], HEADING, False))):
        joined = "".join(page_texts(render_pdf([doc]).pdf))
        assert all(squash(line) in joined for line in forms[form_id].signature_lines("zh")), form_id
    blank = page_texts(render_pdf([SheetDoc(forms["4-3"], Heading(0), False, blank=True)]).pdf)[0]
    assert "评审人：日期" in blank and "签字：" not in blank       # the name and the signature go by hand
    filled = page_texts(render_pdf([SheetDoc(forms["4-2"], HEADING, False)]).pdf)[0]
    assert "附件4-2《东城区责师工作自评表》" in filled
    blank = page_texts(render_pdf([SheetDoc(forms["4-2"], Heading(0), False, blank=True)]).pdf)[0]
    assert "附件4-2《XXX区责师工作自评表》" in blank


def test_5_1_blank_and_filled(forms):
    form = forms["5-1"]
    q = form.questionnaire
    blank = page_texts(render_pdf([SheetDoc(form, Heading(0), False, blank=True)]).pdf)
    joined = "".join(blank)
    for statement in q.statements:
        assert squash(statement.text.zh) in joined
    assert "√" not in joined and "■" not in joined and "草稿" not in joined
    answers = {f"choice:{s.id}": "比较同意" for s in q.statements}
    first = q.statements[0].id
    answers[f"choice:{first}"] = "不同意"
    answers[f"reason:{first}"] = "意见<b>未被</b>采纳"
    answers["yes_no:fixed_contact"] = "yes"
    answers[f"free_text:{q.free_text.id}"] = "希望增加培训"
    filled = "".join(page_texts(render_pdf([SheetDoc(form, HEADING, True, answers=answers, stamp=STAMP)]).pdf))
    assert filled.count("√") == len(q.statements)
    assert "意见<b>未被</b>采纳" in filled and "希望增加培训" in filled
    assert "■是□否" in filled
    assert "东城" in filled and "东华门街道" in filled


def _png(width: int = 40, height: int = 30) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes([200, 40, 40]) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_4_1_summary_has_outline_texts_pictures_and_appendix(forms):
    form = forms["4-1"]
    texts = {s.id: f"{s.title.zh[:4]}的内容" for s in form.outline if not s.heading_only}
    case = Case("背街小巷整治", "案例正文", (Picture("整治前.png", "image/png", _png()),))
    table = AppendixTable("经费落实情况", ("责任片区", "经费（元）"), (("东四街道", "200,000"),))
    doc = SummaryDoc(form, Heading(2025, "东城区"), texts, (case,), (table,), True, stamp=STAMP)
    pdf = render_pdf([doc]).pdf
    joined = "".join(page_texts(pdf))
    assert "东城区责任规划工作总结" in joined          # the annex's typo corrected
    for section in form.outline:
        assert squash(section.heading.zh) in joined   # the writing hints are no headings
    assert "背街小巷整治" in joined and "图1整治前" in joined and "东四街道200,000" in joined
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == 1


def test_page_numbers_count_each_document_separately(forms):
    form = forms["3-1"]
    docs = [SheetDoc(form, HEADING, False, _scores(form)), SheetDoc(forms["5-1"], HEADING, False, answers={}),
            SheetDoc(forms["4-3"], HEADING, False)]
    pages = page_texts(render_pdf(docs).pdf)
    footers = [p[p.index("第"):][:7] for p in pages]
    assert [("第1页共1页" in p, "第1页共2页" in p, "第2页共2页" in p) for p in pages] == [
        (True, False, False), (False, True, False), (False, False, True), (True, False, False)], footers


def test_the_paragraph_caches_do_not_change_the_output(forms, monkeypatch):
    from zeshi_desktop.printing import paragraphs

    form = forms["3-1"]
    docs = [SheetDoc(form, HEADING, True, _scores(form), remarks="很长的意见" * 40, stamp=STAMP),
            MatrixDoc(forms["3-2"], HEADING, tuple(MatrixRow(n, f"第{n}单元", "甲团队", _scores(forms["3-2"], "1"),
                                                            Decimal("91")) for n in range(1, 30)), final=False)]
    moment = datetime(2026, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=8)))   # the file states when it was made
    cached = render_pdf(docs, created=moment).pdf
    assert render_pdf(docs, created=moment).pdf == cached
    monkeypatch.setattr(paragraphs, "_PARSED", {})
    monkeypatch.setattr(paragraphs, "_BROKEN", {})
    monkeypatch.setattr(paragraphs, "_PARSED_MAX", 0)
    assert render_pdf(docs, created=moment).pdf == cached
