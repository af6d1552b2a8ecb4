"""``zeshi export`` / ``zeshi template`` / ``zeshi import`` / ``zeshi key``: the Excel hand-over."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from zeshi_desktop.services.handover import packages

from .common import emit, jsonable, read, write, year_of

ACTION_ZH = {"added": "新增", "changed": "更新", "conflict": "冲突", "unchanged": "未变"}
SIGNER_ZH = {"known": "已知发送方", "new": "首次见到的发送方", "key_changed": "密钥已更换！", "unsigned": "未签名"}



def _export(args: argparse.Namespace, template: bool) -> None:
    with read(args) as session:
        result = packages.export_package(session, args.kind, year_of(session, args), Path(args.output),
                                         units=args.unit or (), district=args.district, reviewer=args.reviewer,
                                         template=template, signer_name=args.signer_name)
    data = {"file": str(result.path), "kind": result.kind, "package_id": result.package_id,
            "template": result.template, "rows": result.sheets, "signer": result.signer,
            "fingerprint": result.fingerprint}
    emit(args, data, ["工作表", "行数"], list(result.sheets.items()))
    if not args.json:
        print(f"已写入 {result.path}（包 {result.package_id}，签名：{result.signer} {result.fingerprint}）")


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


def cmd_import(args: argparse.Namespace) -> None:
    keep_all, per_sheet = _keep(args)
    session_of = read if args.dry_run else write
    try:
        with session_of(args) as session:
            report = packages.import_package(session, Path(args.file), dry_run=args.dry_run, keep_all=keep_all,
                                             keep=per_sheet, accept_edited=args.accept_edited, year=args.year,
                                             actor=args.actor)
    except packages.PackageImportRefused as exc:
        if args.json:
            print(json.dumps({"ok": False, "error": exc.message(args.lang).splitlines()[0],
                              "problems": [{"sheet": p.sheet, "cell": p.cell, "message": p.message(args.lang)}
                                           for p in exc.problems]}, ensure_ascii=False, indent=2))
        raise
    data = packages.report_dict(report)
    if args.json:
        emit(args, data)
        return
    print(f"包：{report.kind_zh}，{report.year} 年度，来自 {report.origin.get('installation', '')}")
    s = report.signer
    print(f"签名：{SIGNER_ZH[s.status]} {s.name} {s.fingerprint}" + (f"（首次见到时名为 {s.known_as}）" if s.known_as else ""))
    for w in report.warnings:
        print(f"注意：{w}")
    rows = [(ACTION_ZH[c.action], c.key, c.label, c.keep, "; ".join(c.details)[:60])
            for c in report.sheets if c.action != "unchanged"]
    if rows:
        emit(args, data, ["结果", "评审表", "对象", "保留", "变化"], rows)
    counts = ", ".join(f"{ACTION_ZH[a]} {report.count(a)}" for a in ACTION_ZH)
    print(f"评审表：{counts}")
    if report.dry_run:
        print("（预览：未写入任何数据）")


def cmd_key(args: argparse.Namespace) -> None:
    me = packages.identity(args.name)
    emit(args, jsonable(me), text=f"{me.name}  {me.fingerprint}")


def register(sub: argparse._SubParsersAction) -> None:
    kinds = ", ".join(f"{k} ({v.zh})" for k, v in packages.KINDS.items())
    for name, handler, helptext in (("export", cmd_export, "write a signed package"),
                                    ("template", cmd_template, "write a fill-in template for an office without the program")):
        p = sub.add_parser(name, help=helptext, description=f"KIND: {kinds}")
        p.add_argument("kind", choices=list(packages.KINDS), metavar="KIND")
        p.add_argument("-o", "--output", required=True, help="FILE.xlsx")
        p.add_argument("--year", type=int)
        p.add_argument("--unit", action="append", help="unit code or name (street kinds; repeat for several)")
        p.add_argument("--district", help="district code or name (district-city, city-district)")
        p.add_argument("--reviewer", help="reviewer code or name (reviewer kinds)")
        p.add_argument("--signer-name", help="this installation's name as receivers see it (remembered)")
        p.set_defaults(handler=handler)
    p = sub.add_parser("import", help="preview (--dry-run) or import a package")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument("--keep", action="append", metavar="mine|theirs|SHEET:SUBJECT=mine|theirs",
                   help="resolve conflicts: for all, or per sheet (repeatable); recorded in the audit log")
    p.add_argument("--accept-edited", action="store_true", help="import a package edited outside the program")
    p.add_argument("--year", type=int, help="refuse a package of another year")
    p.add_argument("--actor", default="", help="who imports (for the audit log)")
    p.set_defaults(handler=cmd_import)
    p = sub.add_parser("key", help="this installation's name and signing-key fingerprint")
    p.add_argument("--name", help="set the installation's name")
    p.set_defaults(handler=cmd_key)


