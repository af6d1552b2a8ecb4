"""Package benchmark: the district → city packages of the city-scale year, exported and imported.

Run: python tests/bench/package_bench.py  (prints JSON). Target: export and import
each under 5 s on a 2-core laptop, within 2x of the floor (best times over five
rounds; the ratios are medians of per-round ratios) — openpyxl's own time to
write the same cells in write-only mode and to read them in read-only mode.

It also prints the importer's peak memory (``ru_maxrss`` of a fresh process
that imports the 17 packages into an empty city store, and of one that only
loads the program, ``peak_memory_mb``); the limit is 400 MB for any file
(``packages/safety.py``). ``--worst`` adds the peak of the largest package the
limits accept (a district → city package whose 4-1 pictures fill the text
budget) and of the worst hostile files they let through.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
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
ROOT = Path(__file__).resolve().parents[2]

# A fresh process: load the program, import the files given into the store given, print the peak RSS in MB.
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
outcomes = []
for name in sys.argv[2:]:
    try:
        with db.write() as session:
            import_package(session, Path(name), accept_edited=True, reason="bench", keep_all="theirs")
        outcomes.append("imported")
    except Refused as exc:
        outcomes.append(exc.code)
print(peak(), *outcomes)
"""


def peak_memory(store: Path, paths: list[Path]) -> tuple[int, list[str]]:
    """Peak resident memory (MB) of a fresh process importing ``paths`` into ``store``, and the outcomes."""
    done = subprocess.run([sys.executable, "-c", _PEAK, str(store), *map(str, paths)], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    megabytes, *outcomes = done.stdout.split()
    return int(megabytes), outcomes


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

        def ratio(ours: str, floor: str, which: int = 0) -> float:
            return round(statistics.median(r[ours][which] / r[floor][which] for r in rounds), 2)

        memory, outcomes = peak_memory(folder / "city-memory.sqlite3", paths)
        assert set(outcomes) == {"imported"}, outcomes
        baseline, _ = peak_memory(folder / "city-baseline.sqlite3", [])
        largest = max(paths, key=lambda p: p.stat().st_size)
        one, _ = peak_memory(folder / "city-one.sqlite3", [largest])
        result = {
            "packages": len(paths), "sheets_added": added[0], "cells": n_cells,
            "bytes": sum(p.stat().st_size for p in paths), "rounds": ROUNDS,
            "export_s": best("export"), "import_s": best("import"),
            "floor_write_only_s": best("floor_write"), "floor_read_only_s": best("floor_read"),
            "export_vs_floor": ratio("export", "floor_write"), "import_vs_floor": ratio("import", "floor_read"),
            "cpu_s": {"export": best("export", 1), "import": best("import", 1),
                      "floor_write_only": best("floor_write", 1), "floor_read_only": best("floor_read", 1)},
            # the same ratios on CPU time: what a busy machine's neighbours cannot inflate
            "cpu_ratios": {"export_vs_floor": ratio("export", "floor_write", 1),
                           "import_vs_floor": ratio("import", "floor_read", 1)},
            "peak_memory_mb": {"import_17_packages": memory, "import_largest_package": one,
                               "program_loaded_only": baseline},
            "cpus": os.cpu_count(), "load_average": os.getloadavg()[0],
            # every round's wall seconds, to see how steady the ratios are
            "rounds_s": [{name: round(r[name][0], 2) for name in r} for r in rounds],
        }
        if "--worst" in sys.argv:
            result["worst_peak_memory_mb"] = worst(folder, source)
        print(json.dumps(result, indent=2))
        source.dispose()


def worst(folder: Path, source: Database) -> dict[str, object]:
    """Peak memory of the largest accepted package and of the worst hostile files the limits let through."""
    from sqlalchemy import select

    from tests.packages import crafting
    from zeshi_desktop.packages import safety
    from zeshi_desktop.store.models import Attachment, District, Sheet

    store = Path(shutil.copy(source.path, folder / "pictures.sqlite3"))  # type: ignore[arg-type]
    db = Database.open(store)
    picture = 8 * 1024 * 1024
    count = int(safety.MAX_TEXT_BYTES * 3 / 4 // picture)   # base64: 4 characters for 3 bytes
    with db.write() as session:
        district = session.scalar(select(District).order_by(District.id).limit(1))
        assert district is not None
        sheet = session.scalar(select(Sheet).where(Sheet.form_id == "4-1", Sheet.district_id == district.id,
                                                    Sheet.reviewer_id.is_(None)))
        assert sheet is not None
        for i in range(count):
            session.add(Attachment(sheet_id=sheet.id, key="cases#1", name=f"big-{i}.jpg", mime="image/jpeg",
                                   data=b"\xff\xd8\xff" + os.urandom(picture - 3), position=100 + i, caption=""))
    pictures = folder / "pictures.xlsx"
    with db.read() as session:
        package_export.export_package(session, "district-city", 2025, pictures, district=district.code)
    db.dispose()
    street = folder / "street.xlsx"
    with source.read() as session:
        unit = roster.units(session)[0].code
        package_export.export_package(session, "street-district", 2025, street, units=[unit])
    cells = street
    for i, title in enumerate(("区", "责师")):
        cells = crafting.stream_sheet(cells, folder / f"cells-{i}.xlsx", crafting.sheet_part(street, title),
                                      crafting.rows_xml(safety.MAX_CELLS_PER_SHEET // 1_500 - 1, 1_500,
                                                        first_row=500), keep=True)
    out: dict[str, object] = {"pictures_mb": count * picture // 1024 // 1024}
    for name, path in (("largest_accepted", pictures), ("hostile_all_cells", cells)):
        megabytes, outcome = peak_memory(folder / f"{name}-empty.sqlite3", [path])
        out[name] = {"mb": megabytes, "file_mb": round(path.stat().st_size / 1024 / 1024, 1), "outcome": outcome[0]}
    return out


if __name__ == "__main__":
    main()
