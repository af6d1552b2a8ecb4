"""The rules of the measures that the program warns about (never hard stops).

Article 19: a planner serves at most 3 units at once; a team enters at most 8
core members; the first term is 1 year and each renewal 1 to 3 years; teams
should cover five disciplines. Article 18: the leader holds a senior title or
a registration and has 3+ years of experience.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_UNITS = 3
MAX_CORE_MEMBERS = 8
FIRST_TERM_YEARS = 1
RENEWAL_YEARS = (1, 3)
MIN_LEADER_EXPERIENCE = 3
DISCIPLINES = ("城乡规划", "建筑学", "结构工程", "风景园林", "市政交通")


@dataclass(frozen=True)
class Warning:
    code: str
    zh: str
    en: str


def planner_warnings(
    *,
    name: str,
    is_team: bool,
    unit_count: int,
    core_members: int,
    disciplines: Sequence[str],
    leader_senior_title: bool,
    leader_registered: bool,
    leader_experience_years: int | None,
) -> list[Warning]:
    found = []
    if unit_count > MAX_UNITS:
        found.append(Warning("too_many_units",
                             f"{name} 同时服务 {unit_count} 个责任单元，原则上不超过 {MAX_UNITS} 个",
                             f"{name} serves {unit_count} units; the measures allow {MAX_UNITS}"))
    if is_team and core_members > MAX_CORE_MEMBERS:
        found.append(Warning("too_many_members",
                             f"{name} 录入核心成员 {core_members} 人，原则上不超过 {MAX_CORE_MEMBERS} 人",
                             f"{name} has {core_members} core members; the measures allow {MAX_CORE_MEMBERS}"))
    if not (leader_senior_title or leader_registered):
        found.append(Warning("leader_unqualified",
                             f"{name} 负责人无相关专业高级职称或注册城乡规划师/注册建筑师资格",
                             f"{name}: the leader has neither a senior title nor a registration"))
    if leader_experience_years is not None and leader_experience_years < MIN_LEADER_EXPERIENCE:
        found.append(Warning("leader_inexperienced",
                             f"{name} 负责人相关专业工作经验 {leader_experience_years} 年，应具备{MIN_LEADER_EXPERIENCE}年以上",
                             f"{name}: the leader has {leader_experience_years} years of experience; 3+ required"))
    if is_team:
        missing = [d for d in DISCIPLINES if d not in set(disciplines)]
        if missing:
            found.append(Warning("disciplines_missing",
                                 f"{name} 团队成员未覆盖：{'、'.join(missing)}",
                                 f"{name}: the team does not cover {', '.join(missing)}"))
    return found


def term_warnings(*, unit: str, planner: str, term_years: int, renewal: bool) -> list[Warning]:
    low, high = RENEWAL_YEARS
    if renewal and not low <= term_years <= high:
        return [Warning("renewal_term",
                        f"{planner} 在 {unit} 的续聘期限为 {term_years} 年，应为 {low} 到 {high} 年",
                        f"{planner} in {unit}: a renewal of {term_years} years; 1 to 3 allowed")]
    if not renewal and term_years != FIRST_TERM_YEARS:
        return [Warning("first_term",
                        f"{planner} 在 {unit} 的首任聘期为 {term_years} 年，应为 {FIRST_TERM_YEARS} 年",
                        f"{planner} in {unit}: a first term of {term_years} years; 1 required")]
    return []
