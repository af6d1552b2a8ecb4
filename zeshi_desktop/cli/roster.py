"""``zeshi roster export|import``: the roster workbook documented in the README."""

from __future__ import annotations

import argparse
from pathlib import Path

from zeshi_desktop.services.roster import workbook as roster_io

from .common import emit, read, write


def cmd_export(args: argparse.Namespace) -> None:
    with read(args) as session:
        counts = roster_io.export_roster(session, args.year, Path(args.file))
    emit(args, {"file": args.file, "year": args.year, "rows": counts},
         ["工作表", "行数"], [(sheet, n) for sheet, n in counts.items()])


def cmd_import(args: argparse.Namespace) -> None:
    with write(args) as session:
        report = roster_io.import_roster(session, args.year, Path(args.file), dry_run=args.dry_run)
    rows = [(sheet, c.added, c.changed, c.unchanged) for sheet, c in report.counts.items()]
    data = {"file": args.file, "year": report.year, "dry_run": report.dry_run, "written": report.written,
            "sheets": report.counts}
    emit(args, data, ["工作表", "新增", "更新", "未变"], rows)
    if args.dry_run and not args.json:
        print("（预览：未写入任何数据）")


def register(sub: argparse._SubParsersAction) -> None:
    roster = sub.add_parser("roster", help="the roster workbook (区, 责任单元, 责师, 团队成员, 聘任, 评审人)")
    rsub = roster.add_subparsers(dest="roster_command", metavar="ACTION")
    rsub.required = True
    p = rsub.add_parser("export", help="write the roster of a year to FILE.xlsx")
    p.add_argument("file")
    p.add_argument("--year", type=int, required=True)
    p.set_defaults(handler=cmd_export)
    p = rsub.add_parser("import", help="read FILE.xlsx into a year: codes matched, all or nothing")
    p.add_argument("file")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    p.set_defaults(handler=cmd_import)
