"""Plain typos of the annexes, corrected on screen and on paper while the form files keep the annex's words.

Officials compare our sheets with the annexes they know, so each form file
holds the annex text word for word (DOMAIN.md decision 9). A few of those
words are plain typos (责任规工作总结, 市规划自然资源为, 放发, 您得); printing them
would make our sheet look careless. ``forms/corrections.toml`` lists every
correction in one place — form, where, the annex text, the corrected text and
why — and the loader applies them to a form's table before it is parsed. A
correction that no longer matches its annex text is refused at start-up, so a
changed form file cannot silently lose or misplace one.

The same step removes stray spaces of the extraction ("差异化工作 （10分）"):
a single space beside a CJK character or full-width punctuation is dropped;
a run of two or more is a blank to write in and stays.
"""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .form_reader import FormDefinitionError, Reader
from .forms import Label

CORRECTIONS_FILE = "corrections.toml"

# Ideographs (with Extension A and the compatibility block), kana, and CJK / full-width punctuation.
_CJK = r"\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_WIDE_PUNCT = r"\u3000-\u303f\uff00-\uffef"
_STRAY = re.compile(
    rf"(?<=[{_CJK}])[ \t\u00a0](?=[{_CJK}])"        # one space between two CJK characters
    rf"|(?<=[{_WIDE_PUNCT}])[ \t\u00a0](?!\s)"      # one space after full-width punctuation
    rf"|(?<![\s])[ \t\u00a0](?=[{_WIDE_PUNCT}])")   # one space before full-width punctuation


@dataclass(frozen=True)
class Correction:
    """One plain typo of an annex, corrected on screen and paper.

    ``where`` names the text (``document_title``, ``city_materials.text``);
    ``annex`` is the annex's wording, kept in the form file as the source, and
    ``corrected`` what is shown instead.
    """

    form: str
    where: str
    annex: str
    corrected: str
    why: Label


def normalise_spaces(text: str) -> str:
    """``text`` without the stray single spaces beside Chinese; runs of two or more (blanks to fill) are kept."""
    return _STRAY.sub("", text)


def load_corrections(path: Path) -> tuple[Correction, ...]:
    """The corrections listed in ``path``; none when the file does not exist."""
    if not path.is_file():
        return ()
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise FormDefinitionError(path.name, "", f"not valid TOML: {exc}") from None
    return parse_corrections(data, path.name)


def parse_corrections(data: Mapping[str, Any], source: str) -> tuple[Correction, ...]:
    root = Reader(source, data, "")
    out = []
    for n, c_data in enumerate(root.tables("corrections"), start=1):
        c = root.child(c_data, f"correction {n}")
        annex = c.str("annex")
        corrected = c.str("corrected", "")
        if annex == corrected:
            raise c.fail("'corrected' is the same as 'annex'")
        out.append(Correction(c.str("form"), c.str("where"), annex, corrected, c.label("why")))
    return tuple(out)


def _tables(value: Any) -> Iterable[MutableMapping[str, Any]]:
    """Every table inside ``value``, depth first."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from _tables(child)
    elif isinstance(value, list):
        for child in value:
            yield from _tables(child)


def _locate(data: MutableMapping[str, Any], where: str) -> tuple[MutableMapping[str, Any], str] | None:
    """The table and key ``where`` names: ``key``, ``table.key`` or ``<id>.key`` (a table found by its id)."""
    *path, key = where.split(".")
    table: MutableMapping[str, Any] = data
    for step in path:
        child = table.get(step)
        if isinstance(child, dict):
            table = child
            continue
        found = [t for t in _tables(table) if t.get("id") == step]
        if len(found) != 1:
            return None
        table = found[0]
    return (table, key) if isinstance(table.get(key), str) else None


def _normalise(value: Any) -> Any:
    """Every Chinese text of a form's table with its stray spaces removed (``*_en`` values untouched)."""
    if isinstance(value, dict):
        return {k: v if k.endswith("_en") else _normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    return normalise_spaces(value) if isinstance(value, str) else value


def apply_corrections(data: Mapping[str, Any], source: str,
                      corrections: Iterable[Correction]) -> tuple[dict[str, Any], tuple[Correction, ...]]:
    """A copy of a form's table with its corrections applied and its spaces normalised, and those applied.

    Each correction must find its annex text exactly once where it says,
    else the form is refused: the annex text is the source, and a correction
    that no longer matches it would print something nobody checked.
    """
    fixed: dict[str, Any] = copy.deepcopy(dict(data))
    form_id = fixed.get("id")
    applied = []
    for c in corrections:
        if c.form != form_id:
            continue
        place = _locate(fixed, c.where)
        if place is None:
            raise FormDefinitionError(source, c.where, f"the correction names {c.where!r}, which holds no text")
        table, key = place
        if table[key].count(c.annex) != 1:
            raise FormDefinitionError(source, c.where, f"the correction's annex text {c.annex!r} is not found "
                                                       f"exactly once in {table[key]!r}")
        table[key] = table[key].replace(c.annex, c.corrected)
        applied.append(c)
    return _normalise(fixed), tuple(applied)
