"""Printing benchmark: the city-scale year to PDF, beside the floor of bare reportlab pages.

Run: python tests/bench/print_bench.py [WORKERS]  (prints JSON; WORKERS defaults to 2).
Targets: every 3-1 sheet (~400) and every 3-2 matrix (17 districts x 7
reviewers) to PDF in < 20 s on a 2-core laptop; CPU time per page within 1.5x
of the floor. Districts are shared between WORKERS processes, each doing what
``zeshi print`` does per district: read, render, write the PDF, record the codes.

The floor draws the same tables (same texts, widths, font, cell styles) with
plain reportlab and constant numbers: no store, no glyph check, no
verification code, no two-pass page numbers. The floor is weighted by the
project's own mix of 3-1 and 3-2 pages so the two figures compare like with like.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from tests.bench.generate import city_year  # noqa: E402
from zeshi_desktop.demo.yeardata import load_year  # noqa: E402
from zeshi_desktop.printing import layout  # noqa: E402
from zeshi_desktop.services import (
    catalogue,  # noqa: E402
    roster,  # noqa: E402
)
from zeshi_desktop.services.printing import jobs as printing  # noqa: E402
from zeshi_desktop.store.database import Database  # noqa: E402


def _floor_31(n: int) -> tuple[float, int]:
    """n bare 3-1 pages: the same table with constant scores."""
    form = catalogue.form("3-1")
    width = A4[0] - 32 * mm
    widths = [33 * mm, width - 33 * mm - 45 * mm, 13 * mm, 12 * mm, 20 * mm]
    start = time.perf_counter()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=11 * mm,
                            bottomMargin=13 * mm)
    story: list = []
    for i in range(n):
        rows = [[Paragraph(c.zh, layout.CELL_C) for c in form.columns[:3]] + ["", "评分"]]
        spans = [("SPAN", (2, 0), (3, 0))]
        for part in form.parts:
            first = len(rows)
            for section in part.sections:
                top = len(rows)
                for k, item in enumerate(section.items):
                    rows.append([Paragraph(section.title.zh, layout.CELL) if k == 0 else "",
                                 Paragraph(item.text.zh, layout.CELL),
                                 Paragraph(part.label.zh, layout.CELL_C) if len(rows) == first else "",
                                 str(item.max), "3.5"])
                spans.append(("SPAN", (0, top), (0, len(rows) - 1)))
            spans.append(("SPAN", (2, first), (2, len(rows) - 1)))
            rows.append([part.total_label.zh, "", "", "", "80"])
            spans.append(("SPAN", (0, len(rows) - 1), (3, len(rows) - 1)))
        rows.append(["总得分", "", "", "", "90"])
        rows.append(["意见建议", Paragraph("建议加强驻场时间。", layout.CELL), "", "", ""])
        table = Table(rows, colWidths=widths)
        table.setStyle(TableStyle(layout.GRID + spans))
        story += [Paragraph(form.title.zh, layout.TITLE), table, Paragraph(form.signature[0].zh, layout.BODY)]
        if i < n - 1:
            story.append(PageBreak())
    doc.build(story)
    return time.perf_counter() - start, n


def _floor_32(matrices: int, rows: int = 24) -> tuple[float, int]:
    """Bare 3-2 matrices: the same three header rows and nine item columns, constant rows."""
    form = catalogue.form("3-2")
    items = form.items
    size = landscape(A4)
    width = size[0] - 28 * mm
    widths = [10 * mm, 36 * mm] + [(width - 61 * mm) / len(items)] * len(items) + [15 * mm]
    start = time.perf_counter()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=size, leftMargin=14 * mm, rightMargin=14 * mm, topMargin=12 * mm,
                            bottomMargin=14 * mm)
    story: list = []
    for m in range(matrices):
        header = [[Paragraph("序号", layout.CELL_C), Paragraph("责任片区", layout.CELL_C),
                   Paragraph("项目", layout.CELL_C)] + [""] * 9,
                  ["", ""] + [Paragraph(s.title.zh, layout.CELL_C) for s in form.sections for _ in s.items[:1]]
                  + [""] * 4 + ["总分"],
                  ["", ""] + [Paragraph(i.text.zh, layout.TINY_C) for i in items] + [""]]
        body = [[str(r), Paragraph(f"第{r}责任单元<br/>某某团队", layout.SMALL)] + ["8.5"] * 9 + ["80"]
                for r in range(1, rows + 1)]
        table = Table(header + body, colWidths=widths, repeatRows=3)
        table.setStyle(TableStyle(layout.GRID + [("SPAN", (0, 0), (0, 2)), ("SPAN", (1, 0), (1, 2)),
                                                 ("SPAN", (2, 0), (-1, 0))]))
        story += [Paragraph(form.title.zh, layout.TITLE), table]
        if m < matrices - 1:
            story.append(PageBreak())
    doc.build(story)
    return time.perf_counter() - start, doc.page


def _accelerated() -> bool:
    """Whether reportlab's C helpers (the ``rl_accel`` package) are in use."""
    try:
        import _rl_accel  # noqa: F401
    except ImportError:
        return False
    return True


