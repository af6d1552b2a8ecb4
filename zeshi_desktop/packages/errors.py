"""Why a workbook is refused: one whole-file reason, or a list of bad cells.

Like pyxform's error catalogue, every message names the sheet and cell, so a
person can open the file in Excel or WPS and find the value at once. The
reasons are messages from the catalogue (``zeshi_desktop.messages``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zeshi_desktop.messages import Message, Refused


class PackageRefused(Refused):
    """The file as a whole cannot be read or trusted; ``problems`` lists bad cells, if any."""

    def __init__(self, code: str | Message, /, problems: list[CellProblem] | None = None, **params: Any) -> None:
        super().__init__(code, **params)
        self.problems = list(problems or [])

    def message(self, lang: str = "zh") -> str:
        head = super().message(lang)
        if not self.problems:
            return head
        return head + "\n" + "\n".join(p.message(lang) for p in self.problems)


@dataclass(frozen=True, init=False)
class CellProblem:
    """One bad value: ``3-1!F12: 11 超过单项满分 10 (助力规划统筹)``."""

    sheet: str
    cell: str
    reason: Message

    def __init__(self, sheet: str, cell: str, reason: Message | Refused) -> None:
        if isinstance(reason, Refused):
            reason = reason.msg
        object.__setattr__(self, "sheet", sheet)
        object.__setattr__(self, "cell", cell)
        object.__setattr__(self, "reason", reason)

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    @property
    def code(self) -> str:
        return self.reason.code

    def message(self, lang: str = "zh") -> str:
        return f"{self.where}: {self.reason.text(lang)}"

    def __str__(self) -> str:
        return self.message()
