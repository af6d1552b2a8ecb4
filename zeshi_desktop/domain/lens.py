"""The reviewer lens: how much a lenient or strict reviewer moved a ranking. Information, never the rule.

The official final score stays the mean (or trimmed mean) of the reviewers'
totals (DOMAIN.md decision 4); nothing here changes it. The lens shows the
panel, per reviewer:

* **offset**: over the subjects the reviewer scored, the mean of (own total −
  mean of the other reviewers' totals on that subject), as ``analysis``
  defines it (+5 = five points more lenient than the rest of the panel);
* **z-score** of each total within that reviewer's own totals:
  (total − the reviewer's mean) / the reviewer's population standard
  deviation. A reviewer who scored one subject, or gave every subject the
  same total, says nothing about order: no z-score (—);

and a **what-if ranking**: each total replaced by its normalised value
``G + S × z`` — ``G`` the mean of the reviewers' means, ``S`` the mean of
their standard deviations, so the figures stay on the form's 100-point scale
— then aggregated and ranked by exactly the official rules (the same mean or
trimmed mean, weights, tie rules). A reviewer who adds the same number of
points to everyone has the same z-scores as without it, so the what-if
ranking is the one the panel would have had without that bias; a reviewer
who merely spreads wider or narrower is evened out as well.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Generic, TypeVar

from .aggregation import final_score, mean
from .analysis import DEFAULT_OFFSET_TOLERANCE, population_std, reviewer_offsets
from .forms import Form
from .ranking import DistrictScores, UnitScores, Weights, rank_districts, rank_units

K = TypeVar("K", bound=Hashable)   # subject key
R = TypeVar("R", bound=Hashable)   # reviewer key

PRECISION = 40

Totals = Mapping[K, Sequence[tuple[R, Decimal]]]


@dataclass(frozen=True)
class ReviewerLens(Generic[K, R]):
    """One reviewer seen through the lens."""

    reviewer: R
    subjects: int                         # totals the reviewer gave
    mean: Decimal
    std: Decimal
    offset: Decimal | None                # None: never scored a subject anyone else scored
    leaning: str                          # strict | lenient | in_line (the dashboards' tolerance)
    z: Mapping[K, Decimal | None]         # per subject scored; None when the reviewer's totals do not vary


@dataclass(frozen=True)
class RankShift(Generic[K]):
    """A subject's official rank beside its what-if rank."""

    key: K
    label: str
    official_rank: int | None
    what_if_rank: int | None
    official_score: Decimal | None        # what the official rank is decided by (3-3 总分, 4-3 final)
    what_if_score: Decimal | None

    @property
    def moved(self) -> int | None:
        """Positive: the what-if ranking puts the subject higher (a smaller rank number)."""
        if self.official_rank is None or self.what_if_rank is None:
            return None
        return self.official_rank - self.what_if_rank

    @property
    def changed(self) -> bool:
        return self.official_rank != self.what_if_rank


@dataclass(frozen=True)
class Lens(Generic[K, R]):
    reviewers: tuple[ReviewerLens[K, R], ...]   # strictest first, those without an offset last
    ranking: tuple[RankShift[K], ...]           # in the official order
    scale_mean: Decimal | None                  # G
    scale_std: Decimal | None                   # S

    @property
    def changed(self) -> int:
        """Subjects whose what-if rank differs from the official one."""
        return sum(1 for r in self.ranking if r.changed)


# ------------------------------------------------------------------ normalising

@dataclass(frozen=True)
class _Scale:
    mean: Decimal
    std: Decimal


def _scales(per_subject: Totals[K, R]) -> dict[R, _Scale]:
    given: dict[R, list[Decimal]] = defaultdict(list)
    for totals in per_subject.values():
        for reviewer, total in totals:
            given[reviewer].append(total)
    out = {}
    for reviewer, values in given.items():
        m, s = mean(values), population_std(values)
        assert m is not None and s is not None
        out[reviewer] = _Scale(m, s)
    return out


def z_score(total: Decimal, scale: _Scale) -> Decimal | None:
    if not scale.std:
        return None
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return (total - scale.mean) / scale.std


