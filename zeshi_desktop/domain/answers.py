"""Which answers a form takes and which values each takes: the one rule for a sheet's non-numeric content.

Answers are stored as text under a key. What a key may be comes from the
form definition, the same keys the app's views, the packages and the prints use:

- ``header:<field>``: a header field (3-1's office, 3-2's and 4-2's organisation), any text;
- ``<contract_rule.id>``: 4-2's contract question, ``yes`` or ``no``;
- 5-1: ``unit:district`` and ``unit:name`` (any text), ``yes_no:<question>`` (``yes``/``no``),
  ``choice:<statement>`` (one of the options, stored as the form prints it), ``reason:<statement>``
  and ``free_text:<question>`` (any text);
- 4-1: ``text:<section>`` for a section that takes text, ``title:<section>#N`` and
  ``text:<section>#N`` (N = 1, 2, …) for a repeatable one (the cases).

A value is read as people type it (是/否, yes/no, true/false, on/off for a
yes/no question; an option in either language) and stored in one canonical
form; what cannot be read is refused naming the question and what it takes.
The same rules tell a stored value that is not an answer of its form
(:func:`stored_problem`): damaged data, never shown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from zeshi_desktop.messages import LANGUAGES, Message, Refused, render, text

from .forms import Form, Label

Kind = Literal["text", "yes_no", "choice"]
YES, NO = "yes", "no"   # how a yes/no answer is stored
CASE_NUMBER = "N"       # how the list of keys names a repeatable section's number
_REPEATED = re.compile(r"(title|text):(?P<section>[^#]+)#(?P<n>[1-9][0-9]{0,3})")


@dataclass(frozen=True)
class Question:
    """One key a form's sheet may hold: how a message names it, and what values it takes."""

    key: str
    label: Label
    kind: Kind = "text"
    options: tuple[Label, ...] = ()   # a choice's options; the Chinese is what is stored
    yes: str = ""                     # a yes/no question's own words, as the form prints them
    no: str = ""


class AnswerRefused(Refused):
    """An answer a form does not take: an unknown key, or a value that is not one the question allows."""


def _question_label(label: Label) -> Label:
    return Label(label.zh.rstrip("：:"), label.en.rstrip("：:"))


def questions(form: Form) -> dict[str, Question]:
    """Every fixed key of ``form`` (repeatable sections' keys are matched by :func:`question`), in form order."""
    found: list[Question] = [Question(f"header:{h.id}", _question_label(h.label)) for h in form.header_fields]
    rule = form.contract_rule
    if rule is not None:
        found.append(Question(rule.id, _question_label(rule.question), "yes_no", yes=rule.yes, no=rule.no))
    q = form.questionnaire
    if q is not None:
        unit = _question_label(q.unit_question.text)
        found += [Question("unit:district", unit), Question("unit:name", unit)]
        found += [Question(f"yes_no:{y.id}", y.text, "yes_no", yes=y.yes, no=y.no) for y in q.yes_no]
        for s in q.statements:
            found += [Question(f"choice:{s.id}", s.text, "choice", q.options),
                      Question(f"reason:{s.id}", s.text)]
        found.append(Question(f"free_text:{q.free_text.id}", q.free_text.text))
    for section in form.outline:
        if section.heading_only or section.appendix or section.repeatable:
            continue
        found.append(Question(f"text:{section.id}", section.title))
    return {question.key: question for question in found}


_FIXED: dict[int, tuple[Form, dict[str, Question]]] = {}   # id(form) → (form, its questions): forms live long


def _fixed_questions(form: Form) -> dict[str, Question]:
    """:func:`questions` once per form object (an export or a check asks for thousands of stored answers)."""
    kept = _FIXED.get(id(form))
    if kept is None or kept[0] is not form:
        if len(_FIXED) >= 64:   # forms made on the fly (tests, a form file being edited): never many kept
            _FIXED.clear()
        kept = _FIXED[id(form)] = (form, questions(form))
    return kept[1]


