"""``zeshi print`` and ``zeshi verify``: signature-ready PDFs and checking a printed code.

reportlab and the CJK font (10 MB, registered when the renderer is imported)
load only when ``zeshi print`` prints: not for ``--help``, not for ``verify``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from zeshi_desktop.atomic_files import write_bytes_atomic
from zeshi_desktop.messages import Message, text
from zeshi_desktop.services import catalogue, lookup
from zeshi_desktop.services.printing import verification

from .common import YEAR_HELP, CommandError, emit, read, write, year_of
from .files import output_path, writing
from .parser import Configure

if TYPE_CHECKING:
    from zeshi_desktop.services.printing.jobs import Selection

FORMS = catalogue.ANNEXES + ("all", "feedback", "excellent")   # and the papers that carry the results


def _selection(session: Session, args: argparse.Namespace) -> Selection:
    from zeshi_desktop.services.printing.jobs import Selection

    year = year_of(session, args)
    district = lookup.district_id(session, args.district) if args.district else None
    unit = lookup.unit_id(session, args.unit, district) if args.unit else None
    planner = lookup.planner_id(session, args.planner) if args.planner else None
    reviewer = lookup.reviewer_id(session, year, args.reviewer) if args.reviewer else None
    return Selection(year, district, unit, planner, reviewer)


def _write_pdf(out: Path, data: bytes) -> None:
    with writing(out) as path:
        write_bytes_atomic(path, data)


def _print(args: argparse.Namespace) -> int:
    from zeshi_desktop.services.printing import (
        jobs as printing,  # reportlab and the font: only to print
    )

    if args.form in ("feedback", "excellent"):   # the feedback letters, the city's list (cli.results)
        from .results.papers import print_paper

        return print_paper(args)
    out = output_path(args.output)   # a mistyped folder is refused before anything is read or drawn
    if args.blank:
        if args.form == "all":
            raise CommandError("cli.print.blank_needs_form")
        job = printing.print_blank(args.form, args.year or 0)
        _write_pdf(out, job.pdf)
    else:
        with read(args) as session:  # render outside the write lock: another laptop user may be scoring
            sel = _selection(session, args)
            prepared = (printing.prepare_all(session, sel) if args.form == "all"
                        else printing.prepare_form(session, args.form, sel))
        job = printing.render(prepared, two_sided=args.two_sided)
        _write_pdf(out, job.pdf)
        # What a final sheet was printed with, once per code, so `zeshi verify` can check the paper later:
        # the only thing printing writes (no sheet, no score); not a change of the review, so no daily backup.
        with write(args, daily=False) as session:
            printing.record(session, prepared, job)
    refused = job.refused_lines(args.lang)
    report: dict[str, Any] = {"file": str(out), "pages": job.pages, "documents": job.documents,
                              "drafts": job.drafts, "codes": job.codes, "refused": refused}
    drafts = Message("cli.print.drafts", count=job.drafts) if job.drafts else ""
    emit(args, report, text=text("cli.print.written", args.lang, path=out, documents=job.documents, pages=job.pages,
                                 drafts=drafts))
    for line in ([] if args.json else refused):   # a batch printed what it could: the rest, one line each
        print(line, file=sys.stderr)
    return 1 if refused else 0


def _unlocked(result: verification.VerifyResult) -> Message | str:
    """The unlocked warning: the sheet, or every unlocked row of a 3-2 matrix (every sheet behind a 3-3)."""
    if not result.unlocked:
        return ""
    if result.form_id in ("3-2", "3-3", *verification.result_codes.KINDS):
        return result.unlocked_note()
    return Message("cli.verify.unlocked")


def verify_text(result: verification.VerifyResult, lang: str) -> str:
    """What ``zeshi verify`` says: the print matches, or what changed since (and what is unlocked now)."""
    where: dict[str, object] = {"code": result.code, "form": result.form_id, "sheet": result.sheet}
    said = "cli.verify"
    if result.form_id in verification.result_codes.KINDS:   # a letter or the city's list: named, not "附件…"
        said, where["form"] = "results.verify", verification.result_codes.document(result.form_id)
    state = _unlocked(result)
    if result.matches:
        return text(f"{said}.matches", lang, state=state, **where)
    if not result.details_known:
        lines = [text(f"{said}.changed_unknown", lang, **where)]
    else:
        empty = text("cli.verify.empty", lang)
        lines = [text(f"{said}.changed", lang, count=len(result.changes), **where)]
        lines += [text("cli.verify.change", lang, sheet=c.sheet, item=verification.label(result.form_id, c.key, lang),
                       old=c.old if c.old is not None else empty, new=c.new if c.new is not None else empty)
                  for c in result.changes]
    if isinstance(state, Message):
        lines.append(state.text(lang).strip())
    return "\n".join(lines)


def _verify(args: argparse.Namespace) -> int:
    """Exit 0: the paper matches; 1: the data changed since; 2 (a refusal): not a code, a mistyped code
    (its check character does not fit), or no sheet has it."""
    with read(args) as session:
        result = verification.verify(session, args.code)
    emit(args, result, text=verify_text(result, args.lang))
    return 0 if result.matches else 1


def _print_options(p: argparse.ArgumentParser) -> None:
    p.description = ("Print sheets to a PDF. A selection covering several sheets becomes one file, e.g. "
                     "zeshi print 3-1 --district DC -o DC-3-1.pdf. A sheet with a name neither font can print "
                     "is left out of a batch and named on stderr (exit code 1; the others are printed).")
    p.add_argument("form", choices=FORMS, help="annex, or 'all' for every annex of the selection; 'feedback': "
                   "the feedback letters of --unit or --district, 'excellent': the city's list (in --lang)")
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--district", help="district (code or name)")
    p.add_argument("--unit", help="unit (code or name)")
    p.add_argument("--planner", help="planner (code or name)")
    p.add_argument("--reviewer", help="reviewer (code or name)")
    p.add_argument("--blank", action="store_true", help="an empty form to hand out (no data)")
    p.add_argument("--two-sided", action="store_true",
                   help="pad every document to an even number of pages (a blank back) for two-sided printing")
    p.add_argument("-o", "--output", required=True, help="the PDF file to write")
    p.set_defaults(handler=_print)


def _verify_options(p: argparse.ArgumentParser) -> None:
    p.description = ("Check a printed sheet's verification code: exit code 0 when it matches the data, "
                     "1 when the data changed since (the changes listed), 2 when the code is not recognised "
                     "(a mistyped character: its check character does not fit) or on an error.")
    p.add_argument("code", help="the code printed under the QR code, e.g. ZS-138NK-RKQCS-DR15R")
    p.set_defaults(handler=_verify)


COMMANDS: dict[str, Configure] = {"print": _print_options, "verify": _verify_options}
