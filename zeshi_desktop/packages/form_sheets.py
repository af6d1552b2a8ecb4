"""One form block as a worksheet people can read, and back.

Upright annexes (3-1, 4-2, 4-3, 5-1, 4-1) keep their paper layout: the items
run down the sheet with their section and maximum, one column per subject
(planner or district). The 3-2 matrix keeps its own: one row per planner, one
column per item. A hidden row and column carry the keys (item ids, subject
codes), so the reader never depends on where a person moved the labels.
Templates unlock only the fill-in cells, protect the sheet, and give each
score cell Excel's data validation (a decimal from 0 to the item's maximum)
with an input message naming the item and its maximum.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from zeshi_desktop.domain.forms import Label
from zeshi_desktop.domain.scores import (
    ScoreRefused,
    display,
    item_name,
    normalise_text,
    parse_score,
)
from zeshi_desktop.messages import Message

from .cells import read_cell
from .errors import CellProblem
from .grid import Grid
from .model import STATUS_FIELD, FieldSpec, FormBlock, Subject
from .sheet_cells import CellStyle, SheetBook, SheetCells
from .words import written

KEY_MARK = "#keys"
FIRST_VALUE_COL = 5        # column E: A keys (hidden), B group / 序号, C label, D maximum
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
FILL_IN = PatternFill("solid", fgColor="FFF8DC")
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass
class BlockRead:
    block: FormBlock
    cells: dict[tuple[str, str], str] = field(default_factory=dict)   # (subject key, field key) → "F12"
    subject_cells: dict[str, str] = field(default_factory=dict)        # subject key → its key cell


# ---------------------------------------------------------------- writing

TITLE_STYLE = CellStyle(font=TITLE)
BOLD_STYLE = CellStyle(font=BOLD)
WRAP_STYLE = CellStyle(alignment=WRAP)
BOLD_WRAP = CellStyle(font=BOLD, alignment=WRAP)
UNLOCKED = Protection(locked=False)
FILL_IN_STYLE = CellStyle(fill=FILL_IN, protection=UNLOCKED)           # a template's cell to fill in
FILL_IN_TEXT = CellStyle(fill=FILL_IN, protection=UNLOCKED, alignment=WRAP)


def _put(sheet: SheetCells, row: int, col: int, spec: FieldSpec, stored: str, template: bool) -> None:
    """One value cell; an empty one is only written where a template needs it unlocked."""
    if template:
        style: CellStyle | None = FILL_IN_TEXT if spec.kind == "text" else FILL_IN_STYLE
    else:
        style = WRAP_STYLE if spec.kind == "text" else None
    if stored == "":
        if template:
            sheet.empty(row, col, style)   # type: ignore[arg-type]
        return
    if spec.kind == "score":
        sheet.number(row, col, Decimal(stored), style)
    elif spec.kind == "choice":
        sheet.text(row, col, spec.text_of(stored), style)
    else:
        sheet.text(row, col, stored, style)


def _validation(spec: FieldSpec) -> DataValidation | None:
    if spec.kind == "score" and spec.item is not None:
        short, maximum = spec.item.short, display(spec.item.max)
        return DataValidation(type="decimal", operator="between", formula1="0", formula2=maximum, allow_blank=True,
                              showInputMessage=True, promptTitle=short[:32],
                              prompt=written("package.validation.score_prompt", item=short, maximum=maximum)[:255],
                              showErrorMessage=True, errorTitle=written("package.validation.score_error_title")[:32],
                              error=written("package.validation.score_error", item=short, maximum=maximum)[:255])
    if spec.kind == "choice":
        options = ",".join(t for t, _ in spec.options)
        return DataValidation(type="list", formula1=f'"{options}"', allow_blank=True, showInputMessage=True,
                              promptTitle=spec.label[:32],
                              prompt=written("package.validation.choose", options=options)[:255])
    return None


def write_block(book: SheetBook, block: FormBlock, template: bool) -> None:
    sheet = book.sheet(block.title)
    sheet.text(1, 2, block.heading, TITLE_STYLE)
    if block.reviewer_line:
        sheet.text(2, 2, block.reviewer_line)
    if block.orientation == "matrix":
        _write_matrix(sheet, block, template)
    else:
        _write_vertical(sheet, block, template)
    ws = sheet.ws
    ws.column_dimensions["A"].hidden = True
    if template:
        ws.protection.sheet = True
        ws.protection.formatCells = False
        ws.protection.formatColumns = False
        ws.protection.formatRows = False


def _write_vertical(sheet: SheetCells, block: FormBlock, template: bool) -> None:
    ws = sheet.ws
    headers = block.subject_headers or ("",)
    for i, header in enumerate(headers):
        r = 3 + i
        sheet.text(r, 3, header, BOLD_STYLE)
        for j, subject in enumerate(block.subjects):
            sheet.text(r, FIRST_VALUE_COL + j, subject.labels[i] if i < len(subject.labels) else "", BOLD_WRAP)
    sheet.text(3, 2, written("package.sheet.group"), BOLD_STYLE)
    sheet.text(3, 4, written("package.sheet.maximum"), BOLD_STYLE)
    key_row = 3 + len(headers)
    sheet.text(key_row, 1, KEY_MARK)
    for j, subject in enumerate(block.subjects):
        sheet.text(key_row, FIRST_VALUE_COL + j, subject.key)
    ws.row_dimensions[key_row].hidden = True
    last_col = FIRST_VALUE_COL + max(len(block.subjects), 1) - 1
    score_rows: list[int] = []
    previous_group = None
    columns = [block.values.get(subject.key, {}) for subject in block.subjects]
    for i, spec in enumerate(block.fields):
        r = key_row + 1 + i
        sheet.text(r, 1, spec.key)
        sheet.text(r, 2, spec.group if spec.group != previous_group else "", WRAP_STYLE)
        previous_group = spec.group
        sheet.text(r, 3, spec.label, WRAP_STYLE)
        if spec.maximum is not None:
            sheet.number(r, 4, spec.maximum)
            score_rows.append(r)
        for j, values in enumerate(columns):
            _put(sheet, r, FIRST_VALUE_COL + j, spec, values.get(spec.key, ""), template)
        if template and block.subjects and (dv := _validation(spec)) is not None:
            dv.add(f"{get_column_letter(FIRST_VALUE_COL)}{r}:{get_column_letter(last_col)}{r}")
            ws.add_data_validation(dv)
    if score_rows and block.total_label:
        r = key_row + 1 + len(block.fields)
        sheet.text(r, 3, block.total_label, BOLD_STYLE)
        for j in range(len(block.subjects)):
            col = get_column_letter(FIRST_VALUE_COL + j)
            sheet.formula(r, FIRST_VALUE_COL + j, f"SUM({col}{score_rows[0]}:{col}{score_rows[-1]})")
    ws.column_dimensions["B"].width = 24
    ws.column_dimensions["C"].width = 48
    ws.column_dimensions["D"].width = 6
    for j in range(len(block.subjects)):
        ws.column_dimensions[get_column_letter(FIRST_VALUE_COL + j)].width = 16
    ws.freeze_panes = f"{get_column_letter(FIRST_VALUE_COL)}{key_row + 1}"


def _write_matrix(sheet: SheetCells, block: FormBlock, template: bool) -> None:
    ws = sheet.ws
    sheet.text(3, 2, written("package.sheet.number"), BOLD_STYLE)
    for i, header in enumerate(block.subject_headers[:2]):
        sheet.text(3, 3 + i, header, BOLD_STYLE)
    key_row = 6
    sheet.text(key_row, 1, KEY_MARK)
    ws.row_dimensions[key_row].hidden = True
    score_cols: list[int] = []
    previous_group = None
    for j, spec in enumerate(block.fields):
        col = FIRST_VALUE_COL + j
        sheet.text(3, col, spec.group if spec.group != previous_group else "", WRAP_STYLE)
        previous_group = spec.group
        sheet.text(4, col, spec.label, WRAP_STYLE)
        if spec.maximum is not None:
            sheet.number(5, col, spec.maximum)
            score_cols.append(col)
        sheet.text(key_row, col, spec.key)
        ws.column_dimensions[get_column_letter(col)].width = 12
    last_row = key_row + max(len(block.subjects), 1)
    for i, subject in enumerate(block.subjects):
        r = key_row + 1 + i
        sheet.text(r, 1, subject.key)
        sheet.number(r, 2, i + 1)
        for k, label in enumerate(subject.labels[:2]):
            sheet.text(r, 3 + k, label)
        values = block.values.get(subject.key, {})
        for j, spec in enumerate(block.fields):
            _put(sheet, r, FIRST_VALUE_COL + j, spec, values.get(spec.key, ""), template)
    if template and block.subjects:
        for j, spec in enumerate(block.fields):
            if (dv := _validation(spec)) is not None:
                col = get_column_letter(FIRST_VALUE_COL + j)
                dv.add(f"{col}{key_row + 1}:{col}{last_row}")
                ws.add_data_validation(dv)
    if score_cols and block.total_label:
        col = FIRST_VALUE_COL + len(block.fields)
        sheet.text(4, col, block.total_label, BOLD_STYLE)
        first, last = get_column_letter(score_cols[0]), get_column_letter(score_cols[-1])
        for i in range(len(block.subjects)):
            r = key_row + 1 + i
            sheet.formula(r, col, f"SUM({first}{r}:{last}{r})")
    ws.column_dimensions["C"].width = 18
    ws.column_dimensions["D"].width = 22
    ws.freeze_panes = f"{get_column_letter(FIRST_VALUE_COL)}{key_row + 1}"


# ---------------------------------------------------------------- reading

def _find_key_row(ws: Grid) -> int | None:
    for r in range(1, min(ws.max_row, 60) + 1):
        if read_cell(ws, r, 1).text == KEY_MARK:
            return r
    return None


def _keys_along(ws: Grid, row: int | None, col: int | None) -> list[tuple[int, str]]:
    """Non-blank keys along a row (``row`` given) or down a column (``col`` given), with their positions."""
    out = []
    if row is not None:
        for c in range(FIRST_VALUE_COL, ws.max_column + 1):
            text = read_cell(ws, row, c).text.strip()
            if text:
                out.append((c, text))
    else:
        assert col is not None
        key_row = _find_key_row(ws) or 0
        for r in ws.rows(key_row + 1):
            text = read_cell(ws, r, col).text.strip()
            if text:
                out.append((r, text))
    return out


def read_block(ws: Grid, meta: FormBlock, fields: dict[str, FieldSpec], problems: list[CellProblem]) -> BlockRead:
    """The block's values, each checked against its field; every bad cell goes to ``problems``."""
    title = ws.title
    key_row = _find_key_row(ws)
    result = BlockRead(FormBlock(meta.title, meta.form_id, meta.form_version, meta.heading, meta.orientation,
                                 meta.subject_headers, [], [], {}, meta.reviewer, meta.reviewer_line,
                                 meta.total_label))
    if key_row is None:
        problems.append(CellProblem(title, "A", Message("package.key_row_missing")))
        return result
    if meta.orientation == "matrix":
        field_pos = _keys_along(ws, key_row, None)
        subject_pos = _keys_along(ws, None, 1)
    else:
        subject_pos = _keys_along(ws, key_row, None)
        field_pos = _keys_along(ws, None, 1)
    specs: list[tuple[int, FieldSpec]] = []
    for pos, key in field_pos:
        spec = fields.get(key)
        where = f"{get_column_letter(pos)}{key_row}" if meta.orientation == "matrix" else f"A{pos}"
        if spec is None:
            problems.append(CellProblem(title, where, Message("package.unknown_field", field=key)))
            continue
        specs.append((pos, spec))
        result.block.fields.append(spec)
    for pos, key in subject_pos:
        if meta.orientation == "matrix":
            labels = tuple(read_cell(ws, pos, c).text for c in (3, 4)[:len(meta.subject_headers)])
            result.subject_cells[key] = f"C{pos}"
        else:
            labels = tuple(read_cell(ws, 3 + i, pos).text for i in range(len(meta.subject_headers)))
            result.subject_cells[key] = f"{get_column_letter(pos)}3"
        if key in result.block.values:
            problems.append(CellProblem(title, result.subject_cells[key], Message("package.repeated_subject",
                                                                                  subject=key)))
            continue
        result.block.subjects.append(Subject(key, labels))
        values: dict[str, str] = {}
        for fpos, spec in specs:
            row, col = (pos, fpos) if meta.orientation == "matrix" else (fpos, pos)
            coordinate = f"{get_column_letter(col)}{row}"
            result.cells[(key, spec.key)] = coordinate
            values[spec.key] = _checked(ws, row, col, spec, title, coordinate, problems)
        _check_complete(values, specs, title, result.cells, key, problems)
        result.block.values[key] = values
    return result


