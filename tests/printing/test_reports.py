"""The meeting reports and the 3-3 result file as PDF: the right names, ranks and figures, fonts embedded."""

from __future__ import annotations

import io
from decimal import Decimal

import pypdf
import pytest

from zeshi_desktop.domain.scores import display
from zeshi_desktop.printing.fonts import GlyphsMissing
from zeshi_desktop.printing.reports import (
    BarSpec,
    Report,
    ReportSection,
    StackSpec,
    TableSpec,
    render_report,
)
from zeshi_desktop.services import lookup
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.meeting import questionnaire as dashboard
from zeshi_desktop.services.meeting import reports, result_file

from .conftest import page_texts


def _fonts_embedded(pdf: bytes) -> set[str]:
    """Names of fonts that carry their own glyph outlines (FontFile2 = embedded TrueType)."""
    found = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for desc_font in [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]:
                descriptor = desc_font.get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    found.add(str(desc_font.get("/BaseFont")))
    return found


def test_district_report_has_name_ranks_and_figures(demo_db, demo_year, tmp_path) -> None:
    with demo_db.write() as s:
        did = lookup.district_id(s, "东城区")
        analysis.set_recommended(s, lookup.appointment_id(s, demo_year, "景山街道"), True)
    with demo_db.read() as s:
        board = analysis.district_dashboard(s, demo_year, did)
        written = reports.write_district_report(s, demo_year, did, tmp_path / "d.pdf")
    pdf = written.path.read_bytes()
    text = "".join(page_texts(pdf))
    assert "东城区" in text and str(demo_year) in text
    for row in board.ranking.rows:
        assert f"{row.rank}{row.unit}" in text          # the ranking table: rank then unit
        assert display(row.total) in text
    for o in board.offsets:
        assert o.reviewer.name in text
    assert "★" in text
    assert _fonts_embedded(pdf), "the CJK font must be embedded"


def test_result_file_pdf_has_weights_ranks_and_recommended_page(demo_db, demo_year, tmp_path) -> None:
    with demo_db.write() as s:
        did = lookup.district_id(s, "朝阳区")
        analysis.set_recommended(s, lookup.appointment_id(s, demo_year, "望京街道"), True)
    with demo_db.read() as s:
        board = analysis.district_dashboard(s, demo_year, did)
        result_file.export_district_results(s, demo_year, did, tmp_path / "r.pdf")
    pages = page_texts((tmp_path / "r.pdf").read_bytes())
    assert "朝阳区" in pages[0] and "30%" in pages[0] and "70%" in pages[0]
    for row in board.ranking.rows:
        assert row.unit in pages[0] and display(row.total) in pages[0]
    assert "推荐区级优秀责任规划师" in pages[-1] and "望京街道" in pages[-1]


def test_city_and_questionnaire_reports(demo_db, demo_year, tmp_path) -> None:
    with demo_db.read() as s:
        city = analysis.city_dashboard(s, demo_year)
        reports.write_city_report(s, demo_year, tmp_path / "c.pdf")
        summary = dashboard.questionnaire_summary(s, demo_year, circle="中心城区")
        reports.write_questionnaire_report(s, demo_year, tmp_path / "q.pdf", circle="中心城区")
    text = "".join(page_texts((tmp_path / "c.pdf").read_bytes()))
    for r in city.rows:
        assert r.district in text
    assert "否（合同未全部签订）" in text       # 延庆区: the contract rule, visible
    qtext = "".join(page_texts((tmp_path / "q.pdf").read_bytes()))
    assert "中心城区" in qtext and f"已定稿问卷{summary.questionnaires}份" in qtext
    for f in summary.free_texts:
        assert "".join(f.text.split()) in qtext


def test_wrong_suffix_refused_and_nothing_written(demo_db, demo_year, tmp_path) -> None:
    from zeshi_desktop.services.errors import ActionRefused
    with demo_db.read() as s, pytest.raises(ActionRefused):
        reports.write_city_report(s, demo_year, tmp_path / "c.docx")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("c.") or p.name.startswith(".c.")]


