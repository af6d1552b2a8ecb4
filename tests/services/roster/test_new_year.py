"""Starting a new year carries the roster over: terms decide who comes along, reviewers get the year's codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.roster import new_year
from zeshi_desktop.store.database import Database


@given(start=st.integers(2000, 2100), years=st.integers(1, 5), year=st.integers(2000, 2105))
def test_a_term_covers_the_years_from_its_start_for_its_length(start: int, years: int, year: int) -> None:
    assert new_year.in_term(start, years, year) == (start <= year <= start + years - 1)


def test_reviewer_codes_take_the_new_year() -> None:
    assert new_year.year_code("CY-R1", 2025, 2026) == "CY-R1-2026"
    assert new_year.year_code("CY-R1-2025", 2025, 2026) == "CY-R1-2026"


def test_the_roster_in_term_is_carried_and_the_ended_terms_listed(demo_db: Database, demo_year: int) -> None:
    nxt = demo_year + 1
    with demo_db.read() as s:
        old = roster.appointments(s, demo_year)
        old_reviewers = roster.reviewers(s, demo_year)
    staying = [a for a in old if new_year.in_term(a.term_start, a.term_years, nxt)]
    assert staying and len(staying) < len(old)   # the demo has both
    with demo_db.read() as s:
        preview = new_year.start_year(s, demo_year, nxt, dry_run=True)
    with demo_db.write() as s:
        report = new_year.start_year(s, demo_year, nxt)
    assert (preview.carried, preview.reviewers) == (report.carried, report.reviewers)
    assert report.carried == len(staying) and report.renewed == 0
    assert len(report.ended) == len(old) - len(staying)
    assert "已满" in report.ended[0].text("zh") and "ended" in report.ended[0].text("en")
    with demo_db.read() as s:
        assert nxt in roster.years(s)
        carried = roster.appointments(s, nxt)
        reviewers = roster.reviewers(s, nxt)
    assert {(a.unit_id, a.planner_id) for a in carried} == {(a.unit_id, a.planner_id) for a in staying}
    assert all(not a.fee_paid and not a.recommended for a in carried)
    before = {(a.unit_id, a.planner_id): a.contract_signed for a in staying}
    assert all(a.contract_signed == before[(a.unit_id, a.planner_id)] for a in carried)
    assert sorted(r.name for r in reviewers) == sorted(r.name for r in old_reviewers)
    assert all(r.code.endswith(str(nxt)) for r in reviewers)
    with demo_db.read() as s:   # no sheet comes along
        from zeshi_desktop.services.scoring import sheets
        assert sheets.sheets(s, nxt, "3-1") == []


def test_ended_terms_are_renewed_when_asked(demo_db: Database, demo_year: int) -> None:
    nxt = demo_year + 1
    with demo_db.write() as s:
        report = new_year.start_year(s, demo_year, nxt, renew_ended=True, renewal_years=2, reviewers=False)
    assert report.ended == [] and report.renewed > 0 and report.reviewers == 0
    with demo_db.read() as s:
        renewed = [a for a in roster.appointments(s, nxt) if a.term_start == nxt]
        assert roster.reviewers(s, nxt) == []
    assert len(renewed) == report.renewed
    assert all(a.renewal and a.term_years == 2 and not a.contract_signed for a in renewed)


def test_weights_come_along(demo_db: Database, demo_year: int) -> None:
    from zeshi_desktop.services.meeting import ranking

    nxt = demo_year + 1
    with demo_db.read() as s:
        districts = roster.districts(s)
        before = [ranking.weights(s, demo_year, d.id) for d in districts]
    with demo_db.write() as s:
        report = new_year.start_year(s, demo_year, nxt)
    with demo_db.read() as s:
        after = [ranking.weights(s, nxt, d.id) for d in districts]
    assert report.weights == len(districts) and after == before


def test_refusals(demo_db: Database, demo_year: int) -> None:
    with pytest.raises(NotFound) as missing, demo_db.read() as s:
        new_year.start_year(s, 1999, 2000)
    assert missing.value.code == "roster.new_year.no_year"
    with pytest.raises(ActionRefused) as earlier, demo_db.read() as s:
        new_year.start_year(s, demo_year, demo_year)
    assert earlier.value.code == "roster.new_year.not_later"
    with pytest.raises(ActionRefused) as years, demo_db.read() as s:
        new_year.start_year(s, demo_year, demo_year + 1, renewal_years=4)
    assert years.value.code == "roster.new_year.renewal_years"
    with demo_db.write() as s:
        new_year.start_year(s, demo_year, demo_year + 1)
    with pytest.raises(ActionRefused) as again, demo_db.write() as s:
        new_year.start_year(s, demo_year, demo_year + 1)
    assert again.value.code == "roster.new_year.exists" and str(demo_year + 1) in again.value.message("en")
