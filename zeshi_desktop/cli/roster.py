"""``zeshi roster export|import``: the roster workbook documented in the README."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zeshi_desktop.messages import text
from zeshi_desktop.services.roster import workbook as roster_io

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


COMMANDS: dict[str, Configure] = {"roster": _roster}
