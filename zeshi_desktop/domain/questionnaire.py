"""5-1: one questionnaire per unit and planner team, checked and counted.

DOMAIN.md decision 7: every Likert row is required, a 不同意 needs a reason.
Results are summarised, never scored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from zeshi_desktop.messages import Message, Refused

from .forms import Form, Label, Questionnaire


@dataclass(frozen=True)
class Answers:
    """One team's answers for one unit."""

    choices: Mapping[str, str]                     # statement id -> option (Chinese)
    reasons: Mapping[str, str] = field(default_factory=dict)
    yes_no: Mapping[str, bool] = field(default_factory=dict)
    free_text: str = ""


@dataclass(frozen=True)
class AnswerProblem:
    """One row that stops the questionnaire: which, why, and the message naming it in either language."""

    question_id: str
    question: Label   # the statement or question as the form words it
    code: str  # missing | unknown_option | reason_required | yes_no_missing

    @property
    def message(self) -> Message:
        return Message(f"scoring.answer.{self.code}", question=self.question)


def _questionnaire(form: Form) -> Questionnaire:
    if form.questionnaire is None:
        raise Refused("scoring.answer.not_a_questionnaire", form=form.id)
    return form.questionnaire


def problems(form: Form, answers: Answers) -> list[AnswerProblem]:
    """Everything that stops this questionnaire from being finalised, in form order."""
    q = _questionnaire(form)
    options = {o.zh for o in q.options}
    found: list[AnswerProblem] = []
    for question in q.yes_no:
        if question.id not in answers.yes_no:
            found.append(AnswerProblem(question.id, question.text, "yes_no_missing"))
    for statement in q.statements:
        choice = answers.choices.get(statement.id)
        if not choice:
            found.append(AnswerProblem(statement.id, statement.text, "missing"))
        elif choice not in options:
            found.append(AnswerProblem(statement.id, statement.text, "unknown_option"))
        elif choice == q.reason_option and not answers.reasons.get(statement.id, "").strip():
            found.append(AnswerProblem(statement.id, statement.text, "reason_required"))
    return found


@dataclass(frozen=True)
class StatementSummary:
    statement_id: str
    counts: dict[str, int]   # option -> count, in the form's order
    answered: int
    agree_share: float | None  # for display only; counts are exact
    reasons: list[str]


def summarise(form: Form, all_answers: Iterable[Answers]) -> list[StatementSummary]:
    q = _questionnaire(form)
    listed = list(all_answers)
    out = []
    for statement in q.statements:
        counter: Counter[str] = Counter()
        reasons = []
        for answers in listed:
            choice = answers.choices.get(statement.id)
            if choice:
                counter[choice] += 1
                if choice == q.reason_option and answers.reasons.get(statement.id, "").strip():
                    reasons.append(answers.reasons[statement.id].strip())
        answered = sum(counter.values())
        agree = sum(counter[o] for o in q.agree_options)
        out.append(StatementSummary(
            statement.id, {o.zh: counter[o.zh] for o in q.options}, answered,
            agree / answered if answered else None, reasons))
    return out


def yes_no_counts(form: Form, all_answers: Iterable[Answers]) -> dict[str, tuple[int, int]]:
    q = _questionnaire(form)
    listed = list(all_answers)
    return {question.id: (sum(1 for a in listed if a.yes_no.get(question.id) is True),
                          sum(1 for a in listed if a.yes_no.get(question.id) is False))
            for question in q.yes_no}
