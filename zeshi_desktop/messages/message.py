"""A message (code + parameters) and the refusal that carries one."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from zeshi_desktop.messages.catalogue import catalogue
from zeshi_desktop.messages.numbers import number_text


class Message:
    """A code from the catalogue with named parameters, rendered on demand in either language.

    Parameters may be plain values, other messages, or anything with ``zh``
    and ``en`` attributes (a form's ``Label``): those render in the language
    asked for. Lists render as a list in that language (``、`` or ``, ``).
    """

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params: Any) -> None:
        entry = catalogue().entry(code)   # an unknown code is a programming error, found by the tests
        missing = entry.params - params.keys()
        if missing:
            raise TypeError(f"message {code!r} needs {sorted(missing)}")
        self.code = code
        self.params: Mapping[str, Any] = MappingProxyType(dict(params))

    def text(self, lang: str = "zh") -> str:
        template = catalogue().entry(self.code).template(lang)
        return template.format_map({k: render(v, lang) for k, v in self.params.items()})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.code, dict(self.params)) == (other.code, dict(other.params))

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        args = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"Message({self.code!r}{args})"

    def __str__(self) -> str:
        return self.text("zh")


def render(value: Any, lang: str) -> str:
    """One parameter as text in ``lang``."""
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, Refused):
        return value.message(lang)
    if isinstance(value, bool):
        return catalogue().entry("common.yes" if value else "common.no").template(lang)
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, (list, tuple, frozenset, set)):
        sep = ", " if lang == "en" else "、"
        return sep.join(render(v, lang) for v in value)
    zh = getattr(value, "zh", None)
    if isinstance(zh, str):
        en = getattr(value, "en", "")
        return (en or zh) if lang == "en" else zh
    return "" if value is None else str(value)


class Refused(ValueError):
    """A user action refused for a reason the catalogue words: nothing was written.

    ``code`` is what callers decide by; ``message(lang)`` is what a person reads.
    """

    def __init__(self, code: str | Message, /, **params: Any) -> None:
        self.msg = code if isinstance(code, Message) else Message(code, **params)
        super().__init__(self.msg.code)

    @property
    def code(self) -> str:
        return self.msg.code

    @property
    def params(self) -> Mapping[str, Any]:
        return self.msg.params

    def message(self, lang: str = "zh") -> str:
        return self.msg.text(lang)

    def __str__(self) -> str:
        return self.message("zh")
