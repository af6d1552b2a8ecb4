"""Loading the message texts: ``texts/<area>.toml``, each code with its ``zh`` and ``en`` text.

A file holds one area's codes as TOML tables, ``[area.name]`` with ``zh = …``
and ``en = …``, so both languages of a message stand side by side and a
translator sees at once what a parameter means. Codes begin with the file's
name, so a code says where its texts are. The catalogue is read once, on the
first message rendered, and checked then: a code with a language missing, or
with different parameters in its two texts, is a programming error
(:class:`CatalogueError`) found by the tests, never by a user.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("zh", "en")
TEXTS_DIR = Path(__file__).with_name("texts")


class CatalogueError(ValueError):
    """A broken catalogue file: names the file and the code."""


def fields(template: str) -> frozenset[str]:
    """The parameter names a text uses: ``"{raw} 超过 {maximum}"`` → {raw, maximum}."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None:
            if not name.isidentifier():
                raise CatalogueError(f"{template!r}: parameters are plain names, not {name!r}")
            names.add(name)
    return frozenset(names)


@dataclass(frozen=True)
class Entry:
    code: str
    zh: str
    en: str

    def template(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    @property
    def params(self) -> frozenset[str]:
        return fields(self.zh)


def _leaves(prefix: str, table: Mapping[str, object]) -> Iterator[tuple[str, Mapping[str, object]]]:
    """``[a.b.c]`` tables with texts: a table holding ``zh`` is a message, others nest."""
    if "zh" in table or "en" in table:
        yield prefix, table
        return
    for key, value in table.items():
        if not isinstance(value, Mapping):
            raise CatalogueError(f"{prefix}.{key}: expected a table with zh and en")
        yield from _leaves(f"{prefix}.{key}" if prefix else key, value)


class Catalogue:
    """All codes of every area, checked."""

    def __init__(self, entries: Mapping[str, Entry]) -> None:
        self._entries = dict(entries)

    @classmethod
    def load(cls, directory: Path = TEXTS_DIR) -> Catalogue:
        entries: dict[str, Entry] = {}
        for path in sorted(directory.glob("*.toml")):
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise CatalogueError(f"{path.name}: {exc}") from None
            for code, table in _leaves("", data):
                where = f"{path.name} [{code}]"
                if code.split(".")[0] != path.stem:
                    raise CatalogueError(f"{where}: codes in {path.name} begin with '{path.stem}.'")
                zh, en = table.get("zh"), table.get("en")
                if not isinstance(zh, str) or not isinstance(en, str) or not zh or not en:
                    raise CatalogueError(f"{where}: needs a non-empty zh and en text")
                if fields(zh) != fields(en):
                    raise CatalogueError(f"{where}: zh uses {sorted(fields(zh))}, en uses {sorted(fields(en))}")
                if code in entries:
                    raise CatalogueError(f"{where}: code defined twice")
                entries[code] = Entry(code, zh, en)
        return cls(entries)

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def entry(self, code: str) -> Entry:
        try:
            return self._entries[code]
        except KeyError:
            raise CatalogueError(f"no message {code!r} in the catalogue") from None


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The program's catalogue, read once."""
    return Catalogue.load()


def text(code: str, lang: str = "zh", /, **params: object) -> str:
    """One message in ``lang``: ``text("cli.no_year", "en")``."""
    from zeshi_desktop.messages.message import Message

    return Message(code, **params).text(lang)