def _print_districts(task: tuple[str, int, list[int], str]) -> dict:
    """One worker: each district's 3-1 sheets and 3-2 matrices, read → render → record, as the CLI does."""
    db_path, year, district_ids, out = task
    db = Database.open(Path(db_path))
    stats = {"pages": {"3-1": 0, "3-2": 0}, "documents": {"3-1": 0, "3-2": 0}, "cpu": {"3-1": 0.0, "3-2": 0.0}}
    for district_id in district_ids:
        for form_id in ("3-1", "3-2"):
            cpu = time.process_time()
            with db.read() as session:
                prepared = printing.prepare_form(session, form_id, printing.Selection(year, district_id=district_id))
            job = printing.render(prepared)
            (Path(out) / f"{district_id}-{form_id}.pdf").write_bytes(job.pdf)
            with db.write() as session:
                printing.record(session, prepared)
            stats["cpu"][form_id] += time.process_time() - cpu
            stats["pages"][form_id] += job.pages
            stats["documents"][form_id] += job.documents
    db.dispose()
    return stats


def _floor_cpu(run, *args) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    """CPU seconds and pages of the faster of two floor runs."""
    best = None
    for _ in range(2):
        cpu = time.process_time()
        _, pages = run(*args)
        spent = time.process_time() - cpu
        best = spent if best is None else min(best, spent)
    return best, pages


def main(workers: int = 2) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = city_year()
        db_path = Path(tmp) / "city.sqlite3"
        db = Database.open(db_path)
        with db.write() as session:
            counts = load_year(session, data)
            districts = roster.districts(session)
            sizes = {d.id: len(roster.appointments(session, data.year, d.id)) for d in districts}
        db.dispose()
        out = Path(tmp) / "pdf"
        out.mkdir()
        # Largest districts first, each to the least loaded worker.
        shares: list[list[int]] = [[] for _ in range(workers)]
        load = [0] * workers
        for district_id in sorted(sizes, key=sizes.get, reverse=True):  # type: ignore[arg-type]
            k = load.index(min(load))
            shares[k].append(district_id)
            load[k] += sizes[district_id]
        load_before = os.getloadavg()[0]
        tasks = [(str(db_path), data.year, share, str(out)) for share in shares]
        start = time.perf_counter()
        if workers == 1:
            results = [_print_districts(tasks[0])]
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                results = list(pool.map(_print_districts, tasks))
        wall = time.perf_counter() - start
        load_after = os.getloadavg()[0]
    pages = {f: sum(r["pages"][f] for r in results) for f in ("3-1", "3-2")}
    docs = {f: sum(r["documents"][f] for r in results) for f in ("3-1", "3-2")}
    cpu = {f: sum(r["cpu"][f] for r in results) for f in ("3-1", "3-2")}
    f31_s, f31_pages = _floor_cpu(_floor_31, 60)
    f32_s, f32_pages = _floor_cpu(_floor_32, 20)
    floor = {"3-1": f31_s / f31_pages, "3-2": f32_s / f32_pages}
    total_pages = sum(pages.values())
    floor_weighted = sum(floor[f] * pages[f] for f in pages) / total_pages
    project_per_page = sum(cpu.values()) / total_pages
    print(json.dumps({
        "dataset": counts,
        "documents": docs,
        "pages": pages,
        "workers": workers,
        "project_wall_s": round(wall, 2),
        "project_cpu_s": {f: round(v, 2) for f, v in cpu.items()},
        "project_cpu_s_per_page": {f: round(cpu[f] / pages[f], 4) for f in pages} | {"all": round(project_per_page, 4)},
        "floor_cpu_s_per_page": {f: round(v, 4) for f, v in floor.items()} | {"weighted": round(floor_weighted, 4)},
        "ratio_to_floor": round(project_per_page / floor_weighted, 2),
        "targets": {"wall_s": 20, "ratio": 1.5},
        "cpus": os.cpu_count(),
        "load_average_before_after": [round(load_before, 2), round(load_after, 2)],
        "rl_accel": _accelerated(),
    }, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