def normalised(per_subject: Totals[K, R]) -> tuple[dict[K, list[tuple[R, Decimal]]], Decimal | None,
                                                  Decimal | None]:
    """Every total as ``G + S × z`` (``G`` where the reviewer's z is undefined), with ``G`` and ``S``."""
    scales = _scales(per_subject)
    if not scales:
        return {k: [] for k in per_subject}, None, None
    g = mean([s.mean for s in scales.values()])
    spread = [s.std for s in scales.values() if s.std]
    s_ = mean(spread) if spread else Decimal(0)
    assert g is not None and s_ is not None
    out: dict[K, list[tuple[R, Decimal]]] = {}
    with localcontext() as ctx:
        ctx.prec = PRECISION
        for subject, totals in per_subject.items():
            row = []
            for reviewer, total in totals:
                z = z_score(total, scales[reviewer])
                row.append((reviewer, g if z is None else g + s_ * z))
            out[subject] = row
    return out, g, s_


def reviewers_lens(per_subject: Totals[K, R], tolerance: Decimal = DEFAULT_OFFSET_TOLERANCE
                   ) -> tuple[ReviewerLens[K, R], ...]:
    """Each reviewer's offset, spread and z-scores; strictest first."""
    scales = _scales(per_subject)
    offsets = {o.reviewer: o for o in reviewer_offsets(per_subject, tolerance)}
    z: dict[R, dict[K, Decimal | None]] = defaultdict(dict)
    for subject, totals in per_subject.items():
        for reviewer, total in totals:
            z[reviewer][subject] = z_score(total, scales[reviewer])
    out = []
    for reviewer, scale in scales.items():
        o = offsets.get(reviewer)
        out.append(ReviewerLens(reviewer, len(z[reviewer]), scale.mean, scale.std, o.offset if o else None,
                                o.leaning if o else "in_line", dict(z[reviewer])))
    out.sort(key=lambda r: (r.offset is None, r.offset if r.offset is not None else Decimal(0)))
    return tuple(out)


# ------------------------------------------------------------------ the what-if rankings

def _values(totals: Sequence[tuple[R, Decimal]]) -> list[Decimal]:
    return [t for _, t in totals]


@dataclass(frozen=True)
class LensUnit(Generic[K, R]):
    """A 责任片区 for the lens: its 3-1 total and the review group's 3-2 totals by reviewer."""

    key: K
    unit: str
    planner: str
    street_score: Decimal | None
    totals: tuple[tuple[R, Decimal], ...]


def unit_lens(units: Sequence[LensUnit[K, R]], weights: Weights, form33: Form, trimmed: bool = False,
              tolerance: Decimal = DEFAULT_OFFSET_TOLERANCE) -> Lens[K, R]:
    """The 3-3 ranking by the official rule beside the one from normalised 3-2 totals."""
    raw = {u.key: list(u.totals) for u in units}
    norm, g, s = normalised(raw)
    official = rank_units([UnitScores(u.key, u.unit, u.planner, u.street_score, final_score(_values(raw[u.key]), trimmed))
                           for u in units], weights, form33)
    what_if = {r.key: r for r in rank_units(
        [UnitScores(u.key, u.unit, u.planner, u.street_score, final_score(_values(norm[u.key]), trimmed))
         for u in units], weights, form33)}
    shifts = tuple(RankShift(r.key, f"{r.unit} — {r.planner}", r.rank, what_if[r.key].rank, r.total,
                             what_if[r.key].total) for r in official)
    return Lens(reviewers_lens(raw, tolerance), shifts, g, s)


@dataclass(frozen=True)
class LensDistrict(Generic[K, R]):
    """A district for the city's lens: its 4-2 self score and contract answer, the 4-3 totals by reviewer."""

    key: K
    district: str
    circle: str
    self_score: Decimal | None
    contracts_signed: bool | None
    totals: tuple[tuple[R, Decimal], ...]


def district_lens(districts: Sequence[LensDistrict[K, R]], city_form: Form, self_form: Form, trimmed: bool = False,
                  tolerance: Decimal = DEFAULT_OFFSET_TOLERANCE) -> Lens[K, R]:
    """The city's ranking of districts by the official rule beside the one from normalised 4-3 totals."""
    raw = {d.key: list(d.totals) for d in districts}
    norm, g, s = normalised(raw)

    def rows(source: Mapping[K, Sequence[tuple[R, Decimal]]]) -> list[DistrictScores[K]]:
        return [DistrictScores(d.key, d.district, d.circle, final_score(_values(source[d.key]), trimmed),
                               d.self_score, d.contracts_signed) for d in districts]

    official = rank_districts(rows(raw), city_form, self_form)
    what_if = {r.key: r for r in rank_districts(rows(norm), city_form, self_form)}
    shifts = tuple(RankShift(r.key, r.district, r.rank, what_if[r.key].rank, r.city_score,
                             what_if[r.key].city_score) for r in official)
    return Lens(reviewers_lens(raw, tolerance), shifts, g, s)
