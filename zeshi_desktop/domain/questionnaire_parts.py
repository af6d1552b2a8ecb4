"""The parts of the 5-1 questionnaire (附件5-1) as typed, immutable objects: statements, questions, the unit line.

Kept apart from ``forms`` (which re-exports them) because the questionnaire
is a form of its own shape; the texts are ``Label``s read from ``forms/5-1.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .forms import Label


@dataclass(frozen=True)
class Statement:
    id: str
    text: Label
    group_id: str


@dataclass(frozen=True)
class LikertGroup:
    id: str
    section: Label
    prompt: Label
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class YesNoQuestion:
    id: str
    section: Label
    text: Label
    yes: str
    no: str


@dataclass(frozen=True)
class FreeTextQuestion:
    id: str
    section: Label
    text: Label
    label: Label
    none_option: str


_BLANK = re.compile(r"\s{2,}")


@dataclass(frozen=True)
class UnitQuestion:
    """5-1 question 1: where the team's unit lies, a line with blanks and the kinds of unit to tick.

    ``text``'s runs of spaces are its blanks, filled in the order ``blanks``
    names (``district``, ``unit``); the kinds (街道/镇(乡)/园区/单元) follow the
    last blank, one of them marked.
    """

    section: Label
    text: Label
    hint: Label
    blanks: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def pieces(self) -> list[str]:
        """The Chinese text between its blanks: one more piece than there are blanks."""
        return _BLANK.split(self.text.zh)

    def kind_of(self, name: str) -> tuple[str, int | None]:
        """A unit name split into the part written in the blank and the kind it ends with (by index).

        "东华门街道" is written "东华门" with 街道 marked; "马坡镇" marks 镇(乡)
        (a kind "镇(乡)" stands for 镇 and for 乡); a name ending in none of
        them is written whole and marks nothing.
        """
        for index, kind in enumerate(self.kinds):
            for word in (w for w in re.split(r"[()（）]", kind) if w):
                if name.endswith(word) and len(name) > len(word):
                    return name[: -len(word)], index
        return name, None

    def written(self, values: dict[str, str]) -> tuple[list[str], int | None]:
        """What goes in each blank (in ``blanks`` order) and the kind to mark, as a person fills the paper in.

        "东城区" is written "东城" before the form's own 区, "东华门街道" is
        written "东华门" with 街道 marked, so no word reads twice; a unit whose
        name ends in none of the kinds is written whole and no kind is marked.
        """
        pieces = self.pieces()
        out: list[str] = []
        kind = None
        for name, after in zip(self.blanks, pieces[1:], strict=False):
            value = values.get(name, "")
            if name == "unit" and self.kinds:
                value, kind = self.kind_of(value)
            elif value and after and len(value) > 1 and value.endswith(after[0]):
                value = value[:-1]
            out.append(value)
        return out, kind


@dataclass(frozen=True)
class Questionnaire:
    options: tuple[Label, ...]
    agree_options: tuple[str, ...]
    reason_option: str
    reason_label: Label
    unit_question: UnitQuestion
    yes_no: tuple[YesNoQuestion, ...]
    groups: tuple[LikertGroup, ...]
    free_text: FreeTextQuestion

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for g in self.groups for s in g.statements)
