"""The dashboards as JSON (``zeshi dashboard --json``): the same keys as ``zeshi rank --json`` where they mean the same.

Ids end in ``_id`` (``appointment_id``); a name is the plain key (``district``,
``unit``, ``reviewer``); a code ends in ``_code``. Every one carries ``damaged``:
the sheets its figures left out because they hold damaged data (``cli.damaged``).
"""

from __future__ import annotations

from typing import Any

from zeshi_desktop.services import catalogue
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.meeting.questionnaire import QuestionnaireSummary

from .common import band_text, jsonable
from .damaged import damaged_data


def item_text(form_id: str, item_id: str, fallback: str, lang: str) -> str:
    """An item as the form words it in ``lang`` (the dashboard's own short text in Chinese)."""
    if lang == "zh":
        return fallback
    form = catalogue.form(form_id)
    return form.item(item_id).text.get(lang) if form.has_item(item_id) else fallback


def band_names(form_id: str, lang: str) -> dict[str, str]:
    """The bands of ``form_id`` (keyed by their Chinese label, as the dashboards give them) in ``lang``."""
    return {b.label.zh: b.label.get(lang) for b in catalogue.form(form_id).bands}


def questionnaire_data(summary: QuestionnaireSummary, lang: str) -> dict[str, Any]:
    """The 5-1 summary; in English the form's own English for options, groups, statements and questions.

    The Chinese texts are the form's (and the keys of ``counts``); the
    shape is the same in both languages. Reasons and suggestions are what
    people wrote, in their words.
    """
    data: dict[str, Any] = jsonable(summary, lang)
    data["damaged"] = damaged_data(summary.damaged, lang)   # the one shape every command gives them
    if lang == "zh":
        return data
    option = lambda name: summary.option(name).get(lang)
    questionnaire = catalogue.form("5-1").questionnaire
    groups = {g.section.zh: g.section.get(lang) for g in questionnaire.groups} if questionnaire else {}
    data.update(options=[option(o) for o in summary.options], agree_options=[option(o) for o in summary.agree_options],
                reason_option=option(summary.reason_option))
    for row, st in zip(data["statements"], summary.statements):
        row["group"] = groups.get(st.group, st.group)
        row["text"] = st.wording.get(lang) if st.wording is not None else st.text
        row["summary"]["counts"] = {option(k): n for k, n in st.summary.counts.items()}
    for row, question in zip(data["yes_no"], summary.yes_no):
        row["text"] = question.text_in(lang)
    return data


def district_data(board: analysis.DistrictDashboard, lang: str) -> dict[str, Any]:
    """The district dashboard: ranking, missing sheets, spreads and outliers, offsets, item shares, trimmed mean."""
    r = board.ranking
    return {
        "year": board.year, "district": board.district.name, "circle": board.district.circle,
        "street_weight": r.weights.street, "district_weight": r.weights.district, "trimmed_mean": r.trimmed_mean,
        "outlier_distance": board.outlier_distance, "offset_tolerance": board.offset_tolerance,
        "ranking": [{"rank": row.rank, "appointment_id": row.key, "unit": row.unit, "planner": row.planner,
                     "street_score": row.street_score, "district_score": row.district_score,
                     "street_weighted": row.street_weighted, "district_weighted": row.district_weighted,
                     "total": row.total, "band": band_text(row.band, lang),
                     "recommended": row.key in board.recommended} for row in r.rows],
        "waiting": board.waiting,
        "offices": [{"office": p.label, "expected": p.progress.expected, "final": p.progress.final,
                     "draft": p.progress.draft, "missing": p.progress.missing} for p in board.offices],
        "reviewers": [{"reviewer": p.label, "expected": p.progress.expected, "final": p.progress.final,
                       "draft": p.progress.draft, "missing": p.progress.missing} for p in board.reviewers],
        "spreads": [{"subject": s.label, "appointment_id": s.key, "reviewers": len(s.spread.totals),
                     "min": s.spread.min, "max": s.spread.max, "mean": s.spread.mean, "std": s.spread.std,
                     "outliers": [{"reviewer": s.reviewer(o.reviewer), "total": o.total,
                                   "others_mean": o.others_mean, "distance": o.distance}
                                  for o in s.spread.outliers]} for s in board.spreads],
        "offsets": [{"reviewer": o.reviewer.name, "reviewer_code": o.reviewer.code, "subjects": o.offset.subjects,
                     "offset": o.offset.offset, "leaning": o.offset.leaning, "outliers": o.offset.outliers}
                    for o in board.offsets],
        "items": {form_id: [{"item": i.item_id, "text": item_text(form_id, i.item_id, i.text, lang), "max": i.max, "mean": i.mean, "share": i.share,
                             "count": i.count} for i in items]
                  for form_id, items in (("3-1", board.street_items), ("3-2", board.group_items))},
        "trimmed_impact": {"changed": board.impact.changed, "trimmable": board.impact.trimmable,
                           "rows": [{"unit": c.unit, "planner": c.planner, "rank_mean": c.rank_mean,
                                     "rank_trimmed": c.rank_trimmed, "total_mean": c.total_mean,
                                     "total_trimmed": c.total_trimmed, "moved": c.moved}
                                    for c in board.impact.rows]},
        "damaged": damaged_data(board.damaged, lang),
    }


def city_data(board: analysis.CityDashboard, lang: str) -> dict[str, Any]:
    """The city dashboard: the districts' ranking (as ``zeshi rank --districts --json``) and the circles."""
    rule = board.contract_rule
    excluded = band_names("4-3", lang)
    bands = band_names("3-3", lang)
    return {"year": board.year, "excluded_band": excluded.get(board.excluded_band, board.excluded_band),
            "contract_question": rule.question.get(lang) if rule is not None else board.contract_question,
            "districts": [{"rank": r.rank, "district": r.district, "circle": r.circle,
                           "city_score": r.city_score, "self_score": r.self_score,
                           "contracts_signed": r.contracts_signed, "band": band_text(r.band, lang),
                           "eligible_excellent": r.eligible_excellent,
                           "blocked_by_contracts": r.blocked_by_contracts} for r in board.rows],
            "circles": [{**jsonable(c, lang), "bands": {bands.get(k, k): n for k, n in c.bands.items()}}
                        for c in board.circles],
            "damaged": damaged_data(board.damaged, lang)}