# A package repeats a few dozen score texts ("7", "8.5") thousands of times: each is parsed once per process.
# Only accepted scores are kept (a refusal is raised afresh, naming its cell), and at most this many.
_SCORES: dict[tuple[str, Decimal, str], str] = {}
_SCORES_KEPT = 20_000


def _checked(ws: Grid, row: int, col: int, spec: FieldSpec, title: str, coordinate: str,
             problems: list[CellProblem]) -> str:
    read = read_cell(ws, row, col)
    if read.problem is not None:
        problems.append(CellProblem(title, coordinate, Message("package.cell.of_field", problem=read.problem,
                                                               field=_label(spec))))
        return ""
    text = read.text
    if spec.kind == "score":
        assert spec.item is not None
        key = (spec.item.id, spec.item.max, text)
        known = _SCORES.get(key)
        if known is not None:
            return known
        if normalise_text(text) == "":
            return ""
        try:
            shown = display(parse_score(spec.item, text), 1)
        except ScoreRefused as exc:
            problems.append(CellProblem(title, coordinate, exc))
            return ""
        if len(_SCORES) < _SCORES_KEPT:
            _SCORES[key] = shown
        return shown
    if spec.kind == "choice":
        text = text.strip(" \u3000")
        if not text:
            return ""
        stored = spec.stored_of(text)
        if stored is None:
            problems.append(CellProblem(title, coordinate, Message(
                "package.cell.not_an_option", value=text, options=[t for t, _ in spec.options], field=_label(spec))))
            return ""
        return stored
    return text


def _check_complete(values: dict[str, str], specs: list[tuple[int, FieldSpec]], title: str,
                    cells: dict[tuple[str, str], str], subject: str, problems: list[CellProblem]) -> None:
    """A sheet marked 定稿 must be complete; a 不同意 needs its reason."""
    final = values.get(STATUS_FIELD) == "final"
    for _, spec in specs:
        where = cells[(subject, spec.key)]
        if final and spec.required and values.get(spec.key, "") == "" and not _had_problem(problems, title, where):
            problems.append(CellProblem(title, where, Message("package.cell.required_in_final", field=_label(spec))))
        if spec.reason_for and values.get(spec.reason_for) == spec.reason_option and not values.get(spec.key):
            problems.append(CellProblem(title, where, Message("package.cell.reason_required",
                                                              option=spec.reason_option)))


def _label(spec: FieldSpec) -> Label | str:
    """How a problem names the field: the item's short name (in either language), or the start of its label."""
    return item_name(spec.item) if spec.item is not None else spec.label[:20]


def _had_problem(problems: list[CellProblem], title: str, where: str) -> bool:
    return any(p.sheet == title and p.cell == where for p in problems[-50:])
