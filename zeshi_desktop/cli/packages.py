"""``zeshi export`` / ``zeshi template`` / ``zeshi import`` / ``zeshi key``: the Excel hand-over.

An export leaves out the sheets holding damaged data and says so on stderr
(``ExportResult.warnings``), and under ``damaged`` and ``warnings`` in the JSON.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from zeshi_desktop.messages import Message, render, text
from zeshi_desktop.services.handover import packages

from .common import YEAR_HELP, emit, heads, jsonable, read, sheet_name, write, year_of
from .damaged import damaged_data, warn
from .files import writing
from .installation import key_line, role_data, route_lines
from .options import global_options, hidden_alias
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
            "fingerprint": result.fingerprint, "damaged": damaged_data(result.damaged, args.lang),
            "warnings": [w.text(args.lang) for w in result.warnings]}
    emit(args, data, heads(args.lang, "worksheet", "rows"),
         [(sheet_name(name, args.lang), rows) for name, rows in result.sheets.items()])
    if not args.json:
        print(text("cli.export.written", args.lang, path=result.path, package=result.package_id,
                   signer=result.signer, fingerprint=result.fingerprint))
    warn(result.warnings, args.lang)   # sheets left out: they hold damaged data


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
    status = Message("handover.signer.own" if s.status == "own" else f"cli.signer.{s.status}")
    print(text("cli.import.signer", lang, status=status, name=s.name,
               fingerprint=s.fingerprint, known_as=known_as))
    for line in route_lines(report.route, lang):   # this computer's role (or none yet), the roster changes
        print(line)
    for line in report.excellent:   # the district's nominations, or the city's decisions (results.import.*)
        print(line.text(lang))
    for w in report.warnings:
        print(text("cli.import.warning", lang, warning=w))
    rows = [(_action_text(c, lang), c.key, c.label, c.keep,
             "; ".join(render(d, lang) for d in c.details)[:60]) for c in report.sheets if c.action != "unchanged"]
    if rows:
        emit(args, None, heads(lang, "result", "sheet_key", "subject", "keep", "changes"), rows)
    counts = ", ".join(f"{text(f'cli.import.action.{a}', lang)} {report.count(a)}" for a in ACTIONS)
    print(text("cli.import.counts", lang, counts=counts))
    if report.dry_run:
        print(text("cli.dry_run", lang))


def _action_text(change: packages.SheetChange, lang: str) -> str:
    """新增 / 更新 / 冲突（本机已定稿）: a conflict says why it is one."""
    shown = text(f"cli.import.action.{change.action}", lang)
    if not change.why:
        return shown
    why = text(f"handover.conflict.{change.why}", lang)
    return f"{shown}（{why}）" if lang == "zh" else f"{shown} ({why})"


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
    emit(args, {**jsonable(me, args.lang), "role": role_data(args)},   # role: this installation's (routing)
         text="\n".join(line for line in (f"{me.name}  {me.fingerprint}", key_line(args)) if line))


def cmd_key_list(args: argparse.Namespace) -> None:
    """The senders' keys this store trusts: like ``known_hosts``, one line each."""
    with read(args) as session:
        found = packages.senders(session)
    if not found and not args.json:
        print(text("handover.key.none", args.lang))
        return
    emit(args, [{"name": s.name, "fingerprint": s.fingerprint, "origin": s.origin, "first_seen": s.first_seen,
                 "accepted_by": s.accepted_by, "reason": s.reason, "how": s.how.text(args.lang)} for s in found],
         [text(f"handover.key.column.{c}", args.lang) for c in ("name", "fingerprint", "first_seen", "how")],
         [(s.name, s.fingerprint, f"{s.first_seen:%Y-%m-%d %H:%M}", s.how.text(args.lang)) for s in found])


def cmd_key_trust(args: argparse.Namespace) -> None:
    """Accept a sender's new key after checking its fingerprint with them; the name's older keys are replaced."""
    with write(args) as session:
        replaced = packages.trust_key(session, args.fingerprint, args.name or "", args.reason or "", args.actor)
    fingerprint = args.fingerprint.strip().lower()
    emit(args, {"name": args.name, "fingerprint": fingerprint, "replaced": replaced},
         text=text("handover.key.trusted", args.lang, name=args.name, fingerprint=fingerprint)
         + (text("handover.key.replaced", args.lang, old=replaced) if replaced else ""))


def cmd_key_forget(args: argparse.Namespace) -> None:
    """Take a key (or every key of a sender) off the list: the sender's next package is seen for the first time."""
    with write(args) as session:
        gone = packages.forget_key(session, args.who, args.reason or "", args.actor)
    emit(args, [{"name": s.name, "fingerprint": s.fingerprint} for s in gone],
         text="\n".join(text("handover.key.forgotten", args.lang, name=s.name, fingerprint=s.fingerprint)
                        for s in gone))


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
    p.add_argument("--reason", help="why: needed to accept an edited package, and for manual entry (a filled-in "
                                    "template); kept in the audit log")
    p.add_argument("--year", type=int, help="refuse a package of another year")
    p.add_argument("--actor", default="", help="who imports (for the audit log)")
    p.set_defaults(handler=cmd_import)


def _key(p: argparse.ArgumentParser) -> None:
    p.add_argument("--signer-name", help=f"set {SIGNER_NAME_HELP}")
    hidden_alias(p, "--name", "signer_name")
    p.set_defaults(handler=cmd_key)
    _key_actions(p)


def _key_actions(p: argparse.ArgumentParser) -> None:
    """``zeshi key list|trust|forget``: the senders' keys this store trusts (trust on first use, like known_hosts)."""
    actions = p.add_subparsers(dest="key_command", metavar="ACTION", required=False,
                               help="list, trust or forget the senders' keys (none: this installation's own)")
    listing = actions.add_parser("list", help="the senders' keys trusted here", parents=[global_options()])
    listing.set_defaults(handler=cmd_key_list)
    trust = actions.add_parser("trust", help="accept a sender's new key (check its fingerprint with them first)",
                               parents=[global_options()])
    trust.add_argument("fingerprint", metavar="FINGERPRINT", help="the new key's fingerprint, as the sender reads it")
    trust.add_argument("--name", required=True, help="the sender's name, as its packages give it")
    trust.add_argument("--reason", required=True, help="why the key is accepted (kept in the audit log)")
    trust.add_argument("--actor", default="", help="who accepts it (for the audit log)")
    trust.set_defaults(handler=cmd_key_trust)
    forget = actions.add_parser("forget", help="take a sender's key off the list (its next package is first seen)",
                                parents=[global_options()])
    forget.add_argument("who", metavar="NAME|FINGERPRINT", help="a key's fingerprint, or a sender's name (all its keys)")
    forget.add_argument("--reason", required=True, help="why (kept in the audit log)")
    forget.add_argument("--actor", default="", help="who does this (for the audit log)")
    forget.set_defaults(handler=cmd_key_forget)


COMMANDS: dict[str, Configure] = {"export": _exporting(cmd_export), "template": _exporting(cmd_template),
                                  "import": _import, "key": _key}