def question(form: Form, key: str) -> Question | None:
    """The question ``key`` stands for on ``form``, or None when the form has no such question."""
    fixed = _fixed_questions(form).get(key)
    if fixed is not None:
        return fixed
    m = _REPEATED.fullmatch(key)
    if m is None:
        return None
    for section in form.outline:
        if section.repeatable and section.id == m["section"]:
            n = m["n"]
            return Question(key, Label(f"{section.title.zh} {n}", f"{section.title.en or section.title.zh} {n}"))
    return None


def key_list(form: Form) -> list[str]:
    """The keys a form takes, as a refusal lists them (a repeatable section's number written ``N``)."""
    keys = list(questions(form))
    for section in form.outline:
        if section.repeatable and not section.heading_only:
            keys += [f"title:{section.id}#{CASE_NUMBER}", f"text:{section.id}#{CASE_NUMBER}"]
    return keys


def _word(raw: str) -> str:
    return unicodedata.normalize("NFKC", raw).strip().casefold()


@lru_cache(maxsize=2)
def yes_no_words(value: bool) -> tuple[str, ...]:
    """The words read as yes (or no) everywhere: 是/否 and yes/no (the catalogue's own), true/false, on/off."""
    own = [text("common.yes" if value else "common.no", lang) for lang in LANGUAGES]
    return tuple(dict.fromkeys([*own, *(("true", "on") if value else ("false", "off"))]))


def _yes_no_allowed(q: Question) -> Label:
    """The words a yes/no refusal lists: the form's own and the catalogue's in Chinese, the English ones in English."""
    pairs = [(q.yes, q.no), *zip(yes_no_words(True), yes_no_words(False), strict=False)]
    zh = list(dict.fromkeys(w for pair in pairs for w in pair if w))
    en = [w for w in zh if w.isascii()]
    return Label(render(zh, "zh"), render(en, "en"))


def read_yes_no(q: Question, raw: str) -> str | None:
    """``yes`` or ``no`` for what was typed, or None when it is neither."""
    word = _word(raw)
    for value, stored in ((True, YES), (False, NO)):
        own = q.yes if value else q.no
        if word in {_word(w) for w in (*yes_no_words(value), own) if w}:
            return stored
    return None


def read_choice(q: Question, raw: str) -> str | None:
    """The option (as stored: the form's Chinese) that was typed in either language, or None."""
    word = _word(raw)
    for option in q.options:
        if word in {_word(option.zh), _word(option.en or option.zh)}:
            return option.zh
    return None


def read_answer(form: Form, key: str, raw: str | None) -> str | None:
    """The value to store for ``key`` (None removes it), or ``AnswerRefused`` naming the question and why.

    A blank yes/no or choice is no answer: it removes the stored one, as the
    app's views do when a row is cleared.
    """
    q = question(form, key)
    if q is None:
        raise AnswerRefused("scoring.answer.unknown_key", form=form.id, key=key, keys=key_list(form))
    if raw is None or q.kind == "text":
        return raw
    if not _word(raw):
        return None
    if q.kind == "yes_no":
        value = read_yes_no(q, raw)
        if value is None:
            raise AnswerRefused("scoring.answer.not_yes_no", question=q.label, value=raw.strip(),
                                allowed=_yes_no_allowed(q))
        return value
    value = read_choice(q, raw)
    if value is None:
        raise AnswerRefused("scoring.answer.not_an_option", question=q.label, value=raw.strip(),
                            options=list(q.options))
    return value


def stored_problem(form: Form, key: str, value: str) -> Message | None:
    """Why a stored answer is not an answer of its form (unknown key, a value no question takes), or None."""
    q = question(form, key)
    if q is None:
        return Message("scoring.damaged.answer_key", form=form.id, key=key)
    if q.kind == "yes_no" and value not in (YES, NO):
        return Message("scoring.damaged.answer_value", question=q.label, value=value)
    if q.kind == "choice" and value not in {o.zh for o in q.options}:
        return Message("scoring.damaged.answer_value", question=q.label, value=value)
    return None
