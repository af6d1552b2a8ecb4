"""What stops a sheet from being finalised: the one place of these rules.

Each problem is a :class:`Message` (``scoring.problem.*``, ``scoring.answer.*``)
naming the item or question by the form's own text, so the app, the command
line and the finalise refusal render the same problem in the user's
language. This module also reads 5-1 answers as they are stored, which the
rules need.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zeshi_desktop.domain import questionnaire as qdomain
from zeshi_desktop.domain.answers import NO, YES
from zeshi_desktop.domain.forms import Form, Label
from zeshi_desktop.domain.scores import item_name
from zeshi_desktop.messages import Message

Problem = Message
"""A problem is a message: ``problem.text(lang)`` is what the user reads, ``problem.code`` says which."""


@dataclass(frozen=True)
class ProblemList:
    """The first few problems as one message parameter, joined as each language joins clauses.

    A catalogue list joins with 、 or ", "; problems are clauses and have always
    been joined with ；, and cut with …… when there are more than ``shown``.
    """

    problems: tuple[Message, ...]
    shown: int = 5

    def text(self, lang: str) -> str:
        sep, more = ("; ", "…") if lang == "en" else ("；", "……")
        return (sep.join(p.text(lang) for p in self.problems[:self.shown])
                + (more if len(self.problems) > self.shown else ""))

    @property
    def zh(self) -> str:
        return self.text("zh")

    @property
    def en(self) -> str:
        return self.text("en")


def questionnaire_answers(form: Form, answers: Mapping[str, str]) -> qdomain.Answers:
    """5-1 answers as stored (``choice:ID``, ``reason:ID``, ``yes_no:ID``, ``free_text``)."""
    q = form.questionnaire
    assert q is not None
    choices = {s.id: answers[f"choice:{s.id}"] for s in q.statements if answers.get(f"choice:{s.id}")}
    reasons = {s.id: answers[f"reason:{s.id}"] for s in q.statements if answers.get(f"reason:{s.id}")}
    yes_no = {y.id: answers[f"yes_no:{y.id}"] == YES for y in q.yes_no if answers.get(f"yes_no:{y.id}")}
    return qdomain.Answers(choices, reasons, yes_no, answers.get(f"free_text:{q.free_text.id}", ""))


def form_problems(form: Form, scores: Mapping[str, object], answers: Mapping[str, str]) -> list[Problem]:
    """The problems of a sheet's content (scores by item id, answers by key), in form order."""
    found: list[Problem] = []
    if form.is_scored:
        found += [Message("scoring.problem.no_score", item=item_name(i)) for i in form.items if i.id not in scores]
        rule = form.contract_rule
        if rule and answers.get(rule.id) not in (YES, NO):
            question = Label(rule.question.zh.rstrip("：:"), rule.question.en.rstrip("：:"))
            found.append(Message("scoring.problem.unanswered", question=question))
    if form.questionnaire is not None:
        found += [p.message for p in qdomain.problems(form, questionnaire_answers(form, answers))]
    return found

