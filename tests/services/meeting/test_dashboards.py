"""Dashboard figures against the same figures computed here, independently, from the demo data by plain SQL."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal as D
from statistics import mean as fmean
from statistics import pstdev

import pytest
from sqlalchemy import text

from zeshi_desktop.services import lookup, roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.meeting import history, ranking
from zeshi_desktop.services.meeting import questionnaire as dashboard
from zeshi_desktop.services.scoring import sheets


def _group_totals(session, year: int, district: str, form_id: str = "3-2") -> dict[int, dict[int | None, float]]:
    """appointment -> reviewer -> total, from finalised sheets, in plain SQL."""
    rows = session.execute(text(
        "SELECT s.appointment_id, s.reviewer_id, COALESCE(SUM(sc.tenths), 0) FROM sheets s "
        "LEFT JOIN scores sc ON sc.sheet_id = s.id "
        "JOIN appointments a ON a.id = s.appointment_id JOIN units u ON u.id = a.unit_id "
        "JOIN districts d ON d.id = u.district_id "
        "WHERE s.year = :y AND s.form_id = :f AND s.status = 'final' AND d.name = :d "
        "GROUP BY s.id"), {"y": year, "f": form_id, "d": district})
    out: dict[int, dict[int | None, float]] = defaultdict(dict)
    for app, rev, tenths in rows:
        out[app][rev] = tenths / 10
    return out


def test_spreads_and_outliers_match_sql(demo_db, demo_year) -> None:
    with demo_db.read() as session:
        did = lookup.district_id(session, "东城区")
        board = analysis.district_dashboard(session, demo_year, did)
        expected = _group_totals(session, demo_year, "东城区")
    assert {s.key for s in board.spreads} == set(expected)
    flagged_here = set()
    for s in board.spreads:
        totals = expected[s.key]
        values = list(totals.values())
        assert float(s.spread.mean) == pytest.approx(fmean(values))
        assert float(s.spread.std) == pytest.approx(pstdev(values))
        assert (float(s.spread.min), float(s.spread.max)) == (min(values), max(values))
        for rev, total in totals.items():
            others = [t for r, t in totals.items() if r != rev]
            if abs(total - fmean(others)) > 10:
                flagged_here.add((s.key, rev))
    flagged = {(s.key, o.reviewer) for s in board.spreads for o in s.spread.outliers}
    assert flagged == flagged_here
    assert flagged, "the demo has an erratic reviewer: some outlier must be flagged"


def test_offsets_find_the_demo_strict_and_lenient_reviewers(demo_db, demo_year) -> None:
    with demo_db.read() as session:
        did = lookup.district_id(session, "朝阳区")
        board = analysis.district_dashboard(session, demo_year, did)
        expected = _group_totals(session, demo_year, "朝阳区")
        codes = dict(session.execute(text("SELECT id, code FROM reviewers")).all())
    diffs: dict[int, list[float]] = defaultdict(list)
    for totals in expected.values():
        for rev, total in totals.items():
            diffs[rev].append(total - fmean([t for r, t in totals.items() if r != rev]))
    for row in board.offsets:
        assert float(row.offset.offset) == pytest.approx(fmean(diffs[row.reviewer.id]))
    by_code = {codes[r.reviewer.id]: r.offset for r in board.offsets}
    # The demo's reviewer styles: R2 biased up (+0.08), R3 biased down (-0.12).
    assert by_code["CY-R3"].offset < 0 and by_code["CY-R3"].leaning == "strict"
    assert by_code["CY-R2"].offset > 0 and by_code["CY-R2"].leaning == "lenient"
    assert board.offsets[0].reviewer.id == min(diffs, key=lambda r: fmean(diffs[r]))


def test_item_shares_match_sql_averages(demo_db, demo_year, forms) -> None:
    with demo_db.read() as session:
        did = lookup.district_id(session, "通州区")
        board = analysis.district_dashboard(session, demo_year, did)
        for form_id, shares in (("3-1", board.street_items), ("3-2", board.group_items)):
            averages = dict(session.execute(text(
                "SELECT sc.item_id, AVG(sc.tenths) / 10.0 FROM scores sc JOIN sheets s ON s.id = sc.sheet_id "
                "JOIN appointments a ON a.id = s.appointment_id JOIN units u ON u.id = a.unit_id "
                "WHERE s.form_id = :f AND s.status = 'final' AND u.district_id = :d GROUP BY sc.item_id"),
                {"f": form_id, "d": did}).all())
            assert [s.item_id for s in shares] == [i.id for i in forms[form_id].items]
            for s in shares:
                assert float(s.share) == pytest.approx(float(averages[s.item_id]) / float(forms[form_id].item(s.item_id).max))


def test_trimmed_impact_ranks_match_hand_computation(demo_db, demo_year) -> None:
    with demo_db.read() as session:
        did = lookup.district_id(session, "朝阳区")   # 30 / 70, five reviewers
        board = analysis.district_dashboard(session, demo_year, did)
        group = _group_totals(session, demo_year, "朝阳区")
        street = {app: t for app, byrev in _group_totals(session, demo_year, "朝阳区", "3-1").items()
                  for t in byrev.values()}

    def ranks(trim: bool) -> dict[int, int]:
        totals = {}
        for app, byrev in group.items():
            values = sorted(byrev.values())
            g = fmean(values[1:-1] if trim and len(values) >= 5 else values)
            totals[app] = round(street[app] * 0.3 + g * 0.7, 9)
        ordered = sorted(totals.values(), reverse=True)
        return {app: ordered.index(t) + 1 for app, t in totals.items()}

    by_mean, by_trim = ranks(False), ranks(True)
    for row in board.impact.rows:
        assert (row.rank_mean, row.rank_trimmed) == (by_mean[row.key], by_trim[row.key])
    assert board.impact.changed == sum(1 for k in by_mean if by_mean[k] != by_trim[k])
    # the district uses the trimmed mean: its ranking is the trimmed column
    assert {r.key: r.rank for r in board.ranking.rows} == by_trim


def test_missing_and_draft_sheets_counted_per_office_and_reviewer(demo_db, demo_year) -> None:
    with demo_db.write() as session:
        did = lookup.district_id(session, "东城区")
        app = lookup.appointment_id(session, demo_year, "景山街道")
        rev = lookup.reviewer_id(session, demo_year, "DC-R2")
        s31 = sheets.find_sheet_id(session, "3-1", demo_year, appointment_id=app)
        sheets.unlock(session, s31, "复核")
        s32 = sheets.find_sheet_id(session, "3-2", demo_year, appointment_id=app, reviewer_id=rev)
        session.execute(text("DELETE FROM sheets WHERE id = :i"), {"i": s32})
    with demo_db.read() as session:
        board = analysis.district_dashboard(session, demo_year, did)
        rev_name = session.execute(text("SELECT name FROM reviewers WHERE id = :i"), {"i": rev}).scalar_one()
        n_apps = session.execute(text("SELECT COUNT(*) FROM appointments a JOIN units u ON u.id = a.unit_id "
                                      "WHERE u.district_id = :d"), {"d": did}).scalar_one()
    offices = {r.label: r.progress for r in board.offices}
    assert (offices["景山街道"].draft, offices["景山街道"].missing, offices["景山街道"].waiting) == (1, 0, 1)
    assert all(p.waiting == 0 for name, p in offices.items() if name != "景山街道")
    reviewers = {r.label: r.progress for r in board.reviewers}
    assert (reviewers[rev_name].expected, reviewers[rev_name].missing) == (n_apps, 1)
    assert board.waiting == 2


def test_questionnaire_counts_match_sql(demo_db, demo_year, forms) -> None:
    q = forms["5-1"].questionnaire
    with demo_db.read() as session:
        whole = dashboard.questionnaire_summary(session, demo_year)
        core = dashboard.questionnaire_summary(session, demo_year, circle="中心城区")
        did = lookup.district_id(session, "延庆区")
        one = dashboard.questionnaire_summary(session, demo_year, district_id=did)
        rows = session.execute(text(
            "SELECT d.circle, d.name, an.key, an.value FROM answers an JOIN sheets s ON s.id = an.sheet_id "
            "JOIN appointments a ON a.id = s.appointment_id JOIN units u ON u.id = a.unit_id "
            "JOIN districts d ON d.id = u.district_id WHERE s.form_id = '5-1' AND s.status = 'final'")).all()
        n_sheets = session.execute(text("SELECT COUNT(*) FROM sheets WHERE form_id = '5-1' AND status = 'final'")
                                   ).scalar_one()
    assert whole.questionnaires == n_sheets
    for summary, keep in ((whole, lambda c, d: True), (core, lambda c, d: c == "中心城区"),
                          (one, lambda c, d: d == "延庆区")):
        for st in summary.statements:
            counts = Counter(v for c, d, k, v in rows if keep(c, d) and k == f"choice:{st.statement_id}")
            assert st.summary.counts == {o.zh: counts[o.zh] for o in q.options}
            agree = sum(counts[o] for o in q.agree_options)
            assert st.summary.agree_share == pytest.approx(agree / sum(counts.values()))
            reasons = sorted(v for c, d, k, v in rows if keep(c, d) and k == f"reason:{st.statement_id}")
            assert sorted(st.summary.reasons) == reasons
        yes = sum(1 for c, d, k, v in rows if keep(c, d) and k.startswith("yes_no:") and v == "yes")
        assert sum(y.yes for y in summary.yes_no) == yes
        texts = [v for c, d, k, v in rows if keep(c, d) and k.startswith("free_text:") and v.strip() not in ("", "无")]
        assert sorted(f.text for f in summary.free_texts) == sorted(texts)
    assert core.questionnaires < whole.questionnaires and core.circle == "中心城区"
    with demo_db.read() as session, pytest.raises(ActionRefused):
        dashboard.questionnaire_summary(session, demo_year, circle="火星")


def test_city_dashboard_contract_rule_and_circles(demo_db, demo_year) -> None:
    with demo_db.read() as session:
        board = analysis.city_dashboard(session, demo_year)
        city = dict(session.execute(text(
            "SELECT d.name, AVG(t) FROM (SELECT s.district_id AS did, SUM(sc.tenths) / 10.0 AS t FROM sheets s "
            "JOIN scores sc ON sc.sheet_id = s.id WHERE s.form_id = '4-3' AND s.status = 'final' GROUP BY s.id) "
            "AS per_sheet JOIN districts d ON d.id = did GROUP BY d.name")).all())
    rows = {r.district: r for r in board.rows}
    for name, avg in city.items():
        assert float(rows[name].city_score) == pytest.approx(float(avg))
    ordered = sorted(city, key=lambda n: -city[n])
    assert [r.district for r in board.rows][0] == ordered[0]
    # 延庆区 has an unsigned contract in the demo: top band by score, but not eligible for it.
    assert rows["延庆区"].contracts_signed is False and not rows["延庆区"].eligible_excellent
    assert rows["延庆区"].blocked_by_contracts and board.excluded_band == "优秀"
    assert rows["东城区"].eligible_excellent
    circles = {c.circle: c for c in board.circles}
    assert circles["首都功能核心区"].units == 4 and circles["生态涵养区"].units == 2
    assert sum(c.units for c in board.circles) == len(board.planners)
    # the city's fast all-district ranking agrees with ranking.district_ranking, district by district
    with demo_db.read() as session:
        per_district = {d.name: ranking.district_ranking(session, demo_year, d.id) for d in roster.districts(session)}
    for p in board.planners:
        row = next(r for r in per_district[p.district].rows if r.key == p.row.key)
        assert (row.rank, row.total) == (p.row.rank, p.row.total)
    for c in board.circles:
        totals = [r.total for d in per_district.values() for r in d.rows
                  if r.total is not None and rows[d.district].circle == c.circle]
        assert abs(c.mean_total - sum(totals, D(0)) / len(totals)) < D("1e-20") and c.max_total == max(totals)
        assert sum(c.bands.values()) == c.ranked


def test_recommended_mark_persists(demo_db, demo_year) -> None:
    with demo_db.write() as session:
        app = lookup.appointment_id(session, demo_year, "望京街道")
        view = analysis.set_recommended(session, app, True)
        assert view.recommended
    with demo_db.read() as session:
        did = lookup.district_id(session, "朝阳区")
        assert app in analysis.district_dashboard(session, demo_year, did).recommended
        assert [a.id for a in analysis.recommended(session, demo_year, did)] == [app]
        assert session.execute(text("SELECT recommended FROM appointments WHERE id = :i"), {"i": app}).scalar_one()
    with demo_db.write() as session:
        analysis.set_recommended(session, app, False)
    with demo_db.read() as session:
        assert analysis.recommended(session, demo_year) == []


def test_years_history(demo_db, demo_year) -> None:
    with demo_db.read() as session:
        pid = lookup.planner_id(session, "清华同衡街区更新团队")
        mine = history.years_history(session, planner_id=pid)
        did = lookup.district_id(session, "东城区")
        district = history.years_history(session, district_id=did)
        board = analysis.district_dashboard(session, demo_year, did)
        with pytest.raises(ActionRefused):
            history.years_history(session)
    # the team serves two units of 东城区: two rows, with the ranks of the district dashboard
    ranks = {r.unit: r.rank for r in board.ranking.rows}
    assert sorted(r.unit for r in mine.planner_rows) == ["东四街道", "交道口街道"]
    assert all(r.rank == ranks[r.unit] and r.ranked == len(ranks) for r in mine.planner_rows)
    assert [r.year for r in district.district_rows] == [demo_year] and district.district_rows[0].units == 4


def test_dashboard_ranking_equals_the_3_3_ranking(demo_db, demo_year) -> None:
    """The dashboard reads the totals once for ranking and spreads; it must rank exactly as 3-3 does."""
    with demo_db.read() as session:
        for d in roster.districts(session):
            board = analysis.district_dashboard(session, demo_year, d.id)
            official = ranking.district_ranking(session, demo_year, d.id)
            assert board.ranking == official


def _score_all(session, sheet_id: int, form, value_share: str) -> None:
    """Every item at the same share of its maximum (0.5 steps), then finalised."""
    scores = {i.id: str((i.max * D(value_share)).quantize(D("0.5"))) for i in form.items}
    sheets.set_scores(session, sheet_id, scores)
    if form.contract_rule:
        sheets.set_answers(session, sheet_id, {form.contract_rule.id: "yes"})
    sheets.finalize(session, sheet_id)


def test_years_history_spans_the_years_in_the_database(demo_db, demo_year, forms) -> None:
    """A second year entered through the services shows beside the demo year, in year order."""
    earlier = demo_year - 1
    with demo_db.write() as session:
        did = lookup.district_id(session, "东城区")
        app25 = lookup.appointment_id(session, demo_year, "东华门街道")
        a = roster.appointment(session, app25)
        app24 = roster.appoint(session, earlier, a.unit_id, a.planner_id, contract_signed=True)
        _score_all(session, sheets.open_sheet(session, "3-1", earlier, appointment_id=app24).id, forms["3-1"], "0.8")
        rev = roster.add_reviewer(session, earlier, "district", "甲评审", district_id=did)
        _score_all(session, sheets.open_sheet(session, "3-2", earlier, appointment_id=app24, reviewer_id=rev).id,
                   forms["3-2"], "0.9")
        city = roster.add_reviewer(session, earlier, "city", "乙评审")
        _score_all(session, sheets.open_sheet(session, "4-3", earlier, district_id=did, reviewer_id=city).id,
                   forms["4-3"], "0.7")
        _score_all(session, sheets.open_sheet(session, "4-2", earlier, district_id=did).id, forms["4-2"], "0.75")
    with demo_db.read() as session:
        planner = history.years_history(session, planner_id=a.planner_id)
        district = history.years_history(session, district_id=did)
        total_31 = sum((i.max * D("0.8")).quantize(D("0.5")) for i in forms["3-1"].items)
        total_32 = sum((i.max * D("0.9")).quantize(D("0.5")) for i in forms["3-2"].items)
        total_43 = sum((i.max * D("0.7")).quantize(D("0.5")) for i in forms["4-3"].items)
    assert [r.year for r in planner.planner_rows] == [earlier, demo_year]
    first = planner.planner_rows[0]
    # default weights 40 / 60 (the district set none for that year), one unit ranked
    assert (first.rank, first.ranked) == (1, 1)
    assert first.total == total_31 * D("0.4") + total_32 * D("0.6")
    assert [r.year for r in district.district_rows] == [earlier, demo_year]
    assert district.district_rows[0].city_score == total_43 and district.district_rows[0].rank == 1
