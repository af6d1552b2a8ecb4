"""``zeshi roster export|import|new-year``: the roster workbook documented in the README, and a new year."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zeshi_desktop.messages import Message, text
from zeshi_desktop.services.roster import new_year
from zeshi_desktop.services.roster import workbook as roster_io
from zeshi_desktop.services.scoring.backups import backup_before

from .common import emit, heads, read, sheet_name, write
from .files import writing
from .options import global_options
from .parser import Configure


def cmd_export(args: argparse.Namespace) -> None:
    with read(args) as session, writing(args.file) as path:
        counts = roster_io.export_roster(session, args.year, path)
    emit(args, {"file": args.file, "year": args.year, "rows": counts},
         heads(args.lang, "worksheet", "rows"), [(sheet_name(sheet, args.lang), n) for sheet, n in counts.items()])


def cmd_import(args: argparse.Namespace) -> None:
    with (read(args) if args.dry_run else write(args)) as session:   # a preview writes nothing
        report = roster_io.import_roster(session, args.year, Path(args.file), dry_run=args.dry_run)
    rows = [(sheet_name(sheet, args.lang), c.added, c.changed, c.unchanged) for sheet, c in report.counts.items()]
    warnings = [p.message(args.lang) for p in report.warnings]   # names that will not print: imported all the same
    data = {"file": args.file, "year": report.year, "dry_run": report.dry_run, "written": report.written,
            "sheets": report.counts, "warnings": warnings}
    emit(args, data, heads(args.lang, "worksheet", "added", "changed", "unchanged"), rows)
    for line in ([] if args.json else warnings):
        print(line, file=sys.stderr)
    if args.dry_run and not args.json:
        print(text("cli.dry_run", args.lang))


def cmd_new_year(args: argparse.Namespace) -> None:
    """Start ``--to`` from the roster of ``--from`` (``services.roster.new_year``); a backup first, as in the app."""
    with (read(args) if args.dry_run else write(args)) as session:
        if not args.dry_run:
            backup_before(session, "new-year")
        report = new_year.start_year(session, args.source, args.to, renew_ended=args.renew_ended,
                                     renewal_years=args.renewal_years, reviewers=not args.no_reviewers,
                                     weights=not args.no_weights, dry_run=args.dry_run)
    summary = Message("roster.new_year.summary", from_year=report.from_year, to_year=report.to_year,
                      carried=report.carried, renewed=report.renewed, reviewers=report.reviewers,
                      weights=report.weights)
    left = [m.text(args.lang) for m in report.ended]
    emit(args, {"from_year": report.from_year, "year": report.to_year, "dry_run": report.dry_run,
                "carried": report.carried, "renewed": report.renewed, "reviewers": report.reviewers,
                "weights": report.weights, "left_out": left},
         text="\n".join([summary.text(args.lang), *left]))
    if args.dry_run and not args.json:
        print(text("cli.dry_run", args.lang))


def _roster(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="roster_command", metavar="ACTION", required=True, help="export or import")
    e = actions.add_parser("export", help="write the roster of a year to FILE.xlsx", parents=[global_options()])
    e.add_argument("file", help="the workbook to write (FILE.xlsx)")
    e.add_argument("--year", type=int, required=True, help="the review year to write")
    e.set_defaults(handler=cmd_export)
    i = actions.add_parser("import", help="read FILE.xlsx into a year: codes matched, all or nothing",
                           parents=[global_options()])
    i.add_argument("file", help="the roster workbook to read (FILE.xlsx)")
    i.add_argument("--year", type=int, required=True, help="the review year to fill")
    i.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    i.set_defaults(handler=cmd_import)
    n = actions.add_parser("new-year", help="start a year from the roster of an earlier one (no scores carried)",
                           parents=[global_options()])
    n.add_argument("--from", dest="source", type=int, required=True, help="the year whose roster is carried")
    n.add_argument("--to", type=int, required=True, help="the new year (still empty)")
    n.add_argument("--renew-ended", action="store_true",
                   help="carry appointments whose term ended as renewals (else they are listed and left out)")
    n.add_argument("--renewal-years", type=int, default=1, choices=new_year.RENEWAL_YEARS,
                   help="length of such a renewal (1 to 3 years)")
    n.add_argument("--no-reviewers", action="store_true", help="do not carry the review groups")
    n.add_argument("--no-weights", action="store_true", help="do not carry the 3-3 weights")
    n.add_argument("--dry-run", action="store_true", help="say what would be carried, write nothing")
    n.set_defaults(handler=cmd_new_year)


COMMANDS: dict[str, Configure] = {"roster": _roster}
