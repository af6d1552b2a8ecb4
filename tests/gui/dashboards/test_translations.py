"""The dashboards' English is complete and is what a user sees after installing the translator."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QTranslator

from zeshi_desktop.gui.dashboards import translation_files
from zeshi_desktop.gui.dashboards.district import DistrictDashboard
from zeshi_desktop.locations import resources_dir


def _update_module():
    path = resources_dir() / "i18n" / "update_ts.py"
    spec = importlib.util.spec_from_file_location("update_ts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_visible_string_has_an_english_translation() -> None:
    strings = [text for text, _comment in _update_module().extract("dashboards")]
    root = ET.parse(resources_dir() / "i18n" / "dashboards_en.ts").getroot()
    translated = {m.findtext("source"): m.find("translation") for m in root.iter("message")}
    missing = [s for s in strings if s not in translated or translated[s].get("type") == "unfinished"
               or not (translated[s].text or "").strip()]
    assert not missing, f"run python resources/i18n/update_ts.py; untranslated: {missing[:5]}"


def test_english_dashboard(qtbot, demo_db, demo_year) -> None:
    translator = QTranslator()
    assert translator.load(str(translation_files("en")[0]))
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        w = DistrictDashboard(demo_db, demo_year)
        qtbot.addWidget(w)
        assert w.tabs.tabText(0) == "Ranking and recommendations"
        assert w.ranking_model.horizontalHeaderItem(5).text() == "Total"
    finally:
        app.removeTranslator(translator)


def test_band_names_follow_the_interface_language(qtbot, demo_db, demo_year) -> None:
    from zeshi_desktop.gui import i18n
    from zeshi_desktop.gui.dashboards.city import CityDashboard
    from zeshi_desktop.gui.dashboards.district import BAND_COLUMN
    from zeshi_desktop.services import catalogue

    english = {b.label.en for f in ("3-3", "4-3") for b in catalogue.form(f).bands}
    chinese = {b.label.zh for f in ("3-3", "4-3") for b in catalogue.form(f).bands}
    app = QCoreApplication.instance()
    assert i18n.install_language(app, "en")
    try:
        district = DistrictDashboard(demo_db, demo_year)
        city = CityDashboard(demo_db, demo_year)
        qtbot.addWidget(district)
        qtbot.addWidget(city)
        shown = {district.ranking_model.item(r, BAND_COLUMN).text() for r in range(district.ranking_model.rowCount())}
        shown |= {city.district_model.item(r, 6).text() for r in range(city.district_model.rowCount())}
        assert shown & english and not shown & chinese
        assert {district.band.itemText(i) for i in range(1, district.band.count())} <= english
    finally:
        i18n.install_language(app, "zh")
