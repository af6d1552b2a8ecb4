"""The roster workbook: the sheets and columns the README documents.

区, 责任单元, 责师, 团队成员, 聘任, 评审人 — first row the Chinese column
names, booleans as 是/否. This module only moves text between the workbook and
plain rows; what a value means and whether it is valid is the roster service's
business (``services/roster_io.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from .atomic import save_atomic
from .errors import CellProblem
from .grid import Grid
from .safety import open_checked
from .tables import Column, TableRow, TableSpec, read_table, write_table

DISTRICTS = TableSpec("区", (Column("code", "编号"), Column("name", "区名"), Column("circle", "圈层", 18)))
UNITS = TableSpec("责任单元", (Column("code", "编号"), Column("district", "区编号"), Column("name", "名称", 20),
                            Column("kind", "类型", 8)))
PLANNERS = TableSpec("责师", (
    Column("code", "编号"), Column("name", "名称", 28), Column("is_team", "团队", 8),
    Column("organisation", "所在单位", 28), Column("full_time", "专职", 8), Column("leader", "负责人"),
    Column("leader_title", "负责人职称", 18), Column("leader_senior_title", "高级职称", 10),
    Column("leader_registered", "注册资格", 10), Column("leader_experience_years", "从业年限", 10)))
MEMBERS = TableSpec("团队成员", (Column("planner", "责师编号"), Column("name", "姓名"), Column("discipline", "专业"),
                             Column("qualification", "资格", 18), Column("is_core", "核心成员", 10)))
APPOINTMENTS = TableSpec("聘任", (
    Column("unit", "责任单元编号"), Column("planner", "责师编号"), Column("term_start", "聘期开始", 10),
    Column("term_years", "聘期年限", 10), Column("renewal", "续聘", 8), Column("contract_signed", "合同已签", 10),
    Column("fee_paid", "经费已付", 10), Column("fee_amount", "经费（元）", 12)))
REVIEWERS = TableSpec("评审人", (Column("code", "编号"), Column("level", "级别", 8), Column("district", "区编号"),
                              Column("name", "姓名"), Column("organisation", "单位", 28)))

ROSTER_TABLES: tuple[TableSpec, ...] = (DISTRICTS, UNITS, PLANNERS, MEMBERS, APPOINTMENTS, REVIEWERS)

RosterRows = dict[str, list[dict[str, Any]]]          # sheet name → rows to write
RosterRead = dict[str, list[TableRow]]                # sheet name → rows read, with their cells


def add_roster_sheets(wb: Workbook, rows: RosterRows) -> None:
    for spec in ROSTER_TABLES:
        write_table(wb, spec, rows.get(spec.sheet, []))


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
    wb = Workbook()
    wb.remove(wb.active)
    add_roster_sheets(wb, rows)
    save_atomic(wb, path)


def read_roster(path: Path) -> tuple[RosterRead, list[CellProblem]]:
    """Rows of every roster sheet and the problems found reading them (all at once)."""
    grids = open_checked(Path(path))
    problems: list[CellProblem] = []
    return read_roster_sheets(grids, problems), problems
ROSTER_TABLES_BY_SHEET = {spec.sheet: spec for spec in ROSTER_TABLES}
