"""Why a workbook is refused: one whole-file reason, or a list of bad cells.

Like pyxform's error catalogue, every message names the sheet and cell, so a
person can open the file in Excel or WPS and find the value at once.
"""

from __future__ import annotations

from dataclasses import dataclass


class PackageRefused(ValueError):
    """The file as a whole cannot be read or trusted; ``zh`` and ``en`` say why."""

    def __init__(self, zh: str, en: str = "", problems: list[CellProblem] | None = None) -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en or zh
        self.problems = list(problems or [])

    def message(self, lang: str = "zh") -> str:
        head = self.en if lang == "en" else self.zh
        if not self.problems:
            return head
        return head + "\n" + "\n".join(p.message(lang) for p in self.problems)


@dataclass(frozen=True)
class CellProblem:
    """One bad value: ``3-1!F12: 11 超过单项满分 10 (助力规划统筹)``."""

    sheet: str
    cell: str
    zh: str
    en: str = ""

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    def message(self, lang: str = "zh") -> str:
        return f"{self.where}: {self.en if lang == 'en' and self.en else self.zh}"

    def __str__(self) -> str:
        return self.message()
