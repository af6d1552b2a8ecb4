"""The dashboards open and render headless on the demo data; what they show follows the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from zeshi_desktop.gui.dashboards import VIEWS, render_screenshots, translation_files
from zeshi_desktop.gui.dashboards.city import CityDashboard
from zeshi_desktop.gui.dashboards.district import (
    BAND_COLUMN,
    RECOMMEND_COLUMN,
    TOTAL_COLUMN,
    DistrictDashboard,
)
from zeshi_desktop.gui.dashboards.questionnaire import QuestionnaireSummary
from zeshi_desktop.gui.dashboards.screenshots import ensure_app
from zeshi_desktop.gui.dashboards.years import YearsView
from zeshi_desktop.services import lookup


@pytest.fixture(autouse=True)
def cjk_font(qapp):
    ensure_app()


def _district(demo_db, name: str) -> int:
    with demo_db.read() as s:
        return lookup.district_id(s, name)


@pytest.mark.parametrize("name", [v[0] for v in VIEWS])
def test_every_view_opens_and_renders(qtbot, demo_db, demo_year, name) -> None:
    _, title, factory = next(v for v in VIEWS if v[0] == name)
    widget = factory(demo_db, demo_year)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    image = widget.grab().toImage()
    assert not image.isNull() and image.width() == 1366
    assert title()
    widget.refresh()


def test_district_ranking_rows_sort_filter_and_tabs(qtbot, demo_db, demo_year) -> None:
    did = _district(demo_db, "朝阳区")
    w = DistrictDashboard(demo_db, demo_year, district_id=did)
    qtbot.addWidget(w)
    with demo_db.read() as s:
        units = s.execute(text("SELECT u.name FROM appointments a JOIN units u ON u.id = a.unit_id "
                               "WHERE u.district_id = :d"), {"d": did}).scalars().all()
    model, proxy = w.ranking_model, w.ranking_proxy
    assert sorted(model.item(r, 1).text() for r in range(model.rowCount())) == sorted(units)
    assert [model.item(r, 0).text() for r in range(model.rowCount())] == [str(i + 1) for i in range(len(units))]
    w.ranking_view.sortByColumn(TOTAL_COLUMN, Qt.SortOrder.AscendingOrder)      # 总分, ascending: by value
    totals = [float(proxy.index(r, TOTAL_COLUMN).data()) for r in range(proxy.rowCount())]
    assert totals == sorted(totals)
    w.filter.setText(units[0])
    assert proxy.rowCount() == 1
    w.filter.setText("")
    w.band.setCurrentIndex(w.band.findText("优秀"))
    assert all(proxy.index(r, BAND_COLUMN).data() == "优秀" for r in range(proxy.rowCount()))
    for index in range(w.tabs.count()):   # every tab fills without error
        w.tabs.setCurrentIndex(index)
    assert w.spread_model.rowCount() == len(units) and w.offset_model.rowCount() == 5


def test_outlier_distance_is_configurable(qtbot, demo_db, demo_year) -> None:
    w = DistrictDashboard(demo_db, demo_year, district_id=_district(demo_db, "东城区"))
    qtbot.addWidget(w)
    w.tabs.setCurrentIndex(1)
    strict = w.board.outlier_count
    w.distance.setValue(30)
    assert w.board.outlier_count == 0 and strict > 0
    assert "0" in w.outlier_label.text()


def test_recommended_checkbox_is_saved_at_once(qtbot, demo_db, demo_year) -> None:
    w = DistrictDashboard(demo_db, demo_year, district_id=_district(demo_db, "东城区"))
    qtbot.addWidget(w)
    cell = w.ranking_model.item(0, RECOMMEND_COLUMN)
    unit = w.ranking_model.item(0, 1).text()
    assert cell.isCheckable() and cell.checkState() == Qt.CheckState.Unchecked
    cell.setCheckState(Qt.CheckState.Checked)
    with demo_db.read() as s:
        saved = s.execute(text("SELECT a.recommended FROM appointments a JOIN units u ON u.id = a.unit_id "
                               "WHERE u.name = :u"), {"u": unit}).scalars().all()
    assert saved == [1]
    again = DistrictDashboard(demo_db, demo_year, district_id=_district(demo_db, "东城区"))
    qtbot.addWidget(again)
    row = next(r for r in range(again.ranking_model.rowCount()) if again.ranking_model.item(r, 1).text() == unit)
    assert again.ranking_model.item(row, RECOMMEND_COLUMN).checkState() == Qt.CheckState.Checked
    again.ranking_model.item(row, RECOMMEND_COLUMN).setCheckState(Qt.CheckState.Unchecked)
    with demo_db.read() as s:
        assert s.execute(text("SELECT COUNT(*) FROM appointments WHERE recommended")).scalar_one() == 0


def test_district_dashboard_follows_a_score_change(qtbot, demo_db, demo_year) -> None:
    did = _district(demo_db, "东城区")
    w = DistrictDashboard(demo_db, demo_year, district_id=did)
    qtbot.addWidget(w)
    assert "全部定稿" in w.waiting_label.text()
    with demo_db.write() as s:
        sid = s.execute(text("SELECT s.id FROM sheets s JOIN appointments a ON a.id = s.appointment_id "
                             "JOIN units u ON u.id = a.unit_id WHERE s.form_id = '3-1' AND u.district_id = :d "
                             "LIMIT 1"), {"d": did}).scalar_one()
        from zeshi_desktop.services.scoring import sheets
        sheets.unlock(s, sid, "复核")
    w.refresh()
    assert "1" in w.waiting_label.text()
    assert any(w.ranking_model.item(r, 0).text() == "—" for r in range(w.ranking_model.rowCount()))


def test_export_buttons_write_files(qtbot, demo_db, demo_year, tmp_path: Path) -> None:
    w = DistrictDashboard(demo_db, demo_year, district_id=_district(demo_db, "东城区"))
    qtbot.addWidget(w)
    for name, report in (("r.xlsx", False), ("r.pdf", False), ("m.pdf", True)):
        path = w.export_to(tmp_path / name, report=report)
        assert path.is_file() and path.stat().st_size > 1000


def test_city_dashboard_shows_the_contract_rule(qtbot, demo_db, demo_year) -> None:
    w = CityDashboard(demo_db, demo_year)
    qtbot.addWidget(w)
    rows = {w.district_model.item(r, 1).text(): r for r in range(w.district_model.rowCount())}
    yq = rows["延庆区"]
    assert w.district_model.item(yq, 5).text() == "否"
    assert "合同" in w.district_model.item(yq, 7).text()
    assert "优秀" in w.rule.text()
    w.tabs.setCurrentIndex(1)
    w.circle_filter.setCurrentIndex(w.circle_filter.findText("中心城区"))
    assert w.planner_proxy.rowCount() == 5


def test_questionnaire_filters(qtbot, demo_db, demo_year) -> None:
    w = QuestionnaireSummary(demo_db, demo_year)
    qtbot.addWidget(w)
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


def test_years_view(qtbot, demo_db, demo_year) -> None:
    w = YearsView(demo_db, demo_year)
    qtbot.addWidget(w)
    assert w.planner_model.rowCount() >= 1 and w.district_model.rowCount() == 1
    assert w.district_model.item(0, 0).text() == str(demo_year)


def test_screenshots_named_after_views(demo_db, demo_year, tmp_path: Path) -> None:
    written = render_screenshots(demo_db, demo_year, tmp_path)
    names = {p.name for p in written}
    assert {f"{name}.png" for name, _, _ in VIEWS} <= names
    assert all(p.stat().st_size > 10_000 for p in written)


def test_translation_files_cover_english() -> None:
    files = translation_files("en")
    assert files and files[0].name == "dashboards_en.qm"
    assert translation_files("zh") == []
