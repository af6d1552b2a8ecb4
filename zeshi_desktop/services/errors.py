"""Refusals of a user action: one clear message, nothing written."""

from __future__ import annotations


class ActionRefused(ValueError):
    """A user action that cannot be done as asked; ``zh`` and ``en`` say why."""

    def __init__(self, zh: str, en: str = "") -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en or zh

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class NotFound(ActionRefused):
    pass


class SheetLocked(ActionRefused):
    pass
