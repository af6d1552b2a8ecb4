"""3-3: the district ranking of units, and the city ranking of districts.

DOMAIN.md decisions 3, 5 and 8: weighted street score = 3-1 总得分 x street
weight; weighted district score = 3-2 final x district weight; 总分 = their
sum. Equal totals share a rank and the next rank is skipped (1, 2, 2, 4);
ties are broken by the weighted district score, then the weighted street score.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Generic, TypeVar

from zeshi_desktop.messages import Refused

from .forms import Band, ContractRule, Form, WeightRule
from .scores import normalise_text

HUNDRED = Decimal(100)
K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


class WeightsRefused(Refused):
    """Weights that break the 3-3 rule; the code says which part (``meeting.weights.*``)."""


@dataclass(frozen=True)
class Weights:
    street: Decimal    # percent, e.g. 40
    district: Decimal  # percent, e.g. 60


def check_weights(rule: WeightRule, street: object, district: object) -> Weights:
    """Parse and check two percentages against the form's weight rule.

    The refusal names the weight by the form's label, so it reads in either
    language; the values keep the digits the person typed.
    """
    values = []
    for label, raw in ((rule.street_label, street), (rule.district_label, district)):
        try:
            value = Decimal(normalise_text(str(raw)).rstrip("%").strip())
        except InvalidOperation:
            raise WeightsRefused("meeting.weights.not_a_number", label=label, raw=str(raw)) from None
        if not value.is_finite():
            raise WeightsRefused("meeting.weights.not_a_number", label=label, raw=str(raw))
        if value != value.quantize(Decimal(1).scaleb(-rule.decimals)):
            raise WeightsRefused("meeting.weights.too_many_decimals", label=label, value=str(value),
                                 decimals=rule.decimals)
        if value < rule.min:
            raise WeightsRefused("meeting.weights.below_minimum", label=label, value=str(value), minimum=str(rule.min))
        values.append(value)
    if values[0] + values[1] != rule.sum:
        raise WeightsRefused("meeting.weights.wrong_sum", total=str(values[0] + values[1]), expected=str(rule.sum))
    return Weights(values[0], values[1])


def competition_ranks(rows: Sequence[T], key: Callable[[T], tuple]) -> list[tuple[int, T]]:
    """Standard competition ranking (1, 2, 2, 4) on a descending key."""
    ordered = sorted(rows, key=key, reverse=True)
    ranked: list[tuple[int, T]] = []
    previous = None
    rank = 0
    for position, row in enumerate(ordered, start=1):
        k = key(row)
        if k != previous:
            rank, previous = position, k
        ranked.append((rank, row))
    return ranked


@dataclass(frozen=True)
class UnitScores(Generic[K]):
    """What 3-3 needs of one 责任片区: its 3-1 total and its 3-2 final score."""

    key: K
    unit: str
    planner: str
    street_score: Decimal | None
    district_score: Decimal | None


@dataclass(frozen=True)
class UnitRankRow(Generic[K]):
    rank: int | None  # None while a score is missing
    key: K
    unit: str
    planner: str
    street_score: Decimal | None
    district_score: Decimal | None
    street_weighted: Decimal | None
    district_weighted: Decimal | None
    total: Decimal | None
    band: Band | None

    @property
    def complete(self) -> bool:
        return self.total is not None


def rank_units(rows: Sequence[UnitScores[K]], weights: Weights, form: Form) -> list[UnitRankRow[K]]:
    """The 3-3 table: complete rows ranked, incomplete ones listed after them."""
    built: list[UnitRankRow[K]] = []
    for r in rows:
        sw = r.street_score * weights.street / HUNDRED if r.street_score is not None else None
        dw = r.district_score * weights.district / HUNDRED if r.district_score is not None else None
        total = sw + dw if sw is not None and dw is not None else None
        band = form.band_for(total) if total is not None and form.bands else None
        built.append(UnitRankRow(None, r.key, r.unit, r.planner, r.street_score, r.district_score,
                                 sw, dw, total, band))
    complete = [b for b in built if b.complete]
    ranked = competition_ranks(complete, key=lambda b: (b.total, b.district_weighted, b.street_weighted))
    result = [UnitRankRow(rank, *_fields(row)) for rank, row in ranked]
    result.extend(sorted((b for b in built if not b.complete), key=lambda b: b.unit))
    return result


@dataclass(frozen=True)
class ResultLine:
    """One row of the 3-3 result file as it is printed and exported: no keys, the band as its text."""

    rank: int | None
    unit: str
    planner: str
    street_weighted: Decimal | None
    district_weighted: Decimal | None
    total: Decimal | None
    band: str = ""
    recommended: bool = False


def result_lines(rows: Sequence[UnitRankRow[K]], recommended: Collection[K] = (),
                 lang: str = "zh") -> tuple[ResultLine, ...]:
    """The rows of :func:`rank_units` as the result file shows them, marking the recommended keys."""
    return tuple(ResultLine(r.rank, r.unit, r.planner, r.street_weighted, r.district_weighted, r.total,
                            r.band.label.get(lang) if r.band else "", r.key in recommended) for r in rows)


def _fields(row: UnitRankRow[K]) -> tuple:
    return (row.key, row.unit, row.planner, row.street_score, row.district_score,
            row.street_weighted, row.district_weighted, row.total, row.band)


@dataclass(frozen=True)
class DistrictScores(Generic[K]):
    key: K
    district: str
    circle: str
    city_score: Decimal | None      # 4-3 final (mean of city reviewers)
    self_score: Decimal | None      # 4-2 total
    contracts_signed: bool | None   # 4-2 是/否


@dataclass(frozen=True)
class DistrictRankRow(Generic[K]):
    rank: int | None
    key: K
    district: str
    circle: str
    city_score: Decimal | None
    self_score: Decimal | None
    contracts_signed: bool | None
    band: Band | None
    eligible_excellent: bool
    in_excluded_band: bool = False   # scored into the band the 4-2 contract rule can rule out

    @property
    def blocked_by_contracts(self) -> bool:
        """Scored into the excluded band but ruled out by unsigned contracts."""
        return self.in_excluded_band and self.contracts_signed is not True


def in_band(band: Band | None, rule: ContractRule | None) -> bool:
    """Whether ``band`` is the band the contract rule rules out, decided by the band's id.

    The rule names its band in the form's data (``excluded_band`` of
    ``forms/4-2.toml``); nothing here knows what the band is called.
    """
    return band is not None and rule is not None and band.id == rule.excluded.id


def rank_districts(rows: Sequence[DistrictScores[K]], city_form: Form, self_form: Form) -> list[DistrictRankRow[K]]:
    """The city's ranking by 4-3, ties broken by the 4-2 self-assessment.

    The 4-2 contract rule: a district whose contracts are not all signed keeps
    its score and band but is never eligible for the band the rule excludes.
    """
    rule = self_form.contract_rule
    built = []
    for r in rows:
        band = city_form.band_for(r.city_score) if r.city_score is not None else None
        in_excluded = in_band(band, rule)
        built.append(DistrictRankRow(None, r.key, r.district, r.circle, r.city_score, r.self_score,
                                     r.contracts_signed, band, in_excluded and r.contracts_signed is True, in_excluded))
    complete = [b for b in built if b.city_score is not None]
    ranked = competition_ranks(complete, key=lambda b: (b.city_score, b.self_score or Decimal(-1)))
    out = [replace(row, rank=rank) for rank, row in ranked]
    out.extend(sorted((b for b in built if b.city_score is None), key=lambda b: b.district))
    return out
