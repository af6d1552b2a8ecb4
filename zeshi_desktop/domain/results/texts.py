"""The wording of the papers that carry the results to people: ``forms/results.toml``, read → checked → typed.

The feedback letter (Article 20) and the city's list of excellent planners
(Article 24) are not annexes, but what they say to an official — titles,
addressees, the opening paragraph, the signature and seal lines — is
wording, so it lives in data beside the annexes and never in a renderer.
Each text has its Chinese and English with the same named fields
(``{year}``, ``{district}``); a missing text, a missing language or fields
that differ between the two are refused when the file loads, naming the place.
Pure Python: services and the printing adapter read it through
:func:`load_result_texts`.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..form_loader import FormDefinitionError

RESULTS_FILE = "results.toml"
LETTER_KEYS = ("document", "title", "to_planner", "to_hiring_body", "opening", "closing", "section_results",
               "section_items", "section_remarks", "section_years")
LIST_KEYS = ("document", "title", "opening", "note")


def _fields(template: str, source: str, where: str) -> frozenset[str]:
    names = set()
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise FormDefinitionError(source, where, f"unbalanced braces: {exc}") from None
    for _, name, _, _ in parsed:
        if name is not None:
            if not name.isidentifier():
                raise FormDefinitionError(source, where, f"a field is a plain name, not {name!r}")
            names.add(name)
    return frozenset(names)


@dataclass(frozen=True)
class Wording:
    """One text in Chinese and English with its named fields; :meth:`fill` writes them in."""

    zh: str
    en: str
    fields: frozenset[str] = frozenset()

    def get(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def fill(self, lang: str = "zh", /, **values: object) -> str:
        """The text in ``lang`` with every field written in; a field left unnamed is a programming error."""
        missing = self.fields - values.keys()
        if missing:
            raise KeyError(f"fields {sorted(missing)} not given")
        return self.get(lang).format_map({k: values[k] for k in self.fields})


@dataclass(frozen=True)
class PaperTexts:
    """One paper's texts by key (``title``, ``opening`` …) and its signature and seal lines."""

    texts: Mapping[str, Wording]
    signature: tuple[Wording, ...]

    def __getitem__(self, key: str) -> Wording:
        return self.texts[key]

    def signature_lines(self, lang: str = "zh", /, **values: object) -> list[str]:
        return [line.fill(lang, **values) for line in self.signature]


@dataclass(frozen=True)
class RenewalRule:
    """What the renewal view flags, by band id: a 不合格 this year (``fail_band``), and two years in a band
    below ``below_band`` (合格)."""

    fail_band: str
    below_band: str


@dataclass(frozen=True)
class ResultTexts:
    feedback: PaperTexts
    honours: PaperTexts
    renewal: RenewalRule


def _wording(table: Mapping[str, Any], key: str, source: str, where: str) -> Wording:
    zh, en = table.get(key), table.get(f"{key}_en")
    here = f"{where}.{key}"
    if not isinstance(zh, str) or not zh.strip() or not isinstance(en, str) or not en.strip():
        raise FormDefinitionError(source, here, f"needs a non-empty {key} and {key}_en")
    zh_fields, en_fields = _fields(zh, source, here), _fields(en, source, f"{here}_en")
    if zh_fields != en_fields:
        raise FormDefinitionError(source, here, f"fields differ: {sorted(zh_fields)} and {sorted(en_fields)}")
    return Wording(zh, en, zh_fields)


def _paper(data: Mapping[str, Any], name: str, keys: tuple[str, ...], source: str) -> PaperTexts:
    table = data.get(name)
    if not isinstance(table, Mapping):
        raise FormDefinitionError(source, name, "expected a table")
    lines = table.get("signature")
    if not isinstance(lines, list) or not lines or not all(isinstance(line, Mapping) for line in lines):
        raise FormDefinitionError(source, f"{name}.signature", "expected [[signature]] lines")
    return PaperTexts({key: _wording(table, key, source, name) for key in keys},
                      tuple(_wording(line, "text", source, f"{name}.signature[{i}]") for i, line in enumerate(lines)))


def parse_result_texts(data: Mapping[str, Any], source: str = RESULTS_FILE) -> ResultTexts:
    """Turn the file's raw table into checked texts; a broken file names the place."""
    rule = data.get("renewal")
    if not isinstance(rule, Mapping) or not all(isinstance(rule.get(k), str) and rule[k]
                                                for k in ("fail_band", "below_band")):
        raise FormDefinitionError(source, "renewal", "needs fail_band and below_band (band ids)")
    return ResultTexts(_paper(data, "feedback", LETTER_KEYS, source), _paper(data, "honours", LIST_KEYS, source),
                       RenewalRule(rule["fail_band"], rule["below_band"]))


@lru_cache(maxsize=4)
def load_result_texts(path: Path) -> ResultTexts:
    """The texts in ``path`` (``forms/results.toml``), read once per process."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise FormDefinitionError(Path(path).name, "", f"cannot read: {exc}") from None
    return parse_result_texts(data, Path(path).name)
