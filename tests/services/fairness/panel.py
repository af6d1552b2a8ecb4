"""A small district panel and a small city panel whose totals the tests choose, for recusals and the lens.

Each reviewer's sheet is filled item by item (greedily up to each maximum) to
the total asked for, and finalised; so every figure the tests expect can be
worked out by hand from the totals written here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy.orm import Session

from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.meeting import ranking
from zeshi_desktop.services.scoring import sheets

YEAR = 2025


def items_for(form_id: str, total: Decimal | int | str) -> dict[str, str]:
    """Item scores of ``form_id`` adding up to ``total`` (each at most its maximum)."""
    left = Decimal(str(total))
    out = {}
    for item in catalogue.form(form_id).items:
        value = min(item.max, left)
        out[item.id] = str(value)
        left -= value
    assert left == 0, f"{total} is more than annex {form_id} allows"
    return out


def fill(session: Session, form_id: str, total: Decimal | int | str, *, appointment_id: int | None = None,
         district_id: int | None = None, reviewer_id: int | None = None, final: bool = True) -> int:
    sheet = sheets.open_sheet(session, form_id, YEAR, appointment_id=appointment_id, district_id=district_id,
                              reviewer_id=reviewer_id).id
    sheets.set_scores(session, sheet, items_for(form_id, total))
    if final:
        sheets.finalize(session, sheet, "test")
    return sheet


@dataclass
class DistrictPanel:
    district: int
    units: dict[str, int] = field(default_factory=dict)          # unit name → appointment id
    reviewers: dict[str, int] = field(default_factory=dict)      # reviewer name → id


# 3-2 totals by unit and reviewer r1..r5; 3-1 totals by unit
GROUP = {"甲街道": (90, 86, 84, 88, 70), "乙街道": (85, 87, 83, 86, 99), "丙街道": (70, 72, 74, 71, 73),
         "丁街道": (60, 62, 61, 59, 64)}
STREET = {"甲街道": 100, "乙街道": 100, "丙街道": 90, "丁街道": 80}
ORGS = ("北京建筑大学", "清华大学建筑学院", "中国城市规划设计研究院", "北京林业大学", "北京工业大学")


def district_panel(session: Session, group: dict[str, tuple[int, ...]] | None = None,
                   street: dict[str, int] | None = None) -> DistrictPanel:
    """东城区 with four units, five reviewers (r1..r5), every 3-1 and 3-2 sheet final; weights 40/60."""
    group = group or GROUP
    street = street or STREET
    d = roster.add_district(session, "东城区", "首都功能核心区")
    panel = DistrictPanel(d)
    width = len(next(iter(group.values())))
    for i in range(width):
        panel.reviewers[f"r{i + 1}"] = roster.add_reviewer(session, YEAR, "district", f"r{i + 1}", district_id=d,
                                                           organisation=ORGS[i % len(ORGS)], code=f"DC-R{i + 1}")
    for n, (unit, totals) in enumerate(group.items()):
        u = roster.add_unit(session, d, unit)
        p = roster.add_planner(session, f"{unit}团队", is_team=True, organisation=f"规划院{n}")
        a = roster.appoint(session, YEAR, u, p)
        panel.units[unit] = a
        fill(session, "3-1", street[unit], appointment_id=a)
        for i, total in enumerate(totals):
            if total is not None:
                fill(session, "3-2", total, appointment_id=a, reviewer_id=panel.reviewers[f"r{i + 1}"])
    ranking.set_weights(session, YEAR, d, "40", "60")
    return panel


@dataclass
class CityPanel:
    districts: dict[str, int] = field(default_factory=dict)
    reviewers: dict[str, int] = field(default_factory=dict)


CITY = {"东城区": (90, 88, 86, 92), "西城区": (85, 90, 87, 70), "朝阳区": (80, 79, 84, 82)}


def city_panel(session: Session) -> CityPanel:
    """Three districts, four city reviewers c1..c4, every 4-2 and 4-3 final."""
    panel = CityPanel()
    circles = ("首都功能核心区", "首都功能核心区", "中心城区")
    for (name, _), circle in zip(CITY.items(), circles, strict=True):
        panel.districts[name] = roster.add_district(session, name, circle)
    for i in range(4):
        panel.reviewers[f"c{i + 1}"] = roster.add_reviewer(session, YEAR, "city", f"c{i + 1}",
                                                           organisation=ORGS[i], code=f"CITY-R{i + 1}")
    rule = catalogue.form("4-2").contract_rule
    assert rule is not None
    for name, totals in CITY.items():
        did = panel.districts[name]
        sheet = sheets.open_sheet(session, "4-2", YEAR, district_id=did).id
        sheets.set_scores(session, sheet, items_for("4-2", 80))
        sheets.set_answers(session, sheet, {rule.id: "yes"})
        sheets.finalize(session, sheet, "test")
        for i, total in enumerate(totals):
            fill(session, "4-3", total, district_id=did, reviewer_id=panel.reviewers[f"c{i + 1}"])
    return panel
