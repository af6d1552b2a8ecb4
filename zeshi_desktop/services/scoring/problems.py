"""What stops a sheet from being finalised, in both languages: the one place of these rules.

``sheets.problems`` (the CLI's and the audit's Chinese) and ``sheets.problem_pairs``
(the app, in the user's language) both come from :func:`form_problems`; the English
side uses the form's ``Label.en`` and ``AnswerProblem.en``. This module also reads
5-1 answers as they are stored, which the rules need.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from zeshi_desktop.domain import questionnaire as qdomain
from zeshi_desktop.domain.forms import Form, Item


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


def questionnaire_answers(form: Form, answers: Mapping[str, str]) -> qdomain.Answers:
    """5-1 answers as stored (``choice:ID``, ``reason:ID``, ``yes_no:ID``, ``free_text``)."""
    q = form.questionnaire
    assert q is not None
    choices = {s.id: answers[f"choice:{s.id}"] for s in q.statements if answers.get(f"choice:{s.id}")}
    reasons = {s.id: answers[f"reason:{s.id}"] for s in q.statements if answers.get(f"reason:{s.id}")}
    yes_no = {y.id: answers[f"yes_no:{y.id}"] == "yes" for y in q.yes_no if answers.get(f"yes_no:{y.id}")}
    return qdomain.Answers(choices, reasons, yes_no, answers.get(f"free_text:{q.free_text.id}", ""))


def form_problems(form: Form, scores: Mapping[str, object], answers: Mapping[str, str]) -> list[Problem]:
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
        for p in qdomain.problems(form, questionnaire_answers(form, answers)):
            english = replace(p, text=labels[p.question_id]) if p.question_id in labels else p
            found.append(Problem(p.zh, english.en))
    return found
