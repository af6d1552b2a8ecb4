"""The district's 3-3 result file with the recommended-excellent marks, as Excel or PDF.

Every file is written to a temporary name and renamed, so a failure leaves no half file.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from zeshi_desktop.atomic_files import write_bytes_atomic
from zeshi_desktop.domain.ranking import result_lines
from zeshi_desktop.domain.scores import display
from zeshi_desktop.packages.result_workbook import ResultFile, write_result_workbook
from zeshi_desktop.printing.data import Heading, RankingDoc
from zeshi_desktop.printing.reports import (
    ReportSection,
    TableSpec,
    render_result_file,
    rows_as_text,
)
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.meeting import ranking
from zeshi_desktop.services.meeting.dashboards import (
    district_dashboard,
)


@dataclass(frozen=True)
class Written:
    path: Path
    kind: str        # xlsx | pdf
    rows: int        # ranking rows, districts or statements written


def _suffix(path: Path, allowed: tuple[str, ...]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise ActionRefused(f"文件“{Path(path).name}”的类型应为 {' 或 '.join(allowed)}",
                            f"{Path(path).name}: expected {' or '.join(allowed)}")
    return suffix


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{display(value * 100, 1)}%"


def _num(value: Decimal | None) -> str:
    return display(value) if value is not None else "—"


def export_district_results(session: Session, year: int, district_id: int, path: Path) -> Written:
    """The district's 3-3 result file with the recommended-excellent marks, as .xlsx or .pdf."""
    suffix = _suffix(path, (".xlsx", ".pdf"))
    board = district_dashboard(session, year, district_id)
    r = board.ranking
    form = catalogue.form("3-3")
    rows = result_lines(r.rows, board.recommended)
    if suffix == ".xlsx":
        write_result_workbook(ResultFile(form, year, r.district, r.weights.street, r.weights.district,
                                         r.trimmed_mean, rows), Path(path))
        return Written(Path(path), "xlsx", len(rows))
    doc = RankingDoc(form, Heading(year, district=r.district), r.weights.street, r.weights.district,
                     rows,
                     final=ranking.result_is_final(session, r))
    chosen = [row for row in r.rows if row.key in board.recommended]
    recommended = ReportSection(
        f"{r.district} {year} 年度推荐区级优秀责任规划师",
        "" if chosen else "尚未推荐。",
        table=TableSpec(("结果排名", "责任片区", "责任规划师", "总分", "等级"),
                        rows_as_text([(row.rank or "—", row.unit, row.planner, _num(row.total),
                                       row.band.label.zh if row.band else "") for row in chosen]),
                        (1, 3, 4, 1.5, 1.2)) if chosen else None)
    write_bytes_atomic(Path(path), render_result_file(doc, recommended))
    return Written(Path(path), "pdf", len(r.rows))
