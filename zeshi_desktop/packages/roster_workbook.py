"""The roster workbook: the sheets and columns the README documents.

区, 责任单元, 责师, 团队成员, 聘任, 评审人 — first row the Chinese column
names, booleans as 是/否. The sheets and their columns are data
(``forms/roster.toml``, read through ``domain.roster_terms``), so the
workbook's format is written down once. This module only moves text between
the workbook and plain rows; what a value means and whether it is valid is
the roster service's business (``services/roster/check.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zeshi_desktop.domain.roster_terms import ROSTER_FILE, load_roster_terms
from zeshi_desktop.locations import forms_dir

from .errors import CellProblem
from .grid import Grid
from .safety import open_checked
from .sheet_cells import SheetBook
from .tables import Column, TableRow, TableSpec, read_table, write_table

TERMS = load_roster_terms(forms_dir() / ROSTER_FILE)


def _spec(sheet_id: str) -> TableSpec:
    """One sheet of the workbook as ``forms/roster.toml`` describes it (the Chinese names are the format)."""
    sheet = TERMS.sheet(sheet_id)
    return TableSpec(sheet.name.zh, tuple(Column(c.key, c.header.zh, c.width, c.optional) for c in sheet.columns))


DISTRICTS = _spec("districts")
UNITS = _spec("units")
PLANNERS = _spec("planners")
MEMBERS = _spec("members")
APPOINTMENTS = _spec("appointments")
REVIEWERS = _spec("reviewers")

ROSTER_TABLES: tuple[TableSpec, ...] = (DISTRICTS, UNITS, PLANNERS, MEMBERS, APPOINTMENTS, REVIEWERS)

RosterRows = dict[str, list[dict[str, Any]]]          # sheet name → rows to write
RosterRead = dict[str, list[TableRow]]                # sheet name → rows read, with their cells


def add_roster_sheets(book: SheetBook, rows: RosterRows) -> None:
    for spec in ROSTER_TABLES:
        write_table(book, spec, rows.get(spec.sheet, []))


def read_roster_sheets(grids: dict[str, Grid], problems: list[CellProblem], required: bool = True) -> RosterRead:
    out: RosterRead = {}
    for spec in ROSTER_TABLES:
        if not required and spec.sheet not in grids:
            out[spec.sheet] = []
            continue
        out[spec.sheet] = read_table(grids, spec, problems)
    return out


def write_roster(path: Path, rows: RosterRows) -> None:
    """The roster workbook, written atomically."""
    book = SheetBook()
    add_roster_sheets(book, rows)
    book.save(path)


def read_roster(path: Path) -> tuple[RosterRead, list[CellProblem]]:
    """Rows of every roster sheet and the problems found reading them (all at once)."""
    grids = open_checked(Path(path))
    problems: list[CellProblem] = []
    return read_roster_sheets(grids, problems), problems


ROSTER_TABLES_BY_SHEET = {spec.sheet: spec for spec in ROSTER_TABLES}
