"""A fictional but realistic review year, so that every view has something to show.

Four districts of four circles, fifteen units, fourteen planners (one team
serves two units), five reviewers per district review group, three city
reviewers; every 3-1, 3-2, 4-2, 4-3 and 5-1 sheet filled and finalised, and a
4-1 summary written. Names are invented; the scores are drawn from a fixed
seed, with one lenient, one strict and one erratic reviewer so that the
dashboards have something to find. The names and texts are data
(``data/*.toml``, read by ``texts.py``); this module only draws from them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from zeshi_desktop.demo.pictures import street_scene
from zeshi_desktop.demo.texts import people, sheet_texts
from zeshi_desktop.demo.yeardata import PictureRecord, SheetRecord, YearData, load_year
from zeshi_desktop.domain.forms import Form
from zeshi_desktop.services import catalogue

DEMO_YEAR = 2025


def person_name(rng: random.Random) -> str:
    """An invented name: a surname and one or two characters of a given name."""
    who = people()
    return rng.choice(who.surnames) + "".join(rng.choice(who.given) for _ in range(rng.choice((1, 2))))


def score_items(form: Form, quality: float, rng: random.Random, bias: float = 0.0, noise: float = 0.08
                ) -> dict[str, Decimal]:
    """Item scores around ``quality`` (0..1) of each maximum, in 0.5 steps, within range."""
    out = {}
    for item in form.items:
        share = min(1.0, max(0.0, quality + bias + rng.gauss(0, noise)))
        value = Decimal(round(float(item.max) * share * 2) / 2).quantize(Decimal("0.1"))
        out[item.id] = min(item.max, max(Decimal(0), value)).normalize()
    return out


def bonus_scale(form: Form, scores: dict[str, Decimal], rng: random.Random) -> dict[str, Decimal]:
    """Bonus items are rarer than regular ones: most planners earn a few of them."""
    for part in form.parts:
        if part.id == "bonus":
            for item in part.items:
                if rng.random() < 0.45:
                    scores[item.id] = Decimal(0)
    return scores


def questionnaire_answers(form: Form, rng: random.Random, mood: float) -> dict[str, str]:
    """A 5-1 questionnaire's answers: the better the ``mood``, the more planners agree."""
    said = sheet_texts()
    q = form.questionnaire
    assert q is not None
    answers: dict[str, str] = {f"yes_no:{y.id}": "yes" if rng.random() < 0.85 else "no" for y in q.yes_no}
    weights = [max(0.05, mood), 0.35, 0.2, max(0.03, 0.25 - mood / 3)]
    for s in q.statements:
        choice = rng.choices([o.zh for o in q.options], weights=weights)[0]
        answers[f"choice:{s.id}"] = choice
        if choice == q.reason_option:
            answers[f"reason:{s.id}"] = rng.choice(said.reasons)
    answers[f"free_text:{q.free_text.id}"] = rng.choice(said.suggestions)
    return answers


@dataclass(frozen=True)
class ReviewerStyle:
    """How a reviewer marks: ``bias`` above or below the planner's quality, ``noise`` around it."""

    bias: float = 0.0
    noise: float = 0.06


STYLES = [ReviewerStyle(), ReviewerStyle(0.08), ReviewerStyle(-0.12), ReviewerStyle(0.0, 0.2), ReviewerStyle(0.02)]


def demo_year(year: int = DEMO_YEAR, seed: int = 20251) -> YearData:
    """The demo year: the same for the same ``year`` and ``seed``, on every machine."""
    rng = random.Random(seed)
    who = people()
    data = YearData(year=year)
    shared = who.shared_team
    shared_code: str | None = None
    for district in who.districts:
        d_code = district.code
        data.districts.append({"code": d_code, "name": district.name, "circle": district.circle})
        data.settings.append({"district": d_code, "street_weight": 40 if d_code != "CY" else 30,
                              "district_weight": 60 if d_code != "CY" else 70, "trimmed": d_code == "CY"})
        for r in range(5):
            data.reviewers.append({"code": f"{d_code}-R{r + 1}", "level": "district", "district": d_code,
                                   "name": person_name(rng), "organisation": rng.choice(who.organisations)})
        for u_no, u_name in enumerate(district.units, start=1):
            u_code = f"{d_code}-U{u_no:02d}"
            data.units.append({"code": u_code, "district": d_code, "name": u_name, "kind": who.unit_kind(u_name)})
            if d_code == shared.district and u_name == shared.second_unit and shared_code:
                p_code = shared_code
            else:
                p_code = f"P{len(data.planners) + 1:03d}"
                data.planners.append(_planner(p_code, len(data.planners) + 1, rng))
                if d_code == shared.district and u_name == shared.first_unit:
                    shared_code = p_code
                    _share(data.planners[-1], rng)
            renewal = rng.random() < 0.6
            data.appointments.append({
                "unit": u_code, "planner": p_code, "term_start": year - (1 if renewal else 0),
                "term_years": rng.choice((1, 2, 3)) if renewal else 1, "renewal": renewal,
                "contract_signed": not (d_code == "YQ" and u_no == 2), "fee_paid": rng.random() < 0.8,
                "fee_amount": rng.choice((150000, 200000, 250000, 300000))})
    for c in range(3):
        data.reviewers.append({"code": f"CITY-R{c + 1}", "level": "city", "name": person_name(rng),
                               "organisation": rng.choice(who.organisations)})
        if c + 1 == who.conflicts.city_reviewer:   # works in a district under review: a 4-3 conflict to suggest
            data.reviewers[-1]["organisation"] = who.conflicts.city_reviewer_organisation
    _fill(data, catalogue.forms(), rng)
    return data


