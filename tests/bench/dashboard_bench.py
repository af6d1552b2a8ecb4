"""Dashboard benchmark on the city-scale year: open < 300 ms, refresh after a score change < 100 ms.

Run: python tests/bench/dashboard_bench.py [--keep DB] [--shots DIR]   (prints JSON)

"open": the dashboard is built, shown offscreen at 1366x768 and the event
loop run until it is laid out and painted. "refresh": one finalised 3-2 sheet
of the largest district is unlocked, changed and finalised again (one write
transaction, not timed), then the runner's ``changed`` signal for that sheet
(what an action reports, the one way a dashboard hears of a change) and the
event loop are timed.
"full_repaint_ms" is a forced repaint of the whole window into a pixmap
(``grab``), for reference. Tabs other than the first fill when first shown.
Medians of 5 runs, wall clock and the process's CPU time (on a shared
machine other processes inflate the wall clock; the load average is printed).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import text  # noqa: E402

from tests.bench.generate import city_year  # noqa: E402
from zeshi_desktop.demo.yeardata import load_year  # noqa: E402
from zeshi_desktop.gui import i18n  # noqa: E402
from zeshi_desktop.gui.actions import ActionRunner, Change  # noqa: E402
from zeshi_desktop.gui.main_window import MainWindow  # noqa: E402
from zeshi_desktop.gui.pages import PAGES  # noqa: E402
from zeshi_desktop.gui.screenshots import render_all  # noqa: E402
from zeshi_desktop.gui.selection import Selection  # noqa: E402
from zeshi_desktop.services.scoring import sheets  # noqa: E402
from zeshi_desktop.store.database import Database  # noqa: E402

OPEN_MS, REFRESH_MS, RUNS = 300, 100, 5
SIZE = (1366, 768)
DASHBOARDS = ("district-dashboard", "city-dashboard", "questionnaire-summary", "years")


CPU: list[float] = []


def _ms(action: Callable[[], object]) -> float:
    """Wall-clock ms; the process's CPU ms go to ``CPU`` (other loads on a shared machine inflate wall time)."""
    start, cpu = time.perf_counter(), time.process_time()
    action()
    CPU.append((time.process_time() - cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def _largest_district(db: Database, year: int) -> int:
    with db.read() as s:
        return s.execute(text(
            "SELECT u.district_id FROM appointments a JOIN units u ON u.id = a.unit_id WHERE a.year = :y "
            "GROUP BY u.district_id ORDER BY COUNT(*) DESC LIMIT 1"), {"y": year}).scalar_one()


def _change_a_score(db: Database, year: int, district_id: int, value: str) -> int:
    with db.write() as s:
        sid = s.execute(text(
            "SELECT s.id FROM sheets s JOIN appointments a ON a.id = s.appointment_id JOIN units u ON u.id = a.unit_id "
            "WHERE s.form_id = '3-2' AND s.year = :y AND u.district_id = :d ORDER BY s.id LIMIT 1"),
            {"y": year, "d": district_id}).scalar_one()
        sheets.unlock(s, sid, "benchmark")
        item = sheets.view(s, sid).scores
        first = next(iter(item))
        sheets.set_score(s, sid, first, value)
        sheets.finalize(s, sid)
    return sid


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", help="keep the city-scale database at this path")
    parser.add_argument("--shots", help="also render the dashboards on the city-scale data to this folder")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    i18n.install_cjk_font(app)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "city.sqlite3"
        path.unlink(missing_ok=True)
        db = Database.open(path)
        t0 = time.perf_counter()
        data = city_year()
        with db.write() as s:
            counts = load_year(s, data)
        load_s = time.perf_counter() - t0
        year = data.year
        district_id = _largest_district(db, year)
        runner = ActionRunner(db)
        selection = Selection(year=year, district_id=district_id)
        results = {}
        for spec in (s for s in PAGES if s.name in DASHBOARDS):
            name = spec.name
            opens, refreshes, grabs, open_cpu, refresh_cpu = [], [], [], [], []
            for run in range(RUNS):
                holder: dict[str, object] = {}

                def build() -> None:
                    w = spec.factory(runner)  # noqa: B023 (called at once, in this loop)
                    w.resize(*SIZE)
                    w.show()
                    w.show_selection(selection)  # type: ignore[attr-defined]
                    app.processEvents()   # laid out and painted to the (offscreen) backing store
                    holder["w"] = w

                opens.append(_ms(build))
                open_cpu.append(CPU[-1])
                widget = holder["w"]
                grabs.append(_ms(widget.grab))  # type: ignore[attr-defined]
                sid = _change_a_score(db, year, district_id, "3" if run % 2 else "4")

                def refresh() -> None:
                    runner.changed.emit(Change(sheets=frozenset({sid})))  # noqa: B023 (called at once)
                    app.processEvents()

                refreshes.append(_ms(refresh))
                refresh_cpu.append(CPU[-1])
                widget.close()  # type: ignore[attr-defined]
                widget.deleteLater()  # type: ignore[attr-defined]
                app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                del widget, holder
            results[name] = {"open_ms": round(statistics.median(opens), 1),
                             "open_max_ms": round(max(opens), 1),
                             "refresh_ms": round(statistics.median(refreshes), 1),
                             "refresh_max_ms": round(max(refreshes), 1),
                             "open_ok": statistics.median(opens) < OPEN_MS,
                             "refresh_ok": statistics.median(refreshes) < REFRESH_MS,
                             "full_repaint_ms": round(statistics.median(grabs), 1),
                             "open_cpu_ms": round(statistics.median(open_cpu), 1),
                             "refresh_cpu_ms": round(statistics.median(refresh_cpu), 1)}
        if args.shots:
            window = MainWindow(db, QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
            window.select(district_id)
            render_all(window, Path(args.shots))
            window.close()
        db.dispose()
    app.processEvents()
    print(json.dumps({"dataset": {k: v for k, v in counts.items()}, "load_s": round(load_s, 2),
                      "load_average": [round(x, 2) for x in os.getloadavg()], "cpus": os.cpu_count(),
                      "targets_ms": {"open": OPEN_MS, "refresh": REFRESH_MS}, "runs": RUNS,
                      "dashboards": results}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
