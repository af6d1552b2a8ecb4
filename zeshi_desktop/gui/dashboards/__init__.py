"""The meeting dashboards: district (3-3), city (4-3 / 4-2 / circles), questionnaire (5-1), years.

``VIEWS`` lists ``(name, title, factory)``: ``name`` names the page and its
screenshot (``district-dashboard.png`` ...), ``title()`` is the tab title in
the current language, ``factory(db, year)`` builds the widget. Each widget has
``refresh()``, ``set_year(year)``, and the main window's hooks
``show_selection(selection)`` / ``on_changed(change)``.

On import the views are also registered with the main window's page registry
(``gui.views.registry.register_view``) when that registry exists, building
each page from the window's ``ActionRunner`` (its ``db``), so recommendation
marks go through the runner and other pages hear about them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from zeshi_desktop.locations import resources_dir
from zeshi_desktop.store.database import Database

from .common import tr

Factory = Callable[[Database, int], QWidget]


def _lazy(module: str, cls: str) -> Callable[..., QWidget]:
    """Import a dashboard module only when its page is first built (fast start of the window)."""
    def build(db: Database, year: int, **kw: object) -> QWidget:
        return getattr(importlib.import_module(f"{__name__}.{module}"), cls)(db, year, **kw)
    return build


VIEWS: list[tuple[str, Callable[[], str], Factory]] = [
    ("district-dashboard", lambda: tr("区级评审看板"), _lazy("district", "DistrictDashboard")),
    ("city-dashboard", lambda: tr("市级评审看板"), _lazy("city", "CityDashboard")),
    ("questionnaire-summary", lambda: tr("问卷汇总"), _lazy("questionnaire", "QuestionnaireSummary")),
    ("years", lambda: tr("历年结果"), _lazy("years", "YearsView")),
]


def translation_files(language: str = "en") -> list[Path]:
    """The compiled translations (.qm) of the dashboards for ``language`` (context ``dashboards``).

    Install each with its own ``QTranslator`` beside the main window's.
    """
    if language == "zh":
        return []   # Chinese is the source language
    path = resources_dir() / "i18n" / f"dashboards_{language}.qm"
    return [path] if path.is_file() else []


def render_screenshots(db: Database, year: int, out_dir: Path) -> list[Path]:
    """Every dashboard to PNG at 1366x768 (see ``screenshots``)."""
    from .screenshots import render_screenshots as render
    return render(db, year, out_dir)


def _newest_year(db: Database) -> int:
    from zeshi_desktop.services import roster
    with db.read() as session:
        years = roster.years(session)
    if not years:
        from zeshi_desktop.demo.fixture import DEMO_YEAR
        return DEMO_YEAR
    return years[-1]


def _register_with_main_window() -> None:
    try:
        registry = importlib.import_module("zeshi_desktop.gui.views.registry")
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("zeshi_desktop.gui.views"):
            return   # the main window is not there: the dashboards still work on their own
        raise
    for name, title, factory in VIEWS:
        def build(runner: object, factory: Callable[..., QWidget] = factory) -> QWidget:
            db = runner.db  # type: ignore[attr-defined]
            return factory(db, _newest_year(db), runner=runner)
        registry.register_view(registry.ViewSpec(name, title, build))


_register_with_main_window()

__all__ = ["VIEWS", "render_screenshots", "translation_files"]
