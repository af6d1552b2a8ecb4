"""What stops a sheet from being finalised: the one place of these rules.

Each problem is a :class:`Message` (``scoring.problem.*``, ``scoring.answer.*``)
naming the item or question by the form's own text, so the app, the command
line and the finalise refusal render the same problem in the user's
language. This module also reads 5-1 answers as they are stored, which the
rules need.

Warnings (``scoring.warning.*``) do not stop finalising: a 4-1 text outside
the length its outline asks for is shown before finalising, and finalised
if the person wants it so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from zeshi_desktop.domain import questionnaire as qdomain
from zeshi_desktop.domain.answers import NO, YES
from zeshi_desktop.domain.forms import Form, Label, char_count
from zeshi_desktop.domain.scores import item_name
from zeshi_desktop.messages import Message

Problem = Message
"""A problem is a message: ``problem.text(lang)`` is what the user reads, ``problem.code`` says which."""

_CASE_KEY = re.compile(r"(?:text|title):(?P<section>[^#]+)#(?P<n>\d+)")


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



def form_warnings(form: Form, answers: Mapping[str, str]) -> list[Message]:
    """What is worth a second look before finalising, but does not stop it: 4-1 texts outside their length.

    A section (or each case of a repeatable one) whose text is longer than its
    ``max_chars`` or shorter than its ``min_chars``; an empty section without a
    minimum is not warned about (it may have nothing to say).
    """
    found: list[Message] = []
    for section in form.outline:
        if section.max_chars is None and section.min_chars is None:
            continue
        texts: list[tuple[object, str]] = []
        if section.repeatable:
            cases = sorted({int(m["n"]) for k in answers
                            if (m := _CASE_KEY.fullmatch(k)) and m["section"] == section.id})
            texts += [(Message("scoring.warning.case", section=section.heading, number=n),
                       answers.get(f"text:{section.id}#{n}", "")) for n in cases]
        else:
            texts.append((section.heading, answers.get(f"text:{section.id}", "")))
        for name, value in texts:
            outside = section.outside(value)
            if outside == "long":
                found.append(Message("scoring.warning.too_long", section=name, count=char_count(value),
                                     limit=section.max_chars))
            elif outside == "short" and (section.repeatable or value.strip()):
                found.append(Message("scoring.warning.too_short", section=name, count=char_count(value),
                                     limit=section.min_chars))
    return found
