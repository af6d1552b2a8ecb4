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

EXTRA_COLUMNS = ("责任规划师", "等级", "推荐区级优秀责师")
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
        raise ValueError(f"附件{form.id} 应有 5 列，定义中有 {len(form.columns)} 列")
    headers = [c.zh for c in form.columns] + list(EXTRA_COLUMNS)
    wb = Workbook()
    ws = wb.active
    ws.title = f"附件{form.id}"
    last = get_column_letter(len(headers))
    ws.merge_cells(f"A1:{last}1")
    write_text(ws["A1"], f"{data.year}年度 {form.title.zh}")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    values = {"district": data.district, "street_weight": f"{display(data.street_weight)}%",
              "district_weight": f"{display(data.district_weight)}%"}
    for col, field in enumerate(form.header_fields, start=1):
        write_text(ws.cell(row=2, column=col * 2 - 1), field.label.zh)
        write_text(ws.cell(row=2, column=col * 2), values.get(field.id, ""))
    write_text(ws.cell(row=3, column=1), "区级评审组最终得分：" + ("去掉一个最高分和一个最低分后的平均分"
                                                     if data.trimmed_mean else "各评审人总分的平均分"))
    header_row = 4
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=header_row, column=col)
        write_text(cell, text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BOX
    for i, r in enumerate(data.rows, start=header_row + 1):
        cells = [r.rank if r.rank is not None else "未排名", r.unit, _number(r.street_weighted),
                 _number(r.district_weighted), _number(r.total), r.planner, r.band, "是" if r.recommended else ""]
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
