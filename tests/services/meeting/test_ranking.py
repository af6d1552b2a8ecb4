"""The demo year's rankings, checked against figures computed here from the raw sheets."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

from zeshi_desktop.services import lookup, roster
from zeshi_desktop.services.meeting import ranking
from zeshi_desktop.services.scoring import sheets


def _independent_3_3(session, year, district_id, trimmed, street_w, group_w):
    """Recompute 3-3 by hand: sum items per sheet, mean (or trimmed mean) per unit."""
    street, group = {}, defaultdict(list)
    for v in sheets.sheets(session, year, "3-1", district_id=district_id, status="final"):
        street[v.appointment_id] = sum(v.scores.values())
    for v in sheets.sheets(session, year, "3-2", district_id=district_id, status="final"):
        group[v.appointment_id].append(sum(v.scores.values()))
    out = {}
    for app, totals in group.items():
        totals = sorted(totals)
        if trimmed and len(totals) >= 5:
            totals = totals[1:-1]
        g = sum(totals) / len(totals)
        out[app] = street[app] * street_w / 100 + g * group_w / 100
    return out


def test_district_rankings_match_independent_computation(demo_db, demo_year):
    with demo_db.read() as s:
        for d in roster.districts(s):
            result = ranking.district_ranking(s, demo_year, d.id)
            expected = _independent_3_3(s, demo_year, d.id, result.trimmed_mean, result.weights.street,
                                        result.weights.district)
            assert {r.key: round(r.total, 6) for r in result.rows} == {k: round(v, 6) for k, v in expected.items()}
            ordered = sorted(expected.values(), reverse=True)
            for r in result.rows:
                assert r.rank == 1 + sum(1 for v in ordered if round(v, 9) > round(r.total, 9))


def test_demo_has_a_team_in_two_units_each_ranked(demo_db, demo_year):
    with demo_db.read() as s:
        apps = roster.appointments(s, demo_year)
        per = defaultdict(list)
        for a in apps:
            per[a.planner_id].append(a.unit)
        two = [units for units in per.values() if len(units) == 2]
        assert len(two) == 1
        dc = roster.district(s, lookup.district_id(s, "东城区"))
        units = [r.unit for r in ranking.district_ranking(s, demo_year, dc.id).rows]
        assert set(two[0]) <= set(units)


def test_weights_and_trimmed_switch(demo_db, demo_year):
    with demo_db.write() as s:
        dc = lookup.district_id(s, "东城区")
        before = ranking.district_ranking(s, demo_year, dc)
        ranking.set_weights(s, demo_year, dc, "20", "80")
        ranking.set_trimmed_mean(s, demo_year, dc, True)
        after = ranking.district_ranking(s, demo_year, dc)
    assert after.weights.street == 20 and after.trimmed_mean and not before.trimmed_mean
    row = after.rows[0]
    assert row.street_weighted == row.street_score * Decimal("0.2")


def test_draft_sheets_do_not_count(demo_db, demo_year):
    with demo_db.write() as s:
        dc = lookup.district_id(s, "东城区")
        first = ranking.district_ranking(s, demo_year, dc).rows[0]
        sid = sheets.find_sheet_id(s, "3-1", demo_year, appointment_id=first.key)
        sheets.unlock(s, sid, "复核")
        again = {r.key: r for r in ranking.district_ranking(s, demo_year, dc).rows}
    assert again[first.key].rank is None and again[first.key].street_score is None


def test_city_ranking_applies_the_contract_rule(demo_db, demo_year):
    with demo_db.read() as s:
        city = ranking.city_ranking(s, demo_year)
        by_name = {r.district: r for r in city.rows}
    yq = by_name["延庆区"]
    assert yq.contracts_signed is False and yq.band.label.zh == "优秀"
    assert yq.blocked_by_contracts and not yq.eligible_excellent
    assert all(r.rank is not None for r in city.rows)


@pytest.mark.parametrize("street, group", [("15", "85"), ("50", "40")])
def test_bad_weights_refused_and_nothing_written(demo_db, demo_year, street, group):
    from zeshi_desktop.domain.ranking import WeightsRefused
    with demo_db.read() as s:
        dc = lookup.district_id(s, "东城区")
        before = ranking.weights(s, demo_year, dc)
    with pytest.raises(WeightsRefused):
        with demo_db.write() as s:
            ranking.set_weights(s, demo_year, dc, street, group)
    with demo_db.read() as s:
        assert ranking.weights(s, demo_year, dc) == before
