"""The meeting report's pages on fairness: every recusal with its reason, the short panels, the reviewer lens.

Appended to the district and the city report (``reports.write_*_report``):
the figures of :mod:`.lens`, worded for paper in the report's language. The
lens's pages say on their face that they are information for the panel and
not the official rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from zeshi_desktop.messages import Message, number_text, text
from zeshi_desktop.printing.reports import ReportSection, TableSpec, rows_as_text
from zeshi_desktop.services.meeting.dashboards import leaning_text
from zeshi_desktop.services.meeting.lens import FairnessBoard

DASH = "—"


def _signed(value: Decimal | None) -> str:
    return DASH if value is None else ("+" if value > 0 else "") + number_text(value)


def _moved(places: int | None) -> str:
    return f"{'↑' if places > 0 else '↓'}{abs(places)}" if places else ""


def fairness_sections(board: FairnessBoard, lang: str = "zh", first: int = 1) -> tuple[ReportSection, ...]:
    """Recusals, then the lens: reviewers, z-scores of every total, the what-if ranking beside the official one.

    ``first``: the number of the first of these sections, after the report's own.
    """
    say = lambda code, **p: text(code, lang, **p)
    numbers = iter(range(first, first + 4))
    head = lambda code, **p: say("fairness.report.numbered", number=Message(f"fairness.number.{next(numbers)}"),
                                 heading=say(code, **p))
    col = lambda name: say(f"fairness.column.{name}")
    found = board.recusals
    intro = say("fairness.report.recusals_text", count=len(found)) if found else say("fairness.report.no_recusals")
    warnings = [p.message.text(lang) for p in board.short_panels]
    if warnings:
        intro += "\n" + "\n".join(say("fairness.cli.warning", warning=w) for w in warnings)
    sections = [ReportSection(
        head("fairness.report.recusals", form=board.form_id), intro,
        table=TableSpec((col("reviewer"), col("organisation"), col("subject"), col("reason"), col("declared_by"),
                         say("fairness.report.declared_at")),
                        rows_as_text([(r.reviewer, r.organisation, r.subject, r.reason_text.text(lang),
                                       r.declared_by or DASH, r.declared_at.strftime("%Y-%m-%d")) for r in found]),
                        (1.1, 2.2, 2.6, 1.8, 1, 1.2)) if found else None)]
    lens = board.lens
    sections.append(ReportSection(
        head("fairness.report.lens"),
        say("fairness.lens.not_official") + "\n" + say("fairness.report.lens_text",
                                                       mean=number_text(lens.scale_mean) or DASH,
                                                       std=number_text(lens.scale_std) or DASH),
        table=TableSpec((col("reviewer"), col("subjects"), col("mean"), col("std"), col("offset"), col("leaning")),
                        rows_as_text([(board.reviewer(r.reviewer), r.subjects, number_text(r.mean),
                                       number_text(r.std), _signed(r.offset), leaning_text(r.leaning, lang))
                                      for r in lens.reviewers]),
                        (2, 1, 1, 1, 1, 1))))
    ordered = sorted(lens.reviewers, key=lambda r: board.reviewer(r.reviewer))
    if ordered:
        sections.append(ReportSection(
            head("fairness.report.z_scores"), say("fairness.report.z_text"),
            table=TableSpec((say("fairness.column.subject_plain"), *(board.reviewer(r.reviewer) for r in ordered)),
                            rows_as_text([(label, *(_z(r.z, key) for r in ordered))
                                          for key, label in board.subjects.items()]),
                            (3, *([1] * len(ordered))))))
    sections.append(ReportSection(
        head("fairness.report.what_if"), say("fairness.report.what_if_text", changed=lens.changed),
        table=TableSpec((say("fairness.column.subject_plain"), col("official_rank"), col("official_score"),
                         col("what_if_rank"), col("what_if_score"), col("moved")),
                        rows_as_text([(s.label, s.official_rank or DASH, number_text(s.official_score) or DASH,
                                       s.what_if_rank or DASH, number_text(s.what_if_score) or DASH,
                                       _moved(s.moved)) for s in lens.ranking]),
                        (3.4, 1, 1.1, 1, 1.2, 0.8),
                        tuple(i for i, s in enumerate(lens.ranking) if s.changed))))
    return tuple(sections)


def _z(z: Mapping[int, Decimal | None], key: int) -> str:
    if key not in z:
        return ""          # not scored by this reviewer (recused, or no finalised sheet)
    value = z[key]
    return DASH if value is None else _signed(value)
