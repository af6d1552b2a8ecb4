"""The renewal view on crafted histories: a first term ending, a 不合格 this year, two years below 合格."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zeshi_desktop.domain.results import renewal
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.meeting import ranking
from zeshi_desktop.services.results import renewal_report, renewals
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database

YEAR = 2025
BANDS = catalogue.form("3-3").bands


def _score(session, year: int, app: int, form_id: str, share: Decimal, reviewer: int | None = None) -> None:  # type: ignore[no-untyped-def]
    """Every item at ``share`` of its maximum (to the half point), finalised: 总分 = 110 × share at 40/60."""
    values = {i.id: str((i.max * share * 2).to_integral_value() / 2) for i in catalogue.form(form_id).items}
    sid = sheets.open_sheet(session, form_id, year, appointment_id=app, reviewer_id=reviewer).id
    sheets.set_scores(session, sid, values)
    sheets.finalize(session, sid)


def _year(session, year: int, district: int, unit: int, planner: int, share: Decimal | None, **term: object) -> int:  # type: ignore[no-untyped-def]
    app = roster.appoint(session, year, unit, planner, contract_signed=True, fee_paid=True, **term)  # type: ignore[arg-type]
    if share is not None:
        reviewer = roster.add_reviewer(session, year, "district", f"评审{year}{unit}", district_id=district)
        ranking.set_weights(session, year, district, 40, 60)
        _score(session, year, app, "3-1", share)
        _score(session, year, app, "3-2", share, reviewer)
    return app


@pytest.fixture
def crafted(db: Database) -> Database:
    """Four units of one district, each with a history made for one flag (or none)."""
    with db.write() as s:
        d = roster.add_district(s, "测试区", "中心城区", code="TS")
        units = {name: roster.add_unit(s, d, f"{name}街道") for name in ("首任", "不合格", "两年", "稳定")}
        planners = {name: roster.add_planner(s, f"{name}规划师", is_team=False) for name in units}
        # a first term of one year, this year, passed: it ends this year
        _year(s, YEAR, d, units["首任"], planners["首任"], Decimal("0.6"), term_start=YEAR, term_years=1)
        # a renewal for three years from 2024, 不合格 this year
        for year, share in ((2024, Decimal("0.85")), (YEAR, Decimal("0.5"))):
            _year(s, year, d, units["不合格"], planners["不合格"], share, term_start=2024, term_years=3, renewal=True)
        # two years below 合格 (2024 and this year), 2023 fine, in a term from 2023 for 3 years
        for year, share in ((2023, Decimal("0.8")), (2024, Decimal("0.5")), (YEAR, Decimal("0.45"))):
            _year(s, year, d, units["两年"], planners["两年"], share, term_start=2023, term_years=3, renewal=True)
        # a three-year term from this year, excellent: nothing to flag
        _year(s, YEAR, d, units["稳定"], planners["稳定"], Decimal("0.85"), term_start=YEAR, term_years=3,
              renewal=True)
    return db


def _view(db: Database) -> dict[str, renewals.RenewalRow]:
    with db.read() as s:
        did = next(d.id for d in roster.districts(s) if d.code == "TS")
        view = renewals.renewal_view(s, YEAR, did)
    return {row.unit: row for row in view.rows}


def test_flags_on_crafted_histories(crafted: Database) -> None:
    rows = _view(crafted)
    assert rows["首任街道"].flags == (renewal.TERM_ENDS,)
    assert not rows["首任街道"].term.renewal and rows["首任街道"].term.end == YEAR
    assert rows["不合格街道"].flags == (renewal.FAIL_THIS_YEAR,)
    assert rows["两年街道"].flags == (renewal.TERM_ENDS, renewal.FAIL_THIS_YEAR, renewal.TWO_YEARS_BELOW)
    assert rows["稳定街道"].flags == ()


def test_every_year_of_the_term_is_shown_with_the_meetings_result(crafted: Database) -> None:
    rows = _view(crafted)
    two = rows["两年街道"]
    assert [r.year for r in two.results] == [2023, 2024, 2025]
    assert [r.band.id if r.band else None for r in two.results] == ["excellent", "fail", "fail"]
    with crafted.read() as s:   # each year's figure is the one `zeshi rank` prints for that year
        did = next(d.id for d in roster.districts(s) if d.code == "TS")
        for result in two.results:
            theirs = next(r for r in ranking.district_ranking(s, result.year, did).rows if r.unit == "两年街道")
            assert (result.total, result.rank) == (theirs.total, theirs.rank)
    assert two.results[-1].rank == 4 and two.results[-1].ranked == 4
    first = rows["不合格街道"]
    assert [(r.year, r.held) for r in first.results] == [(2024, True), (2025, True)]   # the term so far
    assert rows["稳定街道"].this_year is not None and rows["稳定街道"].this_year.rank == 1


def test_a_year_the_store_does_not_hold_says_so(db: Database) -> None:
    with db.write() as s:
        d = roster.add_district(s, "测试区", "中心城区", code="TS")
        u, p = roster.add_unit(s, d, "甲街道"), roster.add_planner(s, "甲", is_team=False)
        _year(s, YEAR, d, u, p, Decimal("0.7"), term_start=2023, term_years=3, renewal=True)
    row = _view(db)["甲街道"]
    assert [(r.year, r.held) for r in row.results] == [(2023, False), (2024, False), (2025, True)]
    assert row.flags == (renewal.TERM_ENDS,)


def test_the_hiring_bodys_note_is_kept_beside_the_figures(crafted: Database) -> None:
    app = _view(crafted)["首任街道"].appointment_id
    with crafted.write() as s:
        renewals.set_note(s, app, "  聘任主体同意续聘 2 年  ", actor="街道办")
    row = _view(crafted)["首任街道"]
    assert (row.note, row.note_by) == ("聘任主体同意续聘 2 年", "街道办") and row.note_at is not None
    assert row.flags == (renewal.TERM_ENDS,)   # a note decides nothing the view computes
    with crafted.write() as s, pytest.raises(ActionRefused) as caught:
        renewals.set_note(s, app, "长" * 2001)
    assert caught.value.code == "results.renewal.note_too_long"
    with crafted.write() as s:
        renewals.set_note(s, app, "")
    assert _view(crafted)["首任街道"].note == ""


@pytest.mark.parametrize("suffix", [".xlsx", ".pdf"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_is_written_in_either_language(crafted: Database, tmp_path: Path, suffix: str, lang: str) -> None:
    path = tmp_path / f"renewals{suffix}"
    with crafted.read() as s:
        did = next(d.id for d in roster.districts(s) if d.code == "TS")
        written = renewal_report.write_renewals(s, YEAR, did, path, lang)
    assert written.rows == 4 and path.stat().st_size > 1000
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        cells = [str(c.value) for row in load_workbook(path).active.iter_rows() for c in row if c.value]
        flag = "连续两年低于合格" if lang == "zh" else "Two years below pass"
        assert any(flag in c for c in cells)
        assert any(("参考" if lang == "zh" else "reference") in c for c in cells)


@given(start=st.integers(2018, 2025), years=st.integers(1, 3), this=st.sampled_from([b.id for b in BANDS] + [None]),
       last=st.sampled_from([b.id for b in BANDS] + [None]))
def test_the_flags_follow_their_rules(start: int, years: int, this: str | None, last: str | None) -> None:
    band = {b.id: b for b in BANDS}
    term = renewal.Term(start, years, start < YEAR)
    found = renewal.flags(YEAR, term, band.get(this) if this else None, band.get(last) if last else None, BANDS,
                          "fail", "pass")
    assert (renewal.TERM_ENDS in found) == (start + years - 1 <= YEAR)
    assert (renewal.FAIL_THIS_YEAR in found) == (this == "fail")
    assert (renewal.TWO_YEARS_BELOW in found) == (this == "fail" and last == "fail")


def test_a_term_is_written_as_everywhere_else() -> None:
    """One year alone is "2025", never "2025–2025"; a longer term its first and last year (rules.term_span)."""
    from types import SimpleNamespace

    def written(start: int, years: int, lang: str) -> str:
        return renewal_report.term_text(SimpleNamespace(term=renewal.Term(start, years, False)), lang)  # type: ignore[arg-type]

    assert written(2025, 1, "zh") == "2025（1 年）"
    assert written(2024, 3, "zh") == "2024–2026（3 年）"
    assert written(2024, 3, "en") == "2024–2026 (3 yr)"
