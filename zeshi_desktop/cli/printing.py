"""``zeshi print`` and ``zeshi verify``: signature-ready PDFs and checking a printed code."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from zeshi_desktop.atomic_files import write_bytes_atomic
from zeshi_desktop.services import lookup
from zeshi_desktop.services.printing import jobs as printing
from zeshi_desktop.services.printing import verification

from .common import CommandError, emit, read, write, year_of

FORMS = printing.ANNEXES + ("all",)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("print", help="print sheets to a PDF (one sheet or a batch)",
                       description="打印评审表为 PDF。选择范围覆盖多张表时合并为一个文件，例如 "
                                   "zeshi print 3-1 --district 东城区 -o 东城区3-1.pdf")
    p.add_argument("form", choices=FORMS, help="annex, or 'all' for every annex of the selection")
    p.add_argument("--year", type=int, help="review year (default: the newest year in the database)")
    p.add_argument("--district", help="district (code or name)")
    p.add_argument("--unit", help="unit (code or name)")
    p.add_argument("--planner", help="planner (code or name)")
    p.add_argument("--reviewer", help="reviewer (code or name)")
    p.add_argument("--blank", action="store_true", help="an empty form to hand out (no data)")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    p.add_argument("-o", "--output", required=True, help="the PDF file to write")
    p.set_defaults(handler=_print)

    v = sub.add_parser("verify", help="check a printed sheet's verification code against the data",
                       description="核验打印件：一致时退出码 0，已改动时 1（列出改动项），出错时 2")
    v.add_argument("code", help="the code printed under the QR code, e.g. ZS-1A2B-3C4D-5E6F-7A8B")
    v.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    v.set_defaults(handler=_verify)



def _selection(session: Session, args: argparse.Namespace) -> printing.Selection:
    year = year_of(session, args)
    district = lookup.district_id(session, args.district) if args.district else None
    unit = lookup.unit_id(session, args.unit, district) if args.unit else None
    planner = lookup.planner_id(session, args.planner) if args.planner else None
    reviewer = lookup.reviewer_id(session, year, args.reviewer) if args.reviewer else None
    return printing.Selection(year, district, unit, planner, reviewer)


def _write_pdf(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(path, data)


def _print(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if args.blank:
        if args.form == "all":
            raise CommandError("--blank 需要指定一个附件，例如 zeshi print 5-1 --blank -o 问卷.pdf")
        job = printing.print_blank(args.form, args.year or 0)
    else:
        with read(args) as session:  # render outside the write lock: another laptop user may be scoring
            sel = _selection(session, args)
            prepared = (printing.prepare_all(session, sel) if args.form == "all"
                        else printing.prepare_form(session, args.form, sel))
        job = printing.render(prepared)
        _write_pdf(out, job.pdf)
        with write(args) as session:
            printing.record(session, prepared)
    if args.blank:
        _write_pdf(out, job.pdf)
    report: dict[str, Any] = {"file": str(out), "pages": job.pages, "documents": job.documents,
                              "drafts": job.drafts, "codes": job.codes}
    text = f"已写入 {out}：{job.documents} 份，{job.pages} 页" + (f"，其中 {job.drafts} 份为草稿" if job.drafts else "")
    emit(args, report, text=text)
    return 0


def _verify(args: argparse.Namespace) -> int:
    with read(args) as session:
        result = verification.verify(session, args.code)
    emit(args, result, text=result.summary())
    return 0 if result.matches else 1
