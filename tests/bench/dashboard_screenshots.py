"""Render the dashboards for docs/screenshots: the demo year plus an earlier year, so "years" has a history.

Run: python tests/bench/dashboard_screenshots.py [--lang en] [OUT_DIR]   (default docs/screenshots)

The pictures are the main window's, made as ``--screenshots`` makes them
(``gui.screenshots.render_all``), at 1366x768, with the waiting district chosen.

The earlier year is entered through the services as a user would (appoint,
score, finalise), with every planner of the demo serving the same unit and
scores drawn from a fixed seed. One unit is marked recommended and two of
its sheets are reopened, so the dashboards show a meeting still waiting.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from zeshi_desktop.demo import fixture as demo  # noqa: E402
from zeshi_desktop.gui import i18n  # noqa: E402
from zeshi_desktop.gui.main_window import MainWindow  # noqa: E402
from zeshi_desktop.gui.screenshots import render_all  # noqa: E402
from zeshi_desktop.services import (
    catalogue,  # noqa: E402
    lookup,  # noqa: E402
    roster,  # noqa: E402
)
from zeshi_desktop.services.meeting import dashboards as analysis  # noqa: E402
from zeshi_desktop.services.scoring import sheets  # noqa: E402
from zeshi_desktop.store.database import Database  # noqa: E402


def _scores(form_id: str, share: float, rng: random.Random) -> dict[str, str]:
    out = {}
    for item in catalogue.form(form_id).items:
        value = min(float(item.max), max(0.0, float(item.max) * (share + rng.gauss(0, 0.06))))
        out[item.id] = str(Decimal(round(value * 2) / 2).quantize(Decimal("0.1")))
    return out


def _finish(session, sheet_id: int, form_id: str, share: float, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    sheets.set_scores(session, sheet_id, _scores(form_id, share, rng))
    rule = catalogue.form(form_id).contract_rule
    if rule:
        sheets.set_answers(session, sheet_id, {rule.id: "yes"})
    sheets.finalize(session, sheet_id)


def add_earlier_year(db: Database, year: int, seed: int = 2024) -> None:
    rng = random.Random(seed)
    with db.write() as s:
        city = [roster.add_reviewer(s, year - 1, "city", f"市评审{i + 1}") for i in range(3)]
        for d in roster.districts(s):
            panel = [roster.add_reviewer(s, year - 1, "district", f"{d.name[:-1]}评审{i + 1}", district_id=d.id)
                     for i in range(3)]
            for a in roster.appointments(s, year, d.id):
                app = roster.appoint(s, year - 1, a.unit_id, a.planner_id, contract_signed=True)
                quality = rng.uniform(0.6, 0.92)
                _finish(s, sheets.open_sheet(s, "3-1", year - 1, appointment_id=app).id, "3-1", quality, rng)
                for r in panel:
                    _finish(s, sheets.open_sheet(s, "3-2", year - 1, appointment_id=app, reviewer_id=r).id, "3-2",
                            quality, rng)
            dq = rng.uniform(0.7, 0.9)
            _finish(s, sheets.open_sheet(s, "4-2", year - 1, district_id=d.id).id, "4-2", dq + 0.05, rng)
            for r in city:
                _finish(s, sheets.open_sheet(s, "4-3", year - 1, district_id=d.id, reviewer_id=r).id, "4-3", dq, rng)


DASHBOARDS = ("district-dashboard", "city-dashboard", "questionnaire-summary", "years")


def main() -> None:
    args = sys.argv[1:]
    language = "zh"
    if args[:1] == ["--lang"]:
        language, args = args[1], args[2:]
    out = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    app = QApplication.instance() or QApplication([])
    i18n.install_cjk_font(app)  # type: ignore[arg-type]
    i18n.install_language(app, language)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "demo.sqlite3")
        with db.write() as s:
            demo.load_demo(s)
        add_earlier_year(db, demo.DEMO_YEAR)
        with db.write() as s:
            analysis.set_recommended(s, lookup.appointment_id(s, demo.DEMO_YEAR, "望京街道"), True)
            # a meeting still waiting: one office's 3-1 reopened, one member's 3-2 reopened
            year = demo.DEMO_YEAR
            app = lookup.appointment_id(s, year, "劲松街道")
            sheets.unlock(s, sheets.find_sheet_id(s, "3-1", year, appointment_id=app), "街道复核意见建议")
            reviewer = lookup.reviewer_id(s, year, "CY-R4")
            sheets.unlock(s, sheets.find_sheet_id(s, "3-2", year, appointment_id=app, reviewer_id=reviewer), "复核")
        window = MainWindow(db, QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        with db.read() as s:
            window.select(lookup.district_id(s, "朝阳区"))   # where the meeting still waits
        for path in render_all(window, out, names=DASHBOARDS):
            print(path)
        window.close()
        db.dispose()


if __name__ == "__main__":
    main()
