"""Who may write what: scope, items and answers refused by the service, before the database's triggers."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from zeshi_desktop.domain.answers import AnswerRefused
from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.scoring import sheets

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def two(db):
    """Two districts, a unit and an appointment in 朝阳区, a district reviewer in each, a city reviewer."""
    with db.write() as s:
        dongcheng = roster.add_district(s, "东城区", "首都功能核心区")
        chaoyang = roster.add_district(s, "朝阳区", "中心城区")
        unit = roster.add_unit(s, chaoyang, "望京街道")
        appointment = roster.appoint(s, 2025, unit, roster.add_planner(s, "望京责师团队", is_team=True))
        ids = {"db": db, "dongcheng": dongcheng, "chaoyang": chaoyang, "appointment": appointment,
               "own": roster.add_reviewer(s, 2025, "district", "朝阳评审", district_id=chaoyang),
               "other": roster.add_reviewer(s, 2025, "district", "东城评审", district_id=dongcheng),
               "city": roster.add_reviewer(s, 2025, "city", "市级评审")}
    return ids


def _refused(db, action):  # type: ignore[no-untyped-def]
    with pytest.raises(ActionRefused) as refused, db.write() as s:
        action(s)
    return refused.value


def _count(db, table: str) -> int:
    with db.read() as s:
        return s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_a_3_2_sheet_of_a_unit_is_refused_to_a_reviewer_of_another_district(two):
    db = two["db"]
    err = _refused(db, lambda s: sheets.open_sheet(s, "3-2", 2025, appointment_id=two["appointment"],
                                                    reviewer_id=two["other"]))
    assert err.code == "scoring.sheet.reviewer_other_district"
    assert err.message("zh") == "评审人“东城评审”是东城区的区级评审人，不能填写朝阳区的附件3-2"
    assert err.message("en") == 'Reviewer "东城评审" is a district reviewer of 东城区 and cannot fill annex 3-2 for 朝阳区'
    assert _count(db, "sheets") == 0
    with db.write() as s:   # the unit's own district reviewer may
        assert sheets.open_sheet(s, "3-2", 2025, appointment_id=two["appointment"], reviewer_id=two["own"]).exists


def test_a_city_reviewer_may_not_fill_3_2_nor_a_district_reviewer_4_3(two):
    db = two["db"]
    err = _refused(db, lambda s: sheets.open_sheet(s, "3-2", 2025, appointment_id=two["appointment"],
                                                    reviewer_id=two["city"]))
    assert isinstance(err, NotFound) and err.code == "scoring.sheet.needs_district_reviewer"
    err = _refused(db, lambda s: sheets.open_sheet(s, "4-3", 2025, district_id=two["chaoyang"],
                                                    reviewer_id=two["own"]))
    assert err.code == "scoring.sheet.needs_city_reviewer"
    with db.write() as s:
        assert sheets.open_sheet(s, "4-3", 2025, district_id=two["chaoyang"], reviewer_id=two["city"]).exists


def test_a_sheet_the_roster_put_out_of_scope_refuses_every_change_and_its_values_do_not_count(two, forms):
    db = two["db"]
    items = forms["3-2"].items
    with db.write() as s:
        sid = sheets.open_sheet(s, "3-2", 2025, appointment_id=two["appointment"], reviewer_id=two["own"]).id
        sheets.set_scores(s, sid, {i.id: "1" for i in items})
    with db.write() as s:   # the reviewer is moved to another district after scoring
        s.execute(text("UPDATE reviewers SET district_id = :d WHERE id = :r"),
                  {"d": two["dongcheng"], "r": two["own"]})
    for change in (lambda s: sheets.set_score(s, sid, items[0].id, "2"),
                   lambda s: sheets.clear_score(s, sid, items[0].id),
                   lambda s: sheets.set_remarks(s, sid, "改"),
                   lambda s: sheets.finalize(s, sid)):
        err = _refused(db, change)   # the service's refusal, not the database's trigger
        assert err.code == "scoring.sheet.reviewer_other_district"
    with db.read() as s:
        v = sheets.view(s, sid)
    assert v.scores == {} and v.totals.total == 0
    assert [m.code for m in v.damaged] == ["scoring.damaged.scope"]
    assert v.damage is not None and "朝阳区" in v.damage.text("en")


def test_a_score_only_for_an_item_of_the_sheets_form(two, forms):
    db = two["db"]
    with db.write() as s:
        sid = sheets.open_sheet(s, "3-2", 2025, appointment_id=two["appointment"], reviewer_id=two["own"]).id
    item_of_3_1 = forms["3-1"].items[0].id
    assert not forms["3-2"].has_item(item_of_3_1)
    for change in (lambda s: sheets.set_score(s, sid, item_of_3_1, "1"),
                   lambda s: sheets.set_scores(s, sid, {forms["3-2"].items[0].id: "1", item_of_3_1: "1"}),
                   lambda s: sheets.clear_score(s, sid, "nope")):
        err = _refused(db, change)
        assert isinstance(err, NotFound) and err.code == "scoring.sheet.no_item"
    assert _count(db, "scores") == 0
    with db.write() as s:
        five_one = sheets.open_sheet(s, "5-1", 2025, appointment_id=two["appointment"]).id
    assert _refused(db, lambda s: sheets.set_score(s, five_one, "local_1", "1")).code == "scoring.sheet.no_item"


def test_answers_only_for_questions_of_the_form_with_one_of_their_values(two):
    db = two["db"]
    with db.write() as s:
        sid = sheets.open_sheet(s, "4-2", 2025, district_id=two["chaoyang"]).id
    with pytest.raises(AnswerRefused) as refused, db.write() as s:
        sheets.set_answers(s, sid, {"header:org": "朝阳区规自分局", "contracts_signed": "maybe"})
    assert refused.value.code == "scoring.answer.not_yes_no" and "maybe" in refused.value.message("en")
    assert "yes, no" in refused.value.message("en")
    with pytest.raises(AnswerRefused) as refused, db.write() as s:
        sheets.set_answers(s, sid, {"foo": "bar"})
    assert refused.value.code == "scoring.answer.unknown_key"
    assert "header:org, contracts_signed" in refused.value.message("en")
    assert _count(db, "answers") == 0   # one refused answer refuses the batch
    with db.write() as s:
        v = sheets.set_answers(s, sid, {"contracts_signed": "否"})
    assert v.answers == {"contracts_signed": "no"}
    with db.write() as s:
        v = sheets.set_answers(s, sid, {"contracts_signed": "TRUE"})
    assert v.answers == {"contracts_signed": "yes"}


def test_a_5_1_choice_is_stored_as_the_form_prints_it(two):
    db = two["db"]
    with db.write() as s:
        sid = sheets.open_sheet(s, "5-1", 2025, appointment_id=two["appointment"]).id
        v = sheets.set_answers(s, sid, {"choice:local_1": "Strongly agree", "yes_no:fixed_contact": "是",
                                        "reason:local_1": "无", "unit:name": "望京"})
    assert v.answers == {"choice:local_1": "非常同意", "yes_no:fixed_contact": "yes", "reason:local_1": "无",
                         "unit:name": "望京"}
    with pytest.raises(AnswerRefused) as refused, db.write() as s:
        sheets.set_answers(s, sid, {"choice:local_2": "还行"})
    assert refused.value.code == "scoring.answer.not_an_option"
    assert not HAN.search(refused.value.message("en").replace("还行", ""))


def test_a_district_sheet_needs_a_review_year_that_exists(two):
    err = _refused(two["db"], lambda s: sheets.open_sheet(s, "4-2", 2031, district_id=two["chaoyang"]))
    assert isinstance(err, NotFound) and err.code == "scoring.sheet.no_year"
    assert err.message("en") == "There is no review year 2031: annex 4-2 cannot be filled for it"
