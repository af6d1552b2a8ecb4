"""Package benchmark: the district → city packages of the city-scale year, exported and imported.

Run: python tests/bench/package_bench.py  (prints JSON). Target: export and import
each under 5 s on a 2-core laptop, within 2x of the floor (best times over five
rounds; the ratios are medians of per-round ratios) — openpyxl's own time to
write the same cells in write-only mode and to read them in read-only mode.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from openpyxl import Workbook, load_workbook  # noqa: E402

from tests.bench.generate import city_year  # noqa: E402
from zeshi_desktop.demo.yeardata import load_year  # noqa: E402
from zeshi_desktop.services import roster  # noqa: E402
from zeshi_desktop.services.handover import export as package_export  # noqa: E402
from zeshi_desktop.services.handover.importing import import_package  # noqa: E402
from zeshi_desktop.store.database import Database  # noqa: E402


def _cells(paths: list[Path]) -> list[list[tuple[str, list[list[object]]]]]:
    """Every sheet's values of every package, to give openpyxl the same cells to write and read."""
    out = []
    for path in paths:
        wb = load_workbook(path, read_only=True)
        out.append([(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in wb.worksheets])
        wb.close()
    return out


ROUNDS = 5


def _timed(run) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    t0, c0 = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - t0, time.process_time() - c0


def main() -> None:
    """Each round runs export, the write floor, import and the read floor back to back.

    This machine's neighbours come and go, so a ratio is taken within a round
    (both sides under the same conditions) and the median over the rounds is
    reported, beside the best time of each.
    """
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["ZESHI_KEY_DIR"] = str(folder / "keys")
        data = city_year()
        source = Database.open(folder / "districts.sqlite3")
        with source.write() as session:
            load_year(session, data)
        with source.read() as session:
            codes = [d.code for d in roster.districts(session)]
        paths = [folder / f"to-city-{code}.xlsx" for code in codes]

        def export() -> None:
            with source.read() as session:
                for code, path in zip(codes, paths):
                    package_export.export_package(session, "district-city", data.year, path, district=code)

        export()   # also gives the floor its cells
        cells = _cells(paths)
        n_cells = sum(len(r) for book in cells for _, rows in book for r in rows)
        floor_paths = [folder / f"floor-{i}.xlsx" for i in range(len(cells))]
        added: list[int] = []

        def import_all(round_: int) -> None:
            city = Database.open(folder / f"city-{round_}.sqlite3")
            n = 0
            for path in paths:
                with city.write() as session:
                    n += import_package(session, path).count("added")
            added.append(n)
            city.dispose()

        def floor_write() -> None:
            for book, path in zip(cells, floor_paths):
                wb = Workbook(write_only=True)
                for title, rows in book:
                    ws = wb.create_sheet(title)
                    for row in rows:
                        ws.append(row)
                wb.save(path)

        def floor_read() -> None:
            for path in floor_paths:
                wb = load_workbook(path, read_only=True)
                for ws in wb.worksheets:
                    for _ in ws.iter_rows(values_only=True):
                        pass
                wb.close()

        rounds = []
        for i in range(ROUNDS):
            rounds.append({"export": _timed(export), "floor_write": _timed(floor_write),
                           "import": _timed(lambda: import_all(i)), "floor_read": _timed(floor_read)})

        def best(name: str, which: int = 0) -> float:
            return round(min(r[name][which] for r in rounds), 2)

        def ratio(ours: str, floor: str) -> float:
            return round(statistics.median(r[ours][0] / r[floor][0] for r in rounds), 2)

        print(json.dumps({
            "packages": len(paths), "sheets_added": added[0], "cells": n_cells,
            "bytes": sum(p.stat().st_size for p in paths), "rounds": ROUNDS,
            "export_s": best("export"), "import_s": best("import"),
            "floor_write_only_s": best("floor_write"), "floor_read_only_s": best("floor_read"),
            "export_vs_floor": ratio("export", "floor_write"), "import_vs_floor": ratio("import", "floor_read"),
            "cpu_s": {"export": best("export", 1), "import": best("import", 1),
                      "floor_write_only": best("floor_write", 1), "floor_read_only": best("floor_read", 1)},
            "cpus": os.cpu_count(), "load_average": os.getloadavg()[0],
        }, indent=2))
        source.dispose()


if __name__ == "__main__":
    main()
