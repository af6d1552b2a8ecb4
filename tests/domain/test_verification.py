"""Verification codes: what they cover, their check character, parsing what people type, comparing."""

from __future__ import annotations

import hashlib
import json

import pytest

from zeshi_desktop.domain import verification as v

UID = "00fd28d8-434f-4aa1-9b6e-0123456789ab"
NAMES = {"year": "2025", "name:district": "东城区", "name:unit": "东华门街道", "name:planner": "尹芳团队"}


def _sheet(**changes) -> v.SheetContent:
    base = dict(uid=UID, form_id="3-1", form_version=1, subject={"unit": "U01", "planner": "P01"},
                scores={"a": 35, "b": 40}, answers={"header:office": "东华门街道办事处"}, remarks="好", label="东华门",
                printed=NAMES)
    base.update(changes)
    return v.SheetContent(**base)


def _body(code: str) -> str:
    return code.removeprefix("ZS-").replace("-", "")


def test_a_code_is_annex_uid_hash_and_check_character():
    code = v.make_code([_sheet()])
    body = _body(code)
    assert len(body) == v.LENGTH == 15 and code == f"ZS-{body[:5]}-{body[5:10]}-{body[10:]}"
    assert body[0] == v.FORM_MARKS["3-1"] and body[1:7] == v.ref_of(UID)
    digest = int(hashlib.sha256(v.canonical_json([_sheet()]).encode()).hexdigest()[:9], 16) >> 1
    assert body[7:14] == "".join(v.ALPHABET[(digest >> 5 * (6 - i)) & 31] for i in range(7))
    assert body[14] == v.check_character(body[:14])
    assert set(body) <= set(v.ALPHABET) and not set(body) & set("ILOU")


def test_hash_ignores_key_order_and_the_label_but_not_content_nor_names():
    a = _sheet(scores={"a": 35, "b": 40}, label="甲")
    b = _sheet(scores={"b": 40, "a": 35}, label="乙")
    assert v.make_code([a]) == v.make_code([b])
    assert v.make_code([a]) != v.make_code([_sheet(scores={"a": 36, "b": 40})])
    assert v.make_code([a]) != v.make_code([_sheet(remarks="好。")])
    renamed = _sheet(printed=NAMES | {"name:unit": "东华门街道（新）"})
    assert v.make_code([a]) != v.make_code([renamed])
    assert v.make_code([a]) != v.make_code([_sheet(printed=NAMES | {"name:planner": "张㛃䶮"})])


@pytest.mark.parametrize("content", [_sheet(), _sheet(uid="ffffffff-0000-4000-8000-000000000000", form_id="5-1"),
                                     _sheet(form_id="3-3", remarks="")])
def test_one_wrong_character_or_two_neighbours_swapped_is_never_a_valid_code(content):
    """Damm's algorithm: every single substitution and every adjacent transposition changes the check."""
    body = _body(v.make_code([content]))
    assert v.parse_code(body).code == v.make_code([content])
    for i in range(len(body)):
        for other in v.ALPHABET:
            if other != body[i]:
                with pytest.raises(v.CodeRefused) as info:
                    v.parse_code(body[:i] + other + body[i + 1:])
                assert info.value.code == "printing.code.not_recognised"
    for i in range(len(body) - 1):
        if body[i] != body[i + 1]:
            with pytest.raises(v.CodeRefused):
                v.parse_code(body[:i] + body[i + 1] + body[i] + body[i + 2:])


def test_the_check_holds_for_many_codes():
    """Not only the three above: 300 codes, every transposition of neighbours refused."""
    for n in range(300):
        body = _body(v.make_code([_sheet(uid=f"{n * 7919:08x}-0000", remarks=str(n))]))
        for i in range(len(body) - 1):
            swapped = body[:i] + body[i + 1] + body[i] + body[i + 2:]
            assert swapped == body or v._damm(swapped) != 0


@pytest.mark.parametrize("typed", ["{code}", "{lower}", "{spaced}", "{bare}", "{wide}", "{confusable}"])
def test_parse_accepts_codes_as_people_type_them(typed):
    code = v.make_code([_sheet()])
    body = _body(code)
    variants = {"code": code, "lower": code.lower(), "spaced": " ".join(body[i:i + 3] for i in range(0, 15, 3)),
                "bare": body, "wide": "".join(chr(ord(c) + 0xFEE0) if c != "-" else "－" for c in code),
                "confusable": body.replace("0", "O").replace("1", "I")}
    parsed = v.parse_code(typed.format(**variants))
    assert (parsed.code, parsed.form_id, parsed.legacy) == (code, "3-1", False)
    assert parsed.names(UID) and not parsed.names("11111111-0000")
    assert UID.replace("-", "").startswith(parsed.uid_prefix())


