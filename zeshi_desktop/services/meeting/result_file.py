"""The district's 3-3 result file with the recommended-excellent marks, as Excel or PDF.

A final PDF carries the verification code of its 3-3 page (``result_code``), the
same code ``zeshi print 3-3`` prints for the same result.

Every file is written to a temporary name and renamed, so a failure leaves no half file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from zeshi_desktop.atomic_files import write_bytes_atomic
from zeshi_desktop.domain.ranking import result_lines
from zeshi_desktop.messages import number_text, text
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
from zeshi_desktop.services.meeting import ranking, result_code
from zeshi_desktop.services.meeting.columns import headings
from zeshi_desktop.services.meeting.dashboards import (
    district_dashboard,
)

RECOMMENDED = ("rank", "unit", "planner", "total", "band")   # the columns of the recommended page


@dataclass(frozen=True)
class Written:
    path: Path
    kind: str        # xlsx | pdf
    rows: int        # ranking rows, districts or statements written


def _suffix(path: Path, allowed: tuple[str, ...]) -> str:
    """The file's suffix, refused unless it is one of ``allowed`` (one or two of them)."""
    name, suffix = Path(path).name, Path(path).suffix.lower()
    if suffix not in allowed:
        if len(allowed) == 2:
            raise ActionRefused("meeting.file_type_either", name=name, first=allowed[0], second=allowed[1])
        raise ActionRefused("meeting.file_type", name=name, suffix=", ".join(allowed))
    return suffix


def export_district_results(session: Session, year: int, district_id: int, path: Path, lang: str = "zh") -> Written:
    """The district's 3-3 result file with the recommended-excellent marks, as .xlsx or .pdf.

    The annex itself is the official form, in Chinese; ``lang`` words the
    page of recommended planners that follows it in the PDF.
    """
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
    doc = result_code.stamp(session, doc, district_id).doc   # a final result file carries its code, as `zeshi print 3-3`
    chosen = [row for row in r.rows if row.key in board.recommended]
    recommended = ReportSection(
        text("meeting.report.recommended.title", lang, district=r.district, year=year),
        "" if chosen else text("meeting.report.recommended.none", lang),
        table=TableSpec(tuple(headings(RECOMMENDED, lang)),
                        rows_as_text([(row.rank or "—", row.unit, row.planner, number_text(row.total) or "—",
                                       row.band.label.get(lang) if row.band else "") for row in chosen]),
                        (1, 3, 4, 1.5, 1.2)) if chosen else None)
    write_bytes_atomic(Path(path), render_result_file(doc, recommended))
    return Written(Path(path), "pdf", len(r.rows))
