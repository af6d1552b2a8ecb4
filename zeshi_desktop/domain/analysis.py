"""What a review panel needs before it trusts a ranking: spreads, offsets, item shares, trimmed-mean impact.

Pure Python on ``Decimal`` so that the dashboards, the PDF reports and the
tests all see the same exact figures. Definitions (docs/dashboards.md):

* **spread** of a subject (a planner's unit on 3-2, a district on 4-3): the
  minimum, maximum, mean and population standard deviation of the reviewers'
  totals;
* **outlier**: a reviewer whose total is *more than* ``distance`` points
  (default 10) from the mean of the *other* reviewers of that subject; the
  reviewer's own total is left out so that one extreme score cannot hide
  itself by pulling the mean towards it;
* **offset** of a reviewer: over the subjects the reviewer scored, the mean of
  (own total − mean of the others' totals). Negative = stricter than the
  panel, positive = more lenient; within ``tolerance`` (default 2) counts as
  in line with the panel;
* **item share**: the mean score of an item across sheets divided by its
  maximum;
* **trimmed-mean impact**: the 3-3 rank of each unit under the plain mean and
  under the trimmed mean of the review group's totals.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Generic, TypeVar

from .aggregation import mean, trimmed_mean
from .forms import Form
from .ranking import UnitScores, Weights, rank_units

K = TypeVar("K", bound=Hashable)   # subject key
R = TypeVar("R", bound=Hashable)   # reviewer key
G = TypeVar("G", bound=Hashable)   # group key (office, reviewer)
S = TypeVar("S", bound=Hashable)   # sheet slot

DEFAULT_OUTLIER_DISTANCE = Decimal(10)
DEFAULT_OFFSET_TOLERANCE = Decimal(2)


def population_std(values: Sequence[Decimal]) -> Decimal | None:
    """Population standard deviation (divide by n): the panel *is* the population."""
    m = mean(values)
    if m is None:
        return None
    with localcontext() as ctx:
        ctx.prec = 40
        variance = sum(((v - m) ** 2 for v in values), Decimal(0)) / len(values)
        return variance.sqrt()


# ------------------------------------------------------------------ spread and outliers

@dataclass(frozen=True)
class Outlier(Generic[R]):
    reviewer: R
    total: Decimal
    others_mean: Decimal

    @property
    def distance(self) -> Decimal:
        """Signed: negative when the reviewer scored below the others."""
        return self.total - self.others_mean


@dataclass(frozen=True)
class Spread(Generic[K, R]):
    subject: K
    totals: tuple[tuple[R, Decimal], ...]
    min: Decimal
    max: Decimal
    mean: Decimal
    std: Decimal
    outliers: tuple[Outlier[R], ...]

    @property
    def range(self) -> Decimal:
        return self.max - self.min


def others_mean(totals: Sequence[tuple[R, Decimal]], index: int) -> Decimal | None:
    """Mean of every total except the one at ``index`` (None when nobody else scored)."""
    rest = [t for i, (_, t) in enumerate(totals) if i != index]
    return mean(rest)


def spread(subject: K, totals: Sequence[tuple[R, Decimal]],
           distance: Decimal = DEFAULT_OUTLIER_DISTANCE) -> Spread[K, R] | None:
    """The spread of one subject's reviewer totals; None when nobody scored it."""
    if distance < 0:
        # a programming error, not a refusal: the CLI and the GUI check what a person types
        raise ValueError(f"the outlier distance cannot be negative: {distance}")
    if not totals:
        return None
    values = [t for _, t in totals]
    outliers = []
    for i, (reviewer, total) in enumerate(totals):
        rest = others_mean(totals, i)
        if rest is not None and abs(total - rest) > distance:
            outliers.append(Outlier(reviewer, total, rest))
    m, s = mean(values), population_std(values)
    assert m is not None and s is not None
    return Spread(subject, tuple(totals), min(values), max(values), m, s, tuple(outliers))


def spreads(per_subject: Mapping[K, Sequence[tuple[R, Decimal]]],
            distance: Decimal = DEFAULT_OUTLIER_DISTANCE) -> list[Spread[K, R]]:
    """Spreads of every scored subject, in the mapping's order."""
    out = []
    for subject, totals in per_subject.items():
        s = spread(subject, totals, distance)
        if s is not None:
            out.append(s)
    return out


# ------------------------------------------------------------------ reviewer offsets

@dataclass(frozen=True)
class ReviewerOffset(Generic[R]):
    reviewer: R
    subjects: int              # subjects that had at least one other reviewer
    offset: Decimal            # mean of (own − others' mean); negative = strict
    leaning: str               # strict | lenient | in_line
    outliers: int              # how often the reviewer was flagged as an outlier


def reviewer_offsets(per_subject: Mapping[K, Sequence[tuple[R, Decimal]]],
                     tolerance: Decimal = DEFAULT_OFFSET_TOLERANCE,
                     distance: Decimal = DEFAULT_OUTLIER_DISTANCE) -> list[ReviewerOffset[R]]:
    """Each reviewer's mean offset from the rest of the panel, strictest first."""
    diffs: dict[R, list[Decimal]] = defaultdict(list)
    flagged: dict[R, int] = defaultdict(int)
    for totals in per_subject.values():
        for i, (reviewer, total) in enumerate(totals):
            rest = others_mean(totals, i)
            if rest is None:
                continue
            diffs[reviewer].append(total - rest)
            if abs(total - rest) > distance:
                flagged[reviewer] += 1
    out = []
    for reviewer, values in diffs.items():
        offset = mean(values)
        assert offset is not None
        leaning = "strict" if offset < -tolerance else "lenient" if offset > tolerance else "in_line"
        out.append(ReviewerOffset(reviewer, len(values), offset, leaning, flagged[reviewer]))
    out.sort(key=lambda o: o.offset)
    return out


