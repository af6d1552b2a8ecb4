"""What stops a sheet from being finalised, in both languages.

``sheets.problems`` returns Chinese only (the CLI's and the audit's
language); the app shows refusals in the user's language, so this module
gives each problem as a ``(zh, en)`` pair, built from the same rules: the
Chinese side is exactly ``sheets.problems``' text, the English side uses the
form's ``Label.en`` and ``AnswerProblem.en``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from zeshi_desktop.domain import questionnaire as qdomain
from zeshi_desktop.domain.forms import Form, Item

from . import catalogue, sheets


@dataclass(frozen=True)
class Problem:
    zh: str
    en: str

    def get(self, lang: str = "zh") -> str:
        return self.en if lang == "en" and self.en else self.zh


def _short_en(item: Item) -> str:
    """The English counterpart of ``Item.short``: the item's first phrase."""
    text = item.text.en or item.text.zh
    for stop in ",;.(":
        cut = text.find(stop)
        if 0 < cut:
            text = text[:cut].rstrip()
    if len(text) > 60:   # whole words, as a reader would shorten it
        text = text[:60].rsplit(" ", 1)[0] + "…"
    return text


def _questionnaire_labels(form: Form) -> dict[str, str]:
    q = form.questionnaire
    if q is None:
        return {}
    labels = {s.id: s.text.en for s in q.statements}
    labels.update({y.id: y.text.en for y in q.yes_no})
    return {k: v for k, v in labels.items() if v}


def form_problems(form: Form, scores: dict[str, object], answers: dict[str, str]) -> list[Problem]:
    """The problems of a sheet's content (scores by item id, answers by key), in form order."""
    found: list[Problem] = []
    if form.is_scored:
        found += [Problem(f"“{i.short}”尚未评分", f"“{_short_en(i)}” has no score")
                  for i in form.items if i.id not in scores]
        rule = form.contract_rule
        if rule and answers.get(rule.id) not in ("yes", "no"):
            found.append(Problem(f"请回答：{rule.question.zh.rstrip('：:')}",
                                 f"Please answer: {(rule.question.en or rule.question.zh).rstrip('：:')}"))
    if form.questionnaire is not None:
        labels = _questionnaire_labels(form)
        for p in qdomain.problems(form, sheets.questionnaire_answers(form, answers)):
            english = replace(p, text=labels[p.question_id]) if p.question_id in labels else p
            found.append(Problem(p.zh, english.en))
    return found


def problems(session: Session, sheet_id: int) -> list[Problem]:
    """What stops this sheet from being finalised (empty when it can be), as ``(zh, en)`` pairs."""
    v = sheets.view(session, sheet_id)
    return form_problems(catalogue.form(v.form_id), dict(v.scores), dict(v.answers))
