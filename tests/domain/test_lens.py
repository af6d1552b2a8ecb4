"""The reviewer lens on hand-made panels: offsets, z-scores, and a what-if ranking that ignores a uniform bias."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from zeshi_desktop.domain.lens import (
    LensDistrict,
    LensUnit,
    district_lens,
    normalised,
    reviewers_lens,
    unit_lens,
)
from zeshi_desktop.domain.ranking import Weights
from zeshi_desktop.services import catalogue

BASE = {"u1": (D(88), D(84), D(86)), "u2": (D(70), D(78), D(74)), "u3": (D(80), D(72), D(79)),
        "u4": (D(60), D(66), D(63))}     # three reviewers r1..r3 who agree roughly; each sum divides by 3
STREET = {"u1": D(100), "u2": D(110), "u3": D(90), "u4": D(105)}


def _units(bias: D = D(0), with_r4: bool = True) -> list[LensUnit[str, str]]:
    """r4 gives every unit the mean of r1..r3 plus ``bias``."""
    out = []
    for key, (a, b, c) in BASE.items():
        totals = [("r1", a), ("r2", b), ("r3", c)]
        if with_r4:
            totals.append(("r4", (a + b + c) / 3 + bias))
        out.append(LensUnit(key, key, "p-" + key, STREET[key], tuple(totals)))
    return out


def _ranks(lens) -> dict[str, int | None]:
    return {s.key: s.what_if_rank for s in lens.ranking}


def test_a_reviewer_who_gives_everyone_five_more_shows_an_offset_of_five() -> None:
    lens = unit_lens(_units(D(5)), Weights(D(40), D(60)), catalogue.form("3-3"))
    r4 = next(r for r in lens.reviewers if r.reviewer == "r4")
    assert r4.offset == D(5)            # own − the others' mean on every unit: exactly 5
    assert r4.leaning == "lenient" and r4.subjects == 4
    assert lens.reviewers[-1].reviewer == "r4"    # strictest first: the lenient one last


def test_that_bias_leaves_the_what_if_ranking_as_it_is_without_it() -> None:
    weights, form = Weights(D(40), D(60)), catalogue.form("3-3")
    biased = unit_lens(_units(D(5)), weights, form)
    fair = unit_lens(_units(D(0)), weights, form)
    assert _ranks(biased) == _ranks(fair)
    # the z-scores of the biased reviewer are those of the fair one: adding 5 moves the mean, not the order
    z_biased = next(r for r in biased.reviewers if r.reviewer == "r4").z
    z_fair = next(r for r in fair.reviewers if r.reviewer == "r4").z
    assert z_biased.keys() == z_fair.keys()
    assert all(abs(z_biased[k] - z_fair[k]) < D("1e-30") for k in z_fair)


def test_z_scores_are_within_each_reviewers_own_totals() -> None:
    per = {"a": [("r", D(70))], "b": [("r", D(80))], "c": [("r", D(90))]}
    (lens,) = reviewers_lens(per)
    # mean 80, population std sqrt(200/3) = 8.1649658...
    assert lens.mean == D(80)
    assert abs(lens.std - D("8.16496580927726")) < D("1e-12")
    assert lens.z["b"] == 0
    assert abs(lens.z["a"] + D("1.22474487139159")) < D("1e-12")
    assert lens.offset is None        # nobody else scored: no offset


def test_a_reviewer_whose_totals_do_not_vary_has_no_z_and_counts_as_the_scale_mean() -> None:
    per = {"a": [("flat", D(80)), ("r", D(70))], "b": [("flat", D(80)), ("r", D(90))]}
    norm, g, s = normalised(per)
    flat = next(r for r in reviewers_lens(per) if r.reviewer == "flat")
    assert flat.z == {"a": None, "b": None}
    assert g == D(80) and s == D(10)           # means 80 and 80; the one non-zero std is 10
    assert dict(norm["a"])["flat"] == D(80) and dict(norm["a"])["r"] == D(70)


def test_the_official_column_is_the_official_rule() -> None:
    units = _units(D(5))
    lens = unit_lens(units, Weights(D(40), D(60)), catalogue.form("3-3"))
    first = next(s for s in lens.ranking if s.key == "u1")
    totals = [t for _, t in units[0].totals]
    mean = sum(totals) / 4
    assert abs(first.official_score - (D(100) * D("0.4") + mean * D("0.6"))) < D("1e-30")


def test_what_if_marks_a_rank_that_a_strict_reviewer_changed() -> None:
    # r3 gives everyone 20 less and recused from u2: officially u2 leads u1, in the lens u1 leads
    per_unit = [LensUnit("u1", "u1", "p", D(100), (("r1", D(90)), ("r2", D(90)), ("r3", D(70)))),
                LensUnit("u2", "u2", "p", D(100), (("r1", D(86)), ("r2", D(86)))),
                LensUnit("u3", "u3", "p", D(100), (("r1", D(70)), ("r2", D(70)), ("r3", D(50)))),
                LensUnit("u4", "u4", "p", D(100), (("r3", D(40)), ("r1", D(60)), ("r2", D(60))))]
    lens = unit_lens(per_unit, Weights(D(40), D(60)), catalogue.form("3-3"))
    by = {s.key: s for s in lens.ranking}
    assert (by["u2"].official_rank, by["u1"].official_rank) == (1, 2)
    assert (by["u1"].what_if_rank, by["u2"].what_if_rank) == (1, 2)
    assert by["u1"].moved == 1 and by["u2"].moved == -1 and lens.changed == 2


def test_the_city_lens_ranks_districts_by_the_same_rules() -> None:
    districts = [LensDistrict(k, k, "c", D(80), True, tuple((f"r{i}", v + (5 if i == 2 else 0))
                                                            for i, v in enumerate(vals)))
                 for k, vals in {"A": (D(90), D(85), D(88)), "B": (D(70), D(75), D(72)),
                                 "C": (D(80), D(79), D(83))}.items()]
    lens = district_lens(districts, catalogue.form("4-3"), catalogue.form("4-2"))
    assert [s.key for s in lens.ranking] == ["A", "C", "B"]
    assert [s.what_if_rank for s in lens.ranking] == [1, 2, 3]
    r2 = next(r for r in lens.reviewers if r.reviewer == "r2")
    assert r2.offset is not None and r2.offset > 0


totals_strategy = st.lists(st.integers(min_value=300, max_value=900), min_size=4, max_size=4)


@settings(max_examples=60, deadline=None)
@given(st.lists(totals_strategy, min_size=3, max_size=3, unique_by=lambda t: t[0]),
       st.integers(min_value=-80, max_value=80))
def test_a_uniform_shift_of_one_reviewer_never_changes_the_what_if_ranking(panel, shift) -> None:
    """Hypothesis: whatever the panel, adding the same tenths to all of one reviewer's totals moves no rank."""
    def units(offset: int) -> list[LensUnit[str, str]]:
        return [LensUnit(f"u{i}", f"u{i}", "p", D(100), tuple(
            (f"r{j}", D(panel[j][i] + (offset if j == 0 else 0)) / 10) for j in range(3))) for i in range(4)]
    weights, form = Weights(D(40), D(60)), catalogue.form("3-3")
    assert _ranks(unit_lens(units(shift), weights, form)) == _ranks(unit_lens(units(0), weights, form))
