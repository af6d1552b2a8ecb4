"""Every annex as a document with long, punctuation-heavy texts: for the paper-layout tests and for looking.

The texts are built from phrases full of the punctuation that must not start
or end a line (，。、；：？！）》」』】” and （《「『【“), numbers with units
("（10分）", "300字"), labels with a value ("姓名：张赟琤") and latin runs,
in lengths that land those marks on every column of a line sooner or later.
"""

from __future__ import annotations

import dataclasses
import random
import struct
import zlib
from decimal import Decimal

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.ranking import ResultLine
from zeshi_desktop.printing.data import (
    AppendixTable,
    Case,
    Document,
    Heading,
    MatrixDoc,
    MatrixRow,
    Picture,
    RankingDoc,
    SheetDoc,
    Stamp,
    SummaryDoc,
)
from zeshi_desktop.printing.linebreak import CLOSING, OPENING

STAMP = Stamp("ZS-1A2B-3C4D-5E6F-7A8B")
OFFICE_60 = ("北京市东城区东华门街道办事处城市更新与街区治理责任规划师工作协调领导小组办公室"
             "（街区规划与城市设计事务联络中心）")[:60]
PHRASES = (
    "按照《北京市责任规划师制度实施办法（试行）》的要求，", "责师团队全年驻场", "（10分）", "共计120天，",
    "“街区更新”", "与居民议事会协商；", "形成《街区画像》、《社区微更新导则》等成果。", "其中：", "姓名：张赟琤",
    "常规分值", "“小空间、大民生”", "项目", "2025年", "（含本年度团队更换情况）", "是否？", "请注意！",
    "【重点】", "「背街小巷」", "『共治共享』", "参与率达95%，", "ZS-1A2B", "……", "——", "回应诉求300余条、",
    "组织培训（500字）", "，", "。", "、", "；", "：", "（", "）", "《", "》",
)