def _planner(code: str, number: int, rng: random.Random) -> dict[str, Any]:
    """A planner: two in three are teams of three to six members, the third a single person."""
    who = people()
    is_team = number % 3 != 0
    leader = person_name(rng)
    org = rng.choice(who.organisations)
    members = []
    if is_team:
        for k in range(rng.randint(3, 6)):
            members.append({"name": person_name(rng), "discipline": who.disciplines[k % len(who.disciplines)],
                            "qualification": rng.choice(who.qualifications), "is_core": True,
                            "organisation": org})
        members[-1]["organisation"] = _guest_organisation(number)
    return {"code": code, "name": who.team_name(org, leader) if is_team else leader,
            "is_team": is_team, "organisation": org, "full_time": rng.random() < 0.3, "leader": leader,
            "leader_title": rng.choice(who.leader_titles),
            "leader_senior_title": rng.random() < 0.85, "leader_registered": rng.random() < 0.6,
            "leader_experience_years": rng.randint(2, 20), "members": members}


def _guest_organisation(number: int) -> str:
    """The institution a team's last member comes from: another of the list, drawn without the random stream."""
    who = people()
    return who.organisations[(number + who.conflicts.member_shift) % len(who.organisations)]


def _share(planner: dict[str, Any], rng: random.Random) -> None:
    """Make ``planner`` the team that serves two units: a senior leader, one member per discipline."""
    who = people()
    shared = who.shared_team
    planner.update(is_team=True, name=shared.name, leader_senior_title=True, members=[
        {"name": person_name(rng), "discipline": discipline, "qualification": shared.qualification, "is_core": True,
         "organisation": planner["organisation"]} for discipline in who.disciplines])
    planner["members"][-1]["organisation"] = _guest_organisation(len(planner["members"]))


def _fill(data: YearData, forms: dict[str, Form], rng: random.Random) -> None:
    """Every sheet of the year, filled and finalised: per appointment, then per district."""
    quality = {a["unit"]: rng.uniform(0.62, 0.95) for a in data.appointments}
    reviewers_of: dict[str, list[str]] = {}
    for r in data.reviewers:
        if r["level"] == "district":
            reviewers_of.setdefault(r["district"], []).append(r["code"])
    units = {u["code"]: u for u in data.units}
    said = sheet_texts()
    for a in data.appointments:
        u, p = a["unit"], a["planner"]
        q = quality[u]
        s31 = bonus_scale(forms["3-1"], score_items(forms["3-1"], q, rng), rng)
        data.sheets.append(SheetRecord("3-1", unit_code=u, planner_code=p, scores=s31,
                                       answers={"header:office": said.office_3_1.format(unit=units[u]["name"])},
                                       remarks=rng.choice(said.remarks_3_1)))
        for i, r_code in enumerate(reviewers_of[units[u]["district"]]):
            style = STYLES[i % len(STYLES)]
            data.sheets.append(SheetRecord("3-2", unit_code=u, planner_code=p, reviewer_code=r_code,
                                           scores=score_items(forms["3-2"], q, rng, style.bias, style.noise)))
        data.sheets.append(SheetRecord("5-1", unit_code=u, planner_code=p,
                                       answers=questionnaire_answers(forms["5-1"], rng, q - 0.4)))
    for d in data.districts:
        _district_sheets(data, d, forms, rng)


def _district_sheets(data: YearData, district: dict[str, Any], forms: dict[str, Form], rng: random.Random) -> None:
    """A district's 4-2, its city reviewers' 4-3 and its 4-1 summary with one case and two pictures."""
    said = sheet_texts()
    code = district["code"]
    units = [u for u in data.units if u["district"] == code]
    unit_codes = {u["code"] for u in units}
    rule = forms["4-2"].contract_rule
    assert rule is not None
    dq = rng.uniform(0.7, 0.93)
    signed = all(a["contract_signed"] for a in data.appointments if a["unit"] in unit_codes)
    data.sheets.append(SheetRecord("4-2", district_code=code,
                                   scores=score_items(forms["4-2"], dq + 0.04, rng),
                                   answers={rule.id: "yes" if signed else "no",
                                            "header:org": said.office_4_2.format(district=district["name"][:-1])}))
    city_reviewers = [r["code"] for r in data.reviewers if r["level"] == "city"]
    for i, r_code in enumerate(city_reviewers):
        data.sheets.append(SheetRecord("4-3", district_code=code, reviewer_code=r_code,
                                       scores=score_items(forms["4-3"], dq if code != "YQ" else 0.9, rng,
                                                          STYLES[i].bias / 2)))
    n_units = len(units)
    text = said.summary_answers(district["name"], n_units, n_units)
    first_unit = units[0]["name"]
    text["text:cases#1"] = said.case_text.format(unit=first_unit)
    text["title:cases#1"] = said.case_title.format(unit=first_unit)
    pictures = (PictureRecord("cases#1", said.case_before.format(unit=first_unit), "image/png",
                              street_scene(2 * n_units)),
                PictureRecord("cases#1", said.case_after.format(unit=first_unit), "image/png",
                              street_scene(2 * n_units + 1)))
    data.sheets.append(SheetRecord("4-1", status="final", district_code=code, answers=text, pictures=pictures))


def load_demo(session: Session, year: int = DEMO_YEAR) -> dict[str, int]:
    """Fill an empty store with the demo year (one transaction, the caller's)."""
    return load_year(session, demo_year(year))
