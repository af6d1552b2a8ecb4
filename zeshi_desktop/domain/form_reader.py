"""Typed access to a form file's TOML tables, with errors that name the file and the place.

The first step of the loader (read → normalise → validate): every value a
form definition gives is read through :class:`Reader`, so a wrong type or a
form text with a broken field is refused naming where it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from string import Formatter
from typing import Any

from .forms import TEXT_FIELDS, FormText, Label


class FormDefinitionError(ValueError):
    """A form file that cannot be trusted; says which file and where."""

    def __init__(self, source: str, where: str, message: str) -> None:
        self.source = source
        self.where = where
        self.reason = message
        super().__init__(f"{source}: {where}: {message}" if where else f"{source}: {message}")


class Reader:
    """Typed access to one TOML table, with errors that name the place."""

    def __init__(self, source: str, data: Mapping[str, Any], where: str) -> None:
        self.source, self.data, self.where = source, data, where

    def fail(self, message: str) -> FormDefinitionError:
        return FormDefinitionError(self.source, self.where, message)

    def str(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise self.fail(f"'{key}' must be a non-empty text")
        return value

    def label(self, key: str) -> Label:
        return Label(self.str(key), self.str(f"{key}_en", ""))

    def template(self, key: str, default: str | None = None) -> FormText:
        """A text with named fields: ``key`` and ``key_en``, the placeholders in ``key_blanks`` and ``key_blanks_en``."""
        zh, en = self.str(key, default), self.str(f"{key}_en", "")
        used_zh, used_en = self._fields(key, zh), self._fields(f"{key}_en", en)
        blanks_zh, blanks_en = self._blanks(f"{key}_blanks"), self._blanks(f"{key}_blanks_en")
        unknown = sorted((used_zh | used_en) - TEXT_FIELDS)
        if unknown:
            raise self.fail(f"'{key}' uses the unknown field(s) {unknown}; known: {sorted(TEXT_FIELDS)}")
        if used_en - used_zh:
            raise self.fail(f"'{key}_en' uses {sorted(used_en - used_zh)}, which '{key}' does not")
        for text_key, used, blanks_key, blanks in ((key, used_zh, f"{key}_blanks", blanks_zh),
                                                   (f"{key}_en", used_en, f"{key}_blanks_en", blanks_en)):
            if used - blanks.keys():
                raise self.fail(f"'{text_key}' uses {sorted(used - blanks.keys())} without a placeholder in '{blanks_key}'")
            if blanks.keys() - used:
                raise self.fail(f"'{blanks_key}' has {sorted(blanks.keys() - used)}, which '{text_key}' does not use")
        blanks = tuple((name, Label(blanks_zh.get(name, ""), blanks_en.get(name, ""))) for name in sorted(used_zh))
        return FormText.of(zh, en, blanks)

    def _fields(self, key: str, value: str) -> set[str]:
        names: set[str] = set()
        try:
            parsed = list(Formatter().parse(value))
        except ValueError as exc:
            raise self.fail(f"'{key}': {exc} (write a brace that is text as '{{{{' or '}}}}')") from None
        for _, name, spec, conversion in parsed:
            if name is not None:
                if not name.isidentifier() or spec or conversion:
                    raise self.fail(f"'{key}': a field is a plain name in braces, not {{{name}}}")
                names.add(name)
        return names

    def _blanks(self, key: str) -> dict[str, str]:
        value = self.data.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self.fail(f"'{key}' must be a table of texts")
        return dict(value)

    def labels(self, key: str) -> tuple[Label, ...]:
        zh = self.data.get(key, [])
        en = self.data.get(f"{key}_en", [])
        if not isinstance(zh, list) or not all(isinstance(x, str) for x in zh):
            raise self.fail(f"'{key}' must be a list of texts")
        if en and len(en) != len(zh):
            raise self.fail(f"'{key}_en' has {len(en)} entries, '{key}' has {len(zh)}")
        return tuple(Label(z, en[i] if en else "") for i, z in enumerate(zh))

    def decimal(self, key: str) -> Decimal:
        raw = self.data.get(key)
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            raise self.fail(f"'{key}' must be a number")
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            raise self.fail(f"'{key}' must be a number, not {raw!r}") from None
        if value < 0 or value.as_tuple().exponent < -1:  # type: ignore[operator]
            raise self.fail(f"'{key}' = {raw} must be >= 0 with at most one decimal")
        return value

    def opt_int(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(f"'{key}' must be a whole number >= 0")
        return value

    def tables(self, key: str) -> list[Mapping[str, Any]]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"'{key}' must be a list of tables")
        return value

    def child(self, data: Mapping[str, Any], where: str) -> Reader:
        return Reader(self.source, data, f"{self.where} > {where}" if self.where else where)
