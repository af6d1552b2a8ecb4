"""The answer rules: which keys a form takes, how yes/no and options are read, what a stored value may be."""

from __future__ import annotations

import re

import pytest

from zeshi_desktop.domain.answers import (
    AnswerRefused,
    key_list,
    question,
    questions,
    read_answer,
    stored_problem,
)

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_key_the_packages_carry_is_a_question_of_its_form(forms):
    from zeshi_desktop.packages.form_layout import fields_for
    from zeshi_desktop.packages.model import STATUS_FIELD

    for form in forms.values():
        for field in fields_for(form, cases=3):
            if field.kind == "score" or field.key in (STATUS_FIELD, "remarks"):
                continue
            assert question(form, field.key) is not None, (form.id, field.key)


def test_keys_of_each_form(forms):
    assert set(questions(forms["3-1"])) == {"header:office"}
    assert set(questions(forms["4-2"])) == {"header:org", "contracts_signed"}
    five = questions(forms["5-1"])
    assert {"unit:district", "unit:name", "yes_no:fixed_contact", "choice:local_1", "reason:local_1",
            "free_text:suggestions"} <= set(five)
    assert questions(forms["4-3"]) == {}
    four_one = forms["4-1"]
    assert "text:overview" in questions(four_one) and "text:taskforce" not in questions(four_one)
    assert "text:appendix" not in questions(four_one) and "text:cases" not in questions(four_one)
    assert question(four_one, "title:cases#2") is not None and question(four_one, "text:cases#12") is not None
    assert question(four_one, "text:cases#0") is None and question(four_one, "text:cases#x") is None
    assert question(four_one, "text:overview#1") is None
    assert "title:cases#N" in key_list(four_one)


@pytest.mark.parametrize("raw, stored", [("是", "yes"), ("否", "no"), ("yes", "yes"), ("No", "no"),
                                         ("TRUE", "yes"), ("false", "no"), (" on ", "yes"), ("ｙｅｓ", "yes")])
def test_a_yes_no_question_reads_chinese_and_english_words(forms, raw, stored):
    assert read_answer(forms["4-2"], "contracts_signed", raw) == stored
    assert read_answer(forms["5-1"], "yes_no:fixed_contact", raw) == stored


def test_a_yes_no_refusal_names_the_question_and_the_words_it_takes(forms):
    with pytest.raises(AnswerRefused) as refused:
        read_answer(forms["4-2"], "contracts_signed", "maybe")
    err = refused.value
    assert err.code == "scoring.answer.not_yes_no"
    assert err.message("zh").startswith("本年度区内责师是否全部完成合同签订：“maybe”不是“是”或“否”")
    assert "是、否、yes、no、true、false" in err.message("zh")
    assert err.message("en") == ("Have all planner contracts in the district been signed this year: \"maybe\" is not "
                                 "yes or no (allowed: yes, no, true, false, on, off)")


def test_a_choice_reads_the_option_in_either_language_and_stores_the_form_text(forms):
    q = forms["5-1"].questionnaire
    assert read_answer(forms["5-1"], "choice:local_1", "比较同意") == "比较同意"
    assert read_answer(forms["5-1"], "choice:local_1", " agree ") == "比较同意"
    assert read_answer(forms["5-1"], "choice:local_1", "") is None   # a cleared row
    with pytest.raises(AnswerRefused) as refused:
        read_answer(forms["5-1"], "choice:local_1", "很好")
    err = refused.value
    assert err.code == "scoring.answer.not_an_option"
    assert "非常同意、比较同意、一般、不同意" in err.message("zh")
    assert err.message("en").endswith("(Strongly agree, Agree, Neutral, Disagree)")
    assert q.statements[0].text.en in err.message("en")


def test_an_unknown_key_is_refused_listing_the_keys_the_form_takes(forms):
    with pytest.raises(AnswerRefused) as refused:
        read_answer(forms["4-2"], "foo", "bar")
    err = refused.value
    assert err.code == "scoring.answer.unknown_key"
    assert err.message("zh") == "附件4-2 没有问题“foo”；可以填写的有：header:org、contracts_signed"
    assert err.message("en") == 'Annex 4-2 has no question "foo"; the questions are: header:org, contracts_signed'
    with pytest.raises(AnswerRefused):
        read_answer(forms["4-3"], "contracts_signed", "yes")   # a question of another form


def test_text_answers_are_kept_as_typed(forms):
    assert read_answer(forms["4-1"], "text:overview", "  本年度…  ") == "  本年度…  "
    assert read_answer(forms["3-1"], "header:office", "") == ""
    assert read_answer(forms["3-1"], "header:office", None) is None


def test_a_stored_value_that_no_question_takes_is_a_problem_in_both_languages(forms):
    assert stored_problem(forms["4-2"], "contracts_signed", "yes") is None
    assert stored_problem(forms["5-1"], "choice:local_1", "一般") is None
    assert stored_problem(forms["4-1"], "text:cases#3", "任意") is None
    for form_id, key, value, code in [("4-2", "contracts_signed", "是", "scoring.damaged.answer_value"),
                                      ("4-2", "contracts_signed", "maybe", "scoring.damaged.answer_value"),
                                      ("5-1", "choice:local_1", "agree", "scoring.damaged.answer_value"),
                                      ("3-1", "foo", "bar", "scoring.damaged.answer_key")]:
        problem = stored_problem(forms[form_id], key, value)
        assert problem is not None and problem.code == code
        assert problem.text("zh") and not HAN.search(problem.text("en").replace(value, ""))
