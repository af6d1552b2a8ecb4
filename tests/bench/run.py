"""Core benchmark: generate the city-scale year into a store, rank every district, rank the city.

Run: python tests/bench/run.py  (prints JSON; targets: generate < 5 s,
one district < 50 ms, the whole city < 1 s, on a 2-core laptop). On the same
store, the command line's start-up (tests/bench/cli_bench.py): ``zeshi --version``
< 0.25 s, ``zeshi rank`` < 0.5 s.

On a PostgreSQL server (docs/server.md; targets: generating within 3x of
SQLite, a district under 50 ms): ``--db URL`` names an empty database there,
``--server`` starts a throwaway cluster on this machine for the run (fsync on,
as a server keeps it; tests/server/cluster.py) and removes it after.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.cli_bench import startup as cli_startup  # noqa: E402
from tests.bench.generate import city_year  # noqa: E402
from zeshi_desktop.demo.yeardata import load_year  # noqa: E402
from zeshi_desktop.services import roster  # noqa: E402
from zeshi_desktop.services.meeting import ranking  # noqa: E402
from zeshi_desktop.store.database import Database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", metavar="URL", help="an empty database on a PostgreSQL server instead of a new file")
    parser.add_argument("--server", action="store_true", help="run on a throwaway local PostgreSQL cluster")
    options = parser.parse_args()
    if not options.server:
        run(options.db)
        return
    from tests.server.cluster import Cluster

    cluster = Cluster(durable=True)
    try:
        run(cluster.create("city"))
    finally:
        cluster.stop()


def run(url: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        data = city_year()
        t1 = time.perf_counter()
        db = Database.open(url or Path(tmp) / "city.sqlite3")
        t2 = time.perf_counter()
        with db.write() as session:
            counts = load_year(session, data)
        t3 = time.perf_counter()
        with db.read() as session:
            districts = roster.districts(session)
        per_district = []
        for d in districts:
            start = time.perf_counter()
            with db.read() as session:
                result = ranking.district_ranking(session, data.year, d.id)
            per_district.append(time.perf_counter() - start)
            assert result.rows
        start = time.perf_counter()
        with db.read() as session:
            for d in districts:
                ranking.district_ranking(session, data.year, d.id)
            city = ranking.city_ranking(session, data.year)
        whole = time.perf_counter() - start
        assert len(city.rows) == len(districts)
        start = time.perf_counter()
        with db.read() as session:
            ranking.city_ranking(session, data.year)
        city_only = time.perf_counter() - start
        db.dispose()
        cli = cli_startup(url or Path(tmp) / "city.sqlite3", runs=5)  # type: ignore[arg-type]
    print(json.dumps({
        "store": "postgresql" if url else "sqlite",
        "dataset": counts,
        "build_records_s": round(t1 - t0, 3),
        "open_new_store_s": round(t2 - t1, 3),
        "load_into_store_s": round(t3 - t2, 3),
        "generate_total_s": round(t3 - t0, 3),
        "rank_one_district_ms": {"median": round(statistics.median(per_district) * 1000, 1),
                                 "max": round(max(per_district) * 1000, 1)},
        "rank_all_districts_and_city_s": round(whole, 3),
        "rank_city_districts_ms": round(city_only * 1000, 1),
        "cli_startup_s": cli,
    }, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
