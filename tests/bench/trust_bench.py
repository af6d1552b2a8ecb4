"""Trust benchmark on the city-scale year: a backup, the whole check (`zeshi check`), the check at open.

Run: python tests/bench/trust_bench.py  (prints JSON; targets: a backup < 1 s, the check < 2 s, the
check at open < 150 ms, on a 2-core laptop). Each figure is the median of five runs.

``--db URL`` (an empty database on a PostgreSQL server) or ``--server`` (a
throwaway local cluster, fsync on): the backup is ``pg_dump`` into a file,
the check reads the server's catalogue besides the chain, seals and values
(``zeshi backup -o`` and ``zeshi check`` on a server).
"""

from __future__ import annotations

import argparse
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", metavar="URL", help="an empty database on a PostgreSQL server instead of a new file")
    parser.add_argument("--server", action="store_true", help="run on a throwaway local PostgreSQL cluster")
    options = parser.parse_args()
    if not (options.db or options.server):
        on_file()
        return
    if options.db:
        on_server(options.db)
        return
    from tests.server.cluster import Cluster

    cluster = Cluster(durable=True)
    try:
        on_server(cluster.create("city"))
    finally:
        cluster.stop()


def on_server(url: str) -> None:
    db = Database.open(url)
    with db.write() as session:
        counts = load_year(session, city_year())
    with tempfile.TemporaryDirectory() as tmp:
        backup_s = _median_s(lambda: backup.dump_server(url, Path(tmp) / "city.dump"))
        size_mb = (Path(tmp) / "city.dump").stat().st_size / 1e6
    store_check.check_server(db, quick=True)
    check_s = _median_s(lambda: store_check.check_server(db))
    quick_s = _median_s(lambda: store_check.check_server(db, quick=True))
    report = store_check.check_server(db)
    db.dispose()
    print(json.dumps({
        "store": "postgresql", "dataset": counts, "dump_mb": round(size_mb, 1), "pg_dump_s": round(backup_s, 3),
        "check_s": round(check_s, 3), "check_quick_s": round(quick_s, 3), "sound": report.sound,
    }, indent=2, ensure_ascii=False))


def on_file() -> None:
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
