"""The dashboards open and render headless on the demo data; what they show follows the runner's changes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.dashboards.city import CityDashboard
from zeshi_desktop.gui.dashboards.common import Dashboard
from zeshi_desktop.gui.dashboards.district import DistrictDashboard
from zeshi_desktop.gui.dashboards.district_ranking import (
    BAND_COLUMN,
    RECOMMEND_COLUMN,
    TOTAL_COLUMN,
)
from zeshi_desktop.gui.dashboards.questionnaire import QuestionnaireSummary
from zeshi_desktop.gui.dashboards.years import YearsView
from zeshi_desktop.gui.pages import PAGES
from zeshi_desktop.gui.selection import Selection
from zeshi_desktop.messages import number_text
from zeshi_desktop.services import catalogue, lookup
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.scoring import sheets

pytestmark = pytest.mark.usefixtures("cjk_font")   # tests/gui/conftest.py

DASHBOARDS = ("district-dashboard", "city-dashboard", "questionnaire-summary", "years")


def _district(demo_db, name: str) -> int:
    with demo_db.read() as s:
        return lookup.district_id(s, name)


def _open(qtbot, page: Dashboard, year: int, district_id: int | None = None) -> Dashboard:
    """A dashboard on screen at the projector's size, told the selection as the main window tells it."""
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.show_selection(Selection(year=year, district_id=district_id))
    return page


def _row_of(model, unit: str) -> int:
    return next(r for r in range(model.rowCount()) if model.item(r, 1).text() == unit)


def test_the_dashboards_are_pages_of_the_one_registry() -> None:
    names = [spec.name for spec in PAGES]
    assert set(DASHBOARDS) <= set(names) and len(names) == len(set(names))


@pytest.mark.parametrize("name", DASHBOARDS)
def test_every_dashboard_opens_and_renders(qtbot, runner, demo_year, name) -> None:
    spec = next(s for s in PAGES if s.name == name)
    widget = _open(qtbot, spec.factory(runner), demo_year)
    image = widget.grab().toImage()
    assert not image.isNull() and image.width() == 1366
    assert spec.title()
    widget.refresh()


def test_nothing_is_read_before_the_first_selection(qtbot, runner) -> None:
    widget = DistrictDashboard(runner)
    qtbot.addWidget(widget)
    widget.refresh()
    assert widget.board is None and widget.ranking.model.rowCount() == 0


def test_district_ranking_rows_sort_filter_and_tabs(qtbot, runner, demo_db, demo_year) -> None:
    did = _district(demo_db, "朝阳区")
    w = _open(qtbot, DistrictDashboard(runner), demo_year, did)
    with demo_db.read() as s:
        units = s.execute(text("SELECT u.name FROM appointments a JOIN units u ON u.id = a.unit_id "
                               "WHERE u.district_id = :d"), {"d": did}).scalars().all()
    model, proxy = w.ranking.model, w.ranking.proxy
    assert sorted(model.item(r, 1).text() for r in range(model.rowCount())) == sorted(units)
    assert [model.item(r, 0).text() for r in range(model.rowCount())] == [str(i + 1) for i in range(len(units))]
    assert [model.horizontalHeaderItem(c).text() for c in range(model.columnCount())] == \
        ["排名", "责任片区", "责任规划师", "加权3-1", "加权3-2", "总分", "等级", "推荐优秀"]
    w.ranking.view.sortByColumn(TOTAL_COLUMN, Qt.SortOrder.AscendingOrder)      # 总分, ascending: by value
    totals = [float(proxy.index(r, TOTAL_COLUMN).data()) for r in range(proxy.rowCount())]
    assert totals == sorted(totals)
    w.ranking.filter.setText(units[0])
    assert proxy.rowCount() == 1
    w.ranking.filter.setText("")
    w.ranking.band.setCurrentIndex(w.ranking.band.findText("优秀"))
    assert all(proxy.index(r, BAND_COLUMN).data() == "优秀" for r in range(proxy.rowCount()))
    for index in range(w.tabs.count()):   # every tab fills without error
        w.tabs.setCurrentIndex(index)
    assert w.spread.model.rowCount() == len(units) and w.offsets.model.rowCount() == 5


