"""Sheet commands: score, show, finalize, unlock, audit, sheets."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.messages import number_text, text
from zeshi_desktop.services import catalogue, lookup
from zeshi_desktop.services.scoring import sheets

from .common import (
    YEAR_HELP,
    CommandError,
    band_text,
    emit,
    heads,
    read,
    write,
    year_of,
)
from .options import boolean, boolean_help
from .parser import Configure

YES, NO = "yes", "no"   # how a yes/no answer is stored (4-2's contract question, 5-1's yes/no questions)


def _add_sheet_selectors(p: argparse.ArgumentParser) -> None:
    p.add_argument("--form", required=True, help="annex: 3-1, 3-2, 4-2, 4-3, 5-1, 4-1")
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--unit", help="unit (code or name), for 3-1 / 3-2 / 5-1")
    p.add_argument("--planner", help="planner (code or name), when a unit has several")
    p.add_argument("--district", help="district (code or name), for 4-1 / 4-2 / 4-3")
    p.add_argument("--reviewer", help="reviewer (code or name), for 3-2 / 4-3")
    p.add_argument("--actor", default="", help="who does this (for the audit log)")


def _sheet_id(session: Session, args: argparse.Namespace) -> int:
    form = catalogue.form(args.form)
    year = year_of(session, args)
    appointment_id = district_id = reviewer_id = None
    if form.subject == "appointment":
        if not args.unit:
            raise CommandError("cli.form_needs_option", form=form.id, option="--unit")
        appointment_id = lookup.appointment_id(session, year, args.unit, args.planner, args.district)
    else:
        if not args.district:
            raise CommandError("cli.form_needs_option", form=form.id, option="--district")
        district_id = lookup.district_id(session, args.district)
    if form.filled_by in ("district_reviewer", "city_reviewer"):
        if not args.reviewer:
            raise CommandError("cli.form_needs_option", form=form.id, option="--reviewer")
        reviewer_id = lookup.reviewer_id(session, year, args.reviewer)
    return sheets.open_sheet(session, form.id, year, appointment_id=appointment_id, district_id=district_id,
                             reviewer_id=reviewer_id).id


def _sheet_report(view: sheets.SheetView, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"sheet_id": view.id, "uid": view.uid, "form": view.form_id, "year": view.year,
                           "status": view.status, "scores": view.scores}
    if view.totals is not None:
        out.update(total=view.totals.total, band=band_text(view.totals.band, lang), sections=view.totals.section_sums,
                   parts=view.totals.part_sums, missing=view.totals.missing)
    if view.answers:
        out["answers"] = view.answers
    if view.remarks:
        out["remarks"] = view.remarks
    return out


def _print_sheet(args: argparse.Namespace, view: sheets.SheetView) -> None:
    lang = args.lang
    report = _sheet_report(view, lang)
    form = catalogue.form(view.form_id)
    if args.json or not form.is_scored:
        emit(args, report)
        return
    rows = [(item.id, item.short if lang == "zh" else item.text.get(lang)[:40], item.max,
             view.scores.get(item.id, "")) for item in form.items]
    emit(args, report, heads(lang, "item_id", "item", "full_marks", "score"), rows)
    assert view.totals is not None
    status = text("cli.status.final" if view.is_final else "cli.status.draft", lang)
    print(f"{form.total_label.get(lang)}: {number_text(view.totals.total)}  {band_text(view.totals.band, lang)}"
          f"  ({status})")


# ---------------------------------------------------------------- handlers

def _score_values(args: argparse.Namespace) -> dict[str, str]:
    values: dict[str, str] = {}
    if args.file:
        data = json.loads(Path(args.file).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise CommandError("cli.score.not_an_object", file=args.file)
        values.update({str(k): str(v) for k, v in data.items()})
    for pair in args.scores:
        if "=" not in pair:
            raise CommandError("cli.score.not_a_pair", pair=pair)
        key, value = pair.split("=", 1)
        values[key.strip()] = value
    return values


def yes_no_keys(form: Form) -> set[str]:
    """The answer keys of ``form`` that are yes/no questions (stored as ``yes``/``no``)."""
    keys = {form.contract_rule.id} if form.contract_rule is not None else set()
    if form.questionnaire is not None:
        keys |= {f"yes_no:{q.id}" for q in form.questionnaire.yes_no}
    return keys


def _answers(args: argparse.Namespace) -> dict[str, str]:
    """``--answer KEY=VALUE``; a yes/no question takes 是/否, yes/no, true/false or on/off."""
    answers: dict[str, str] = {}
    booleans = yes_no_keys(catalogue.form(args.form)) if args.answer else set()
    for pair in args.answer or ():
        if "=" not in pair:
            raise CommandError("cli.score.not_an_answer", pair=pair)
        key, value = pair.split("=", 1)
        key = key.strip()
        if key in booleans:
            try:
                value = YES if boolean(value) else NO
            except argparse.ArgumentTypeError:
                raise CommandError("cli.score.not_yes_no", key=key, value=value) from None
        answers[key] = value
    return answers


def cmd_score(args: argparse.Namespace) -> None:
    values = _score_values(args)
    answers = _answers(args)
    if not values and args.remarks is None and not answers:
        raise CommandError("cli.score.nothing")
    with write(args) as session:
        sheet_id = _sheet_id(session, args)
        view = sheets.view(session, sheet_id)
        if values:
            view = sheets.set_scores(session, sheet_id, values, args.actor)
        if args.remarks is not None:
            view = sheets.set_remarks(session, sheet_id, args.remarks, args.actor)
        if answers:
            view = sheets.set_answers(session, sheet_id, answers, args.actor)
    _print_sheet(args, view)


def cmd_show(args: argparse.Namespace) -> None:
    with write(args) as session:
        view = sheets.view(session, _sheet_id(session, args))
    _print_sheet(args, view)


def cmd_finalize(args: argparse.Namespace) -> None:
    with write(args) as session:
        view = sheets.finalize(session, _sheet_id(session, args), args.actor)
    emit(args, _sheet_report(view, args.lang), text=text("cli.finalized", args.lang, sheet=view.id))


def cmd_unlock(args: argparse.Namespace) -> None:
    with write(args) as session:
        view = sheets.unlock(session, _sheet_id(session, args), args.reason, args.actor)
    emit(args, _sheet_report(view, args.lang), text=text("cli.unlocked", args.lang, sheet=view.id, reason=args.reason))


def cmd_audit(args: argparse.Namespace) -> None:
    with write(args) as session:
        entries = sheets.audit_log(session, _sheet_id(session, args))
    emit(args, entries, heads(args.lang, "time", "actor", "action", "item", "old", "new", "reason"),
         [(e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.action, e.item_id or "", e.old or "", e.new or "",
           e.reason) for e in entries])


def cmd_sheets(args: argparse.Namespace) -> None:
    with read(args) as session:
        year = year_of(session, args)
        district_id = lookup.district_id(session, args.district) if args.district else None
        found = sheets.sheets(session, year, args.form, district_id=district_id, status=args.status)
    data = [{"sheet_id": v.id, "form": v.form_id, "status": v.status, "appointment_id": v.appointment_id,
             "district_id": v.district_id, "reviewer_id": v.reviewer_id,
             "total": v.totals.total if v.totals else None} for v in found]
    emit(args, data, heads(args.lang, "sheet", "annex", "status", "appointment", "district", "reviewer", "total"),
         [(d["sheet_id"], d["form"], d["status"], d["appointment_id"] or "", d["district_id"] or "",
           d["reviewer_id"] or "", d["total"] if d["total"] is not None else "") for d in data])


# ---------------------------------------------------------------- options

def _score(p: argparse.ArgumentParser) -> None:
    _add_sheet_selectors(p)
    p.add_argument("scores", nargs="*", metavar="ITEM=SCORE", help="item scores; item ids as `zeshi forms 3-1` lists them")
    p.add_argument("--file", help="a JSON object {item_id: score}")
    p.add_argument("--remarks", help="the sheet's comments and suggestions")
    p.add_argument("--answer", action="append", metavar="KEY=VALUE",
                   help=f"a non-numeric answer (5-1, 4-2, 4-1); a yes/no question takes {boolean_help()}")
    p.set_defaults(handler=cmd_score)


def _selectors_only(handler: Any) -> Configure:
    def setup(p: argparse.ArgumentParser) -> None:
        _add_sheet_selectors(p)
        p.set_defaults(handler=handler)
    return setup


def _unlock(p: argparse.ArgumentParser) -> None:
    _add_sheet_selectors(p)
    p.add_argument("--reason", required=True, help="why the sheet is reopened (kept in the audit log)")
    p.set_defaults(handler=cmd_unlock)


def _sheets(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--form", help="only this annex, e.g. 3-1")
    p.add_argument("--district", help="only this district (code or name)")
    p.add_argument("--status", choices=("draft", "final"), help="only drafts or only finalised sheets")
    p.set_defaults(handler=cmd_sheets)


COMMANDS: dict[str, Configure] = {"score": _score, "show": _selectors_only(cmd_show),
                                  "finalize": _selectors_only(cmd_finalize), "unlock": _unlock,
                                  "audit": _selectors_only(cmd_audit), "sheets": _sheets}
