"""The importer's peak memory stays under 400 MB for any file, accepted or refused (measured in a fresh process).

The finding: a 23 MB package within every declared limit reached 3.8 GB and a
MemoryError. The files here are the worst the limits let through: every cell
allowed, and every character of text allowed as emoji-wide strings (4 bytes a
character once in memory). The largest package the limits accept (4-1
pictures filling the text budget) is measured by ``tests/bench/package_bench.py --worst``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zeshi_desktop.packages import safety
from zeshi_desktop.store.database import Database

from . import crafting
from .refusals import street_package

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def package(demo_db: Database, demo_year: int, tmp_path: Path) -> Path:
    return street_package(demo_db, demo_year, tmp_path / "street.xlsx")


_PEAK = """
import resource, sys
from pathlib import Path
from zeshi_desktop.messages import Refused


def peak():
    # this process's own high-water mark (VmHWM): ru_maxrss would count the parent's memory at fork
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) // 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


from zeshi_desktop.services.handover.importing import import_package
from zeshi_desktop.store.database import Database
db = Database.open(Path(sys.argv[1]))
try:
    with db.write() as s:
        import_package(s, Path(sys.argv[2]), accept_edited=True, reason="memory", keep_all="theirs")
    outcome = "imported"
except Refused as exc:
    outcome = exc.code
print(outcome, peak())
"""


def _peak(db: Path, path: Path) -> tuple[str, int]:
    """The outcome and the peak memory (MB) of importing ``path`` in a fresh process."""
    done = subprocess.run([sys.executable, "-c", _PEAK, str(db), str(path)], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert done.returncode == 0, done.stderr
    outcome, megabytes = done.stdout.split()
    return outcome, int(megabytes)


@pytest.mark.sqlite_only   # the importer's memory, measured once: the store's backend plays no part in it
def test_peak_memory_stays_under_400_mb(package: Path, demo_db: Database, tmp_path: Path) -> None:
    """The worst files the limits let through: all the cells allowed, all the text allowed (as emoji-wide strings)."""
    store = Path(shutil.copy(demo_db.path, tmp_path / "memory.sqlite3"))  # type: ignore[arg-type]
    cells = package
    for i, title in enumerate(("区", "责师")):
        cells = crafting.stream_sheet(cells, tmp_path / f"cells-{i}.xlsx", crafting.sheet_part(package, title),
                                      crafting.rows_xml(safety.MAX_CELLS_PER_SHEET // 1_500 - 1, 1_500,
                                                        first_row=500), keep=True)
    count = safety.MAX_TEXT_BYTES // (4 * 32_000 + 80) - 2
    text = crafting.stream_sheet(cells, tmp_path / "text.xlsx", crafting.sheet_part(package, "3-1"),
                                 crafting.text_rows(count, first_row=1000), keep=True)
    for path in (cells, text):
        outcome, megabytes = _peak(store, path)
        assert megabytes < 400, (path.name, outcome, megabytes)
