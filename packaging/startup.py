"""The bundle's start-up beside the virtualenv's: ``zeshi --version`` and the window shown on the demo year.

    .venv/bin/python packaging/startup.py [BUNDLE_DIR] [--runs N] [--json]

Measured as tests/bench/gui_bench.py and cli_bench.py measure the virtualenv:
the wall time of a whole process, from the command to ``zeshi --version``'s
exit, and from the command to the window on screen with the demo year
(``--quit-after-show`` prints when it was shown; offscreen). Each command is
run once untimed (disk cache, the virtualenv's bytecode written to a private
``PYTHONPYCACHEPREFIX``), then the bundle and the virtualenv take turns, N
runs each, so a busy moment on the machine falls on both; the median is
reported, with the median of the runs' ratios bundle / virtualenv (each
bundle run beside the virtualenv run that followed it; target: within 1.3x).
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

ROOT = Path(__file__).resolve().parents[1]


def _shown(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting ``command`` to the window shown (the line ``shown-at <time>`` it prints)."""
    start = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True, cwd=env["HOME"])
    line = next((x for x in done.stdout.splitlines() if x.startswith("shown-at ")), None)
    if line is None:
        raise SystemExit(f"startup: {command[0]} printed no shown-at line:\n{done.stdout}\n{done.stderr}")
    return float(line.split()[1]) - start


def _exits(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   cwd=env["HOME"])
    return time.perf_counter() - start


def measure(bundle: Path, runs: int) -> dict[str, dict[str, float]]:
    venv_bin = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        (tmp / "home").mkdir()
        env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp / "home"), "QT_QPA_PLATFORM": "offscreen",
               "XDG_CONFIG_HOME": str(tmp / "config"), "XDG_DATA_HOME": str(tmp / "data"),
               "PYTHONPYCACHEPREFIX": str(tmp / "pycache"), "LANG": os.environ.get("LANG", "C.UTF-8")}
        db = tmp / "demo.sqlite3"
        subprocess.run([str(bundle / "zeshi"), "--db", str(db), "demo"], env=env, check=True, capture_output=True)
        commands = {
            "version": {"bundle": [str(bundle / "zeshi"), "--version"],
                        "venv": [str(venv_bin / "zeshi"), "--version"]},
            "window": {"bundle": [str(bundle / "zeshi-desktop"), "--db", str(db), "--quit-after-show"],
                       "venv": [str(venv_bin / "zeshi-desktop"), "--db", str(db), "--quit-after-show"]},
        }
        timers = {"version": _exits, "window": _shown}
        figures: dict[str, dict[str, float]] = {}
        for what, pair in commands.items():
            samples: dict[str, list[float]] = {"bundle": [], "venv": []}
            for which, command in pair.items():
                timers[what](command, env)   # warm-up
            for _ in range(runs):
                for which, command in pair.items():
                    samples[which].append(timers[what](command, env))
            bundle_s, venv_s = statistics.median(samples["bundle"]), statistics.median(samples["venv"])
            pairs = [b / v for b, v in zip(samples["bundle"], samples["venv"])]
            figures[what] = {"bundle_s": round(bundle_s, 3), "venv_s": round(venv_s, 3),
                             "ratio": round(statistics.median(pairs), 2), "runs": runs}
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "zeshi-desktop")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    figures = measure(args.bundle.resolve(), args.runs)
    if args.json:
        print(json.dumps(figures))
        return 0
    labels = {"version": "zeshi --version", "window": "zeshi-desktop, command to window shown (demo year)"}
    print(f"start-up, median of {args.runs} (bundle / virtualenv):")
    for what, row in figures.items():
        print(f"  {labels[what]:<52} {row['bundle_s']:.2f} s / {row['venv_s']:.2f} s  ({row['ratio']:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
