"""The panel analysis on hand-made cases; every expected figure is worked out by hand below."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from zeshi_desktop.domain.analysis import (
    UnitReviews,
    item_shares,
    progress,
    reviewer_offsets,
    spread,
    spreads,
    trimmed_impact,
)
from zeshi_desktop.domain.ranking import Weights


def test_outlier_reviewer_is_flagged_and_spread_figures() -> None:
    totals = [("r1", D(80)), ("r2", D(82)), ("r3", D(78)), ("r4", D(81)), ("r5", D(60))]
    s = spread("unit", totals)
    assert s is not None
    # r5 against the others: (80+82+78+81)/4 = 80.25, 20.25 away > 10.
    assert [o.reviewer for o in s.outliers] == ["r5"]
    assert s.outliers[0].others_mean == D("80.25")
    assert s.outliers[0].distance == D("-20.25")
    # r1 is 80 - (82+78+81+60)/4 = 4.75 away: not flagged.
    assert (s.min, s.max, s.mean) == (D(60), D(82), D("76.2"))
    # squared deviations 14.44+33.64+3.24+23.04+262.44 = 336.8; /5 = 67.36; sqrt = 8.2073138...
    assert abs(s.std - D("8.2073138")) < D("0.0000001")
    assert s.range == D(22)


def test_exactly_the_distance_is_not_an_outlier_and_distance_is_configurable() -> None:
    totals = [("a", D(70)), ("b", D(80)), ("c", D(80))]   # a: 70 vs 80 = exactly 10
    s = spread("x", totals)
    assert s is not None and s.outliers == ()
    tight = spread("x", totals, distance=D("9.9"))
    assert tight is not None and [o.reviewer for o in tight.outliers] == ["a"]
    with pytest.raises(ValueError):
        spread("x", totals, distance=D(-1))


def test_single_reviewer_has_no_outlier_and_empty_subject_is_skipped() -> None:
    assert spread("x", []) is None
    one = spread("x", [("a", D(50))])
    assert one is not None and one.outliers == () and one.std == 0
    assert [s.subject for s in spreads({"x": [], "y": [("a", D(1))]})] == ["y"]


def test_strict_reviewer_has_negative_offset() -> None:
    per_subject = {
        "S1": [("a", D(80)), ("b", D(84)), ("c", D(70))],
        "S2": [("a", D(60)), ("b", D(66)), ("c", D(54))],
    }
    offsets = {o.reviewer: o for o in reviewer_offsets(per_subject)}
    # c: 70-(80+84)/2 = -12 ; 54-(60+66)/2 = -9 ; mean -10.5
    assert offsets["c"].offset == D("-10.5") and offsets["c"].leaning == "strict"
    # b: 84-75 = 9 ; 66-57 = 9
    assert offsets["b"].offset == D(9) and offsets["b"].leaning == "lenient"
    # a: 80-77 = 3 ; 60-60 = 0 ; mean 1.5, within the tolerance of 2
    assert offsets["a"].offset == D("1.5") and offsets["a"].leaning == "in_line"
    assert offsets["c"].outliers == 1 and offsets["b"].outliers == 0   # |-12| > 10, |-9| is not
    assert offsets["c"].subjects == 2
    assert [o.reviewer for o in reviewer_offsets(per_subject)] == ["c", "a", "b"]   # strictest first


def test_item_shares(forms) -> None:
    form = forms["3-2"]
    first, second = form.items[0], form.items[1]   # 5 and 15 points in the seed
    assert (first.max, second.max) == (D(5), D(15))
    scores = [(first.id, D(5)), (first.id, D(4)), (first.id, D(3)), (second.id, D(15)), (second.id, D(12))]
    shares = {s.item_id: s for s in item_shares(form, scores)}
    assert shares[first.id].mean == D(4) and shares[first.id].share == D("0.8") and shares[first.id].count == 3
    assert shares[second.id].share == D("0.9")                       # 13.5 / 15
    assert shares[form.items[2].id].mean is None and shares[form.items[2].id].count == 0
    assert [s.item_id for s in item_shares(form, [])] == [i.id for i in form.items]
    with pytest.raises(KeyError):
        item_shares(form, [("no_such_item", D(1))])


def test_trimmed_mean_rank_impact(forms) -> None:
    units = [
        # mean 80 -> 40 + 48 = 88 ; trimmed (90,90,90) -> 40 + 54 = 94
        UnitReviews("U1", "一", "p1", D(100), (D(90), D(90), D(90), D(90), D(40))),
        # 85 either way -> 40 + 51 = 91
        UnitReviews("U2", "二", "p2", D(100), (D(85),) * 5),
        # 70 either way -> 36 + 42 = 78
        UnitReviews("U3", "三", "p3", D(90), (D(70),) * 5),
        # three reviewers: no trim, 70 -> 32 + 42 = 74
        UnitReviews("U4", "四", "p4", D(80), (D(60), D(70), D(80))),
    ]
    impact = trimmed_impact(units, Weights(D(40), D(60)), forms["3-3"])
    rows = {r.key: r for r in impact.rows}
    assert [r.key for r in impact.rows] == ["U2", "U1", "U3", "U4"]     # order under the mean
    assert (rows["U1"].rank_mean, rows["U1"].rank_trimmed, rows["U1"].moved) == (2, 1, 1)
    assert (rows["U2"].rank_mean, rows["U2"].rank_trimmed, rows["U2"].moved) == (1, 2, -1)
    assert (rows["U1"].total_mean, rows["U1"].total_trimmed) == (D(88), D(94))
    assert rows["U3"].moved == 0 and rows["U4"].rank_trimmed == 4
    assert impact.changed == 2 and impact.trimmable == 3 and impact.max_move == 1


def test_missing_and_draft_sheets_per_group() -> None:
    expected = [("office A", "s1"), ("office A", "s2"), ("office B", "s3"), ("office B", "s4")]
    got = {p.group: p for p in progress(expected, {"s1": "final", "s3": "draft", "s4": "final"})}
    assert (got["office A"].expected, got["office A"].final, got["office A"].draft, got["office A"].missing) == (2, 1, 0, 1)
    assert (got["office B"].final, got["office B"].draft, got["office B"].missing, got["office B"].waiting) == (1, 1, 0, 1)
