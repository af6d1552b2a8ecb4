"""Package benchmark: the district → city packages of the city-scale year, exported and imported.

Run: python tests/bench/package_bench.py  (prints JSON). Target: export and import
each under 5 s on a 2-core laptop, within 2x of the floor — openpyxl's own time to
write the same cells in write-only mode and to read them in read-only mode.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from openpyxl import Workbook, load_workbook  # noqa: E402

from tests.bench.generate import city_year  # noqa: E402
from zeshi_desktop.services import package_export, roster  # noqa: E402
from zeshi_desktop.services.package_import import import_package  # noqa: E402
from zeshi_desktop.services.yeardata import load_year  # noqa: E402
from zeshi_desktop.store.database import Database  # noqa: E402


def _cells(paths: list[Path]) -> list[list[tuple[str, list[list[object]]]]]:
    """Every sheet's values of every package, to give openpyxl the same cells to write and read."""
    out = []
    for path in paths:
        wb = load_workbook(path, read_only=True)
        out.append([(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in wb.worksheets])
        wb.close()
    return out


def main() -> None:
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
        t0, c0 = time.perf_counter(), time.process_time()
        with source.read() as session:
            for code, path in zip(codes, paths):
                package_export.export_package(session, "district-city", data.year, path, district=code)
        export_s, export_cpu = time.perf_counter() - t0, time.process_time() - c0

        city = Database.open(folder / "city.sqlite3")
        t0, c0 = time.perf_counter(), time.process_time()
        summary = {"added": 0}
        for path in paths:
            with city.write() as session:
                report = import_package(session, path)
            summary["added"] += report.count("added")
        import_s, import_cpu = time.perf_counter() - t0, time.process_time() - c0

        cells = _cells(paths)
        n_cells = sum(len(r) for book in cells for _, rows in book for r in rows)
        floor_paths = [folder / f"floor-{i}.xlsx" for i in range(len(cells))]
        t0, c0 = time.perf_counter(), time.process_time()
        for book, path in zip(cells, floor_paths):
            wb = Workbook(write_only=True)
            for title, rows in book:
                ws = wb.create_sheet(title)
                for row in rows:
                    ws.append(row)
            wb.save(path)
        floor_write_s, floor_write_cpu = time.perf_counter() - t0, time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        for path in floor_paths:
            wb = load_workbook(path, read_only=True)
            for ws in wb.worksheets:
                for _ in ws.iter_rows(values_only=True):
                    pass
            wb.close()
        floor_read_s, floor_read_cpu = time.perf_counter() - t0, time.process_time() - c0
        print(json.dumps({
            "packages": len(paths), "sheets_added": summary["added"], "cells": n_cells,
            "bytes": sum(p.stat().st_size for p in paths),
            "export_s": round(export_s, 2), "import_s": round(import_s, 2),
            "floor_write_only_s": round(floor_write_s, 2), "floor_read_only_s": round(floor_read_s, 2),
            "export_vs_floor": round(export_s / floor_write_s, 2), "import_vs_floor": round(import_s / floor_read_s, 2),
            "cpu_s": {"export": round(export_cpu, 2), "import": round(import_cpu, 2),
                      "floor_write_only": round(floor_write_cpu, 2), "floor_read_only": round(floor_read_cpu, 2)},
            "cpus": os.cpu_count(), "load_average": os.getloadavg()[0],
        }, indent=2))
        source.dispose()
        city.dispose()


if __name__ == "__main__":
    main()
