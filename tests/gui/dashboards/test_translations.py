"""The dashboards speak English from the one catalogue (context ``zeshi``), with the report's ranking headings.

That every ``tr()`` string, the dashboards' too, has an English translation is
checked once for the whole GUI (``tests/gui/test_pages.py``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from zeshi_desktop.gui import i18n
from zeshi_desktop.gui.actions import ActionRunner
from zeshi_desktop.gui.dashboards.city import CityDashboard
from zeshi_desktop.gui.dashboards.district import DistrictDashboard
from zeshi_desktop.gui.dashboards.district_ranking import BAND_COLUMN
from zeshi_desktop.gui.selection import Selection
from zeshi_desktop.locations import resources_dir
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.meeting.columns import DISTRICT_RANKING_SHORT, headings


@pytest.fixture
def english(qapp):
    assert i18n.install_language(qapp, "en")
    yield
    i18n.install_language(qapp, "zh")


def _dashboard(qtbot, cls, demo_db, year):
    widget = cls(ActionRunner(demo_db))
    qtbot.addWidget(widget)
    widget.show_selection(Selection(year=year))
    return widget


def test_one_catalogue_one_context() -> None:
    folder = resources_dir() / "i18n"
    assert sorted(p.name for p in folder.glob("*.ts")) == ["zeshi_en.ts"]
    assert sorted(p.name for p in folder.glob("*.qm")) == ["zeshi_en.qm"]
    contexts = [c.findtext("name") for c in ET.parse(folder / "zeshi_en.ts").getroot().iter("context")]
    assert contexts == ["zeshi"]


def test_english_dashboard(qtbot, demo_db, demo_year, english) -> None:
    w = _dashboard(qtbot, DistrictDashboard, demo_db, demo_year)
    assert w.tabs.tabText(0) == "Ranking and recommendations"
    model = w.ranking.model
    # the report's and the CLI's headings; a long one on two lines, so that its column is as narrow as its figures
    shown = [model.horizontalHeaderItem(c).text().replace("\n", " ") for c in range(model.columnCount())]
    assert shown == headings(DISTRICT_RANKING_SHORT, "en")
    assert model.horizontalHeaderItem(3).text() == "Weighted\n3-1"
    assert shown[5] == "Total"
    w.tabs.setCurrentIndex(4)
    assert w.impact.model.horizontalHeaderItem(6).text() == "Move"


def test_band_names_follow_the_interface_language(qtbot, demo_db, demo_year, english) -> None:
    english_bands = {b.label.en for f in ("3-3", "4-3") for b in catalogue.form(f).bands}
    chinese_bands = {b.label.zh for f in ("3-3", "4-3") for b in catalogue.form(f).bands}
    district = _dashboard(qtbot, DistrictDashboard, demo_db, demo_year)
    city = _dashboard(qtbot, CityDashboard, demo_db, demo_year)
    shown = {district.ranking.model.item(r, BAND_COLUMN).text() for r in range(district.ranking.model.rowCount())}
    shown |= {city.district_model.item(r, 6).text() for r in range(city.district_model.rowCount())}
    assert shown & english_bands and not shown & chinese_bands
    band = district.ranking.band
    assert {band.itemText(i) for i in range(1, band.count())} <= english_bands
