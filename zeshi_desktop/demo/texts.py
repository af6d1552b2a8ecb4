"""The demo year's names and texts, read from ``data/*.toml``.

The demo's people, places and the words on its sheets are data, not Python:
``people.toml`` holds the districts, units, names and organisations the year
is drawn from, ``sheets.toml`` what its sheets say (remarks, questionnaire
answers, the 4-1 summary and case). Both are read once, on first use, so
importing the demo costs nothing until a demo year is built. The disciplines
and the kinds of unit are the roster's own lists (``forms/roster.toml``), so
the demo's teams cover exactly the disciplines the rules ask for.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from zeshi_desktop.services import catalogue

DATA_DIR = Path(__file__).with_name("data")


def _read(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open("rb") as stream:
        return tomllib.load(stream)


@dataclass(frozen=True)
class DistrictPlan:
    """A district of the demo year and its units, in order."""

    code: str
    name: str
    circle: str
    units: tuple[str, ...]


@dataclass(frozen=True)
class SharedTeam:
    """The one team that serves two units of a district (the rules allow up to three)."""

    district: str
    first_unit: str
    second_unit: str
    name: str
    qualification: str


@dataclass(frozen=True)
class Conflicts:
    """What makes the year suggest some conflicts of interest (回避): see ``[conflicts]`` in ``people.toml``."""

    member_shift: int = 0
    city_reviewer: int = 0                 # from 1; 0: none
    city_reviewer_organisation: str = ""


@dataclass(frozen=True)
class People:
    """Whom and where the demo year is about (``people.toml``)."""

    surnames: str
    given: str
    organisations: tuple[str, ...]
    qualifications: tuple[str, ...]
    leader_titles: tuple[str, ...]
    disciplines: tuple[str, ...]
    districts: tuple[DistrictPlan, ...]
    unit_kinds: tuple[str, ...]
    team_template: str
    team_dropped: tuple[str, ...]
    team_length: int
    shared_team: SharedTeam
    conflicts: Conflicts = Conflicts()

    def unit_kind(self, unit_name: str) -> str:
        """A unit's kind from its name (…镇 is a town); a name that says none is of the first kind."""
        return next((k for k in self.unit_kinds if unit_name.endswith(k)), self.unit_kinds[0])

    def team_name(self, organisation: str, leader: str) -> str:
        """A team named after its leader and its organisation, shortened as people say it."""
        short = organisation
        for word in self.team_dropped:
            short = short.replace(word, "")
        return self.team_template.format(organisation=short[:self.team_length], leader=leader)


@dataclass(frozen=True)
class SheetTexts:
    """What the demo year's sheets say (``sheets.toml``)."""

    office_3_1: str
    remarks_3_1: tuple[str, ...]
    office_4_2: str
    suggestions: tuple[str, ...]
    reasons: tuple[str, ...]
    summary: Mapping[str, str]
    case_title: str
    case_before: str
    case_after: str
    case_text: str

    def summary_answers(self, district: str, units: int, planners: int) -> dict[str, str]:
        """A district's 4-1 summary as sheet answers (``text:<field>``), in the form's order."""
        return {f"text:{field}": template.format(district=district, units=units, planners=planners)
                for field, template in self.summary.items()}


@lru_cache(maxsize=1)
def people() -> People:
    """The demo's people and places, read once."""
    data = _read("people.toml")
    terms = catalogue.roster_terms()
    team, shared = data["team_name"], data["shared_team"]
    return People(
        surnames=data["surnames"], given=data["given"], organisations=tuple(data["organisations"]),
        qualifications=tuple(data["qualifications"]), leader_titles=tuple(data["leader_titles"]),
        disciplines=tuple(d.zh for d in terms.disciplines),
        districts=tuple(DistrictPlan(d["code"], d["name"], d["circle"], tuple(d["units"]))
                        for d in data["districts"]),
        unit_kinds=tuple(k.zh for k in terms.unit_kinds),
        team_template=team["template"], team_dropped=tuple(team["dropped"]), team_length=team["length"],
        shared_team=SharedTeam(**shared), conflicts=Conflicts(**data.get("conflicts", {})))


@lru_cache(maxsize=1)
def sheet_texts() -> SheetTexts:
    """What the demo's sheets say, read once."""
    data = _read("sheets.toml")
    a31, a42, a51 = data["annex_3_1"], data["annex_4_2"], data["annex_5_1"]
    summary, case = data["annex_4_1"]["summary"], data["annex_4_1"]["case"]
    return SheetTexts(
        office_3_1=a31["office"], remarks_3_1=tuple(a31["remarks"]), office_4_2=a42["office"],
        suggestions=tuple(a51["suggestions"]), reasons=tuple(a51["reasons"]),
        summary=MappingProxyType(dict(summary)), case_title=case["title"], case_before=case["before"],
        case_after=case["after"], case_text="\n\n".join(case["paragraphs"]))
