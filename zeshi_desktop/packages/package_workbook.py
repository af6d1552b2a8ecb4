"""A whole package as one .xlsx: readable form sheets, roster tables, the manifest.

``write_package`` lays the data out and signs it; ``read_package`` checks the
file before opening it (``safety``), reads every sheet back into the same plain
data, and collects every bad cell at once. Deciding what to do with the data
(kinds, conflicts, the store) is the import service's business.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from openpyxl.utils import get_column_letter

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.messages import Message

from .canonical import content_hash
from .errors import CellProblem, PackageRefused
from .form_layout import fields_for
from .form_sheets import BOLD_STYLE, TITLE_STYLE, read_block, write_block
from .gc_pause import gc_paused
from .grid import Grid
from .manifest import Manifest, parse_manifest, read_manifest, sign, write_manifest
from .model import FORMAT_VERSION, DisplaySheet, FormBlock, PackageData
from .safety import Limits, open_checked
from .sheet_cells import SheetBook
from .signing import Installation
from .tables import TableRow, TableSpec, read_table, write_table

CASES_READ = 50   # 4-1 case fields recognised when reading
MAX_PROBLEMS = 500   # bad cells listed before the reading stops: a person fixes the first ones first


@dataclass
class ReadPackage:
    manifest: dict[str, str]        # the rows as written: what the signature covers
    data: PackageData
    problems: list[CellProblem] = field(default_factory=list)
    table_rows: dict[str, list[TableRow]] = field(default_factory=dict)
    cells: dict[tuple[str, str, str], str] = field(default_factory=dict)     # (sheet, subject, field) → cell
    subject_cells: dict[tuple[str, str], str] = field(default_factory=dict)  # (sheet, subject) → cell
    info: Manifest | None = None    # the same rows, each read by its type (``manifest.parse_manifest``)

    @property
    def template(self) -> bool:
        return self.info.template if self.info is not None else self.manifest.get("template") == "yes"


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
    book = SheetBook()
    for block in data.blocks:
        write_block(book, block, template)
    for name, rows in data.tables.items():
        write_table(book, table_specs[name], rows)
    for sheet in data.display:
        _write_display(book, sheet)
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
    write_manifest(book, manifest)
    book.save(path)
    return manifest


def _block_meta(block: FormBlock) -> dict[str, object]:
    return {"title": block.title, "form": block.form_id, "version": block.form_version, "reviewer": block.reviewer,
            "orientation": block.orientation, "heading": block.heading, "subject_headers": list(block.subject_headers),
            "reviewer_line": block.reviewer_line, "total_label": block.total_label}


def _write_display(book: SheetBook, display: DisplaySheet) -> None:
    sheet = book.sheet(display.title)
    sheet.text(1, 1, display.heading, TITLE_STYLE)
    for c, header in enumerate(display.headers, start=1):
        sheet.text(3, c, header, BOLD_STYLE)
        sheet.ws.column_dimensions[get_column_letter(c)].width = 16
    for r, row in enumerate(display.rows, start=4):
        for c, value in enumerate(row, start=1):
            sheet.value(r, c, value)


def read_package(path: Path, forms: Mapping[str, Form], table_specs: Mapping[str, TableSpec],
                 limits: Limits = Limits()) -> ReadPackage:
    """Everything in the package, with every bad cell listed (nothing is judged against a store here).

    The file passes the checked boundary first (``safety.open_checked``), its
    manifest the typed parser (``manifest.parse_manifest``); past
    ``MAX_PROBLEMS`` bad cells the reading stops with one refusal listing the
    first of them, so a sheet of 100,000 bad cells costs no more than a few.
    """
    path = Path(path)
    with gc_paused():
        grids = open_checked(path, limits)
    info = parse_manifest(read_manifest(grids, path.name), path.name)
    if info.format != str(FORMAT_VERSION):
        raise PackageRefused("package.format_unsupported", file=path.name, version=info.format,
                             supported=FORMAT_VERSION)
    result = ReadPackage(info.raw, PackageData(), info=info)
    problems = _Problems()
    try:
        _read_parts(grids, info, forms, table_specs, result, problems, path.name)
    except _TooMany:
        raise PackageRefused("package.too_many_problems", problems=list(problems), file=path.name,
                             limit=MAX_PROBLEMS) from None
    result.problems = list(problems)
    return result


class _TooMany(Exception):
    pass


class _Problems(list[CellProblem]):
    """The bad cells found so far; one past ``MAX_PROBLEMS`` stops the reading."""

    def append(self, problem: CellProblem) -> None:
        if len(self) >= MAX_PROBLEMS:
            raise _TooMany
        super().append(problem)

    def extend(self, problems: Iterable[CellProblem]) -> None:
        for problem in problems:
            self.append(problem)


def _read_parts(grids: dict[str, Grid], info: Manifest, forms: Mapping[str, Form],
                table_specs: Mapping[str, TableSpec], result: ReadPackage, problems: list[CellProblem],
                name: str) -> None:
    for table in info.tables:
        spec = table_specs.get(table)
        if spec is None:
            raise PackageRefused("package.unknown_table", file=name, table=table)
        rows = read_table(grids, spec, problems)
        result.table_rows[table] = rows
        result.data.tables[table] = [{c.key: row.values.get(c.key, "") for c in spec.columns} for row in rows]
    for meta in info.blocks:
        form = forms.get(meta.form)
        if form is None:
            raise PackageRefused("package.unknown_form", file=name, form=meta.form)
        if meta.version != form.version:
            raise PackageRefused("package.form_version", file=name, form=form.id, version=meta.version,
                                 ours=form.version)
        if meta.title not in grids:
            problems.append(CellProblem(meta.title, "", Message("package.sheet_missing", sheet=meta.title)))
            continue
        block_meta = FormBlock(meta.title, form.id, form.version, meta.heading, meta.orientation,
                               meta.subject_headers, [], [], {}, meta.reviewer, meta.reviewer_line,
                               meta.total_label)
        fields = {f.key: f for f in fields_for(form, cases=CASES_READ)}
        read = read_block(grids[meta.title], block_meta, fields, problems)
        result.data.blocks.append(read.block)
        for (subject, key), cell in read.cells.items():
            result.cells[(meta.title, subject, key)] = cell
        for subject, cell in read.subject_cells.items():
            result.subject_cells[(meta.title, subject)] = cell
