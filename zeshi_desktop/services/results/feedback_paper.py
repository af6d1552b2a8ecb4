"""The feedback letter worded for paper.

``paper`` turns a ``FeedbackLetter`` into the ``printing.papers.PaperDoc`` the
renderer lays out, in the program's language: the wording from
``forms/results.toml``, the labels from the catalogue (``results.letter.*``),
the figures as the dashboards show them (``number_text``: up to two decimals,
from the exact values). What its code covers is ``contents.feedback_content``.
"""

from __future__ import annotations

from decimal import Decimal

from zeshi_desktop.messages import Message, number_text, text
from zeshi_desktop.printing.data import Stamp
from zeshi_desktop.printing.papers import PaperDoc, PaperSection, PaperTable
from zeshi_desktop.services.results.common import band_label, texts
from zeshi_desktop.services.results.contents import FEEDBACK
from zeshi_desktop.services.results.feedback import FeedbackLetter

DASH = "—"


def _n(value: Decimal | None) -> str:
    return DASH if value is None else number_text(value)


def _decision(letter: FeedbackLetter, lang: str) -> list[str]:
    out = []
    if letter.nominated:
        out.append(text("results.letter.nominated", lang))
        if letter.selected is not None:
            out.append(text("results.letter.selected" if letter.selected else "results.letter.not_selected", lang,
                            year=letter.year))
        else:
            out.append(text("results.letter.pending", lang))
    return out


def _results(letter: FeedbackLetter, lang: str) -> PaperTable:
    say = lambda key, /, **p: text(key, lang, **p)
    band = lambda b: say("results.letter.band", band=band_label(b, lang)) if b is not None else ""
    mean = say("results.letter.reviewers_trimmed" if letter.trimmed_mean else "results.letter.reviewers_mean",
               count=letter.reviewers)
    if letter.recusals:
        mean += say("results.letter.recused", count=letter.recusals)
    rank = (say("results.letter.rank_of", rank=letter.rank, ranked=letter.ranked) if letter.rank is not None
            else DASH)
    rows = [
        (say("results.letter.street_total"), _n(letter.street_score), band(letter.street_band)),
        (say("results.letter.group_final"), _n(letter.district_score), mean if letter.reviewers else ""),
        (say("results.letter.street_weighted", weight=number_text(letter.street_weight)),
         _n(letter.street_weighted), ""),
        (say("results.letter.group_weighted", weight=number_text(letter.district_weight)),
         _n(letter.district_weighted), ""),
        (say("results.letter.total"), _n(letter.total), band(letter.band)),
        (say("results.letter.rank"), rank, "" if letter.rank is not None else say("results.letter.not_ranked")),
    ]
    return PaperTable((say("results.letter.what"), say("results.letter.score"), say("results.letter.about")),
                      tuple(rows), (5, 1.6, 4), "LRL")


def _appointment(letter: FeedbackLetter, lang: str) -> tuple[tuple[str, str], ...]:
    """The term and the contract, a second heading line: 聘期 2024–2026（3 年，续聘） 聘用合同 已签订 服务费用 已支付."""
    say = lambda key, /, **p: text(key, lang, **p)
    term = say("results.letter.term_value", start=letter.term_start, end=letter.term_end, years=letter.term_years,
               kind=Message("results.letter.renewal" if letter.renewal else "results.letter.first_term"))
    return ((say("results.letter.term"), term),
            (say("results.letter.contract"), say("results.letter.signed" if letter.contract_signed
                                                  else "results.letter.unsigned")),
            (say("results.letter.fee"), say("results.letter.paid" if letter.fee_paid else "results.letter.unpaid")))


def _items(letter: FeedbackLetter, lang: str) -> PaperTable:
    say = lambda key: text(key, lang)
    rows = []
    for i in letter.items:
        diff = i.difference
        rows.append((i.text.get(lang), number_text(i.max), _n(i.mine), _n(i.district),
                     DASH if diff is None else ("+" if diff > 0 else "") + number_text(diff)))
    return PaperTable(tuple(say(f"results.letter.items.{c}") for c in ("item", "max", "mine", "district",
                                                                       "difference")),
                      tuple(rows), (8, 0.8, 1.3, 1.3, 1.1), "LRRRR")


def _remarks(letter: FeedbackLetter, lang: str) -> tuple[str, ...]:
    none = text("results.letter.remarks.none", lang)
    out = [text("results.letter.remarks.office", lang, office=letter.office, remarks=letter.office_remarks or none)]
    if letter.reviewer_remarks:
        out.append(text("results.letter.remarks.reviewers", lang, count=len(letter.reviewer_remarks)))
        out += [f"{n}. {remark}" for n, remark in enumerate(letter.reviewer_remarks, start=1)]
    else:
        out.append(text("results.letter.remarks.reviewers_none", lang))
    return tuple(out)


def _years(letter: FeedbackLetter, lang: str) -> PaperSection:
    heading = texts().feedback["section_years"].get(lang)
    if not letter.earlier:
        return PaperSection(heading, (text("results.letter.years.none", lang),))
    rows = []
    for e in letter.earlier:
        honour = ""
        if e.selected:
            honour = text("results.letter.years.selected", lang)
        elif e.nominated:
            honour = text("results.letter.years.nominated", lang)
        rank = text("results.letter.rank_of", lang, rank=e.rank, ranked=e.ranked) if e.rank is not None else DASH
        rows.append((str(e.year), e.district, e.unit, rank, _n(e.total), band_label(e.band, lang, DASH), honour))
    headers = tuple(text(f"results.letter.years.{c}", lang) for c in ("year", "district", "unit", "rank", "total",
                                                                       "band", "honour"))
    return PaperSection(heading, table=PaperTable(headers, tuple(rows), (1, 1.4, 2.2, 1.1, 1, 1, 1.5),
                                                  "CLLCRCC"))


def paper(letter: FeedbackLetter, lang: str, stamp: Stamp | None = None) -> PaperDoc:
    """The letter as printed in ``lang`` (``stamp``: its code, when final)."""
    words = texts().feedback
    fields = {"year": letter.year, "district": letter.district, "unit": letter.unit, "planner": letter.planner,
              "office": letter.office}
    say = lambda key, /, **p: text(key, lang, **p)
    sections = (
        PaperSection(words["section_results"].get(lang), table=_results(letter, lang),
                     after=tuple(_decision(letter, lang))),
        PaperSection(words["section_items"].get(lang), table=_items(letter, lang),
                     after=(say("results.letter.items.note"),)),
        PaperSection(words["section_remarks"].get(lang), _remarks(letter, lang)),
        _years(letter, lang),
    )
    heading = (((say("results.field.year"), str(letter.year)), (say("results.field.district"), letter.district),
                (say("results.field.unit"), letter.unit), (say("results.field.planner"), letter.planner)),
               _appointment(letter, lang))
    names = tuple((Message(f"results.where.{k}"), str(v)) for k, v in fields.items() if k != "year")
    names += tuple((Message("results.where.remarks"), r) for r in (letter.office_remarks, *letter.reviewer_remarks))
    return PaperDoc(
        lang, FEEDBACK, words["document"].get(lang), words["title"].fill(lang, **fields), heading,
        (words["to_planner"].fill(lang, **fields), words["to_hiring_body"].fill(lang, **fields)),
        words["opening"].fill(lang, **fields), sections, words["closing"].get(lang),
        tuple(words.signature_lines(lang, **fields)), letter.final, stamp,
        running=f"{letter.district} {letter.unit} {letter.planner}", names=names)
