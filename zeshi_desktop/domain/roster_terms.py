"""The roster's terms of the measures as data: ``forms/roster.toml``, read → checked → typed.

The disciplines a team should cover, the circles, the kinds of unit, the
reviewers' levels, the words of a yes/no cell and the roster workbook's
sheets and columns were typed in three places of the code; they are the
measures' vocabulary and the workbook's format, so they live in one data
file beside the annexes and every layer reads them from here. Pure Python:
the services load it through ``services.catalogue.roster_terms()``, the
workbook adapter through :func:`load_roster_terms`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .form_loader import FormDefinitionError
from .forms import Label

ROSTER_FILE = "roster.toml"
DEFAULT_WIDTH = 14


@dataclass(frozen=True)
class Level:
    """A reviewers' level: ``id`` as stored (district, city), ``label`` as the workbook writes it."""

    id: str
    label: Label


@dataclass(frozen=True)
class WorkbookColumn:
    key: str
    header: Label
    width: int = DEFAULT_WIDTH
    optional: bool = False      # a workbook without this column is read as if it were empty (added later)


@dataclass(frozen=True)
class WorkbookSheet:
    id: str
    name: Label
    columns: tuple[WorkbookColumn, ...]

    def header(self, key: str) -> Label:
        return next(c.header for c in self.columns if c.key == key)


@dataclass(frozen=True)
class RosterTerms:
    disciplines: tuple[Label, ...]
    circles: tuple[Label, ...]
    unit_kinds: tuple[Label, ...]
    levels: tuple[Level, ...]
    yes: tuple[str, ...]
    no: tuple[str, ...]
    sheets: tuple[WorkbookSheet, ...]

    def flag(self, text: str) -> bool | None:
        """A yes/no cell: 是/否, yes/no, true/false in any case → True/False; anything else → None."""
        word = text.strip().casefold()
        if word in {w.casefold() for w in self.yes}:
            return True
        if word in {w.casefold() for w in self.no}:
            return False
        return None

    def flag_text(self, value: bool) -> str:
        """What the workbook writes for a yes/no value (是 or 否)."""
        return self.yes[0] if value else self.no[0]

    def sheet(self, sheet_id: str) -> WorkbookSheet:
        try:
            return next(s for s in self.sheets if s.id == sheet_id)
        except StopIteration:
            raise FormDefinitionError(ROSTER_FILE, "sheets", f"no sheet {sheet_id!r}") from None


def _label(data: Any, where: str, source: str) -> Label:
    if not isinstance(data, Mapping) or not all(isinstance(data.get(k), str) and data[k].strip()
                                                for k in ("zh", "en")):
        raise FormDefinitionError(source, where, "expected a table with a non-empty zh and en")
    return Label(data["zh"], data["en"])


def _labels(data: Mapping[str, Any], key: str, source: str) -> tuple[Label, ...]:
    raw = data.get(key)
    if not isinstance(raw, list) or not raw:
        raise FormDefinitionError(source, key, "expected a non-empty list")
    labels = tuple(_label(item, f"{key}[{i}]", source) for i, item in enumerate(raw))
    if len({label.zh for label in labels}) != len(labels):
        raise FormDefinitionError(source, key, "a text is listed twice")
    return labels


def _words(data: Mapping[str, Any], key: str, source: str) -> tuple[str, ...]:
    raw = data.get(key)
    if not isinstance(raw, list) or not raw or not all(isinstance(w, str) and w.strip() for w in raw):
        raise FormDefinitionError(source, f"booleans.{key}", "expected a non-empty list of words")
    return tuple(raw)


def _sheet(data: Any, where: str, source: str) -> WorkbookSheet:
    if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
        raise FormDefinitionError(source, where, "a sheet needs an id")
    columns = []
    for i, col in enumerate(data.get("columns") or []):
        here = f"{where}.columns[{i}]"
        width = col.get("width", DEFAULT_WIDTH) if isinstance(col, Mapping) else None
        if not isinstance(col, Mapping) or not isinstance(col.get("key"), str) or not isinstance(width, int):
            raise FormDefinitionError(source, here, "a column needs a key and a whole-number width")
        columns.append(WorkbookColumn(col["key"], _label(col, here, source), width, col.get("optional") is True))
    if not columns:
        raise FormDefinitionError(source, where, "a sheet needs columns")
    return WorkbookSheet(data["id"], _label(data.get("name"), f"{where}.name", source), tuple(columns))


def parse_roster_terms(data: Mapping[str, Any], source: str = ROSTER_FILE) -> RosterTerms:
    """Turn the file's raw table into checked terms; a broken file names the place."""
    levels = []
    for i, item in enumerate(data.get("levels") or []):
        if not isinstance(item, Mapping) or item.get("id") not in ("district", "city"):
            raise FormDefinitionError(source, f"levels[{i}]", "a level's id is district or city")
        levels.append(Level(item["id"], _label(item, f"levels[{i}]", source)))
    if {level.id for level in levels} != {"district", "city"}:
        raise FormDefinitionError(source, "levels", "expected the levels district and city")
    booleans = data.get("booleans")
    if not isinstance(booleans, Mapping):
        raise FormDefinitionError(source, "booleans", "expected a table with yes and no")
    yes, no = _words(booleans, "yes", source), _words(booleans, "no", source)
    if {w.casefold() for w in yes} & {w.casefold() for w in no}:
        raise FormDefinitionError(source, "booleans", "a word means both yes and no")
    sheets = tuple(_sheet(s, f"sheets[{i}]", source) for i, s in enumerate(data.get("sheets") or []))
    return RosterTerms(_labels(data, "disciplines", source), _labels(data, "circles", source),
                       _labels(data, "unit_kinds", source), tuple(levels), yes, no, sheets)


@lru_cache(maxsize=4)
def load_roster_terms(path: Path) -> RosterTerms:
    """The terms in ``path`` (``forms/roster.toml``), read once per process."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise FormDefinitionError(Path(path).name, "", f"cannot read: {exc}") from None
    return parse_roster_terms(data, Path(path).name)
