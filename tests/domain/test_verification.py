"""Verification codes: canonical content, code format, parsing what people type, comparing."""

from __future__ import annotations

import hashlib

import pytest

from zeshi_desktop.domain import verification as v

UID = "00fd28d8-434f-4aa1-9b6e-0123456789ab"


def _sheet(**changes) -> v.SheetContent:
    base = dict(uid=UID, form_id="3-1", form_version=1, subject={"unit": "U01", "planner": "P01"},
                scores={"a": 35, "b": 40}, answers={"header:office": "东华门街道办事处"}, remarks="好", label="东华门")
    base.update(changes)
    return v.SheetContent(**base)


def test_code_is_uid_prefix_and_hash_prefix():
    sheet = _sheet()
    digest = hashlib.sha256(v.canonical_json([sheet]).encode()).hexdigest().upper()
    raw = "00FD28D8" + digest[:8]
    assert v.make_code([sheet]) == "ZS-" + "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def test_hash_ignores_key_order_and_the_label_but_not_content():
    a = _sheet(scores={"a": 35, "b": 40}, label="甲")
    b = _sheet(scores={"b": 40, "a": 35}, label="乙")
    assert v.make_code([a]) == v.make_code([b])
    assert v.make_code([a]) != v.make_code([_sheet(scores={"a": 36, "b": 40})])
    assert v.make_code([a]) != v.make_code([_sheet(remarks="好。")])


@pytest.mark.parametrize("typed", ["ZS-00FD-28D8-1A2B-3C4D", "zs 00fd 28d8 1a2b 3c4d", "00FD28D81A2B3C4D",
                                   "ＺＳ－００ＦＤ－２８Ｄ８－１Ａ２Ｂ－３Ｃ４Ｄ"])
def test_parse_accepts_codes_as_people_type_them(typed):
    parsed = v.parse_code(typed)
    assert (parsed.ref, parsed.hash, parsed.code) == ("00FD28D8", "1A2B3C4D", "ZS-00FD-28D8-1A2B-3C4D")


@pytest.mark.parametrize("typed", ["", "ZS-00FD", "ZS-00FD-28D8-1A2B-3C4G", "XY-00FD-28D8-1A2B-3C4D"])
def test_parse_refuses_what_is_not_a_code(typed):
    with pytest.raises(v.CodeRefused):
        v.parse_code(typed)


def test_a_refused_code_says_why_in_either_language():
    with pytest.raises(v.CodeRefused) as info:
        v.parse_code("hello")
    assert info.value.code == "printing.code.invalid"
    assert str(info.value) == "“hello”不是核验码：应为 ZS 加 16 位十六进制字符，例如 ZS-1A2B-3C4D-5E6F-7A8B"
    assert info.value.message("en") == ("“hello” is not a verification code: it is ZS and 16 hexadecimal digits, "
                                        "for example ZS-1A2B-3C4D-5E6F-7A8B")
    with pytest.raises(v.CodeRefused) as info:
        v.parse_code("  ")
    assert (info.value.code, str(info.value)) == ("printing.code.empty", "请输入核验码（例如 ZS-1A2B-3C4D-5E6F-7A8B）")
    with pytest.raises(v.CodeRefused) as info:
        v.make_code([])
    assert (info.value.code, str(info.value)) == ("printing.code.no_sheets", "没有评审表，无法生成核验码")
    with pytest.raises(v.CodeRefused) as info:
        v.make_code([_sheet(uid="not-hex-at-all")])
    assert (info.value.code, str(info.value)) == ("printing.code.bad_uid", "评审表编号 'not-hex-at-all' 不是十六进制 uid")


def test_compare_names_each_changed_item_with_old_and_new():
    printed = [_sheet()]
    now = [_sheet(scores={"a": 35, "b": 25, "c": 10}, remarks="好")]
    changes = v.compare(printed, now)
    assert [(c.key, c.old, c.new) for c in changes] == [("b", "4", "2.5"), ("c", None, "1")]


def test_compare_notices_a_sheet_that_is_gone_and_the_json_round_trip():
    other = _sheet(uid="11111111-0000-4000-8000-000000000000")
    printed = v.from_json(v.to_json([_sheet(), other]))
    assert printed[0] == _sheet()
    changes = v.compare(printed, [_sheet()])
    assert [(c.sheet_uid, c.key, c.new) for c in changes] == [(other.uid, "sheet", None)]
