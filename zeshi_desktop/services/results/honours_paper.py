"""The city's list of 市级优秀责任规划师 worded for paper, in the program's language."""

from __future__ import annotations

from zeshi_desktop.messages import Message, number_text, text
from zeshi_desktop.printing.data import Stamp
from zeshi_desktop.printing.papers import PaperDoc, PaperSection, PaperTable
from zeshi_desktop.services.results.common import texts
from zeshi_desktop.services.results.contents import HONOURS
from zeshi_desktop.services.results.honours import HonoursList

DASH = "—"


def paper(found: HonoursList, lang: str, stamp: Stamp | None = None) -> PaperDoc:
    """The list as printed in ``lang`` (``stamp``: its code, when final)."""
    words = texts().honours
    say = lambda key, /, **p: text(key, lang, **p)
    headers = tuple(say(f"results.honours.{c}") for c in ("number", "district", "unit", "planner", "rank", "total",
                                                          "reason"))
    rows = tuple((str(i), n.district, n.unit, n.planner,
                  say("results.letter.rank_of", rank=n.rank, ranked=n.ranked) if n.rank is not None else DASH,
                  DASH if n.total is None else number_text(n.total), n.reason)
                 for i, n in enumerate(found.rows, start=1))
    if rows:
        section = PaperSection(say("results.honours.section"), table=PaperTable(
            headers, rows, (0.6, 1.1, 1.8, 2.9, 1.0, 0.9, 3.2), "CLLLCRL"), after=(words["note"].get(lang),))
    else:
        section = PaperSection(say("results.honours.section"), (say("results.honours.none"),))
    pending = (say("results.honours.pending", count=found.pending),) if found.pending else ()
    names: list[tuple[Message | str, str]] = []
    for n in found.rows:
        names += [(Message("results.where.unit"), n.unit), (Message("results.where.planner"), n.planner),
                  (Message("results.where.reason"), n.reason), (Message("results.where.district"), n.district)]
    return PaperDoc(lang, HONOURS, words["document"].get(lang), words["title"].fill(lang, year=found.year),
                    (((say("results.field.year"), str(found.year)),),), (),
                    words["opening"].fill(lang, year=found.year, count=len(found.rows)),
                    (section, *([PaperSection(say("results.honours.note_pending"), pending)] if pending else [])),
                    "", tuple(words.signature_lines(lang, year=found.year)), found.final, stamp,
                    running=words["title"].fill(lang, year=found.year), names=tuple(names))
