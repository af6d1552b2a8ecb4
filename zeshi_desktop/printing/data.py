"""What a renderer needs, as plain data: services fill these from the store.

Printing sits below the services, so it never sees a session; every name,
score and answer arrives here already looked up. One document becomes one
or more pages with its own page numbers (第 x 页 共 y 页).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from zeshi_desktop.domain.forms import Form, subject_fields
from zeshi_desktop.domain.ranking import ResultLine

# The language printed on paper: the annexes are official Chinese forms, whatever the interface shows.
PAPER = "zh"


@dataclass(frozen=True)
class Stamp:
    """The verification of a final sheet: the code typed into ``zeshi verify``.

    The QR code holds the code itself, so a scan can be pasted into ``zeshi verify``:
    upper-case letters, digits and '-' fit QR's alphanumeric mode, a 25x25 code
    (version 2) that small printers and phone cameras read reliably.
    """

    code: str


@dataclass(frozen=True)
class Heading:
    """Who and what a document is about; every field printed in its heading."""

    year: int
    district: str = ""
    unit: str = ""
    planner: str = ""
    office: str = ""          # 3-1: 评审单位
    reviewer: str = ""        # 3-2 / 4-3: 姓名 / 评审人
    organisation: str = ""    # 3-2: 单位

    def fields(self) -> dict[str, str]:
        """What this heading writes into the form's named fields (``{office}``, ``{district}``)."""
        return subject_fields(office=self.office, unit=self.unit, district=self.district, reviewer=self.reviewer)


@dataclass(frozen=True)
class SheetDoc:
    """One scored sheet (3-1, 4-2, 4-3) or questionnaire (5-1), blank or filled."""

    form: Form
    heading: Heading
    final: bool
    scores: dict[str, Decimal] = field(default_factory=dict)
    answers: dict[str, str] = field(default_factory=dict)
    remarks: str = ""
    stamp: Stamp | None = None
    blank: bool = False


@dataclass(frozen=True)
class MatrixRow:
    number: int
    unit: str
    planner: str
    scores: dict[str, Decimal]
    total: Decimal | None
    recused: bool = False     # 回避: the reviewer stepped aside from this planner; the row says so, unscored


@dataclass(frozen=True)
class MatrixDoc:
    """A reviewer's 3-2: every planner of the district, one row each."""

    form: Form
    heading: Heading
    rows: tuple[MatrixRow, ...]
    final: bool
    stamp: Stamp | None = None


@dataclass(frozen=True)
class RankingDoc:
    """3-3: the district's result file with both weights in its heading."""

    form: Form
    heading: Heading
    street_weight: Decimal | None      # None on a blank form: the district writes its own
    district_weight: Decimal | None
    rows: tuple[ResultLine, ...]
    final: bool
    stamp: Stamp | None = None


@dataclass(frozen=True)
class Picture:
    name: str
    mime: str
    data: bytes
    caption: str = ""    # typed in the app; printed "图N caption", the file name when there is none


@dataclass(frozen=True)
class Case:
    title: str
    text: str
    pictures: tuple[Picture, ...] = ()


@dataclass(frozen=True)
class AppendixTable:
    """One table of the 4-1 appendix (teams, members, contracts, funds)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class SummaryDoc:
    """4-1: the district's annual summary, section texts, cases with pictures, appendix tables."""

    form: Form
    heading: Heading
    texts: dict[str, str]
    cases: tuple[Case, ...]
    appendix: tuple[AppendixTable, ...]
    final: bool
    stamp: Stamp | None = None
    blank: bool = False      # a form to write by hand: space under each heading, the writing hints shown


Document = SheetDoc | MatrixDoc | RankingDoc | SummaryDoc
