"""A whole package as one .xlsx: readable form sheets, roster tables, the manifest.

``write_package`` lays the data out and signs it; ``read_package`` checks the
file before opening it (``safety``), reads every sheet back into the same plain
data, and collects every bad cell at once. Deciding what to do with the data
(kinds, conflicts, the store) is the import service's business.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.messages import Message

from .atomic import save_atomic
from .canonical import content_hash
from .cells import write_value
from .errors import CellProblem, PackageRefused
from .form_layout import fields_for
from .form_sheets import read_block, write_block
from .gc_pause import gc_paused
from .manifest import decoded, read_manifest, sign, write_manifest
from .model import FORMAT_VERSION, DisplaySheet, FormBlock, PackageData
from .safety import Limits, open_checked
from .signing import Installation
from .tables import TableRow, TableSpec, read_table, write_table

CASES_READ = 50   # 4-1 case fields recognised when reading


@dataclass
class ReadPackage:
    manifest: dict[str, str]
    data: PackageData
    problems: list[CellProblem] = field(default_factory=list)
    table_rows: dict[str, list[TableRow]] = field(default_factory=dict)
    cells: dict[tuple[str, str, str], str] = field(default_factory=dict)     # (sheet, subject, field) → cell
    subject_cells: dict[tuple[str, str], str] = field(default_factory=dict)  # (sheet, subject) → cell

    @property
    def template(self) -> bool:
        return self.manifest.get("template") == "yes"


def write_package(path: Path, data: PackageData, *, kind: str, year: int, origin: dict[str, str],
                  program_version: str, me: Installation, table_specs: Mapping[str, TableSpec],
                  template: bool = False) -> dict[str, str]:
    """Write and sign a package; returns its manifest."""
    with gc_paused():
        return _write_package(path, data, kind=kind, year=year, origin=origin, program_version=program_version,
                              me=me, table_specs=table_specs, template=template)


def _write_package(path: Path, data: PackageData, *, kind: str, year: int, origin: dict[str, str],
                   program_version: str, me: Installation, table_specs: Mapping[str, TableSpec],
                   template: bool) -> dict[str, str]:
    wb = Workbook()
    wb.remove(wb.active)
    for block in data.blocks:
        write_block(wb, block, template)
    for name, rows in data.tables.items():
        write_table(wb, table_specs[name], rows)
    for sheet in data.display:
        _write_display(wb, sheet)
    manifest = {
        "format": str(FORMAT_VERSION), "package_id": str(uuid.uuid4()), "kind": kind,
        "template": "yes" if template else "no", "year": str(year),
        "origin": json.dumps(origin, ensure_ascii=False, sort_keys=True),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"), "program_version": program_version,
        "row_counts": json.dumps(data.row_counts(), ensure_ascii=False, sort_keys=True),
        "tables": json.dumps(list(data.tables), ensure_ascii=False),
        "blocks": json.dumps([_block_meta(b) for b in data.blocks], ensure_ascii=False),
        "content_hash": content_hash(data.content(blank_fill_in=template)),
    }
    manifest = sign(manifest, me)
    write_manifest(wb, manifest)
    save_atomic(wb, path)
    return manifest


def _block_meta(block: FormBlock) -> dict[str, object]:
    return {"title": block.title, "form": block.form_id, "version": block.form_version, "reviewer": block.reviewer,
            "orientation": block.orientation, "heading": block.heading, "subject_headers": list(block.subject_headers),
            "reviewer_line": block.reviewer_line, "total_label": block.total_label}


def _write_display(wb: Workbook, sheet: DisplaySheet) -> None:
    ws = wb.create_sheet(sheet.title)
    ws.cell(row=1, column=1, value=sheet.heading).font = Font(bold=True, size=14)
    for c, header in enumerate(sheet.headers, start=1):
        ws.cell(row=3, column=c, value=header).font = Font(bold=True)
        ws.column_dimensions[ws.cell(row=3, column=c).column_letter].width = 16
    for r, row in enumerate(sheet.rows, start=4):
        for c, value in enumerate(row, start=1):
            write_value(ws.cell(row=r, column=c), value)


def read_package(path: Path, forms: Mapping[str, Form], table_specs: Mapping[str, TableSpec],
                 limits: Limits = Limits()) -> ReadPackage:
    """Everything in the package, with every bad cell listed (nothing is judged against a store here)."""
    path = Path(path)
    with gc_paused():
        grids = open_checked(path, limits)
    manifest = read_manifest(grids, path.name)
    if manifest["format"] != str(FORMAT_VERSION):
        raise PackageRefused("package.format_unsupported", file=path.name, version=manifest["format"],
                             supported=FORMAT_VERSION)
    result = ReadPackage(manifest, PackageData())
    for name in decoded(manifest, "tables", []):
        spec = table_specs.get(name)
        if spec is None:
            raise PackageRefused("package.unknown_table", file=path.name, table=name)
        rows = read_table(grids, spec, result.problems)
        result.table_rows[name] = rows
        result.data.tables[name] = [{c.key: row.values.get(c.key, "") for c in spec.columns} for row in rows]
    for meta in decoded(manifest, "blocks", []):
        form = forms.get(meta["form"])
        if form is None:
            raise PackageRefused("package.unknown_form", file=path.name, form=meta["form"])
        if int(meta["version"]) != form.version:
            raise PackageRefused("package.form_version", file=path.name, form=form.id, version=meta["version"],
                                 ours=form.version)
        title = meta["title"]
        if title not in grids:
            result.problems.append(CellProblem(title, "", Message("package.sheet_missing", sheet=title)))
            continue
        block_meta = FormBlock(title, form.id, form.version, meta.get("heading", ""), meta["orientation"],
                               tuple(meta.get("subject_headers", ())), [], [], {}, meta.get("reviewer", ""),
                               meta.get("reviewer_line", ""), meta.get("total_label", ""))
        fields = {f.key: f for f in fields_for(form, cases=CASES_READ)}
        read = read_block(grids[title], block_meta, fields, result.problems)
        result.data.blocks.append(read.block)
        for (subject, key), cell in read.cells.items():
            result.cells[(title, subject, key)] = cell
        for subject, cell in read.subject_cells.items():
            result.subject_cells[(title, subject)] = cell
    return result