def test_a_code_printed_before_the_check_character_is_still_read():
    """ZS-XXXX-XXXX-XXXX-XXXX: 8 hex of the uid and 8 of the hash of what it covered (no names)."""
    sheet = _sheet()
    old = {k: val for k, val in sheet.canonical().items() if k != "printed"}
    digest = hashlib.sha256(json.dumps([old], ensure_ascii=False, sort_keys=True,
                                       separators=(",", ":")).encode()).hexdigest().upper()
    legacy = "ZS-00FD-28D8-" + digest[:4] + "-" + digest[4:8]
    assert v.legacy_code([sheet]) == legacy
    parsed = v.parse_code(legacy.lower())
    assert parsed.legacy and parsed.form_id is None and parsed.code == legacy and parsed.uid_prefix() == "00fd28d8"
    assert v.legacy_code([_sheet(printed=NAMES | {"name:unit": "改名"})]) == legacy   # names were not covered


@pytest.mark.parametrize("typed", ["", "ZS-00FD", "XY-00FD-28D8-1A2B-3C4D", "hello", "ZS-103YJ-HPXTE-HX5W"])
def test_parse_refuses_what_is_not_a_code(typed):
    with pytest.raises(v.CodeRefused):
        v.parse_code(typed)


def test_a_refused_code_says_why_in_either_language():
    with pytest.raises(v.CodeRefused) as info:
        v.parse_code("hello")
    assert info.value.code == "printing.code.invalid"
    assert str(info.value) == f"“hello”不是核验码：应为 ZS 加 15 位字母或数字，例如 {v.EXAMPLE}"
    assert info.value.message("en") == ('"hello" is not a verification code: it is ZS and 15 letters or digits, '
                                        f"for example {v.EXAMPLE}")
    body = _body(v.make_code([_sheet()]))
    typo = body[:3] + ("Z" if body[3] != "Z" else "Y") + body[4:]
    with pytest.raises(v.CodeRefused) as info:
        v.parse_code(typo)
    assert info.value.code == "printing.code.not_recognised"
    assert str(info.value).startswith(f"核验码“{typo}”无法识别——请逐个核对字符")
    assert info.value.message("en").startswith(f'Code "{typo}" not recognised — check the characters')
    with pytest.raises(v.CodeRefused) as info:
        v.parse_code("  ")
    assert (info.value.code, str(info.value)) == ("printing.code.empty", f"请输入核验码（例如 {v.EXAMPLE}）")
    with pytest.raises(v.CodeRefused) as info:
        v.make_code([])
    assert (info.value.code, str(info.value)) == ("printing.code.no_sheets", "没有评审表，无法生成核验码")
    with pytest.raises(v.CodeRefused) as info:
        v.make_code([_sheet(uid="not-hex-at-all")])
    assert (info.value.code, str(info.value)) == ("printing.code.bad_uid", "评审表编号 'not-hex-at-all' 不是十六进制 uid")


def test_compare_names_each_changed_item_and_name_with_old_and_new():
    printed = [_sheet()]
    now = [_sheet(scores={"a": 35, "b": 25, "c": 10}, remarks="好", printed=NAMES | {"name:unit": "新名"})]
    changes = v.compare(printed, now)
    assert [(c.key, c.old, c.new) for c in changes] == [("b", "4", "2.5"), ("c", None, "1"),
                                                        ("name:unit", "东华门街道", "新名")]


def test_content_stored_before_names_were_covered_is_compared_on_what_it_covered():
    stored = json.loads(v.to_json([_sheet()]))
    del stored[0]["printed"]
    [old] = v.from_json(json.dumps(stored))
    assert old.legacy and old.printed == {}
    assert v.compare([old], [_sheet(printed=NAMES | {"name:unit": "新名"})]) == []


def test_compare_notices_a_sheet_that_is_gone_and_the_json_round_trip():
    other = _sheet(uid="11111111-0000-4000-8000-000000000000")
    printed = v.from_json(v.to_json([_sheet(), other]))
    assert printed[0] == _sheet()
    changes = v.compare(printed, [_sheet()])
    assert [(c.sheet_uid, c.key, c.new) for c in changes] == [(other.uid, "sheet", None)]


def test_the_result_file_content_names_each_row_by_unit_and_planner():
    rows = [("1", "东华门街道", "尹芳团队", "25.5", "56", "81.5"), ("", "景山街道", "", "", "", "")]
    content = v.ranking_content(UID, 1, 2025, "DC", "东城区", {"street_weight": "30%"}, rows)
    assert content.form_id == "3-3" and content.subject == {"district": "DC"}
    assert content.printed["row:东华门街道（尹芳团队）"] == "1 | 25.5 | 56 | 81.5"
    assert content.printed["row:景山街道"] == "— |  |  | "
    assert content.printed["weight:street_weight"] == "30%" and content.printed["year"] == "2025"
    assert v.make_code([content]).startswith("ZS-3")
