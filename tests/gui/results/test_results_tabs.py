"""The results tabs: the city's board decides, the district sees it, the letters print, the renewal view notes."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from zeshi_desktop.gui import i18n
from zeshi_desktop.gui.dashboards.city import CityDashboard
from zeshi_desktop.gui.dashboards.district import DistrictDashboard
from zeshi_desktop.gui.results import dialogs, papers
from zeshi_desktop.gui.results.nominations import NO_LIMIT, focus_first
from zeshi_desktop.gui.selection import Selection
from zeshi_desktop.services import lookup
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.results import excellent, renewals

pytestmark = pytest.mark.usefixtures("cjk_font")   # tests/gui/conftest.py


@pytest.fixture
def nominated(demo_db, demo_year) -> list[int]:
    with demo_db.write() as s:
        apps = [lookup.appointment_id(s, demo_year, unit) for unit in ("DC-U01", "DC-U04", "YQ-U01")]
        for app in apps:
            analysis.set_recommended(s, app, True, actor="区专班")
    return apps


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The PDFs the print preview would show."""
    shown: list[bytes] = []
    monkeypatch.setattr("zeshi_desktop.gui.printing.preview_and_print",
                        lambda parent, pdf, title, two_sided=None: shown.append(pdf))
    return shown


def _open(qtbot, page, year: int, district_id: int | None = None, actor: str = "专班甲"):  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.show_selection(Selection(year=year, district_id=district_id, actor=actor))
    return page


def lookup_district(db, code: str) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return lookup.district_id(s, code)


def _tab(page, widget) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentWidget(widget)


def _column(model, title: str) -> list[str]:  # type: ignore[no-untyped-def]
    column = next(c for c in range(model.columnCount()) if model.horizontalHeaderItem(c).text() == title)
    return [model.item(r, column).text() for r in range(model.rowCount())]


def test_the_city_decides_on_its_board_and_the_district_sees_it(qtbot, runner, demo_db, demo_year, nominated,
                                                                monkeypatch, no_modal_dialogs) -> None:
    city = _open(qtbot, CityDashboard(runner), demo_year)
    district = _open(qtbot, DistrictDashboard(runner), demo_year, lookup_district(demo_db, "DC"))
    _tab(district, district.outcomes)
    assert _column(district.outcomes.model, "市级评选").count("待定") == 2
    _tab(city, city.nominations)
    board = city.nominations
    assert board.model.rowCount() == 3 and _column(board.model, "合同已全签") == ["是", "是", "否"]
    focus_first(board)
    monkeypatch.setattr(dialogs, "ask_decision",
                        lambda parent, who, selected, reason: dialogs.DecisionAnswer(True, "成效突出"))
    assert board.decide(True)
    assert _column(board.model, "市级评选")[0] == "入选" and _column(board.model, "理由")[0] == "成效突出"
    with demo_db.read() as s:
        events = excellent.history(s, demo_year)
    assert (events[-1].action, events[-1].actor, events[-1].reason) == ("select", "专班甲", "成效突出")
    _tab(district, district.renewals)
    _tab(district, district.outcomes)   # the runner's change made the district dashboard read again
    assert "入选" in _column(district.outcomes.model, "市级评选")
    board.view.setCurrentIndex(board.proxy.index(2, 0))   # 延庆区: contracts not all signed
    assert board.decide(True)
    assert no_modal_dialogs and "不能评为优秀区" in no_modal_dialogs[-1]


def test_a_decision_without_a_reason_is_refused_in_the_dialog(qtbot) -> None:
    dialog = dialogs.DecisionDialog("东城区 东华门街道", None, "")
    qtbot.addWidget(dialog)
    dialog._check()
    assert dialog.warning.text() == "评为市级优秀需写明理由" and dialog.result() == 0
    dialog.choices[False].setChecked(True)
    dialog._check()
    assert dialog.result() == 1 and dialog.answer() == dialogs.DecisionAnswer(False, "")


def test_the_limit_is_set_from_the_board(qtbot, runner, demo_db, demo_year, nominated) -> None:
    city = _open(qtbot, CityDashboard(runner), demo_year)
    _tab(city, city.nominations)
    city.nominations.limit.setValue(0)
    city.nominations.apply_limit()
    with demo_db.read() as s:
        assert excellent.limits(s, demo_year) == (0, {})
    city.nominations.limit.setValue(NO_LIMIT)
    city.nominations.apply_limit()
    with demo_db.read() as s:
        assert excellent.limits(s, demo_year) == (None, {})
    assert city.nominations.limit.text() == "不限"


