"""The annexes as typed, immutable objects.

The content lives in ``forms/*.toml``; this module only says what shape a form
has, so that every view, sheet and package can be generated from the data and
no form's wording is ever typed into Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from string import Formatter
from typing import TYPE_CHECKING, Literal, Self

from zeshi_desktop.messages import Refused

from .questionnaire_parts import (  # re-exported: the questionnaire is one of the forms' shapes
    FreeTextQuestion,  # noqa: F401
    LikertGroup,  # noqa: F401
    Questionnaire,
    Statement,  # noqa: F401
    UnitQuestion,  # noqa: F401
    YesNoQuestion,  # noqa: F401
)

if TYPE_CHECKING:
    from .corrections import Correction

FormKind = Literal["scored", "ranking", "outline", "questionnaire"]
Subject = Literal["appointment", "district"]
FilledBy = Literal["office", "district_reviewer", "district", "city_reviewer", "team"]
# The named fields a form text may carry: what a sheet's subject writes into the form's placeholders.
TEXT_FIELDS = frozenset({"office", "district", "reviewer"})


@dataclass(frozen=True)
class Label:
    """A text in Chinese (verbatim from the seed) with our English beside it."""

    zh: str
    en: str = ""

    def get(self, lang: str = "zh") -> str:
        return self.en if lang == "en" and self.en else self.zh


@dataclass(frozen=True)
class FormText(Label):
    """A form text with named fields (``{office}``, ``{district}``) that a sheet's subject fills in.

    ``zh`` and ``en`` hold the text as the blank form prints it, each field
    replaced by the form's own placeholder (``XXX（街/乡/镇/功能区管委会）``), so
    every reader that shows the text unfilled sees the seed word for word;
    :meth:`fill` writes a subject in, the same way on paper and on screen.
    """

    pattern_zh: str = ""
    pattern_en: str = ""
    blanks: tuple[tuple[str, Label], ...] = ()   # field -> the placeholder printed when it has no value

    @classmethod
    def of(cls, pattern_zh: str, pattern_en: str = "", blanks: tuple[tuple[str, Label], ...] = (),
           **extra: str) -> Self:
        """The text with its placeholders in place (what a blank form prints); ``extra``: a subclass's fields."""
        zh = _fill(pattern_zh, dict(blanks), {}, english=False)
        en = _fill(pattern_en, dict(blanks), {}, english=True) if pattern_en else ""
        return cls(zh, en, pattern_zh, pattern_en, blanks, **extra)

    def fill(self, lang: str = "zh", **values: str) -> str:
        """The text in ``lang`` with the fields that have a value written in; the others keep their placeholder."""
        english = lang == "en" and bool(self.en)
        pattern = self.pattern_en if english else self.pattern_zh
        if not pattern:
            return self.get(lang)
        return _fill(pattern, dict(self.blanks), values, english=english)


def _fill(pattern: str, blanks: dict[str, Label], values: dict[str, str], *, english: bool) -> str:
    out = []
    for literal, name, _, _ in Formatter().parse(pattern):
        out.append(literal)
        if name is not None:
            value = values.get(name) or ""
            if not value:
                blank = blanks[name]
                value = blank.en if english else blank.zh
            out.append(value)
    return "".join(out)


def subject_fields(*, office: str = "", unit: str = "", district: str = "", reviewer: str = "") -> dict[str, str]:
    """The values a sheet's subject gives the form's fields: the office is the unit's when none was typed.

    The print and the screen both fill a form's title and signature lines from
    this, so a 3-1 names the same office on paper as in the window.
    """
    return {"office": office or unit, "district": district, "reviewer": reviewer}


@dataclass(frozen=True)
class SignatureLine(FormText):
    """A signature or seal line; ``when_filled`` names a field without which the line is not printed.

    4-3 prints "签字：" under "评审人：<name>" only when the name is printed: on
    a blank sheet the reviewer writes the name and signs on one line.
    """

    when_filled: str = ""

    def shown(self, values: dict[str, str]) -> bool:
        return not self.when_filled or bool(values.get(self.when_filled))