def test_outlier_distance_is_configurable(qtbot, runner, demo_db, demo_year) -> None:
    w = _open(qtbot, DistrictDashboard(runner), demo_year, _district(demo_db, "东城区"))
    w.tabs.setCurrentIndex(1)
    strict = w.board.outlier_count
    assert strict > 0 and w.spread.outlier_label.text() == f"离群 {strict} 处"
    w.spread.distance.setValue(30)
    assert w.board.outlier_count == 0
    assert w.spread.outlier_label.text() == "离群 0 处"


def test_recommended_checkbox_is_saved_at_once_through_the_runner(qtbot, runner, demo_db, demo_year) -> None:
    changes: list[Change] = []
    runner.changed.connect(changes.append)
    w = _open(qtbot, DistrictDashboard(runner), demo_year, _district(demo_db, "东城区"))
    cell = w.ranking.model.item(0, RECOMMEND_COLUMN)
    unit = w.ranking.model.item(0, 1).text()
    assert cell.isCheckable() and cell.checkState() == Qt.CheckState.Unchecked
    cell.setCheckState(Qt.CheckState.Checked)
    assert [(c.recommendations, c.source) for c in changes] == [(True, w)]
    with demo_db.read() as s:
        saved = s.execute(text("SELECT a.recommended FROM appointments a JOIN units u ON u.id = a.unit_id "
                               "WHERE u.name = :u"), {"u": unit}).scalars().all()
    assert saved == [1]
    again = _open(qtbot, DistrictDashboard(runner), demo_year, _district(demo_db, "东城区"))
    row = _row_of(again.ranking.model, unit)
    assert again.ranking.model.item(row, RECOMMEND_COLUMN).checkState() == Qt.CheckState.Checked
    again.ranking.model.item(row, RECOMMEND_COLUMN).setCheckState(Qt.CheckState.Unchecked)
    with demo_db.read() as s:
        assert s.execute(text("SELECT COUNT(*) FROM appointments WHERE recommended")).scalar_one() == 0
    # the first dashboard heard of the second's mark and shows it without being asked
    assert w.ranking.model.item(_row_of(w.ranking.model, unit), RECOMMEND_COLUMN).checkState() == \
        Qt.CheckState.Unchecked


def _first_31_sheet(demo_db, year: int, district_id: int) -> tuple[int, str]:
    with demo_db.read() as s:
        sid, unit = s.execute(text(
            "SELECT s.id, u.name FROM sheets s JOIN appointments a ON a.id = s.appointment_id "
            "JOIN units u ON u.id = a.unit_id WHERE s.form_id = '3-1' AND s.year = :y AND u.district_id = :d "
            "ORDER BY s.id LIMIT 1"), {"y": year, "d": district_id}).one()
    return sid, unit


def test_district_dashboard_follows_a_reopened_sheet(qtbot, runner, demo_db, demo_year) -> None:
    did = _district(demo_db, "东城区")
    w = _open(qtbot, DistrictDashboard(runner), demo_year, did)
    assert w.ranking.waiting_label.text() == "评审表已全部定稿"
    sid, unit = _first_31_sheet(demo_db, demo_year, did)
    ok, _ = runner.run(lambda s: sheets.unlock(s, sid, "复核"), Change(sheets=frozenset({sid})))
    assert ok
    assert w.ranking.waiting_label.text() == "待交评审表：1 张"   # no refresh() called
    assert w.ranking.model.item(_row_of(w.ranking.model, unit), 0).text() == "—"


def test_open_district_dashboard_shows_a_changed_score_without_a_refresh(qtbot, runner, demo_db, demo_year) -> None:
    did = _district(demo_db, "东城区")
    w = _open(qtbot, DistrictDashboard(runner), demo_year, did)
    sid, unit = _first_31_sheet(demo_db, demo_year, did)
    before = w.ranking.model.item(_row_of(w.ranking.model, unit), TOTAL_COLUMN).text()
    first = catalogue.form("3-1").items[0]
    with demo_db.read() as s:
        old = sheets.view(s, sid).scores[first.id]
    new = old - 1 if old >= 1 else first.max
    change = Change(sheets=frozenset({sid}))
    for action in (lambda s: sheets.unlock(s, sid, "复核"), lambda s: sheets.set_score(s, sid, first.id, new),
                   lambda s: sheets.finalize(s, sid)):
        assert runner.run(action, change)[0]
    with demo_db.read() as s:
        board = analysis.district_dashboard(s, demo_year, did)
    expected = next(r.total for r in board.ranking.rows if r.unit == unit)
    shown = w.ranking.model.item(_row_of(w.ranking.model, unit), TOTAL_COLUMN).text()
    assert shown == number_text(expected) and shown != before
    assert w.ranking.waiting_label.text() == "评审表已全部定稿"


