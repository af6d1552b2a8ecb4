"""附件3-3 as an Excel workbook: the district's result file, as the task force files and mails it.

The seed's five columns come first, verbatim from the form (``forms/3-3.toml``),
so the sheet reads like the paper; the planner, band and the district's
recommended-excellent mark follow, because the meeting decides those too.
Numbers are written as numbers rounded to two decimals (what the app shows),
so Excel sorts and sums them; the file is written atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.ranking import ResultLine
from zeshi_desktop.domain.scores import display

from .atomic import save_atomic
from .cells import write_text, write_value
from .words import written, yes_no

EXTRA_COLUMNS = ("package.result.planner", "package.result.band", "package.result.recommended")   # after the form's
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


@dataclass(frozen=True)
class ResultFile:
    form: Form                       # 附件3-3
    year: int
    district: str
    street_weight: Decimal           # percent
    district_weight: Decimal
    trimmed_mean: bool
    rows: tuple[ResultLine, ...]


def _number(value: Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(display(value))


def write_result_workbook(data: ResultFile, path: Path) -> Path:
    """Write the 3-3 result file to ``path`` (.xlsx); nothing is left half-written on failure."""
    form = data.form
    if len(form.columns) != 5:
        raise ValueError(f"annex {form.id} should have 5 columns; its definition has {len(form.columns)}")
    headers = [c.zh for c in form.columns] + [written(code) for code in EXTRA_COLUMNS]
    wb = Workbook()
    ws = wb.active
    ws.title = written("package.result.sheet", form=form.id)
    last = get_column_letter(len(headers))
    ws.merge_cells(f"A1:{last}1")
    write_text(ws["A1"], written("package.result.title", year=data.year, title=form.title))
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    values = {"district": data.district, "street_weight": f"{display(data.street_weight)}%",
              "district_weight": f"{display(data.district_weight)}%"}
    for col, field in enumerate(form.header_fields, start=1):
        write_text(ws.cell(row=2, column=col * 2 - 1), field.label.zh)
        write_text(ws.cell(row=2, column=col * 2), values.get(field.id, ""))
    write_text(ws.cell(row=3, column=1), written("package.result.final_score_trimmed" if data.trimmed_mean
                                                 else "package.result.final_score_mean"))
    header_row = 4
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=header_row, column=col)
        write_text(cell, text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BOX
    for i, r in enumerate(data.rows, start=header_row + 1):
        cells = [r.rank if r.rank is not None else written("package.result.unranked"), r.unit,
                 _number(r.street_weighted), _number(r.district_weighted), _number(r.total), r.planner, r.band,
                 yes_no(True) if r.recommended else ""]
        for col, value in enumerate(cells, start=1):
            cell = ws.cell(row=i, column=col)
            write_value(cell, value)
            cell.border = BOX
            if isinstance(value, Decimal):
                cell.number_format = "0.00"
    row = header_row + len(data.rows) + 2
    for note in form.notes:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(headers))
        write_text(ws.cell(row=row, column=1), note.zh)
        ws.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = 48
        row += 1
    for col, width in enumerate((10, 22, 22, 20, 10, 26, 8, 16), start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[header_row].height = 32
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    save_atomic(wb, Path(path))
    return Path(path)
