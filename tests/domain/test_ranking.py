"""3-3 weights, the combination, ties (1, 2, 2, 4), aggregation, the city's contract rule."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zeshi_desktop.domain.aggregation import final_score, mean, trimmed_mean
from zeshi_desktop.domain.forms import Form, Label
from zeshi_desktop.domain.ranking import (
    DistrictScores,
    UnitScores,
    Weights,
    WeightsRefused,
    check_weights,
    competition_ranks,
    rank_districts,
    rank_units,
)
from zeshi_desktop.messages import Refused


@pytest.fixture
def rule(forms):
    return forms["3-3"].weights


@pytest.mark.parametrize("street, district", [("15", "85"), ("50", "40"), ("85", "15"), ("19.9", "80.1"),
                                              ("40.55", "59.45"), ("abc", "60"), ("60", "60")])
def test_weights_refused(rule, street, district):
    with pytest.raises(WeightsRefused):
        check_weights(rule, street, district)


@pytest.mark.parametrize("street, district", [("20", "80"), ("80", "20"), ("40.5", "59.5"), ("５０", "50%")])
def test_weights_accepted(rule, street, district):
    w = check_weights(rule, street, district)
    assert w.street + w.district == 100


def test_weight_refusal_names_the_rule(rule):
    with pytest.raises(WeightsRefused, match="低于20%"):
        check_weights(rule, "15", "85")
    with pytest.raises(WeightsRefused, match="应为 100%"):
        check_weights(rule, "50", "40")


@pytest.mark.parametrize("street, district, code, zh, en", [
    ("15", "85", "meeting.weights.below_minimum", "责任片区行政主体评分权重 15% 低于20%",
     "Office review weight 15% is below 20%"),
    ("50", "40", "meeting.weights.wrong_sum", "两项权重之和为 90%，应为 100%",
     "The two weights add up to 90%; they must add up to 100%"),
    ("40", "abc", "meeting.weights.not_a_number", "区级评审组评分权重“abc”不是数字",
     'Review group weight "abc" is not a number'),
    ("40.55", "59.45", "meeting.weights.too_many_decimals",
     "责任片区行政主体评分权重 40.55% 最多保留1位小数", "Office review weight 40.55%: at most 1 decimal place(s)"),
])
def test_weight_refusal_has_a_code_and_both_languages(rule, street, district, code, zh, en):
    """A refusal like every other (``Refused``): decided by code, worded in the language asked."""
    with pytest.raises(Refused) as caught:
        check_weights(rule, street, district)
    assert isinstance(caught.value, WeightsRefused) and caught.value.code == code
    assert caught.value.message("zh") == str(caught.value) == zh
    assert caught.value.message("en") == en


def test_combination_is_literal_with_bonus(forms):
    """Decision 3: the 3-1 total including the bonus (up to 125) times the street weight."""
    rows = rank_units([UnitScores(1, "甲", "张", D(125), D(100))], Weights(D(40), D(60)), forms["3-3"])
    row = rows[0]
    assert row.street_weighted == D(50) and row.district_weighted == D(60) and row.total == D(110)
    assert row.rank == 1 and row.band.label.zh == "优秀"


def test_ties_broken_by_district_then_street_then_shared(forms):
    w = Weights(D(50), D(50))
    rows = rank_units([
        UnitScores("a", "甲", "", D(90), D(70)),   # total 80, district 35
        UnitScores("b", "乙", "", D(70), D(90)),   # total 80, district 45 -> ahead of a
        UnitScores("c", "丙", "", D(80), D(80)),   # total 80, district 40
        UnitScores("d", "丁", "", D(100), D(100)),  # total 100
        UnitScores("e", "戊", "", D(80), D(80)),   # identical to c -> shares rank
        UnitScores("f", "己", "", D(60), D(60)),
    ], w, forms["3-3"])
    assert [(r.rank, r.key) for r in rows] == [(1, "d"), (2, "b"), (3, "c"), (3, "e"), (5, "a"), (6, "f")]


def test_equal_on_all_three_share_rank_1_2_2_4(forms):
    w = Weights(D(40), D(60))
    rows = rank_units([UnitScores(k, k, "", s, g) for k, s, g in (
        ("a", D(100), D(90)), ("b", D(90), D(80)), ("c", D(90), D(80)), ("d", D(80), D(70)))], w, forms["3-3"])
    assert [r.rank for r in rows] == [1, 2, 2, 4]


def test_incomplete_rows_listed_after_ranked_ones(forms):
    rows = rank_units([UnitScores("x", "乙", "", None, D(90)), UnitScores("y", "甲", "", D(80), D(80))],
                      Weights(D(40), D(60)), forms["3-3"])
    assert [(r.key, r.rank) for r in rows] == [("y", 1), ("x", None)]
    assert rows[1].total is None and rows[1].district_weighted == D(54)


def test_mean_and_trimmed_mean_over_five():
    totals = [D(70), D(80), D(82), D(84), D(99)]
    assert mean(totals) == D(83)
    assert trimmed_mean(totals) == D(82)  # drops 70 and 99
    assert final_score(totals, trimmed=True) == D(82)
    assert trimmed_mean(totals[:4]) == mean(totals[:4])  # fewer than five: plain mean
    assert final_score([], trimmed=False) is None


def test_mean_of_thirds_is_stable():
    assert mean([D(85), D(85), D(86)]) == mean([D(85), D(86), D(85)])
    assert round(mean([D(85), D(85), D(86)]), 2) == D("85.33")


def test_competition_ranks_generic():
    ranked = competition_ranks([3, 5, 5, 1], key=lambda x: (x,))
    assert ranked == [(1, 5), (1, 5), (3, 3), (4, 1)]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1250), st.integers(0, 1000)), min_size=1, max_size=30))
def test_ranking_is_ordered_and_ranks_are_competition_ranks(forms, pairs):
    rows = rank_units([UnitScores(i, str(i), "", D(s) / 10, D(g) / 10) for i, (s, g) in enumerate(pairs)],
                      Weights(D(40), D(60)), forms["3-3"])
    totals = [r.total for r in rows]
    assert totals == sorted(totals, reverse=True)
    for r in rows:  # rank = 1 + number of rows strictly ahead on (total, district, street)
        ahead = sum(1 for o in rows if (o.total, o.district_weighted, o.street_weighted) >
                    (r.total, r.district_weighted, r.street_weighted))
        assert r.rank == 1 + ahead


def test_unsigned_contracts_rule_out_excellent_district(forms):
    rows = rank_districts([
        DistrictScores(1, "甲区", "中心城区", D(95), D(90), False),
        DistrictScores(2, "乙区", "中心城区", D(85), D(88), True),
        DistrictScores(3, "丙区", "中心城区", D(70), D(80), True),
    ], forms["4-3"], forms["4-2"])
    first = rows[0]
    assert first.district == "甲区" and first.rank == 1 and first.city_score == 95
    assert first.band.label.zh == "优秀"
    assert not first.eligible_excellent and first.blocked_by_contracts
    assert rows[1].eligible_excellent and not rows[1].blocked_by_contracts
    assert not rows[2].eligible_excellent and not rows[2].blocked_by_contracts  # 合格, nothing to block


def _relabelled(form: Form, labels: dict[str, str]) -> Form:
    """``form`` with its bands renamed (ids kept), as another year's annex might word them."""
    bands = tuple(replace(b, label=Label(labels[b.id], b.id)) for b in form.bands)
    rule = form.contract_rule
    return replace(form, bands=bands,
                   contract_rule=replace(rule, excluded=next(b for b in bands if b.id == rule.excluded.id))
                   if rule is not None else None)