class UnknownItem(Refused, KeyError):
    """A scoring item the form does not have; still a ``KeyError`` for code that looks items up like a dict."""

    def __init__(self, form_id: str, item_id: str) -> None:
        super().__init__("forms.unknown_item", form=form_id, item=repr(item_id))
        self.args = (self.message("zh"),)


@dataclass(frozen=True)
class Item:
    id: str
    text: Label
    max: Decimal
    section_id: str
    part_id: str
    number: str | None = None
    column_label: Label | None = None   # a few words for a narrow column heading (the 3-2 matrix's compact header)

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
    column_label: Label | None = None   # as ``Item.column_label``: the section over its items' columns


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
    """A score band; ``id`` (excellent, pass, fail) is what code and other form data refer to."""

    min: Decimal
    label: Label
    id: str = ""


@dataclass(frozen=True)
class HeaderField:
    """A field of a sheet's heading (单位：); ``value``: what the print writes when nobody typed one."""

    id: str
    label: Label
    value: FormText | None = None


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
    """4-2: the yes/no contract question and the band it rules out (``excluded``, named by its id in the form)."""

    id: str
    question: Label
    yes: str
    no: str
    consequence: Label
    excluded: Band

    @property
    def excluded_band(self) -> str:
        """The ruled-out band's label as printed (优秀); decide by ``excluded.id``."""
        return self.excluded.label.zh


def char_count(text: str) -> int:
    """Characters as a Chinese word limit counts them: everything but white space."""
    return sum(1 for ch in text if not ch.isspace())


@dataclass(frozen=True)
class OutlineSection:
    """A section of the 4-1 outline; ``title`` is the annex's line, hint included ("整体介绍（300字）").

    ``heading`` is the title without its writing ``hint`` ("（300字）"): the
    hint guides the writer beside the editor and is not a heading of the
    finished summary.
    """

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
    hint: Label = Label("")
    heading: Label = Label("")

    def outside(self, text: str) -> Literal["long", "short"] | None:
        """Whether ``text`` is longer or shorter than the section asks (None: within, or no limit)."""
        n = char_count(text)
        if self.max_chars is not None and n > self.max_chars:
            return "long"
        if self.min_chars is not None and n < self.min_chars:
            return "short"
        return None


@dataclass(frozen=True)
class Form:
    id: str
    version: int
    kind: FormKind
    title: FormText
    short_title: str
    filled_by: FilledBy
    subject: Subject
    orientation: str
    source: str
    layout: str = "sheet"
    total: Decimal | None = None
    total_label: Label = Label("")
    columns: tuple[Label, ...] = ()
    header_fields: tuple[HeaderField, ...] = ()
    remarks: Label | None = None
    signature: tuple[SignatureLine, ...] = ()
    notes: tuple[Label, ...] = ()
    bands: tuple[Band, ...] = ()
    parts: tuple[Part, ...] = ()
    weights: WeightRule | None = None
    contract_rule: ContractRule | None = None
    outline: tuple[OutlineSection, ...] = ()
    document_title: FormText = FormText("")
    questionnaire: Questionnaire | None = None
    corrections: tuple[Correction, ...] = ()    # the annex's typos this form shows corrected
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
            raise UnknownItem(self.id, item_id) from None

    def has_item(self, item_id: str) -> bool:
        return item_id in self._items_by_id

    def band_for(self, score: Decimal) -> Band:
        """The band a score falls in; a shared end point goes to the higher band."""
        for band in self.bands:  # sorted from the highest minimum down
            if score >= band.min:
                return band
        return self.bands[-1]

    def band(self, band_id: str) -> Band:
        """The band with this id; ``KeyError`` when the form has none."""
        for band in self.bands:
            if band.id == band_id:
                return band
        raise KeyError(band_id)

    def signature_lines(self, lang: str = "zh", **values: str) -> list[str]:
        """The signature and seal lines as printed, fields filled from ``values`` (see ``subject_fields``)."""
        return [line.fill(lang, **values) for line in self.signature if line.shown(values)]
