"""GUI benchmark: start-up, switching, keystroke to total. Prints JSON; not collected by pytest.

Run: python tests/bench/gui_bench.py
Targets (issue 3, 2-core laptop): window shown with the demo data < 1 s from
the command; switching planner or page < 100 ms; a keystroke to an updated
total < 16 ms on the city-scale dataset (tests/bench/generate.city_year).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from tests.bench.generate import city_year  # noqa: E402
from zeshi_desktop.demo.fixture import load_demo  # noqa: E402
from zeshi_desktop.demo.yeardata import load_year  # noqa: E402
from zeshi_desktop.gui import i18n  # noqa: E402
from zeshi_desktop.gui.main_window import MainWindow  # noqa: E402
from zeshi_desktop.services import roster  # noqa: E402
from zeshi_desktop.services.scoring import sheets  # noqa: E402
from zeshi_desktop.store.database import Database  # noqa: E402


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def summary(samples: list[float]) -> dict[str, float]:
    return {"median_ms": ms(statistics.median(samples)), "max_ms": ms(max(samples)), "n": len(samples)}


def startup(tmp: Path, runs: int = 5) -> dict[str, object]:
    """``python -m zeshi_desktop --db demo --quit-after-show``: command to window shown (and quit)."""
    path = tmp / "demo.sqlite3"
    db = Database.open(path)
    with db.write() as s:
        load_demo(s)
    db.dispose()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp / "config"))
    command = [sys.executable, "-m", "zeshi_desktop", "--db", str(path), "--quit-after-show"]
    to_shown, to_exit = [], []
    for _ in range(runs):
        start_wall, start = time.time(), time.perf_counter()
        done = subprocess.run(command, env=env, check=True, cwd=ROOT, capture_output=True, text=True)
        to_exit.append(time.perf_counter() - start)
        line = next(x for x in done.stdout.splitlines() if x.startswith("shown-at "))
        to_shown.append(float(line.split()[1]) - start_wall)
    imports = subprocess.run([sys.executable, "-X", "importtime", "-c",
                              "import PySide6.QtWidgets, sqlalchemy.orm, alembic.command, zeshi_desktop.gui.main_window"],
                             env=env, cwd=ROOT, capture_output=True, text=True).stderr.splitlines()
    cumulative = {}
    for row in imports:
        parts = row.split("|")
        if len(parts) == 3 and parts[2].strip() in ("PySide6.QtWidgets", "sqlalchemy.orm", "alembic.command",
                                                    "alembic", "zeshi_desktop.gui.main_window"):
            cumulative[parts[2].strip()] = round(int(parts[1]) / 1000, 1)
    return {"command": " ".join(command[1:]), "command_to_window_shown": summary(to_shown),
            "command_to_exit": summary(to_exit), "import_ms_first_importer": cumulative}


def city(tmp: Path) -> dict[str, object]:
    db = Database.open(tmp / "city.sqlite3")
    data = city_year()
    with db.write() as s:
        load_year(s, data)
    app = QApplication.instance() or QApplication([])
    i18n.install_cjk_font(app)  # type: ignore[arg-type]
    window = MainWindow(db, QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    with db.read() as s:
        apps = roster.appointments(s, data.year)
        districts = roster.districts(s)
    biggest = max(districts, key=lambda d: sum(1 for a in apps if a.district_id == d.id))
    in_biggest = [a for a in apps if a.district_id == biggest.id]

    # first build of each page, then switching between built pages
    window.select(in_biggest[0].district_id, in_biggest[0].unit_id, in_biggest[0].id)
    first_build = {}
    for name in window.page_names():
        start = time.perf_counter()
        window.show_page(name)
        app.processEvents()
        first_build[name] = ms(time.perf_counter() - start)
    switch_page = []
    for _ in range(3):
        for name in ("sheet-3-1", "sheet-5-1", "sheet-3-3", "sheet-4-2", "sheet-3-1"):
            start = time.perf_counter()
            window.show_page(name)
            app.processEvents()
            switch_page.append(time.perf_counter() - start)

    # switching planner on 3-1
    window.show_page("sheet-3-1")
    switch_planner = []
    for a in apps[::17][:25]:
        start = time.perf_counter()
        window.select(a.district_id, a.unit_id, a.id)
        app.processEvents()
        switch_planner.append(time.perf_counter() - start)

    # keystroke → updated total on the 3-2 matrix of the largest district (one sheet reopened)
    with db.read() as s:
        reviewer = roster.reviewers(s, data.year, "district", biggest.id)[0]
        sid = sheets.find_sheet_id(s, "3-2", data.year, appointment_id=in_biggest[0].id, reviewer_id=reviewer.id)
    with db.write() as s:
        sheets.unlock(s, sid, "benchmark")
    window.select(biggest.id, reviewer_id=reviewer.id)
    matrix = window.show_page("sheet-3-2")
    app.processEvents()
    table = matrix.table
    col = 3 + 1  # second item (max 15)
    keystroke, commit = [], []
    for value in ("7", "8", "9", "10", "11", "12", "13", "14") * 3:
        table.setCurrentCell(2, col)
        table.setFocus()
        QTest.keyClick(table, value[0])
        editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
        for ch in value[1:]:
            start = time.perf_counter()
            QTest.keyClick(editor, ch)
            keystroke.append(time.perf_counter() - start)
        start = time.perf_counter()
        QTest.keyClick(editor, Qt.Key.Key_Return)
        commit.append(time.perf_counter() - start)
    total_shown = table.item(2, matrix.total_col).text()
    window.close()
    db.dispose()
    return {
        "dataset": {"districts": len(districts), "appointments": len(apps), "matrix_rows": len(in_biggest)},
        "first_page_build_ms": first_build,
        "switch_page": summary(switch_page),
        "switch_planner_3_1": summary(switch_planner),
        "keystroke_to_total_3_2": summary(keystroke),
        "enter_to_stored_3_2": {**summary(commit), "includes": "BEGIN IMMEDIATE, write, fsync (synchronous=FULL)"},
        "last_total_shown": total_shown,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = {"startup_demo": startup(Path(tmp)), "city": city(Path(tmp))}
    print(json.dumps(result, ensure_ascii=False, indent=2), flush=True)
    # PySide6 can crash while the interpreter tears down leftover Qt wrappers ("none_dealloc");
    # the figures are printed, so leave without that teardown.
    os._exit(0)


if __name__ == "__main__":
    main()