def test_render_report_refuses_a_character_the_font_lacks() -> None:
    report = Report("标题", "副标题", (ReportSection("一", "", BarSpec(("张\U0002A6A5",), (Decimal(1),))),))
    with pytest.raises(GlyphsMissing):
        render_report(report)


def test_charts_and_tables_render_with_negative_values() -> None:
    report = Report("宽严", "测试", (
        ReportSection("偏差", "", BarSpec(("甲", "乙"), (Decimal("-3.5"), Decimal("2"))),
                      TableSpec(("评审人", "偏差"), (("甲", "-3.5"), ("乙", "+2")), highlight_rows=(0,))),
        ReportSection("问卷", "", StackSpec(("观点一",), (("同意", (3,)), ("不同意", (1,))))),
    ))
    text = "".join(page_texts(render_report(report)))
    assert "宽严" in text and "-3.5" in text and "观点一" in text


@pytest.mark.parametrize("undo", ["weights", "draft"])
def test_the_result_file_is_draft_by_the_same_rule_in_print_and_export(demo_db, demo_year, tmp_path, undo) -> None:
    """Unset weights or one 3-1 sheet back in draft: 草稿 on `zeshi print 3-3` and on the dashboard's export alike."""
    from sqlalchemy import delete

    from zeshi_desktop.services.meeting import ranking
    from zeshi_desktop.services.printing import jobs as printing
    from zeshi_desktop.services.scoring import sheets
    from zeshi_desktop.store.models import DistrictYear

    with demo_db.read() as s:
        did = lookup.district_id(s, "朝阳区")
        assert ranking.result_is_final(s, ranking.district_ranking(s, demo_year, did))
        before = page_texts(printing.print_form(s, "3-3", printing.Selection(demo_year, district_id=did)).pdf)
    assert "草稿" not in "".join(before)
    with demo_db.write() as s:
        if undo == "weights":
            s.execute(delete(DistrictYear).where(DistrictYear.district_id == did))
        else:
            sheets.unlock(s, sheets.sheets(s, demo_year, "3-1", district_id=did)[0].id, "复核")
    with demo_db.read() as s:
        assert not ranking.result_is_final(s, ranking.district_ranking(s, demo_year, did))
        printed = page_texts(printing.print_form(s, "3-3", printing.Selection(demo_year, district_id=did)).pdf)
        result_file.export_district_results(s, demo_year, did, tmp_path / "r.pdf")
    exported = page_texts((tmp_path / "r.pdf").read_bytes())
    assert "草稿" in printed[0] and "草稿" in exported[0]


def test_reports_print_in_english(demo_db, demo_year, tmp_path) -> None:
    """``lang="en"``: the same reports in English; names and data stay as people typed them."""
    with demo_db.write() as s:
        did = lookup.district_id(s, "朝阳区")
        analysis.set_recommended(s, lookup.appointment_id(s, demo_year, "望京街道"), True)
    with demo_db.read() as s:
        reports.write_district_report(s, demo_year, did, tmp_path / "d.pdf", lang="en")
        reports.write_city_report(s, demo_year, tmp_path / "c.pdf", lang="en")
        reports.write_questionnaire_report(s, demo_year, tmp_path / "q.pdf", district_id=did, lang="en")
        result_file.export_district_results(s, demo_year, did, tmp_path / "r.pdf", lang="en")
    district = "".join(page_texts((tmp_path / "d.pdf").read_bytes()))
    assert "Ranking(Annex3-3)" in district and "朝阳区" in district and "Meanoffset" in district
    city = "".join(page_texts((tmp_path / "c.pdf").read_bytes()))
    assert "No(contractsnotallsigned)" in city and "延庆区" in city
    questions = "".join(page_texts((tmp_path / "q.pdf").read_bytes()))
    assert "Scope:朝阳区" in questions and "Stronglyagree" in questions
    recommended = page_texts((tmp_path / "r.pdf").read_bytes())[-1]
    assert "plannersrecommendedasexcellent" in recommended and "望京街道" in recommended
