"""The results in English, whole: statements, legends, circles and rules from the forms' own English; tables
that fit a 1280-pixel screen; the same figures in a chart as in its table; the years page following the tree;
one way of writing a term; the audit naming a reviewer without a group prefix in the language of the day.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtWidgets import QTableView

from zeshi_desktop.domain.rules import term_span
from zeshi_desktop.gui import dialogs, i18n
from zeshi_desktop.gui.actions import ActionRunner, Change
from zeshi_desktop.gui.dashboards.city import CityDashboard
from zeshi_desktop.gui.dashboards.district import DistrictDashboard
from zeshi_desktop.gui.dashboards.district_ranking import RECOMMEND_COLUMN
from zeshi_desktop.gui.dashboards.questionnaire import QuestionnaireSummary
from zeshi_desktop.gui.dashboards.years import YearsView
from zeshi_desktop.gui.selection import Selection
from zeshi_desktop.messages import number_text
from zeshi_desktop.services import catalogue, lookup, roster
from zeshi_desktop.services.scoring import sheets

pytestmark = pytest.mark.usefixtures("cjk_font")   # tests/gui/conftest.py

CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    assert i18n.install_language(qapp, "en")
    yield
    i18n.install_language(qapp, "zh")


def _open(qtbot, page, year: int, district_id: int | None = None, size: tuple[int, int] = (1366, 768)):  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    page.show_selection(Selection(year=year, district_id=district_id))
    return page


def _district(demo_db, name: str = "朝阳区") -> int:  # type: ignore[no-untyped-def]
    with demo_db.read() as s:
        return lookup.district_id(s, name)


def test_the_questionnaire_summary_speaks_english(qtbot, demo_db, demo_year, english) -> None:  # type: ignore[no-untyped-def]
    w = _open(qtbot, QuestionnaireSummary(ActionRunner(demo_db)), demo_year)
    q = catalogue.form("5-1").questionnaire
    assert q is not None
    series = w.chart.chart().series()[0]
    assert [s.label() for s in series.barSets()] == [o.en for o in q.options]        # the legend
    labels = next(a.categories() for a in w.chart.chart().axes() if isinstance(a, QBarCategoryAxis))
    assert labels and not any(CJK.search(label) for label in labels)                 # the statements
    statements = [w.share_model.item(r, 0).text() for r in range(w.share_model.rowCount())]
    assert statements[0].startswith("1.1 ") and not any(CJK.search(s) for s in statements)
    assert not CJK.search(w.count.text())                                             # the yes/no question
    circles = [w.circle.itemText(i) for i in range(w.circle.count())]
    assert circles[1:] == [c.en for c in catalogue.roster_terms().circles]
    w.set_filters(circle="生态涵养区")      # the filter still passes the stored name
    assert w.summary is not None and w.summary.questionnaires == 2


def test_the_city_dashboard_speaks_english(qtbot, demo_db, demo_year, english) -> None:  # type: ignore[no-untyped-def]
    w = _open(qtbot, CityDashboard(ActionRunner(demo_db)), demo_year)
    assert not CJK.search(w.rule.text()) and "Excellent" in w.rule.text()
    circles = {w.district_model.item(r, 2).text() for r in range(w.district_model.rowCount())}
    assert circles and circles <= {c.en for c in catalogue.roster_terms().circles}
    w.tabs.setCurrentIndex(1)
    heads = [w.circle_model.horizontalHeaderItem(c).text() for c in range(w.circle_model.columnCount())]
    assert not any(CJK.search(h) for h in heads)                                      # the band counts too
    w.circle_filter.setCurrentIndex(w.circle_filter.findText("Central city"))
    assert w.planner_proxy.rowCount() == 5


def test_the_chart_shows_the_tables_figures(qtbot, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    w = _open(qtbot, CityDashboard(ActionRunner(demo_db)), demo_year)
    table = {number_text(Decimal(w.district_model.item(r, 3).text())) for r in range(w.district_model.rowCount())}
    bars = w.district_chart.chart().series()[0].barSets()[0]
    shown = {number_text(Decimal(str(bars.at(i)))) for i in range(bars.count())}
    assert "84.83" in table and table <= shown        # 84.83 beside 84.83, not 84.8
    w.tabs.setCurrentIndex(1)
    means = [w.circle_model.item(r, 3).text() for r in range(w.circle_model.rowCount())]
    bars = w.circle_chart.chart().series()[0].barSets()[0]
    assert sorted(means) == sorted(number_text(Decimal(str(bars.at(i)))) for i in range(bars.count()))


@pytest.mark.parametrize("size", [(1366 - 250, 768 - 80), (1280 - 250, 720 - 80)])   # the page beside the tree
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_ranking_fits_beside_the_tree(qtbot, qapp, demo_db, demo_year, size, language) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language(qapp, language)
    w = _open(qtbot, DistrictDashboard(ActionRunner(demo_db)), demo_year, _district(demo_db), size)
    qtbot.waitUntil(lambda: w.ranking.view.viewport().width() > 100)
    view: QTableView = w.ranking.view
    header = view.horizontalHeader()
    right = header.sectionViewportPosition(RECOMMEND_COLUMN) + header.sectionSize(RECOMMEND_COLUMN)
    assert right <= view.viewport().width(), "推荐优秀 / Recommended in sight without scrolling"
    assert view.horizontalScrollBar().maximum() == 0
    tab_bar = w.tabs.tabBar()
    assert all(tab_bar.tabRect(i).right() <= tab_bar.width() or tab_bar.usesScrollButtons()
               for i in range(tab_bar.count()))


def test_the_years_page_follows_the_trees_planner(qtbot, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    runner = ActionRunner(demo_db)
    with demo_db.read() as s:
        apps = roster.appointments(s, demo_year)
    first, other = apps[0], next(a for a in apps if a.planner_id != apps[0].planner_id)
    w = YearsView(runner)
    qtbot.addWidget(w)
    w.show()
    for a in (first, other):
        w.show_selection(Selection(year=demo_year, district_id=a.district_id, unit_id=a.unit_id,
                                   appointment_id=a.id))
        assert w.planner.currentData() == a.planner_id and w.district.currentData() == a.district_id
        assert w.planner_model.item(0, 2).text() == a.unit or w.planner_model.rowCount() > 1


def test_the_years_and_questionnaire_pages_list_a_new_district(qtbot, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    runner = ActionRunner(demo_db)
    years = _open(qtbot, YearsView(runner), demo_year)
    summary = _open(qtbot, QuestionnaireSummary(runner), demo_year)
    assert runner.run(lambda s: roster.add_district(s, "测试区", "多点地区"), Change(roster=True))[0]
    for combo in (years.district, summary.district):
        assert combo.findText("测试区") >= 0


def test_a_term_is_written_one_way(qtbot, window, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("roster")
    table = page.appointment_table
    terms = {table.item(r, 3).text() for r in range(table.rowCount())}
    assert terms and all(re.fullmatch(r"\d{4}(–\d{4})?", t) for t in terms)
    with demo_db.read() as s:
        a = roster.appointments(s, demo_year)[0]
    assert term_span(2024, 3) == "2024–2026" and term_span(2025, 1) == "2025"
    assert term_span(a.term_start, a.term_years) in terms


def test_the_audit_names_a_reviewer_without_a_group_in_the_language_of_the_day(  # type: ignore[no-untyped-def]
        window, demo_db, monkeypatch) -> None:
    with demo_db.read() as s:
        district = lookup.district_id(s, "东城区")
    window.select(district)
    assert window.choose_reviewer("district")
    with demo_db.read() as s:
        reviewer = roster.reviewer(s, window.selection.reviewer_id)
    assert window.selection.actor == reviewer.name
    page = window.show_page("sheet-3-2")
    sheet = page.row_sheets[0]
    assert sheet is not None and sheet.is_final
    page.bar.show_sheet(sheet, locked=page.locked)
    monkeypatch.setattr(dialogs, "ask_text", lambda parent, title, label: "复核")
    page.bar.unlock()
    with demo_db.read() as s:
        entry = sheets.audit_log(s, sheet.id)[-1]
    assert entry.action == "unlock" and entry.actor == reviewer.name and entry.role.startswith("district:")
