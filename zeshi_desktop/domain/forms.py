"""The annexes as typed, immutable objects.

The content lives in ``forms/*.toml``; this module only says what shape a form
has, so that every view, sheet and package can be generated from the data and
no form's wording is ever typed into Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

FormKind = Literal["scored", "ranking", "outline", "questionnaire"]
Subject = Literal["appointment", "district"]
FilledBy = Literal["office", "district_reviewer", "district", "city_reviewer", "team"]


@dataclass(frozen=True)
class Label:
    """A text in Chinese (verbatim from the seed) with our English beside it."""

    zh: str
    en: str = ""

    def get(self, lang: str = "zh") -> str:
        return self.en if lang == "en" and self.en else self.zh


@dataclass(frozen=True)
class Item:
    id: str
    text: Label
    max: Decimal
    section_id: str
    part_id: str
    number: str | None = None

    @property
    def short(self) -> str:
        """The item's first phrase: how people name it in an error message."""
        text = self.text.zh
        for stop in "，,。；;（(":
            cut = text.find(stop)
            if 0 < cut:
                text = text[:cut]
        return text[:20]


@dataclass(frozen=True)
class Section:
    id: str
    title: Label
    max: Decimal
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Part:
    """常规分 / 附加分 on 3-1, 规定 / 自选 on 4-2, a single part elsewhere."""

    id: str
    label: Label
    total_label: Label
    max: Decimal
    sections: tuple[Section, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)


@dataclass(frozen=True)
class Band:
    min: Decimal
    label: Label


@dataclass(frozen=True)
class HeaderField:
    id: str
    label: Label


@dataclass(frozen=True)
class WeightRule:
    """3-3: how the office (3-1) and review-group (3-2) scores are weighted."""

    street_form: str
    district_form: str
    street_label: Label
    district_label: Label
    sum: Decimal
    min: Decimal
    decimals: int
    default_street: Decimal
    default_district: Decimal


@dataclass(frozen=True)
class ContractRule:
    """4-2: the yes/no contract question and the band it rules out."""

    id: str
    question: Label
    yes: str
    no: str
    consequence: Label
    excluded_band: str


@dataclass(frozen=True)
class OutlineSection:
    id: str
    number: Label                 # "1.", "3.1"; the appendix's "附件." has its own English
    title: Label
    max_chars: int | None = None
    min_chars: int | None = None
    heading_only: bool = False
    repeatable: bool = False
    pictures: bool = False
    optional: bool = False
    appendix: tuple[str, ...] = ()


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


@dataclass(frozen=True)
class UnitQuestion:
    section: Label
    text: Label
    hint: Label


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


@dataclass(frozen=True)
class Form:
    id: str
    version: int
    kind: FormKind
    title: Label
    short_title: str
    filled_by: FilledBy
    subject: Subject
    orientation: str
    source: str
    layout: str = "sheet"
    total: Decimal | None = None
    total_label: Label = Label("总分", "Total")
    columns: tuple[Label, ...] = ()
    header_fields: tuple[HeaderField, ...] = ()
    remarks: Label | None = None
    signature: tuple[Label, ...] = ()
    notes: tuple[Label, ...] = ()
    bands: tuple[Band, ...] = ()
    parts: tuple[Part, ...] = ()
    weights: WeightRule | None = None
    contract_rule: ContractRule | None = None
    outline: tuple[OutlineSection, ...] = ()
    document_title: str = ""
    questionnaire: Questionnaire | None = None
    _items_by_id: dict[str, Item] = field(default_factory=dict, compare=False, repr=False)

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(s for p in self.parts for s in p.sections)

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for p in self.parts for i in p.items)

    @property
    def is_scored(self) -> bool:
        return self.kind == "scored"

    def item(self, item_id: str) -> Item:
        try:
            return self._items_by_id[item_id]
        except KeyError:
            raise KeyError(f"附件{self.id} 没有评分项 {item_id!r}") from None

    def has_item(self, item_id: str) -> bool:
        return item_id in self._items_by_id

    def band_for(self, score: Decimal) -> Band:
        """The band a score falls in; a shared end point goes to the higher band."""
        for band in self.bands:  # sorted from the highest minimum down
            if score >= band.min:
                return band
        return self.bands[-1]
