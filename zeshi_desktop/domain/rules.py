"""The rules of the measures that the program warns about (never hard stops).

Article 19: a planner serves at most 3 units at once; a team enters at most 8
core members; the first term is 1 year and each renewal 1 to 3 years; teams
should cover five disciplines. Article 18: the leader holds a senior title or
a registration and has 3+ years of experience.

A warning is a message from the catalogue (``roster.warning.*``), so the GUI
and the command line show it in either language; ``code`` (``too_many_units``
…) is what callers decide by. The disciplines are data (``forms/roster.toml``)
and are passed in, so this module reads no file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zeshi_desktop.messages import Message

from .forms import Label

MAX_UNITS = 3
MAX_CORE_MEMBERS = 8
FIRST_TERM_YEARS = 1
RENEWAL_YEARS = (1, 3)
MIN_LEADER_EXPERIENCE = 3


def term_span(term_start: int, term_years: int) -> str:
    """A term as every screen and paper writes it: the years it covers, "2024–2026"; one year alone, "2025"."""
    end = term_start + max(term_years, 1) - 1
    return str(term_start) if end == term_start else f"{term_start}–{end}"


@dataclass(frozen=True)
class Warning:
    code: str
    message: Message

    def text(self, lang: str = "zh") -> str:
        return self.message.text(lang)


def planner_warnings(
    *,
    name: str,
    is_team: bool,
    unit_count: int,
    core_members: int,
    disciplines: Sequence[str],
    required_disciplines: Sequence[Label],
    leader_senior_title: bool,
    leader_registered: bool,
    leader_experience_years: int | None,
) -> list[Warning]:
    """What a planner breaks; ``required_disciplines`` are the terms' disciplines a team should cover."""
    found = []
    if unit_count > MAX_UNITS:
        found.append(Warning("too_many_units", Message("roster.warning.too_many_units", name=name,
                                                       count=unit_count, limit=MAX_UNITS)))
    if is_team and core_members > MAX_CORE_MEMBERS:
        found.append(Warning("too_many_members", Message("roster.warning.too_many_members", name=name,
                                                         count=core_members, limit=MAX_CORE_MEMBERS)))
    if not (leader_senior_title or leader_registered):
        found.append(Warning("leader_unqualified", Message("roster.warning.leader_unqualified", name=name)))
    if leader_experience_years is not None and leader_experience_years < MIN_LEADER_EXPERIENCE:
        found.append(Warning("leader_inexperienced", Message(
            "roster.warning.leader_inexperienced", name=name, years=leader_experience_years,
            minimum=MIN_LEADER_EXPERIENCE)))
    if is_team:
        missing = [d for d in required_disciplines if d.zh not in set(disciplines)]
        if missing:
            found.append(Warning("disciplines_missing", Message("roster.warning.disciplines_missing", name=name,
                                                                missing=missing)))
    return found


def term_warnings(*, unit: str, planner: str, term_years: int, renewal: bool) -> list[Warning]:
    low, high = RENEWAL_YEARS
    if renewal and not low <= term_years <= high:
        return [Warning("renewal_term", Message("roster.warning.renewal_term", planner=planner, unit=unit,
                                                years=term_years, low=low, high=high))]
    if not renewal and term_years != FIRST_TERM_YEARS:
        return [Warning("first_term", Message("roster.warning.first_term", planner=planner, unit=unit,
                                              years=term_years, required=FIRST_TERM_YEARS))]
    return []
