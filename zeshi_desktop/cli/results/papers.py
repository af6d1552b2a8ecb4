"""``zeshi print feedback|excellent`` and ``zeshi report renewals``: the papers that carry the results.

The letters of a unit or district and the city's list print in ``--lang``
(reportlab and the font load only here, when printing); the renewal view is
written as .xlsx or .pdf.
"""

from __future__ import annotations

import argparse
import sys

from zeshi_desktop.messages import Message, text
from zeshi_desktop.services import lookup

from ..common import CommandError, emit, read, write, year_of
from ..files import output_path, writing

PAPERS = ("feedback", "excellent")   # what ``zeshi print`` prints beside the annexes


def print_paper(args: argparse.Namespace) -> int:
    """``zeshi print feedback|excellent``: the letters of a unit or district, or the city's list."""
    from zeshi_desktop.atomic_files import write_bytes_atomic
    from zeshi_desktop.services.results import (
        papers,  # reportlab and the font: only to print
    )

    if args.blank:
        raise CommandError("results.cli.no_blank", form=args.form)
    out = output_path(args.output)
    with read(args) as session:
        year = year_of(session, args)
        if args.form == "excellent":
            prepared = papers.prepare_honours(session, year, args.lang)
        else:
            district = lookup.district_id(session, args.district) if args.district else None
            if args.unit:
                app = lookup.appointment_id(session, year, args.unit, args.planner, args.district)
                prepared = papers.prepare_feedback(session, year, args.lang, appointment_ids=[app])
            elif district is not None:
                prepared = papers.prepare_feedback(session, year, args.lang, district_id=district)
            else:
                raise CommandError("results.cli.feedback_needs")
    job = papers.render(prepared, two_sided=args.two_sided)
    with writing(out) as path:
        write_bytes_atomic(path, job.pdf)
    with write(args, daily=False) as session:   # the codes, for `zeshi verify`: the only thing printing writes
        papers.record(session, prepared, job)
    refused = job.refused_lines(args.lang)
    drafts = Message("cli.print.drafts", count=job.drafts) if job.drafts else ""
    emit(args, {"file": str(out), "pages": job.pages, "documents": job.documents, "drafts": job.drafts,
                "codes": job.codes, "refused": refused},
         text=text("cli.print.written", args.lang, path=out, documents=job.documents, pages=job.pages,
                   drafts=drafts))
    for line in ([] if args.json else refused):
        print(line, file=sys.stderr)
    return 1 if refused else 0


def report_renewals(args: argparse.Namespace) -> None:
    """``zeshi report renewals --district D -o FILE.xlsx|.pdf``."""
    from zeshi_desktop.services.results import (
        renewal_report,  # openpyxl and reportlab: only to write
    )

    if not args.district:
        raise CommandError("cli.report.needs_district", kind=args.kind)
    out = output_path(args.output)
    with read(args) as session, writing(out):
        year = year_of(session, args)
        written = renewal_report.write_renewals(session, year, lookup.district_id(session, args.district), out,
                                                args.lang)
    emit(args, written, text=text("cli.report.written", args.lang, path=written.path, kind=written.kind))
