"""A city-scale review year for the benchmarks: 17 districts, 343 units, 400 planners.

Every unit has a planner; 57 units have a second one (多师协同), 20 planners
serve two units, 7 reviewers per district review group, 5 city reviewers,
and every 3-1, 3-2, 4-2, 4-3, 5-1 and 4-1 sheet is filled and finalised.
"""

from __future__ import annotations

import random

from zeshi_desktop.demo.fixture import (
    STYLES,
    bonus_scale,
    person_name,
    questionnaire_answers,
    score_items,
)
from zeshi_desktop.demo.texts import people, sheet_texts
from zeshi_desktop.demo.yeardata import SheetRecord, YearData
from zeshi_desktop.services import catalogue

DISTRICTS = [
    ("东城区", "首都功能核心区"), ("西城区", "首都功能核心区"), ("朝阳区", "中心城区"), ("海淀区", "中心城区"),
    ("丰台区", "中心城区"), ("石景山区", "中心城区"), ("通州区", "城市副中心"), ("顺义区", "多点地区"),
    ("大兴区", "多点地区"), ("昌平区", "多点地区"), ("房山区", "多点地区"), ("亦庄开发区", "多点地区"),
    ("门头沟区", "生态涵养区"), ("平谷区", "生态涵养区"), ("怀柔区", "生态涵养区"), ("密云区", "生态涵养区"),
    ("延庆区", "生态涵养区"),
]
UNITS = 343
PLANNERS = 400
SECOND_PLANNER_UNITS = 57
TWO_UNIT_PLANNERS = 20
DISTRICT_REVIEWERS = 7
CITY_REVIEWERS = 5


def city_year(year: int = 2025, seed: int = 7) -> YearData:
    rng = random.Random(seed)
    forms = catalogue.forms()
    data = YearData(year=year)
    for i, (name, circle) in enumerate(DISTRICTS):
        code = f"D{i + 1:02d}"
        data.districts.append({"code": code, "name": name, "circle": circle})
        data.settings.append({"district": code, "street_weight": 40, "district_weight": 60, "trimmed": i % 2 == 0})
        for r in range(DISTRICT_REVIEWERS):
            data.reviewers.append({"code": f"{code}-R{r + 1}", "level": "district", "district": code,
                                   "name": person_name(rng), "organisation": rng.choice(people().organisations)})
    for r in range(CITY_REVIEWERS):
        data.reviewers.append({"code": f"CITY-R{r + 1}", "level": "city", "name": person_name(rng),
                               "organisation": rng.choice(people().organisations)})
    for u in range(UNITS):
        district = data.districts[u % len(DISTRICTS)]["code"]
        data.units.append({"code": f"U{u + 1:04d}", "district": district, "name": f"第{u + 1}责任单元",
                           "kind": "街道" if u % 4 else "镇"})
    for p in range(PLANNERS):
        leader = person_name(rng)
        data.planners.append({"code": f"P{p + 1:04d}", "name": f"{leader}团队", "is_team": True,
                              "organisation": rng.choice(people().organisations), "leader": leader, "leader_senior_title": True,
                              "leader_registered": True, "leader_experience_years": 10,
                              "members": [{"name": person_name(rng), "discipline": "城乡规划"} for _ in range(4)]})
    pairs = [(f"U{u + 1:04d}", f"P{u + 1:04d}") for u in range(UNITS)]                       # 343
    pairs += [(f"U{u + 1:04d}", f"P{UNITS + u + 1:04d}") for u in range(SECOND_PLANNER_UNITS)]  # +57 = 400
    pairs += [(f"U{UNITS - u:04d}", f"P{u + 1:04d}") for u in range(TWO_UNIT_PLANNERS)]     # +20 = 420
    for unit, planner in pairs:
        data.appointments.append({"unit": unit, "planner": planner, "term_start": year, "term_years": 1,
                                  "contract_signed": True, "fee_paid": True, "fee_amount": 200000})
    district_of = {u["code"]: u["district"] for u in data.units}
    for unit, planner in pairs:
        q = rng.uniform(0.6, 0.95)
        data.sheets.append(SheetRecord("3-1", unit_code=unit, planner_code=planner,
                                       scores=bonus_scale(forms["3-1"], score_items(forms["3-1"], q, rng), rng)))
        for r in range(DISTRICT_REVIEWERS):
            style = STYLES[r % len(STYLES)]
            data.sheets.append(SheetRecord("3-2", unit_code=unit, planner_code=planner,
                                           reviewer_code=f"{district_of[unit]}-R{r + 1}",
                                           scores=score_items(forms["3-2"], q, rng, style.bias, style.noise)))
        data.sheets.append(SheetRecord("5-1", unit_code=unit, planner_code=planner,
                                       answers=questionnaire_answers(forms["5-1"], rng, q - 0.4)))
    rule = forms["4-2"].contract_rule
    assert rule is not None
    for d in data.districts:
        dq = rng.uniform(0.65, 0.95)
        data.sheets.append(SheetRecord("4-2", district_code=d["code"], scores=score_items(forms["4-2"], dq, rng),
                                       answers={rule.id: "yes" if rng.random() < 0.85 else "no"}))
        for r in range(CITY_REVIEWERS):
            data.sheets.append(SheetRecord("4-3", district_code=d["code"], reviewer_code=f"CITY-R{r + 1}",
                                           scores=score_items(forms["4-3"], dq, rng)))
        data.sheets.append(SheetRecord("4-1", district_code=d["code"],
                                       answers=sheet_texts().summary_answers(d["name"], 20, 20)))
    return data
