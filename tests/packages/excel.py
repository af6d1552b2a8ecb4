"""Finding cells of a package the way a person (or Excel) would: by the hidden keys, with openpyxl only."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet


def key_row(ws: Worksheet) -> int:
    return next(r for r in range(1, 60) if ws.cell(row=r, column=1).value == "#keys")


def cell_of(ws: Worksheet, subject: str, field: str) -> str:
    """The coordinate of one value in an upright (items down) or matrix (subjects down) sheet."""
    kr = key_row(ws)
    across = {ws.cell(row=kr, column=c).value: c for c in range(5, ws.max_column + 1)}
    down = {ws.cell(row=r, column=1).value: r for r in range(kr + 1, ws.max_row + 1)}
    if subject in across:      # upright: subjects across, fields down
        return ws.cell(row=down[field], column=across[subject]).coordinate
    return ws.cell(row=down[subject], column=across[field]).coordinate