# ------------------------------------------------------------------ item shares

@dataclass(frozen=True)
class ItemShare:
    item_id: str
    section_id: str
    text: str
    max: Decimal
    count: int
    mean: Decimal | None
    share: Decimal | None      # mean / max, 0..1


def item_shares(form: Form, scores: Iterable[tuple[str, Decimal]]) -> list[ItemShare]:
    """Per item of ``form``, in form order, the mean score as a share of the maximum.

    ``scores`` are (item id, score) pairs from every sheet counted; an item
    nobody scored has no mean. An unknown item id is an error, not skipped.
    """
    sums: dict[str, tuple[Decimal, int]] = {}
    for item_id, value in scores:
        total, count = sums.get(item_id, (Decimal(0), 0))
        sums[item_id] = (total + value, count + 1)
    return item_shares_from_sums(form, sums)


def item_shares_from_sums(form: Form, sums: Mapping[str, tuple[Decimal, int]]) -> list[ItemShare]:
    """The same from per-item (sum, count), which a database can add up without sending every score."""
    for item_id in sums:
        form.item(item_id)  # raises KeyError naming the form and item
    out = []
    for item in form.items:
        total, count = sums.get(item.id, (Decimal(0), 0))
        m = share = None
        if count:
            with localcontext() as ctx:
                ctx.prec = 40
                m = total / count
                share = m / item.max if item.max else None
        out.append(ItemShare(item.id, item.section_id, item.short, item.max, count, m, share))
    return out


# ------------------------------------------------------------------ trimmed-mean impact

@dataclass(frozen=True)
class UnitReviews(Generic[K]):
    """One 责任片区 for the impact: its 3-1 total and the review group's 3-2 totals."""

    key: K
    unit: str
    planner: str
    street_score: Decimal | None
    group_totals: tuple[Decimal, ...]


@dataclass(frozen=True)
class RankChange(Generic[K]):
    key: K
    unit: str
    planner: str
    rank_mean: int | None
    rank_trimmed: int | None
    total_mean: Decimal | None
    total_trimmed: Decimal | None

    @property
    def moved(self) -> int | None:
        """Positive = the trimmed mean moves the unit up (to a smaller rank number)."""
        if self.rank_mean is None or self.rank_trimmed is None:
            return None
        return self.rank_mean - self.rank_trimmed


@dataclass(frozen=True)
class TrimmedImpact(Generic[K]):
    rows: tuple[RankChange[K], ...]   # in the order of the rank under the mean
    changed: int                      # units whose rank differs
    trimmable: int                    # units with enough reviewers for a trim to apply

    @property
    def max_move(self) -> int:
        return max((abs(r.moved) for r in self.rows if r.moved is not None), default=0)


def trimmed_impact(units: Sequence[UnitReviews[K]], weights: Weights, form: Form,
                   trim_min: int = 5) -> TrimmedImpact[K]:
    """Rank the units twice (3-3 rules, ties included): review group mean vs trimmed mean."""
    by_mean = rank_units([UnitScores(u.key, u.unit, u.planner, u.street_score, mean(u.group_totals))
                          for u in units], weights, form)
    by_trim = {r.key: r for r in rank_units(
        [UnitScores(u.key, u.unit, u.planner, u.street_score, trimmed_mean(u.group_totals)) for u in units],
        weights, form)}
    rows = tuple(RankChange(r.key, r.unit, r.planner, r.rank, by_trim[r.key].rank, r.total, by_trim[r.key].total)
                 for r in by_mean)
    changed = sum(1 for r in rows if r.rank_mean != r.rank_trimmed)
    return TrimmedImpact(rows, changed, sum(1 for u in units if len(u.group_totals) >= trim_min))


# ------------------------------------------------------------------ missing sheets

@dataclass(frozen=True)
class Progress(Generic[G]):
    group: G
    expected: int
    final: int
    draft: int

    @property
    def missing(self) -> int:
        """Sheets not even started."""
        return self.expected - self.final - self.draft

    @property
    def waiting(self) -> int:
        """What the meeting still waits for: missing plus drafts."""
        return self.expected - self.final


def progress(expected: Iterable[tuple[G, S]], status: Mapping[S, str]) -> list[Progress[G]]:
    """Per group, how many of the expected sheets are final, in draft, or missing.

    ``expected`` pairs each group (an office, a reviewer) with the slot of a
    sheet it owes; ``status`` maps the slots that exist to "draft" or "final".
    Groups keep the order in which they first appear.
    """
    counts: dict[G, list[int]] = {}
    for group, slot in expected:
        c = counts.setdefault(group, [0, 0, 0])
        c[0] += 1
        s = status.get(slot)
        if s == "final":
            c[1] += 1
        elif s is not None:
            c[2] += 1
    return [Progress(g, c[0], c[1], c[2]) for g, c in counts.items()]
