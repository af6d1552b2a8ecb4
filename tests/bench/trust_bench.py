"""Trust benchmark on the city-scale year: a backup, the whole check (`zeshi check`), the check at open.

Run: python tests/bench/trust_bench.py  (prints JSON; targets: a backup < 1 s, the check < 2 s, the
check at open < 150 ms, on a 2-core laptop). Each figure is the median of five runs.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.generate import city_year  # noqa: E402
from zeshi_desktop.demo.yeardata import load_year  # noqa: E402
from zeshi_desktop.services import store_check  # noqa: E402
from zeshi_desktop.store import backup  # noqa: E402
from zeshi_desktop.store.database import Database  # noqa: E402

ROUNDS = 5


def _median_s(work: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "city.sqlite3"
        db = Database.open(path)
        with db.write() as session:
            counts = load_year(session, city_year())
        db.dispose()
        size_mb = path.stat().st_size / 1e6
        store_check.check_store(path, quick=True)   # forms loaded, files in the page cache
        backup_s = _median_s(lambda: backup.make_backup(path, "manual", keep=100))
        check_s = _median_s(lambda: store_check.check_store(path))
        at_open_s = _median_s(lambda: store_check.check_store(path, quick=True))
        report = store_check.check_store(path)
    print(json.dumps({
        "dataset": counts, "store_mb": round(size_mb, 1),
        "backup_s": round(backup_s, 3), "check_s": round(check_s, 3), "check_at_open_ms": round(at_open_s * 1000, 1),
        "sound": report.sound,
    }, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
