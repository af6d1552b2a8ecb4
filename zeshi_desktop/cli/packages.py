"""``zeshi export`` / ``zeshi template`` / ``zeshi import`` / ``zeshi key``: the Excel hand-over."""

from __future__ import annotations

import argparse
from pathlib import Path

from zeshi_desktop.messages import Message, render, text
from zeshi_desktop.services.handover import packages

from .common import YEAR_HELP, emit, heads, jsonable, read, sheet_name, write, year_of
from .files import writing
from .options import hidden_alias
from .parser import Configure

ACTIONS = ("added", "changed", "conflict", "unchanged")
SIGNER_NAME_HELP = "this installation's name as receivers see it (remembered)"


def _export(args: argparse.Namespace, template: bool) -> None:
    with read(args) as session, writing(args.output) as path:
        result = packages.export_package(session, args.kind, year_of(session, args), path,
                                         units=args.unit or (), district=args.district, reviewer=args.reviewer,
                                         template=template, signer_name=args.signer_name)
    data = {"file": str(result.path), "kind": result.kind, "package_id": result.package_id,
            "template": result.template, "rows": result.sheets, "signer": result.signer,
            "fingerprint": result.fingerprint}
    emit(args, data, heads(args.lang, "worksheet", "rows"),
         [(sheet_name(name, args.lang), rows) for name, rows in result.sheets.items()])
    if not args.json:
        print(text("cli.export.written", args.lang, path=result.path, package=result.package_id,
                   signer=result.signer, fingerprint=result.fingerprint))


def cmd_export(args: argparse.Namespace) -> None:
    _export(args, template=False)


def cmd_template(args: argparse.Namespace) -> None:
    _export(args, template=True)


def _keep(args: argparse.Namespace) -> tuple[str | None, dict[str, str]]:
    keep_all, per_sheet = None, {}
    for value in args.keep or []:
        if "=" in value:
            key, _, side = value.rpartition("=")
            per_sheet[key] = side
        else:
            keep_all = value
    return keep_all, per_sheet


def _report_text(args: argparse.Namespace, report: packages.ImportReport) -> None:
    lang = args.lang
    kind = packages.KINDS.get(report.kind)
    print(text("cli.import.package", lang, kind=kind if kind is not None else report.kind, year=report.year,
               origin=report.origin.get("installation", "")))
    s = report.signer
    known_as = Message("cli.import.known_as", name=s.known_as) if s.known_as else ""
    print(text("cli.import.signer", lang, status=Message(f"cli.signer.{s.status}"), name=s.name,
               fingerprint=s.fingerprint, known_as=known_as))
    for w in report.warnings:
        print(text("cli.import.warning", lang, warning=w))
    rows = [(text(f"cli.import.action.{c.action}", lang), c.key, c.label, c.keep,
             "; ".join(render(d, lang) for d in c.details)[:60]) for c in report.sheets if c.action != "unchanged"]
    if rows:
        emit(args, None, heads(lang, "result", "sheet_key", "subject", "keep", "changes"), rows)
    counts = ", ".join(f"{text(f'cli.import.action.{a}', lang)} {report.count(a)}" for a in ACTIONS)
    print(text("cli.import.counts", lang, counts=counts))
    if report.dry_run:
        print(text("cli.dry_run", lang))


def cmd_import(args: argparse.Namespace) -> None:
    keep_all, per_sheet = _keep(args)
    session_of = read if args.dry_run else write
    with session_of(args) as session:
        report = packages.import_package(session, Path(args.file), dry_run=args.dry_run, keep_all=keep_all,
                                         keep=per_sheet, accept_edited=args.accept_edited, year=args.year,
                                         actor=args.actor, reason=args.reason or "")
    if args.json:
        emit(args, packages.report_dict(report, args.lang))
    else:
        _report_text(args, report)


def cmd_key(args: argparse.Namespace) -> None:
    me = packages.identity(args.signer_name)
    emit(args, jsonable(me, args.lang), text=f"{me.name}  {me.fingerprint}")


def _exporting(handler: object) -> Configure:
    def setup(p: argparse.ArgumentParser) -> None:
        kinds = ", ".join(f"{k} ({v.en})" for k, v in packages.KINDS.items())
        p.description = f"KIND: {kinds}"
        p.add_argument("kind", choices=list(packages.KINDS), metavar="KIND", help="which hand-over (listed above)")
        p.add_argument("-o", "--output", required=True, help="the package to write (FILE.xlsx)")
        p.add_argument("--year", type=int, help=YEAR_HELP)
        p.add_argument("--unit", action="append", help="unit code or name (street kinds; repeat for several)")
        p.add_argument("--district", help="district code or name (district-city, city-district)")
        p.add_argument("--reviewer", help="reviewer code or name (reviewer kinds)")
        p.add_argument("--signer-name", help=SIGNER_NAME_HELP)
        p.set_defaults(handler=handler)
    return setup


def _import(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="the package or filled-in template to read (FILE.xlsx)")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument("--keep", action="append", metavar="mine|theirs|SHEET:SUBJECT=mine|theirs",
                   help="resolve conflicts: for all, or per sheet (repeatable); recorded in the audit log")
    p.add_argument("--accept-edited", action="store_true",
                   help="import a package edited outside the program (needs --reason; recorded in the audit log)")
    p.add_argument("--reason", help="why an edited package is accepted (for the audit log)")
    p.add_argument("--year", type=int, help="refuse a package of another year")
    p.add_argument("--actor", default="", help="who imports (for the audit log)")
    p.set_defaults(handler=cmd_import)


def _key(p: argparse.ArgumentParser) -> None:
    p.add_argument("--signer-name", help=f"set {SIGNER_NAME_HELP}")
    hidden_alias(p, "--name", "signer_name")
    p.set_defaults(handler=cmd_key)


COMMANDS: dict[str, Configure] = {"export": _exporting(cmd_export), "template": _exporting(cmd_template),
                                  "import": _import, "key": _key}
