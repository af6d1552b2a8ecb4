"""Item scores: exact boundaries, refusals naming the item, Decimal sums, bands."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zeshi_desktop.domain.scores import (
    ScoreRefused,
    display,
    from_tenths,
    item_name,
    parse_score,
    short_en,
    tenths_text,
    to_tenths,
)
from zeshi_desktop.domain.sheet import totals
from zeshi_desktop.messages import Refused

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def ten(forms):
    return forms["3-1"].item("planning_coordination")  # 10 points: 助力规划统筹…


@pytest.mark.parametrize("raw, code", [
    ("11", "above_max"), ("10.1", "above_max"), ("-1", "negative"), ("1.25", "too_many_decimals"),
    ("abc", "not_a_number"), ("9O", "not_a_number"), ("", "empty"), ("  ", "empty"), ("1e1", "not_a_number"),
    ("NaN", "not_a_number"), (1.5, "not_a_number"), (True, "not_a_number"), ("１１", "above_max"),
])
def test_refused_values_name_item_and_reason(ten, raw, code):
    with pytest.raises(ScoreRefused) as info:
        parse_score(ten, raw)
    err = info.value
    assert isinstance(err, Refused) and isinstance(err, ValueError)
    assert err.reason == code and err.code == f"scoring.score.{code}"
    assert err.item_id == "planning_coordination" and err.item_text == "助力规划统筹" and err.maximum == 10
    assert "助力规划统筹" in err.message("zh")
    english = err.message("en")
    assert "Supports planning coordination" in english and not HAN.search(english)
    assert "max 10" in english  # the maximum is named


def test_above_max_message_reads_like_the_issue(ten):
    with pytest.raises(ScoreRefused) as info:
        parse_score(ten, "11")
    err = info.value
    assert err.message("zh") == str(err) == "11 超过单项满分 10 (助力规划统筹)"
    assert err.raw == "11" and err.params["raw"] == "11" and err.params["maximum"] == 10
    assert err.message("en") == ("11 is above the item's maximum 10 "
                                 "(Supports planning coordination and the delivery of…, max 10)")


def test_each_reason_keeps_its_chinese_text(ten):
    expected = {"abc": "“abc”不是数字 (助力规划统筹)", "-1": "-1 不能为负数 (助力规划统筹)",
                "1.25": "1.25 最多保留一位小数 (助力规划统筹)", " ": "不能为空 (助力规划统筹)"}
    for raw, text in expected.items():
        with pytest.raises(ScoreRefused) as info:
            parse_score(ten, raw)
        assert info.value.message("zh") == text


def test_item_name_is_the_short_phrase_in_either_language(forms):
    item = forms["3-1"].item("planning_coordination")
    assert item_name(item).zh == item.short == "助力规划统筹"
    assert short_en(item) == "Supports planning coordination and the delivery of…"


@pytest.mark.parametrize("raw, expected", [
    ("10", Decimal(10)), ("0", Decimal(0)), ("9.5", Decimal("9.5")), ("０．５", Decimal("0.5")),
    ("１０", Decimal(10)), (" 7 ", Decimal(7)), ("\u30008\u3000", Decimal(8)), (Decimal("9.9"), Decimal("9.9")),
    (4, Decimal(4)), ("9.50", Decimal("9.5")),
])
def test_accepted_values(ten, raw, expected):
    assert parse_score(ten, raw) == expected


def test_exact_maximum_accepted_and_a_tenth_above_refused(forms):
    for item in forms["3-2"].items:
        assert parse_score(item, str(item.max)) == item.max
        with pytest.raises(ScoreRefused):
            parse_score(item, str(item.max + Decimal("0.1")))


def test_tenths_sum_exactly(forms):
    form = forms["3-2"]
    scores = {item.id: Decimal("0.1") for item in form.items}
    assert totals(form, scores).total == Decimal("0.9")  # 0.1 * 9 as floats is 0.8999999999999999
    assert sum([0.1] * 9) != 0.9


@pytest.mark.parametrize("form_id, score, band", [
    ("3-1", "125", "优秀"), ("3-1", "100", "优秀"), ("3-1", "99.9", "合格"), ("3-1", "80", "合格"),
    ("3-1", "79.9", "不合格"), ("3-1", "0", "不合格"),
    ("3-2", "80", "优秀"), ("3-2", "79.9", "合格"), ("3-2", "60", "合格"), ("3-2", "59.9", "不合格"),
    ("4-2", "60", "合格"), ("4-3", "80", "优秀"), ("4-3", "59.9", "不合格"),
])
def test_band_boundaries(forms, form_id, score, band):
    assert forms[form_id].band_for(Decimal(score)).label.zh == band


def test_sheet_sums_by_section_and_part(forms):
    form = forms["3-1"]
    scores = {i.id: i.max for i in form.parts[0].items}  # full regular points, no bonus
    t = totals(form, scores)
    assert t.part_sums == {"regular": Decimal(100), "bonus": Decimal(0)}
    assert t.section_sums["planning"] == 40
    assert t.total == 100 and t.band.label.zh == "优秀"
    assert not t.complete and t.missing == 5


def _scores_for(form):
    return st.fixed_dictionaries({
        item.id: st.integers(min_value=0, max_value=int(item.max * 10)).map(lambda n: Decimal(n) / 10)
        for item in form.items})


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_total_always_equals_sum_of_items(forms, data):
    for form_id in ("3-1", "3-2", "4-2", "4-3"):
        form = forms[form_id]
        scores = data.draw(_scores_for(form))
        t = totals(form, scores)
        assert t.total == sum(scores.values(), Decimal(0))
        assert sum(t.part_sums.values()) == t.total == sum(t.section_sums.values())
        assert 0 <= t.total <= form.total


@settings(max_examples=300, deadline=None)
@given(a=st.integers(0, 1250), b=st.integers(0, 1250))
def test_bands_never_go_down_as_the_score_goes_up(forms, a, b):
    low, high = sorted((Decimal(a) / 10, Decimal(b) / 10))
    for form in (forms["3-1"], forms["3-2"]):
        rank = {band.label.zh: i for i, band in enumerate(reversed(form.bands))}
        assert rank[form.band_for(low).label.zh] <= rank[form.band_for(high).label.zh]


@given(st.integers(0, 10_000))
def test_tenths_round_trip(n):
    assert to_tenths(from_tenths(n)) == n


def test_display():
    assert display(Decimal("84.8333333")) == "84.83"
    assert display(Decimal("85.00")) == "85"
    assert display(Decimal("0.125")) == "0.13"


@given(st.integers(min_value=-10_000, max_value=10_000))
def test_tenths_text_is_the_display_of_the_stored_score(tenths: int) -> None:
    assert tenths_text(tenths) == display(from_tenths(tenths), 1)


def test_tenths_text_examples() -> None:
    assert [tenths_text(t) for t in (0, 5, 95, 100, 1005, -5)] == ["0", "0.5", "9.5", "10", "100.5", "-0.5"]
