"""5-1 checks and counts; the measures' warnings."""

from __future__ import annotations

import pytest

from zeshi_desktop.domain import rules
from zeshi_desktop.domain.questionnaire import (
    Answers,
    problems,
    summarise,
    yes_no_counts,
)
from zeshi_desktop.messages import Refused


def _all(form, choice="比较同意"):
    return {s.id: choice for s in form.questionnaire.statements}


def test_complete_questionnaire_has_no_problems(forms):
    form = forms["5-1"]
    assert problems(form, Answers(_all(form), yes_no={"fixed_contact": True})) == []


def test_every_row_required(forms):
    form = forms["5-1"]
    choices = _all(form)
    del choices["city_4"]
    found = problems(form, Answers(choices, yes_no={"fixed_contact": True}))
    assert [(p.question_id, p.code) for p in found] == [("city_4", "missing")]
    statement = next(st for st in form.questionnaire.statements if st.id == "city_4")
    assert found[0].message.code == "scoring.answer.missing"
    assert found[0].message.text("zh") == f"{statement.text.zh}：每行必填，尚未选择"
    assert found[0].message.text("en") == f"{statement.text.en}: every row is required"


def test_disagree_needs_a_reason(forms):
    form = forms["5-1"]
    choices = _all(form)
    choices["local_4"] = "不同意"
    found = problems(form, Answers(choices, {"local_4": "  "}, {"fixed_contact": False}))
    assert [(p.question_id, p.code) for p in found] == [("local_4", "reason_required")]
    assert problems(form, Answers(choices, {"local_4": "报酬未按时发放"}, {"fixed_contact": False})) == []


def test_yes_no_required_and_unknown_option(forms):
    form = forms["5-1"]
    choices = _all(form)
    choices["local_1"] = "完全同意"
    codes = [p.code for p in problems(form, Answers(choices))]
    assert codes == ["yes_no_missing", "unknown_option"]


def test_counts_and_reasons(forms):
    form = forms["5-1"]
    a = _all(form, "非常同意")
    b = _all(form, "比较同意")
    c = _all(form, "一般")
    c["local_2"] = "不同意"
    summary = {s.statement_id: s for s in summarise(form, [
        Answers(a, yes_no={"fixed_contact": True}), Answers(b, yes_no={"fixed_contact": True}),
        Answers(c, {"local_2": "未通知开会"}, {"fixed_contact": False})])}
    assert summary["local_2"].counts == {"非常同意": 1, "比较同意": 1, "一般": 0, "不同意": 1}
    assert summary["local_2"].reasons == ["未通知开会"]
    assert summary["local_1"].answered == 3
    assert abs(summary["local_1"].agree_share - 2 / 3) < 1e-9
    assert yes_no_counts(form, [Answers(a, yes_no={"fixed_contact": True}),
                                Answers(c, yes_no={"fixed_contact": False})]) == {"fixed_contact": (1, 1)}


def _planner(**kw):
    from zeshi_desktop.services.catalogue import roster_terms
    required = roster_terms().disciplines
    base = dict(name="甲团队", is_team=True, unit_count=1, core_members=5, disciplines=[d.zh for d in required],
                required_disciplines=required, leader_senior_title=True, leader_registered=False,
                leader_experience_years=5)
    base.update(kw)
    return [w.code for w in rules.planner_warnings(**base)]


def test_planner_rules_exact_limits():
    assert _planner() == []
    assert _planner(unit_count=3) == []
    assert _planner(unit_count=4) == ["too_many_units"]
    assert _planner(core_members=8) == []
    assert _planner(core_members=9) == ["too_many_members"]
    assert _planner(leader_senior_title=False) == ["leader_unqualified"]
    assert _planner(leader_senior_title=False, leader_registered=True) == []
    assert _planner(leader_experience_years=2) == ["leader_inexperienced"]
    assert _planner(leader_experience_years=3) == []
    assert _planner(disciplines=["城乡规划"]) == ["disciplines_missing"]
    assert _planner(is_team=False, core_members=12, disciplines=[]) == []


def test_term_rules():
    def codes(years, renewal):
        return [w.code for w in rules.term_warnings(unit="甲", planner="乙", term_years=years, renewal=renewal)]
    assert codes(1, False) == [] and codes(2, False) == ["first_term"]
    assert codes(1, True) == codes(3, True) == []
    assert codes(4, True) == ["renewal_term"]


def test_a_form_without_questionnaire_is_refused_with_a_code(forms):
    with pytest.raises(Refused) as refused:
        summarise(forms["3-1"], [])
    assert refused.value.code == "scoring.answer.not_a_questionnaire"
    assert refused.value.message("zh") == "附件3-1 不是问卷"
    assert refused.value.message("en") == "Annex 3-1 is not a questionnaire"