def test_a_hidden_dashboard_reads_again_when_shown(qtbot, runner, demo_db, demo_year) -> None:
    did = _district(demo_db, "东城区")
    w = _open(qtbot, DistrictDashboard(runner), demo_year, did)
    board = w.board
    w.hide()
    sid, _unit = _first_31_sheet(demo_db, demo_year, did)
    runner.run(lambda s: sheets.unlock(s, sid, "复核"), Change(sheets=frozenset({sid})))
    assert w.board is board     # hidden: nothing read yet
    w.show()
    assert w.board is not board and w.ranking.waiting_label.text() == "待交评审表：1 张"


def test_a_change_that_moves_no_figure_reads_nothing(qtbot, runner, demo_db, demo_year) -> None:
    w = _open(qtbot, DistrictDashboard(runner), demo_year, _district(demo_db, "东城区"))
    board = w.board
    runner.changed.emit(Change())   # e.g. a picture added to 4-1, codes kept after printing
    assert w.board is board


def test_export_buttons_write_files(qtbot, runner, demo_db, demo_year, tmp_path: Path) -> None:
    w = _open(qtbot, DistrictDashboard(runner), demo_year, _district(demo_db, "东城区"))
    for name, report in (("r.xlsx", False), ("r.pdf", False), ("m.pdf", True)):
        path = w.export_to(tmp_path / name, report=report)
        assert path is not None and path.is_file() and path.stat().st_size > 1000


def test_an_export_refusal_keeps_its_reason(qtbot, runner, demo_db, demo_year, tmp_path: Path) -> None:
    w = _open(qtbot, DistrictDashboard(runner), demo_year, _district(demo_db, "东城区"))
    said: list[str] = []
    assert w.export_to(tmp_path / "r.txt", on_refused=said.append) is None
    assert said and "r.txt" in said[0] and ".xlsx" in said[0] and "拒绝" not in said[0]
    assert not (tmp_path / "r.txt").exists()


def test_city_dashboard_shows_the_contract_rule(qtbot, runner, demo_year) -> None:
    w = _open(qtbot, CityDashboard(runner), demo_year)
    rows = {w.district_model.item(r, 1).text(): r for r in range(w.district_model.rowCount())}
    yq = rows["延庆区"]
    assert w.district_model.item(yq, 5).text() == "否"
    assert w.district_model.item(yq, 7).text() == "否（合同）"
    assert "优秀" in w.rule.text()
    w.tabs.setCurrentIndex(1)
    w.circle_filter.setCurrentIndex(w.circle_filter.findText("中心城区"))
    assert w.planner_proxy.rowCount() == 5


def test_questionnaire_filters(qtbot, runner, demo_db, demo_year) -> None:
    w = _open(qtbot, QuestionnaireSummary(runner), demo_year)
    assert w.summary.questionnaires == 15
    series = w.chart.chart().series()[0]
    assert [s.label() for s in series.barSets()] == ["非常同意", "比较同意", "一般", "不同意"]
    first = series.barSets()[0]
    assert first.count() == len(w.summary.statements)
    w.set_filters(circle="生态涵养区")
    assert w.summary.questionnaires == 2
    w.set_filters(district_id=_district(demo_db, "朝阳区"))
    w.tabs.setCurrentIndex(2)    # the suggestions tab fills when shown
    assert w.summary.questionnaires == 5 and w.text_model.rowCount() == len(w.summary.free_texts)
    w.tabs.setCurrentIndex(1)
    assert w.reason_model.rowCount() == sum(len(st.summary.reasons) for st in w.summary.statements)


def test_years_view_follows_the_district(qtbot, runner, demo_db, demo_year) -> None:
    did = _district(demo_db, "朝阳区")
    w = _open(qtbot, YearsView(runner), demo_year, did)
    assert w.district.currentData() == did
    assert w.planner_model.rowCount() >= 1 and w.district_model.rowCount() == 1
    assert w.district_model.item(0, 0).text() == str(demo_year)
    assert Decimal(w.district_model.item(0, 2).text()) > 0
