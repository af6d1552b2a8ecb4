"""Command-line start-up benchmark: ``zeshi --version`` < 0.25 s, ``zeshi rank`` on the city-scale year < 0.5 s.

Run: python tests/bench/cli_bench.py [--db CITY.sqlite3] [--runs N]   (prints JSON; not collected by pytest).

Each figure is the wall time of a whole process, as a user waits for it:
the installed ``zeshi`` script started in a subprocess, median (and worst) of
N runs after one untimed warm-up. Bytecode is cached (in a private
``PYTHONPYCACHEPREFIX``, so the repository stays clean) as it is after
``pip install``: without it every run would compile the program first.
Without ``--db`` the city-scale year (tests/bench/generate.py) is generated
into a temporary store first. ``tests/bench/run.py`` runs :func:`startup` on
its own store.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

TARGETS_S = {"version": 0.25, "help": 0.25, "rank_district": 0.5, "rank_districts": 0.5}
HEAVY = ("sqlalchemy", "reportlab", "openpyxl", "PySide6")


def zeshi_command() -> list[str]:
    """The installed console script beside this Python, else ``python -m zeshi_desktop.cli``."""
    script = Path(sys.executable).with_name("zeshi")
    return [str(script)] if script.exists() else [sys.executable, "-m", "zeshi_desktop.cli"]


def _environment(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def time_command(args: list[str], env: dict[str, str], runs: int) -> dict[str, float]:
    """Median and worst wall time (s) of ``zeshi ARGS`` over ``runs`` processes, after one warm-up."""
    command = zeshi_command() + args
    subprocess.run(command, env=env, capture_output=True, check=True)  # warm-up: writes the bytecode cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return {"median": round(statistics.median(times), 3), "max": round(max(times), 3)}


def heavy_imports(args: list[str], env: dict[str, str]) -> list[str]:
    """The heavy packages ``zeshi ARGS`` imports (should be none for --version and --help)."""
    probe = ("import json, sys\nfrom zeshi_desktop.cli import main\n"
             "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
             f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({list(HEAVY)!r}))), file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", probe, *args], env=env, capture_output=True, text=True, check=False,
                         cwd=env["PYTHONPYCACHEPREFIX"])  # not the checkout: import the program as installed
    return list(json.loads(out.stderr.strip().splitlines()[-1]))


def startup(db: Path, runs: int = 7) -> dict[str, object]:
    """The start-up figures on the store ``db`` (the city-scale year)."""
    from zeshi_desktop.services import roster
    from zeshi_desktop.store.database import Database

    database = Database.open(db)
    with database.read() as session:
        # the district with the most units: the slowest single ranking
        districts = roster.districts(session)
        largest = max(districts, key=lambda d: len(roster.units(session, d.id))).name
    database.dispose()
    with tempfile.TemporaryDirectory() as cache:
        env = _environment(Path(cache))
        figures: dict[str, object] = {
            "version": time_command(["--version"], env, runs),
            "help": time_command(["--help"], env, runs),
            "rank_district": time_command(["--db", str(db), "rank", "--district", largest], env, runs),
            "rank_districts": time_command(["--db", str(db), "rank", "--districts"], env, runs),
            "heavy_imports": {"--version": heavy_imports(["--version"], env),
                              "--help": heavy_imports(["--help"], env)},
        }
    figures["targets_s"] = TARGETS_S
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store holding the city-scale year (default: generate one)")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (default 7)")
    options = parser.parse_args()
    if options.db:
        print(json.dumps(startup(Path(options.db), options.runs), indent=2))
        return
    from tests.bench.generate import city_year
    from zeshi_desktop.demo.yeardata import load_year
    from zeshi_desktop.store.database import Database

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "city.sqlite3"
        database = Database.open(path)
        with database.write() as session:
            load_year(session, city_year())
        database.dispose()
        print(json.dumps(startup(path, options.runs), indent=2))


if __name__ == "__main__":
    main()
