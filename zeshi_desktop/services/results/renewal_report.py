"""``zeshi report renewals``: the renewal view of a district as Excel or PDF, in the program's language.

Worded here once for both files (and the app's table): the term as
2024–2026（3 年）, first term or renewal, contract and payment, each year of the
term as "排名 2/12 · 85.33 · 优秀", the flags, and the hiring body's note. The
title and the first line say what the view is: a reference, never a decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from zeshi_desktop.atomic_files import write_bytes_atomic
from zeshi_desktop.domain.results.renewal import FLAGS
from zeshi_desktop.domain.rules import term_span
from zeshi_desktop.messages import number_text, text
from zeshi_desktop.packages.renewal_workbook import TableBook, write_table_book
from zeshi_desktop.printing.reports import (
    Report,
    ReportSection,
    TableSpec,
    render_report,
)
from zeshi_desktop.services.meeting.result_file import Written, _suffix
from zeshi_desktop.services.results.renewals import (
    RenewalRow,
    RenewalView,
    TermYear,
    renewal_view,
)

COLUMNS = ("unit", "planner", "term", "kind", "contract", "fee", "results", "this_total", "flags", "note")
WIDTHS = {"zh": (1.5, 2.2, 1.3, 0.8, 0.8, 1.6, 3.0, 0.8, 1.5, 2.5),
          "en": (1.4, 2.1, 1.3, 1, 0.9, 1.6, 3.1, 0.9, 1.6, 2.3)}
XLSX_WIDTHS = (16, 26, 16, 8, 10, 14, 40, 10, 22, 36)


def term_text(row: RenewalRow, lang: str) -> str:
    """The term written as everywhere else (``rules.term_span``: "2024–2026", a single year "2025"), with its length."""
    return text("results.renewal.term", lang, span=term_span(row.term.start, row.term.years), years=row.term.years)


def year_text(result: TermYear, lang: str) -> str:
    """One year of the term: 2024：2/12 · 85.33 · 优秀 (or no record, not ranked)."""
    if not result.held:
        return text("results.renewal.no_record", lang, year=result.year)
    if result.rank is None or result.total is None:
        return text("results.renewal.not_ranked", lang, year=result.year)
    return text("results.renewal.result", lang, year=result.year,
                rank=text("results.letter.rank_of", lang, rank=result.rank, ranked=result.ranked),
                total=number_text(result.total), band=result.band.label.get(lang) if result.band else "")


def flag_text(flags: tuple[str, ...], lang: str) -> str:
    return text("results.renewal.separator", lang).join(text(f"results.renewal.flag.{f}", lang) for f in flags)


def cells(row: RenewalRow, lang: str) -> dict[str, str]:
    """One appointment's row, worded in ``lang`` (the app's table, the Excel file and the PDF share it)."""
    say = lambda key, /, **p: text(key, lang, **p)
    now = row.this_year
    fee = say("results.letter.paid" if row.fee_paid else "results.letter.unpaid")
    if row.fee_amount:
        fee += say("results.renewal.fee_amount", amount=row.fee_amount)
    return {"unit": row.unit, "planner": row.planner, "term": term_text(row, lang),
            "kind": say("results.letter.renewal" if row.term.renewal else "results.letter.first_term"),
            "contract": say("results.letter.signed" if row.contract_signed else "results.letter.unsigned"),
            "fee": fee, "results": "\n".join(year_text(r, lang) for r in row.results),
            "this_total": number_text(now.total) if now is not None and now.total is not None else "—",
            "flags": flag_text(row.flags, lang), "note": row.note}


def headings(lang: str) -> tuple[str, ...]:
    return tuple(text(f"results.renewal.column.{c}", lang) for c in COLUMNS)


def title(view: RenewalView, lang: str) -> str:
    return text("results.renewal.title", lang, district=view.district.name, year=view.year)


def summary(view: RenewalView, lang: str) -> str:
    return text("results.renewal.counts", lang, count=len(view.rows), ending=view.flagged(FLAGS[0]),
                failing=view.flagged(FLAGS[1]), below=view.flagged(FLAGS[2]))


@dataclass(frozen=True)
class _Table:
    headers: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    flagged: tuple[int, ...]


def _table(view: RenewalView, lang: str) -> _Table:
    return _Table(headings(lang), tuple(cells(r, lang) for r in view.rows),
                  tuple(i for i, r in enumerate(view.rows) if r.flags))


def write_renewals(session: Session, year: int, district_id: int, path: Path, lang: str = "zh") -> Written:
    """The district's renewal view to ``path``: .xlsx or .pdf."""
    suffix = _suffix(path, (".xlsx", ".pdf"))
    view = renewal_view(session, year, district_id)
    table = _table(view, lang)
    reference = text("results.renewal.reference", lang)
    if suffix == ".xlsx":
        rows = []
        for r, c in zip(view.rows, table.rows):
            now = r.this_year
            rows.append(tuple(Decimal(number_text(now.total)) if key == "this_total" and now is not None
                              and now.total is not None else c[key] for key in COLUMNS))
        write_table_book(TableBook(text("results.renewal.sheet", lang), title(view, lang),
                                   (reference, summary(view, lang)), table.headers, tuple(rows), XLSX_WIDTHS,
                                   table.flagged), Path(path))
        return Written(Path(path), "xlsx", len(view.rows))
    section = ReportSection(text("results.renewal.section", lang), reference,
                            table=TableSpec(table.headers, tuple(tuple(c[k] for k in COLUMNS) for c in table.rows),
                                            WIDTHS.get(lang, WIDTHS["zh"]), table.flagged))
    report = Report(title(view, lang), text("results.renewal.subtitle", lang, year=year), (section,),
                    orientation="landscape", footer=title(view, lang), lines=(summary(view, lang),), lang=lang)
    write_bytes_atomic(Path(path), render_report(report))
    return Written(Path(path), "pdf", len(view.rows))
