"""A figure that left out a sheet holding damaged data says so above itself, in both languages; a sound one says nothing.

The damage is what a bit flip or an edit with sqlite3 does: a stored score
far above its item's maximum, or an answer no question takes (issue 11).
"""

from __future__ import annotations

import re

import pytest

from tests.damage import damage_answer
from tests.damage import damage_scores as damage
from zeshi_desktop.gui import i18n
from zeshi_desktop.gui.dashboards.city import CityDashboard
from zeshi_desktop.gui.dashboards.common import Dashboard
from zeshi_desktop.gui.dashboards.district import DistrictDashboard
from zeshi_desktop.gui.dashboards.questionnaire import QuestionnaireSummary
from zeshi_desktop.gui.selection import Selection
from zeshi_desktop.gui.views.damaged import SHOWN, DamagedNotice
from zeshi_desktop.services import lookup

pytestmark = pytest.mark.usefixtures("cjk_font")   # tests/gui/conftest.py

CJK = re.compile(r"[\u3400-\u9fff]")

def district(demo_db, code: str = "DC") -> int:  # type: ignore[no-untyped-def]
    """The demo district (东城区 holds the first 3-2 sheets, the ones ``damage`` breaks)."""
    with demo_db.read() as s:
        return lookup.district_id(s, code)


def _open(qtbot, page: Dashboard, year: int, district_id: int | None = None) -> Dashboard:  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.show_selection(Selection(year=year, district_id=district_id))
    return page


def _shown(notice: DamagedNotice) -> str:
    assert notice.isVisible(), "the warning is on screen"
    return notice.text()


def test_a_sound_district_dashboard_shows_no_warning(qtbot, runner, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    page = _open(qtbot, DistrictDashboard(runner), demo_year, district(demo_db))
    assert page.damaged.isHidden() and page.damaged.sheets == () and not page.damaged.text()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_district_dashboard_names_the_sheet_it_left_out(qtbot, qapp, runner, demo_db, demo_year,  # type: ignore[no-untyped-def]
                                                            language) -> None:
    assert demo_db.path is not None
    [sheet_id] = damage(demo_db.path)
    i18n.install_language(qapp, language)
    page = _open(qtbot, DistrictDashboard(runner), demo_year, district(demo_db))
    shown = _shown(page.damaged)
    assert [d.sheet_id for d in page.damaged.sheets] == [sheet_id]
    head, line = shown.splitlines()
    if language == "zh":
        assert "1 张评审表含有损坏的数据，未计入" in head and "文件 → 检查数据" in head
        assert f"附件3-2 评审表 {sheet_id}（" in line and "38.6" in line and "苏丽" in line
    else:
        assert not CJK.search(head) and "1 sheet(s) hold damaged data" in head and "File → Check data" in head
        assert f"sheet {sheet_id} of annex 3-2 (" in line and "38.6" in line and "is not between 0 and" in line
    assert page.damaged.toolTip() == line[2:]


def test_the_warning_goes_when_the_district_has_no_damage(qtbot, runner, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    assert demo_db.path is not None
    damage(demo_db.path)
    page = _open(qtbot, DistrictDashboard(runner), demo_year, district(demo_db))
    assert page.damaged.isVisible()
    page.district.setCurrentIndex(page.district.findData(district(demo_db, "CY")))
    assert page.damaged.isHidden() and page.damaged.sheets == ()


def test_many_damaged_sheets_are_counted_the_first_named_the_rest_in_the_tooltip(  # type: ignore[no-untyped-def]
        qtbot, runner, demo_db, demo_year) -> None:
    assert demo_db.path is not None
    ids = damage(demo_db.path, sheets=SHOWN + 2)
    page = _open(qtbot, DistrictDashboard(runner), demo_year, district(demo_db))
    lines = _shown(page.damaged).splitlines()
    assert lines[0].startswith(f"⚠ {SHOWN + 2} 张评审表") and len(lines) == 1 + SHOWN + 1
    assert "另有 2 张" in lines[-1]
    assert [d.sheet_id for d in page.damaged.sheets] == ids
    assert all(f"评审表 {sid}（" in page.damaged.toolTip() for sid in ids)


def test_the_ranking_page_names_the_sheet_it_left_out(make_window, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    assert demo_db.path is not None
    [sheet_id] = damage(demo_db.path)
    window = make_window()
    window.select(district_id=district(demo_db))
    page = window.show_page("sheet-3-3")
    assert f"附件3-2 评审表 {sheet_id}（" in _shown(page.damaged)
    window.select(district_id=district(demo_db, "CY"))
    page = window.show_page("sheet-3-3")
    assert page.damaged.isHidden() and page.damaged.sheets == ()


def test_the_city_dashboard_names_its_own_sheets_and_then_the_circles(qtbot, runner, demo_db,  # type: ignore[no-untyped-def]
                                                                     demo_year) -> None:
    assert demo_db.path is not None
    page = _open(qtbot, CityDashboard(runner), demo_year)
    assert page.damaged.isHidden()
    [unit_sheet] = damage(demo_db.path)
    page.refresh()
    assert page.damaged.isHidden(), "the districts' ranking uses no 3-2 sheet"
    page.tabs.setCurrentIndex(1)   # the circles: every unit's 3-3 total
    assert f"附件3-2 评审表 {unit_sheet}（" in _shown(page.damaged)
    city_sheet = damage(demo_db.path, "4-3")[-1]
    page.tabs.setCurrentIndex(0)
    page.refresh()
    assert f"附件4-3 评审表 {city_sheet}（" in _shown(page.damaged)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_questionnaire_summary_names_the_questionnaire_it_did_not_count(  # type: ignore[no-untyped-def]
        qtbot, qapp, runner, demo_db, demo_year, language) -> None:
    assert demo_db.path is not None
    page = _open(qtbot, QuestionnaireSummary(runner), demo_year)
    assert page.damaged.isHidden()
    sheet_id = damage_answer(demo_db.path)
    i18n.install_language(qapp, language)
    page = _open(qtbot, QuestionnaireSummary(runner), demo_year)
    shown = _shown(page.damaged)
    assert "也许" in shown
    assert (f"附件5-1 评审表 {sheet_id}（" if language == "zh" else f"sheet {sheet_id} of annex 5-1 (") in shown


def test_a_damaged_sheet_is_not_counted_as_final_in_the_progress_table(qtbot, runner, demo_db,  # type: ignore[no-untyped-def]
                                                                       demo_year) -> None:
    assert demo_db.path is not None
    before = _open(qtbot, DistrictDashboard(runner), demo_year, district(demo_db))
    assert before.board is not None and before.board.waiting == 0
    damage(demo_db.path)
    page = _open(qtbot, DistrictDashboard(runner), demo_year, district(demo_db))
    assert page.board is not None and page.board.waiting == 1
    assert page.ranking.waiting_label.text() == "待交评审表：1 张"     # not "评审表已全部定稿"
    owed = [r for r in page.board.reviewers if r.progress.waiting]
    assert len(owed) == 1 and owed[0].label == "苏丽" and owed[0].progress.final == owed[0].progress.expected - 1
