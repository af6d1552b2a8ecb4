"""考核结果反馈: the letter's figures are the meeting's, to the last digit; no reviewer is named; its code verifies."""

from __future__ import annotations

import io
from decimal import Decimal

import pypdf
import pytest
from sqlalchemy import select, update

from zeshi_desktop.domain import verification as vdomain
from zeshi_desktop.services import lookup, roster
from zeshi_desktop.services.meeting import dashboards, ranking
from zeshi_desktop.services.printing import verification
from zeshi_desktop.services.results import contents, feedback, papers
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.models import Reviewer, Sheet


def pdf_text(pdf: bytes) -> str:
    """Every character the PDF draws, spaces and line breaks taken out (a name may wrap in a cell)."""
    return "".join("".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("code", ["DC", "CY", "YQ"])
def test_a_letters_figures_are_zeshi_rank_and_the_dashboards_exactly(demo_db: Database, demo_year: int,
                                                                    code: str) -> None:
    with demo_db.read() as s:
        did = lookup.district_id(s, code)
        letters = feedback.district_letters(s, demo_year, did)
        ranked = {r.key: r for r in ranking.district_ranking(s, demo_year, did).rows}   # what `zeshi rank` prints
        board = dashboards.district_dashboard(s, year=demo_year, district_id=did)
    shown = {r.key: r for r in board.ranking.rows}
    group_items = {i.item_id: i.mean for i in board.group_items}
    spreads = {sp.key: len(sp.spread.totals) for sp in board.spreads}
    assert [letter.appointment_id for letter in letters] == [r.key for r in board.ranking.rows]
    for letter in letters:
        for theirs in (ranked[letter.appointment_id], shown[letter.appointment_id]):
            assert (letter.street_score, letter.district_score, letter.street_weighted, letter.district_weighted,
                    letter.total, letter.rank, letter.band) == (
                theirs.street_score, theirs.district_score, theirs.street_weighted, theirs.district_weighted,
                theirs.total, theirs.rank, theirs.band)
        assert isinstance(letter.total, Decimal) and letter.ranked == len(ranked)
        assert letter.reviewers == spreads[letter.appointment_id] == 5
        assert {i.item_id: i.district for i in letter.items} == group_items


def test_each_items_mean_is_the_mean_of_the_units_finalised_sheets(demo_db: Database, demo_year: int) -> None:
    with demo_db.read() as s:
        app = lookup.appointment_id(s, demo_year, "DC-U01")
        letter = feedback.letter(s, demo_year, app)
        views = sheets.sheets(s, demo_year, "3-2", appointment_id=app)
    for item in letter.items:
        values = [v.scores[item.item_id] for v in views if item.item_id in v.scores]
        assert item.mine == sum(values, Decimal(0)) / len(values)


def _name_the_reviewers(db: Database, year: int) -> list[str]:
    """Give every reviewer an unmistakable name and each DC 3-2 sheet a remark, finalised again."""
    with db.write() as s:
        for r in s.scalars(select(Reviewer)):
            s.execute(update(Reviewer).where(Reviewer.id == r.id).values(name=f"秘密评审{r.code}号"))
        did = lookup.district_id(s, "DC")
        apps = {a.id for a in roster.appointments(s, year, did)}
        for sheet in s.scalars(select(Sheet).where(Sheet.year == year, Sheet.form_id == "3-2",
                                                   Sheet.appointment_id.in_(apps))).all():
            reviewer = s.get(Reviewer, sheet.reviewer_id)
            assert reviewer is not None
            sheets.unlock(s, sheet.id, "补写评审意见")
            sheets.set_remarks(s, sheet.id, f"意见{reviewer.code[-1]}：建议加强公众参与")
            sheets.finalize(s, sheet.id)
        return [r.name for r in s.scalars(select(Reviewer))]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reviewers_names_never_appear_in_a_letter(demo_db: Database, demo_year: int, lang: str) -> None:
    names = _name_the_reviewers(demo_db, demo_year)
    with demo_db.read() as s:
        job = papers.render(papers.prepare_feedback(s, demo_year, lang, district_id=lookup.district_id(s, "DC")))
        letters = feedback.district_letters(s, demo_year, lookup.district_id(s, "DC"))
    printed = pdf_text(job.pdf)
    assert job.documents == 4 and all(len(letter.reviewer_remarks) == 5 for letter in letters)
    assert "建议加强公众参与" in printed and "意见1：" in printed       # the remarks are there ...
    assert [name for name in names if name in printed] == []         # ... their authors are not
    assert all(code not in printed for code in ("DC-R1", "DC-R2", "CITY-R1"))
    content = contents.feedback_content(letters[0], "00000000-0000")
    assert not any(name in vdomain.canonical_json([content]) for name in names)


def test_the_remarks_are_sorted_so_their_order_names_nobody(demo_db: Database, demo_year: int) -> None:
    _name_the_reviewers(demo_db, demo_year)
    with demo_db.read() as s:
        letter = feedback.letter(s, demo_year, lookup.appointment_id(s, demo_year, "DC-U02"))
    assert list(letter.reviewer_remarks) == sorted(letter.reviewer_remarks)


def test_a_letters_code_verifies_and_names_what_changed(demo_db: Database, demo_year: int) -> None:
    with demo_db.write() as s:
        prepared = papers.prepare_feedback(s, demo_year, "en", district_id=lookup.district_id(s, "DC"))
        job = papers.render(prepared)
        papers.record(s, prepared, job)
    assert len(job.codes) == 4 and all(code.startswith("ZS-8") for code in job.codes)
    with demo_db.read() as s:
        zh = papers.render(papers.prepare_feedback(s, demo_year, "zh", district_id=lookup.district_id(s, "DC")))
        assert zh.codes == job.codes   # the same result in either language: the same code
        result = verification.verify(s, job.codes[0])
    assert result.matches and result.form_id == "feedback" and "考核结果反馈" in result.summary("zh")
    first = prepared.planned[0]
    assert first.contents is not None
    with demo_db.write() as s:   # the office's comments change after the letter was signed
        sid = first.ref_sheet_id
        assert sid is not None
        sheets.unlock(s, sid, "更正意见")
        sheets.set_remarks(s, sid, "新的意见")
        sheets.finalize(s, sid)
    with demo_db.read() as s:
        changed = verification.verify(s, job.codes[0])
    assert not changed.matches
    assert [c.label for c in changed.changes] == ["街乡镇意见建议"]
    assert changed.changes[0].new == "新的意见"


def test_a_letter_is_a_draft_until_the_districts_result_is_final(demo_db: Database, demo_year: int) -> None:
    with demo_db.write() as s:
        app = lookup.appointment_id(s, demo_year, "DC-U03")
        sid = s.scalar(select(Sheet.id).where(Sheet.appointment_id == app, Sheet.form_id == "3-1"))
        assert sid is not None
        sheets.unlock(s, sid, "复核")
    with demo_db.read() as s:
        prepared = papers.prepare_feedback(s, demo_year, "zh", district_id=lookup.district_id(s, "DC"))
    assert all(not p.doc.final and p.doc.stamp is None for p in prepared.planned)
    with demo_db.read() as s:
        letter = feedback.letter(s, demo_year, app)
    assert letter.rank is None and letter.street_score is None and letter.total is None


def test_a_recusal_is_counted_beside_the_reviewers(demo_db: Database, demo_year: int) -> None:
    """Issue 15's 回避: the recused reviewer's sheet is out of the final score, and the letter says so."""
    from zeshi_desktop.services.fairness import recusals

    with demo_db.write() as s:
        app = lookup.appointment_id(s, demo_year, "DC-U01")
        recusals.declare(s, "3-2", demo_year, reviewer_id=lookup.reviewer_id(s, demo_year, "DC-R1"), reason="同单位",
                         appointment_id=app, actor="区专班")
    with demo_db.read() as s:
        letter = feedback.letter(s, demo_year, app)
        ranked = next(r for r in ranking.district_ranking(s, demo_year, letter.district_id).rows if r.key == app)
        job = papers.render(papers.prepare_feedback(s, demo_year, "zh", appointment_ids=[app]))
    assert (letter.reviewers, letter.recusals) == (4, 1)
    assert letter.district_score == ranked.district_score and letter.total == ranked.total
    assert "4位评审人总分的平均分（另有1人回避）" in pdf_text(job.pdf)
