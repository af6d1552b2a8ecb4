"""Two typings of one paper sheet, compared item by item; a third person's decision closes a difference."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from zeshi_desktop.domain.double_entry import Resolution, compare, open_differences

ITEMS = ("a", "b", "c")


def test_equal_entries_agree_and_blank_items_agree_too() -> None:
    found = compare(ITEMS, {"a": D("9.5"), "b": D(4)}, {"a": D("9.50"), "b": D(4)})
    assert [c.agree for c in found] == [True, True, True]
    assert open_differences(found) == []


def test_a_difference_is_open_until_resolved_to_the_value_the_sheet_holds() -> None:
    first, second = {"a": D(9), "b": D(4)}, {"a": D("9.5"), "b": D(4)}
    (a, _, _) = compare(ITEMS, first, second)
    assert a.open and (a.first, a.second) == (D(9), D("9.5"))
    decided = {"a": Resolution(D(9), "丙", "纸质表为9分")}
    (a, _, _) = compare(ITEMS, first, second, decided)
    assert a.resolved and not a.open
    moved = {"a": D(8), "b": D(4)}                      # the sheet changed after the decision: open again
    assert compare(ITEMS, moved, second, decided)[0].open


def test_an_item_missing_from_one_entry_differs() -> None:
    (a, b, _) = compare(ITEMS, {"a": D(1)}, {"b": D(2)})
    assert a.open and b.open and a.second is None and b.first is None


scores = st.dictionaries(st.sampled_from(ITEMS), st.integers(min_value=0, max_value=100).map(lambda t: D(t) / 10))


@given(scores, scores)
def test_open_differences_are_exactly_the_items_that_differ(first, second) -> None:
    """Hypothesis: an item is open iff the two entries hold different values for it."""
    found = compare(ITEMS, first, second)
    assert {c.item_id for c in open_differences(found)} == {i for i in ITEMS if first.get(i) != second.get(i)}
    assert open_differences(compare(ITEMS, first, dict(first))) == []