def test_the_contract_rule_follows_the_form_not_a_label(forms):
    """The excluded band is data (forms/4-2.toml): renamed bands still obey the rule, decided by band id."""
    labels = {"excellent": "甲等", "pass": "乙等", "fail": "丙等"}
    city, own = _relabelled(forms["4-3"], labels), _relabelled(forms["4-2"], labels)
    rows = rank_districts([DistrictScores(1, "甲区", "中心城区", D(95), D(90), False),
                           DistrictScores(2, "乙区", "中心城区", D(85), D(88), True),
                           DistrictScores(3, "丙区", "中心城区", D(70), D(80), False)], city, own)
    assert [r.band.label.zh for r in rows] == ["甲等", "甲等", "乙等"]
    assert rows[0].blocked_by_contracts and not rows[0].eligible_excellent
    assert rows[1].eligible_excellent and not rows[1].blocked_by_contracts
    assert not rows[2].blocked_by_contracts                  # 乙等: not the band the rule rules out
    # a rule that rules out the second band instead: the top band is open to every district
    second = replace(own, contract_rule=replace(own.contract_rule, excluded=own.band("pass")))
    rows = rank_districts([DistrictScores(1, "甲区", "", D(95), D(90), False),
                           DistrictScores(3, "丙区", "", D(70), D(80), False)], city, second)
    assert not rows[0].blocked_by_contracts and rows[1].blocked_by_contracts
    # without a contract rule nothing is blocked and nobody is eligible
    rows = rank_districts([DistrictScores(1, "甲区", "", D(95), D(90), False)], city,
                          replace(own, contract_rule=None))
    assert not rows[0].blocked_by_contracts and not rows[0].eligible_excellent


def test_city_ties_broken_by_self_assessment(forms):
    rows = rank_districts([DistrictScores(1, "甲", "", D(85), D(70), True),
                           DistrictScores(2, "乙", "", D(85), D(90), True),
                           DistrictScores(3, "丙", "", None, D(90), True)], forms["4-3"], forms["4-2"])
    assert [(r.district, r.rank) for r in rows] == [("乙", 1), ("甲", 2), ("丙", None)]