def test_one_district_gets_a_limit_of_its_own(qtbot, runner, demo_db, demo_year, nominated) -> None:
    city = _open(qtbot, CityDashboard(runner), demo_year)
    _tab(city, city.nominations)
    tab = city.nominations
    tab.limit.setValue(2)
    tab.apply_limit()   # 统一: every district
    district_id = tab.board.tallies[0].district_id
    tab.scope.setCurrentIndex(tab.scope.findData(district_id))
    assert tab.limit.text() == "按统一限额"   # no limit of its own yet: it follows 统一
    tab.limit.setValue(0)
    tab.apply_limit()
    with demo_db.read() as s:
        assert excellent.limits(s, demo_year) == (2, {district_id: 0})
        tally = next(t for t in excellent.board(s, demo_year).tallies if t.district_id == district_id)
    assert tally.limit == 0
    assert tab.scope.currentData() == district_id and tab.limit.value() == 0   # the board read again, scope kept
    tab.scope.setCurrentIndex(0)
    assert tab.limit.value() == 2 and tab.limit.specialValueText() == "不限"
    tab.scope.setCurrentIndex(tab.scope.findData(district_id))
    tab.limit.setValue(NO_LIMIT)
    tab.apply_limit()   # back to following 统一
    with demo_db.read() as s:
        assert excellent.limits(s, demo_year) == (2, {})


def test_letters_print_from_the_district_dashboard(qtbot, runner, demo_db, demo_year, printed) -> None:
    district = _open(qtbot, DistrictDashboard(runner), demo_year, lookup_district(demo_db, "DC"))
    _tab(district, district.outcomes)
    tab = district.outcomes
    tab.view.setCurrentIndex(tab.proxy.index(0, 1))
    tab.print_chosen()
    tab.print_district()
    assert len(printed) == 2
    one, every = (pypdf.PdfReader(io.BytesIO(pdf)) for pdf in printed)
    assert len(one.pages) == 1 and len(every.pages) == 4
    assert "考核结果反馈" in one.pages[0].extract_text()


def test_the_list_prints_from_the_board(qtbot, runner, demo_db, demo_year, nominated, printed) -> None:
    city = _open(qtbot, CityDashboard(runner), demo_year)
    _tab(city, city.nominations)
    city.nominations.print_list()
    assert len(printed) == 1 and "市级优秀责任规划师名单" in "".join(
        pypdf.PdfReader(io.BytesIO(printed[0])).pages[0].extract_text().split())


def test_the_renewal_tab_flags_filters_and_keeps_a_note(qtbot, runner, demo_db, demo_year, monkeypatch,
                                                        tmp_path: Path) -> None:
    district = _open(qtbot, DistrictDashboard(runner), demo_year, lookup_district(demo_db, "DC"))
    _tab(district, district.renewals)
    tab = district.renewals
    assert tab.model.rowCount() == 4 and "本年度聘期届满" in tab.summary.text()
    flagged = sum(1 for row in tab.view_data.rows if row.flags)
    tab.only_flagged.setChecked(True)
    assert tab.proxy.rowCount() == flagged < 4
    tab.only_flagged.setChecked(False)
    assert tab.proxy.rowCount() == 4
    tab.view.setCurrentIndex(tab.proxy.index(0, 0))
    monkeypatch.setattr(dialogs, "ask_note", lambda parent, who, note: "同意续聘 2 年")
    assert tab.edit_note()
    with demo_db.read() as s:
        view = renewals.renewal_view(s, demo_year, lookup_district(demo_db, "DC"))
    assert next(r.note for r in view.rows) == "同意续聘 2 年" and view.rows[0].note_by == "专班甲"
    assert "同意续聘 2 年" in _column(tab.model, "聘任主体意见")
    assert tab.export_to(tmp_path / "r.xlsx") == tmp_path / "r.xlsx"
    assert tab.export_to(tmp_path / "r.pdf") == tmp_path / "r.pdf"


def test_the_tabs_read_in_english(qtbot, qapp, runner, demo_db, demo_year, nominated) -> None:
    i18n.install_language(qapp, "en")
    try:
        city = _open(qtbot, CityDashboard(runner), demo_year)
        _tab(city, city.nominations)
        headers = [city.nominations.model.horizontalHeaderItem(c).text()
                   for c in range(city.nominations.model.columnCount())]
        assert headers[:4] == ["District", "Rank in district", "Unit", "Planner"]
        assert city.tabs.tabText(city.tabs.indexOf(city.nominations)) == "Excellent planners"
        district = _open(qtbot, DistrictDashboard(runner), demo_year, lookup_district(demo_db, "DC"))
        _tab(district, district.renewals)
        assert district.renewals.banner.text().startswith("This view brings together")
        assert district.tabs.tabText(district.tabs.indexOf(district.renewals)) == "Renewal reference"
    finally:
        i18n.install_language(qapp, "zh")


def test_print_papers_keeps_the_codes(qtbot, runner, demo_db, demo_year, printed) -> None:
    from sqlalchemy import select

    from zeshi_desktop.services.results import papers as service
    from zeshi_desktop.store.models import PrintedSheet

    job = papers.print_papers(None, runner, lambda s: service.prepare_feedback(  # type: ignore[arg-type]
        s, demo_year, "zh", district_id=lookup.district_id(s, "DC")), "t")
    assert job is not None and len(job.codes) == 4
    with demo_db.read() as s:
        assert set(s.scalars(select(PrintedSheet.code))) >= set(job.codes)