def long_text(chars: int, seed: int = 1) -> str:
    """A text of about ``chars`` characters whose phrases put punctuation at every column sooner or later."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < chars:
        phrase = rng.choice(PHRASES)
        if rng.random() < 0.35:
            phrase = "规划设计服务社区治理"[: rng.randint(1, 9)] + phrase
        out.append(phrase)
        size += len(phrase)
    made = "".join(out)[:chars]
    return made.lstrip("".join(CLOSING)).rstrip("".join(OPENING)) or "规划"


def heading(office: str = "东华门街道办事处") -> Heading:
    return Heading(2025, "东城区", "东华门街道", "尹芳团队", office=office, reviewer="张赟琤",
                   organisation="北京工业大学建筑与城市规划学院")


def scores(form: Form, minus: str = "0.5") -> dict[str, Decimal]:
    return {item.id: item.max - Decimal(minus) for item in form.items}


def png(width: int = 160, height: int = 100) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes([60, 120, 200]) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def sheet_31(forms: dict[str, Form], remarks: int = 400, office: str = "东华门街道办事处",
             final: bool = True) -> SheetDoc:
    form = forms["3-1"]
    return SheetDoc(form, heading(office), final, scores(form), remarks=long_text(remarks, remarks),
                    stamp=STAMP if final else None)


def matrix(forms: dict[str, Form], rows: int = 30, final: bool = True) -> MatrixDoc:
    form = forms["3-2"]
    made = tuple(MatrixRow(n, long_text(18, n) + "街道", f"规划师{n}团队（" + long_text(10, 100 + n) + "）",
                           scores(form, "1"), Decimal(91)) for n in range(1, rows + 1))
    return MatrixDoc(form, heading(), made, final, STAMP if final else None)


def ranking(forms: dict[str, Form], rows: int = 25, final: bool = True) -> RankingDoc:
    made = tuple(ResultLine(n, long_text(24, n) + "街道", long_text(14, 50 + n) + "团队", Decimal(42),
                            Decimal("54.42"), Decimal("96.42")) for n in range(1, rows + 1))
    return RankingDoc(forms["3-3"], heading(), Decimal(40), Decimal(60), made, final)


def summary(forms: dict[str, Form], chars: int = 1000, final: bool = True) -> SummaryDoc:
    form = forms["4-1"]
    texts = {s.id: long_text(chars, 7 + n) for n, s in enumerate(form.outline)
             if not s.heading_only and not s.repeatable and not s.appendix}
    cases = (Case("背街小巷“微更新”", long_text(chars, 99), (Picture("整治前.png", "image/png", png()),)),)
    table = AppendixTable("经费落实情况", ("责任片区", "责任规划师", "经费（元）", "拨付"),
                          tuple((long_text(12, n) + "街道", long_text(10, 30 + n), "200,000", "已拨付")
                                for n in range(1, 12)))
    return SummaryDoc(form, heading(), texts, cases, (table,), final, STAMP if final else None)


def self_assessment(forms: dict[str, Form], final: bool = True) -> SheetDoc:
    form = forms["4-2"]
    return SheetDoc(form, heading(), final, scores(form), {"contracts_signed": "yes"},
                    stamp=STAMP if final else None)


def city_review(forms: dict[str, Form], final: bool = True) -> SheetDoc:
    form = forms["4-3"]
    return SheetDoc(form, heading(), final, scores(form, "2"), stamp=STAMP if final else None)


def questionnaire(forms: dict[str, Form], chars: int = 600, final: bool = True) -> SheetDoc:
    form = forms["5-1"]
    q = form.questionnaire
    assert q is not None
    answers = {f"choice:{s.id}": "不同意" for s in q.statements}
    answers |= {f"reason:{s.id}": long_text(60, 200 + n) for n, s in enumerate(q.statements)}
    answers["yes_no:fixed_contact"] = "yes"
    answers[f"free_text:{q.free_text.id}"] = long_text(chars, 300)
    return SheetDoc(form, heading(), final, answers=answers, stamp=STAMP if final else None)


def blank(forms: dict[str, Form], form_id: str) -> Document:
    """The empty form to fill by hand, as ``print_blank`` builds it."""
    form = forms[form_id]
    empty = Heading(0)
    if form_id == "3-2":
        return MatrixDoc(form, empty, (), final=False)
    if form_id == "3-3":
        return RankingDoc(form, empty, None, None, (), False)
    if form_id == "4-1":
        return SummaryDoc(form, empty, {}, (), (), final=False, **_blank_flag(SummaryDoc))
    return SheetDoc(form, empty, final=False, blank=True)


def _blank_flag(kind: type) -> dict[str, bool]:
    """``blank=True`` where the document type has the flag (a blank 4-1 leaves room to write)."""
    return {"blank": True} if "blank" in {f.name for f in dataclasses.fields(kind)} else {}


def every_annex(forms: dict[str, Form]) -> dict[str, Document]:
    """One long-text document per annex and state: ``"3-1 final 2000"``, ``"4-2 draft"``, ``"5-1 blank"``."""
    docs: dict[str, Document] = {
        "3-1 final 400": sheet_31(forms, 400),
        "3-1 final 2000": sheet_31(forms, 2000),
        "3-1 final office60": sheet_31(forms, 400, OFFICE_60),
        "3-1 draft": sheet_31(forms, 400, final=False),
        "3-2 final": matrix(forms),
        "3-2 draft": matrix(forms, final=False),
        "3-3 final": ranking(forms),
        "4-1 final": summary(forms),
        "4-1 draft": summary(forms, final=False),
        "4-2 final": self_assessment(forms),
        "4-2 draft": self_assessment(forms, final=False),
        "4-3 final": city_review(forms),
        "5-1 final": questionnaire(forms),
    }
    for form_id in ("3-1", "3-2", "3-3", "4-1", "4-2", "4-3", "5-1"):
        docs[f"{form_id} blank"] = blank(forms, form_id)
    return docs
