"""The reviewer lens from stored sheets; the meeting report and the 3-2 print show the recusals."""

from __future__ import annotations

import io
from decimal import Decimal as D

from pypdf import PdfReader

from zeshi_desktop.services.fairness import recusals
from zeshi_desktop.services.meeting import ranking, reports
from zeshi_desktop.services.meeting.lens import city_fairness, district_fairness
from zeshi_desktop.services.printing import jobs
from zeshi_desktop.services.printing.jobs import Selection

from ..fairness.panel import YEAR, city_panel, district_panel

# r1..r3 agree on each unit; r4 gives the same as them plus ``bias``
AGREED = {"甲街道": 80, "乙街道": 74, "丙街道": 70, "丁街道": 62}


def _panel(db, bias: int):
    group = {u: (t, t, t, t + bias) for u, t in AGREED.items()}
    with db.write() as s:
        return district_panel(s, group, {"甲街道": 90, "乙街道": 110, "丙街道": 100, "丁街道": 80})


def test_the_lens_of_a_reviewer_who_gives_everyone_five_more(db, tmp_path):
    p = _panel(db, 5)
    with db.read() as s:
        board = district_fairness(s, YEAR, p.district)
        official = ranking.district_ranking(s, YEAR, p.district)
    r4 = next(r for r in board.lens.reviewers if board.reviewer(r.reviewer) == "r4")
    assert r4.offset == D(5) and r4.leaning == "lenient"
    # the lens's official column is the official ranking
    assert [(s.key, s.official_rank, s.official_score) for s in board.lens.ranking] == \
        [(r.key, r.rank, r.total) for r in official.rows]
    biased = {board.subjects[s.key]: s.what_if_rank for s in board.lens.ranking}
    # the same panel without the bias, in a store of its own
    from zeshi_desktop.store.database import Database
    other = Database.open(tmp_path / "fair.sqlite3")
    try:
        q = _panel(other, 0)
        with other.read() as s:
            fair_board = district_fairness(s, YEAR, q.district)
        fair = {fair_board.subjects[s.key]: s.what_if_rank for s in fair_board.lens.ranking}
    finally:
        other.dispose()
    assert biased == fair


def test_the_city_lens_and_its_recusals(db):
    with db.write() as s:
        p = city_panel(s)
        recusals.declare(s, "4-3", YEAR, district_id=p.districts["西城区"], reviewer_id=p.reviewers["c4"],
                         reason="same_institution")
        board = city_fairness(s, YEAR)
    assert board.form_id == "4-3" and len(board.recusals) == 1
    c4 = next(r for r in board.lens.reviewers if board.reviewer(r.reviewer) == "c4")
    assert c4.subjects == 2 and set(board.subjects) == set(p.districts.values())


def _pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_3_2_print_says_recused_in_that_row(db):
    with db.write() as s:
        p = district_panel(s)
        recusals.declare(s, "3-2", YEAR, appointment_id=p.units["乙街道"], reviewer_id=p.reviewers["r5"],
                         reason="relative")
        job = jobs.print_form(s, "3-2", Selection(YEAR, reviewer_id=p.reviewers["r5"]), record=False)
        other = jobs.print_form(s, "3-2", Selection(YEAR, reviewer_id=p.reviewers["r4"]), record=False)
    shown = _pdf_text(job.pdf).replace(" ", "")
    assert "回避" in shown and "99" not in shown              # r5's 99 for 乙 is neither shown nor counted
    assert "草稿" not in shown                               # every other row is final: the matrix is final
    assert "回避" not in _pdf_text(other.pdf).replace(" ", "")


def test_the_meeting_report_lists_every_recusal_with_its_reason(db, tmp_path):
    with db.write() as s:
        p = district_panel(s)
        recusals.declare(s, "3-2", YEAR, appointment_id=p.units["乙街道"], reviewer_id=p.reviewers["r5"],
                         reason="亲属关系")
        recusals.declare(s, "3-2", YEAR, appointment_id=p.units["甲街道"], reviewer_id=p.reviewers["r2"],
                         reason="former_employer")
        zh = reports.write_district_report(s, YEAR, p.district, tmp_path / "zh.pdf")
        en = reports.write_district_report(s, YEAR, p.district, tmp_path / "en.pdf", lang="en")
    text_zh = _pdf_text(zh.path.read_bytes()).replace(" ", "")
    text_en = _pdf_text(en.path.read_bytes())
    for words in ("回避", "亲属关系", "原工作单位", "评审人透镜", "不是正式规则"):
        assert words in text_zh
    for words in ("Recusals", "relative", "former employer", "not the official rule", "What-if ranking"):
        assert words in text_en


def test_a_4_3_batch_prints_no_sheet_for_a_recused_city_reviewer(db):
    with db.write() as s:
        p = city_panel(s)
        before = jobs.print_form(s, "4-3", Selection(YEAR, reviewer_id=p.reviewers["c4"]), record=False).documents
        recusals.declare(s, "4-3", YEAR, district_id=p.districts["西城区"], reviewer_id=p.reviewers["c4"],
                         reason="relative")
        after = jobs.print_form(s, "4-3", Selection(YEAR, reviewer_id=p.reviewers["c4"]), record=False).documents
    assert (before, after) == (3, 2)
