"""A package as plain data: roster tables, form blocks, the manifest.

What is written to the workbook and what is read back from it are the same
objects, so the content hash can be computed on either side from the same
canonical form (``PackageData.content``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from zeshi_desktop.domain.forms import Item

from .words import written, yes_no

FORMAT_VERSION = 1
STATUS_FIELD = "status"
FINAL_TEXT, DRAFT_TEXT = written("package.sheet.final"), written("package.sheet.draft")   # a status cell's words


@dataclass(frozen=True)
class FieldSpec:
    """One row (upright sheets) or column (matrix sheets) of a form sheet."""

    key: str                         # item id, "status", "remarks" or an answer key
    label: str                       # shown: the item text, question or heading, verbatim from the form
    group: str = ""                  # shown: the section the field belongs to
    kind: str = "text"               # score | text | choice
    item: Item | None = None         # for scores: the item (maximum, short name)
    options: tuple[tuple[str, str], ...] = ()   # for choices: (text shown, value stored)
    required: bool = False           # must be filled when the sheet is 定稿
    reason_for: str = ""             # a reason field: required when that choice is ``reason_option``
    reason_option: str = ""

    @property
    def maximum(self) -> Decimal | None:
        return self.item.max if self.item is not None else None

    def text_of(self, stored: str) -> str:
        return next((t for t, v in self.options if v == stored), stored)

    def stored_of(self, text: str) -> str | None:
        return next((v for t, v in self.options if t == text), None)


@dataclass(frozen=True)
class Subject:
    key: str                         # "UNIT/PLANNER" for an appointment, the district code for a district
    labels: tuple[str, ...]          # shown: unit and planner names, or the district name


@dataclass
class FormBlock:
    """The sheets of one form by one reviewer (or none): one worksheet."""

    title: str
    form_id: str
    form_version: int
    heading: str
    orientation: str                 # vertical (items down, subjects across) | matrix (subjects down)
    subject_headers: tuple[str, ...]
    fields: list[FieldSpec]
    subjects: list[Subject]
    values: dict[str, dict[str, str]] = field(default_factory=dict)   # subject key → field key → stored value
    reviewer: str = ""
    reviewer_line: str = ""
    total_label: str = ""

    def content(self, blank_fill_in: bool = False) -> dict[str, Any]:
        values = {} if blank_fill_in else {s: {k: v for k, v in vals.items() if v != ""}
                                           for s, vals in self.values.items() if any(vals.values())}
        return {"title": self.title, "form": self.form_id, "version": self.form_version, "reviewer": self.reviewer,
                "subjects": sorted(s.key for s in self.subjects), "fields": sorted(f.key for f in self.fields),
                "values": values}


@dataclass
class PackageData:
    tables: dict[str, list[dict[str, str]]] = field(default_factory=dict)   # roster-like tables, all text
    blocks: list[FormBlock] = field(default_factory=list)
    display: list[DisplaySheet] = field(default_factory=list)               # for people only, never read

    def content(self, blank_fill_in: bool = False) -> dict[str, Any]:
        return {"tables": {k: [{c: v for c, v in row.items() if v != ""} for row in rows]
                           for k, rows in self.tables.items()},
                "blocks": [b.content(blank_fill_in) for b in self.blocks]}

    def row_counts(self) -> dict[str, int]:
        counts = {name: len(rows) for name, rows in self.tables.items()}
        counts.update({b.title: len(b.subjects) for b in self.blocks})
        return counts


@dataclass
class DisplaySheet:
    """A table shown for the record (a 3-3 result, the city ranking); not imported, not hashed."""

    title: str
    heading: str
    headers: list[str]
    rows: list[list[Any]]


def table_text(value: Any) -> str:
    """How a table value is held in the content: text, as read back from its cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    return str(value).strip()
