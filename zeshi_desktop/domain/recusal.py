"""回避: who should not score whom, and what a panel keeps when someone steps aside.

DOMAIN.md decision 10: a reviewer with a conflict of interest for a subject
(same institution, former employer, relative, other) does not score it; the
final score is the mean (or trimmed mean) over the other finalised sheets, and
fewer than :data:`MIN_REVIEWERS` remaining reviewers is a warning, never a
stop. The aggregation itself is ``aggregation.final_score`` over the totals
that remain: a recused reviewer's total is simply not among them.

The program *suggests* conflicts before scoring starts (a person decides):
a district reviewer whose 单位 matches the planner's 所在单位 or a team
member's 单位, a city reviewer whose 单位 belongs to the district under
review. Names of institutions are compared loosely — width, spaces and
brackets ignored, and one name inside the other counts (清华大学 and
清华大学建筑学院) — because a suggestion that is shown and dismissed costs a
click, a conflict that is missed costs the panel's credibility.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from zeshi_desktop.messages import Message

REASONS = ("same_institution", "former_employer", "relative", "other")
MIN_REVIEWERS = 3          # fewer remaining reviewers on a subject: the dashboards warn
MIN_CONTAINED = 4          # a name shorter than this must match whole, not as a part of the other

K = TypeVar("K", bound=Hashable)   # subject key
R = TypeVar("R", bound=Hashable)   # reviewer key

_IGNORED = set(" \t\u3000()（）[]【】-—·.,，、")


def reason_label(reason: str) -> Message:
    """The reason as words (同单位 / same institution …); an unknown reason is a programming error."""
    if reason not in REASONS:
        raise KeyError(reason)
    return Message(f"fairness.reason.{reason}")


def read_reason(raw: str) -> tuple[str, str]:
    """What a person typed as a reason: (kind, detail).

    One of the kinds, by id or by its words in either language, gives that
    kind with no detail; anything else is ``other`` with the words as detail.
    An empty reason is refused by the caller (``fairness.recusal.no_reason``).
    """
    typed = " ".join(unicodedata.normalize("NFKC", raw or "").split())
    folded = typed.casefold().replace("-", "_").replace(" ", "_")
    for kind in REASONS:
        label = reason_label(kind)
        if folded == kind or typed in (label.text("zh"), label.text("en")) or \
                folded == label.text("en").casefold().replace(" ", "_"):
            return kind, ""
    return "other", typed


def organisation_key(name: str) -> str:
    """An institution's name as compared: full-width folded, spaces and brackets gone."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    return "".join(ch for ch in text if ch not in _IGNORED)


def same_organisation(a: str, b: str) -> bool:
    """Whether two 单位 name the same institution, loosely (see the module's note); empty never matches."""
    x, y = organisation_key(a), organisation_key(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long_ = sorted((x, y), key=len)
    return len(short) >= MIN_CONTAINED and short in long_


# ------------------------------------------------------------------ suggestions

BASES = ("planner_organisation", "member_organisation", "home_district")


@dataclass(frozen=True)
class ReviewerFacts(Generic[R]):
    """What a suggestion needs of a reviewer: the 单位, and (a city reviewer) the district they come from."""

    key: R
    name: str
    organisation: str
    district: str = ""          # a district's name the reviewer belongs to, when known


@dataclass(frozen=True)
class SubjectFacts(Generic[K]):
    """What a suggestion needs of a subject: a unit's planner with its members, or a district."""

    key: K
    label: str
    planner_organisation: str = ""
    members: tuple[tuple[str, str], ...] = ()    # (member name, member 单位)
    district: str = ""                           # a 4-3 subject: the district's name


@dataclass(frozen=True)
class Suggestion(Generic[K, R]):
    """A possible conflict: reviewer and subject, on what ``basis`` (:data:`BASES`) and what matched."""

    reviewer: R
    subject: K
    basis: str
    matched: str                 # the institution or district that matched
    who: str = ""                # the team member, for ``member_organisation``

    @property
    def reason(self) -> str:
        """The recusal reason this suggests: same institution for a 单位, other for a home district."""
        return "other" if self.basis == "home_district" else "same_institution"

    @property
    def message(self) -> Message:
        """Why it is suggested, in words: 与责师所在单位相同（北京建筑大学）…"""
        return Message(f"fairness.suggestion.{self.basis}", matched=self.matched, who=self.who)


def suggestions(reviewers: Sequence[ReviewerFacts[R]], subjects: Iterable[SubjectFacts[K]]
                ) -> list[Suggestion[K, R]]:
    """Every (reviewer, subject) pair worth a look, one per pair (the first basis found), subjects in order.

    A unit's subject: the planner's 所在单位, then each member's 单位. A
    district's subject: the reviewer's district, or a 单位 that names the
    district (东城区规划分局 for 东城区).
    """
    out: list[Suggestion[K, R]] = []
    for subject in subjects:
        for r in reviewers:
            found = _match(r, subject)
            if found is not None:
                out.append(Suggestion(r.key, subject.key, *found))
    return out


def _match(r: ReviewerFacts[R], s: SubjectFacts[K]) -> tuple[str, str, str] | None:
    if s.district:
        if r.district and r.district == s.district:
            return "home_district", s.district, ""
        if s.district in (r.organisation or ""):
            return "home_district", s.district, ""
        return None
    if same_organisation(r.organisation, s.planner_organisation):
        return "planner_organisation", s.planner_organisation, ""
    for member, organisation in s.members:
        if same_organisation(r.organisation, organisation):
            return "member_organisation", organisation, member
    return None


def short_panel(remaining: int) -> bool:
    """Whether a subject's remaining reviewers are too few to trust without a word (a warning, not a stop)."""
    return remaining < MIN_REVIEWERS
