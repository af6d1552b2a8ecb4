"""回避 in the domain: the reasons people type, the loose match of institutions, the suggestions, the mean left."""

from __future__ import annotations

from decimal import Decimal as D
from decimal import localcontext

from hypothesis import given
from hypothesis import strategies as st

from zeshi_desktop.domain.aggregation import final_score
from zeshi_desktop.domain.recusal import (
    ReviewerFacts,
    SubjectFacts,
    read_reason,
    same_organisation,
    short_panel,
    suggestions,
)


def test_reasons_by_id_by_words_in_either_language_or_as_other() -> None:
    assert read_reason("同单位") == ("same_institution", "")
    assert read_reason("Former employer") == ("former_employer", "")
    assert read_reason(" relative ") == ("relative", "")
    assert read_reason("former-employer") == ("former_employer", "")
    assert read_reason("曾与该团队合作项目") == ("other", "曾与该团队合作项目")


def test_institutions_match_loosely_but_never_on_nothing() -> None:
    assert same_organisation("北京建筑大学", "北京建筑大学 ")
    assert same_organisation("清华大学", "清华大学建筑学院")          # one inside the other
    assert same_organisation("（北京）清华同衡", "(北京)清华同衡")      # full-width brackets and spaces ignored
    assert not same_organisation("北京建筑大学", "北京林业大学园林学院")
    assert not same_organisation("", "")
    assert not same_organisation("北京", "北京建筑大学")               # too short to stand for a part


def test_suggestions_name_the_basis_and_what_matched() -> None:
    reviewers = [ReviewerFacts(1, "甲", "北京建筑大学"), ReviewerFacts(2, "乙", "中国建筑设计研究院"),
                 ReviewerFacts(3, "丙", "东城区规划分局")]
    units = [SubjectFacts("a", "景山街道", "北京建筑大学", (("张三", "清华大学"),)),
             SubjectFacts("b", "东四街道", "清华同衡", (("李四", "中国建筑设计研究院"),))]
    found = suggestions(reviewers, units)
    assert [(s.reviewer, s.subject, s.basis, s.matched, s.who) for s in found] == [
        (1, "a", "planner_organisation", "北京建筑大学", ""),
        (2, "b", "member_organisation", "中国建筑设计研究院", "李四")]
    assert found[0].reason == "same_institution"
    assert "北京建筑大学" in found[0].message.text("zh") and "李四" in found[1].message.text("en")
    city = suggestions([ReviewerFacts(7, "丁", "规划院", "通州区"), reviewers[2]],
                       [SubjectFacts(10, "东城区", district="东城区"), SubjectFacts(11, "通州区", district="通州区")])
    assert [(s.reviewer, s.subject, s.basis) for s in city] == [(3, 10, "home_district"), (7, 11, "home_district")]
    assert city[0].reason == "other"


def test_a_recusal_leaves_the_mean_of_the_others_exactly() -> None:
    panel = {"r1": D("86.5"), "r2": D(80), "r3": D(78), "r4": D(90)}
    left = [t for r, t in panel.items() if r != "r4"]          # r4 recused
    assert final_score(left) == D("81.5")                       # (86.5 + 80 + 78) / 3, exactly
    assert final_score(list(panel.values())) == D("83.625")
    assert short_panel(len(left) - 1) and not short_panel(len(left))


@given(st.lists(st.integers(min_value=0, max_value=1000), min_size=5, max_size=9), st.data())
def test_the_trimmed_mean_over_the_remaining_reviewers(totals, data) -> None:
    """Hypothesis: with one reviewer recused, the final score is exactly the rule over the others."""
    values = [D(t) / 10 for t in totals]
    out = data.draw(st.integers(min_value=0, max_value=len(values) - 1))
    left = values[:out] + values[out + 1:]
    expected = sorted(left)[1:-1] if len(left) >= 5 else left
    with localcontext() as ctx:
        ctx.prec = 40
        assert final_score(left, trimmed=True) == sum(expected, D(0)) / len(expected)
