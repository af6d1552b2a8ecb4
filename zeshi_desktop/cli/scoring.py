"""Sheet commands: score, show, finalize, unlock, audit, sheets."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from zeshi_desktop.messages import number_text, text
from zeshi_desktop.services import catalogue, lookup
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.trust import role_label

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
from .files import read_json
from .options import boolean_help
from .parser import Configure


def _add_sheet_selectors(p: argparse.ArgumentParser) -> None:
    p.add_argument("--form", required=True, help="annex: 3-1, 3-2, 4-2, 4-3, 5-1, 4-1")
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--unit", help="unit (code or name), for 3-1 / 3-2 / 5-1")
    p.add_argument("--planner", help="planner (code or name), when a unit has several")
    p.add_argument("--district", help="district (code or name), for 4-1 / 4-2 / 4-3")
    p.add_argument("--reviewer", help="reviewer (code or name), for 3-2 / 4-3")
    p.add_argument("--actor", default="", help="who does this (for the audit log)")


class SheetKey(NamedTuple):
    """Which sheet the options name: its form, year, subject and reviewer (it may not be stored yet)."""

    form_id: str
    year: int
    appointment_id: int | None
    district_id: int | None
    reviewer_id: int | None

    def ids(self) -> dict[str, int | None]:
        return {"appointment_id": self.appointment_id, "district_id": self.district_id,
                "reviewer_id": self.reviewer_id}


def _sheet_key(session: Session, args: argparse.Namespace) -> SheetKey:
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
    return SheetKey(form.id, year, appointment_id, district_id, reviewer_id)


def _open_sheet(session: Session, args: argparse.Namespace) -> int:
    """The id of the sheet the options name, created blank for a change that writes to it (a write session)."""
    key = _sheet_key(session, args)
    return sheets.open_sheet(session, key.form_id, key.year, **key.ids()).id


def _read_sheet(session: Session, args: argparse.Namespace) -> sheets.SheetView:
    """The sheet the options name as stored, or blank and not stored (``exists`` False): never creates one."""
    key = _sheet_key(session, args)
    return sheets.read_sheet(session, key.form_id, key.year, **key.ids())


def _sheet_report(view: sheets.SheetView, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"sheet_id": view.id if view.exists else None, "uid": view.uid or None, "form": view.form_id, "year": view.year,
                           "status": view.status, "scores": view.scores}
    if view.totals is not None:
        out.update(total=view.totals.total, band=band_text(view.totals.band, lang), sections=view.totals.section_sums,
                   parts=view.totals.part_sums, missing=view.totals.missing)
    if view.answers:
        out["answers"] = view.answers
    if view.remarks:
        out["remarks"] = view.remarks
    if view.damaged:   # stored values that break the form's rules: left out of the scores and totals
        out["damaged"] = list(view.damaged)
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
    status = text("cli.status.final" if view.is_final else "cli.status.draft" if view.exists else "cli.status.blank",
                  lang)
    print(f"{form.total_label.get(lang)}: {number_text(view.totals.total)}  {band_text(view.totals.band, lang)}"
          f"  ({status})")
    if view.damage is not None:
        print(view.damage.text(lang))


# ---------------------------------------------------------------- handlers

def _score_values(args: argparse.Namespace) -> dict[str, str]:
    values: dict[str, str] = {}
    if args.file:
        data = read_json(args.file)
        if not isinstance(data, dict):
            raise CommandError("cli.score.not_an_object", file=args.file)
        # a value as the file wrote it (null, true, 27.5): the service says why it is no score
        values.update({str(k): v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for k, v in data.items()})
    for pair in args.scores:
        if "=" not in pair:
            raise CommandError("cli.score.not_a_pair", pair=pair)
        key, value = pair.split("=", 1)
        values[key.strip()] = value
    return values


def _answers(args: argparse.Namespace) -> dict[str, str]:
    """``--answer KEY=VALUE``, as typed: the service reads the value (是/否, yes/no, an option) or refuses it."""
    answers: dict[str, str] = {}
    for pair in args.answer or ():
        if "=" not in pair:
            raise CommandError("cli.score.not_an_answer", pair=pair)
        key, value = pair.split("=", 1)
        answers[key.strip()] = value
    return answers


def cmd_score(args: argparse.Namespace) -> None:
    values = _score_values(args)
    answers = _answers(args)
    if not values and args.remarks is None and not answers:
        raise CommandError("cli.score.nothing")
    if args.entry is not None:   # a paper sheet typed twice: cli.fairness records the entry, blind
        from .fairness import score_entry

        return score_entry(args, values)
    with write(args) as session:
        sheet_id = _open_sheet(session, args)
        view = sheets.view(session, sheet_id)
        if values:
            view = sheets.set_scores(session, sheet_id, values, args.actor)
        if args.remarks is not None:
            view = sheets.set_remarks(session, sheet_id, args.remarks, args.actor)
        if answers:
            view = sheets.set_answers(session, sheet_id, answers, args.actor)
    _print_sheet(args, view)


def cmd_show(args: argparse.Namespace) -> None:
    with read(args) as session:
        view = _read_sheet(session, args)
    _print_sheet(args, view)


def cmd_finalize(args: argparse.Namespace) -> None:
    with write(args) as session:
        sheet_id = _open_sheet(session, args)
        notes = [] if sheets.view(session, sheet_id).is_final else sheets.warnings(session, sheet_id)
        view = sheets.finalize(session, sheet_id, args.actor)
    for note in notes:   # worth a look, no refusal: on stderr, so --json output stays one document
        print(text("scoring.warning.line", args.lang, warning=note), file=sys.stderr)
    emit(args, _sheet_report(view, args.lang), text=text("cli.finalized", args.lang, sheet=view.id))


def cmd_unlock(args: argparse.Namespace) -> None:
    with write(args) as session:
        found = _read_sheet(session, args)
        if not found.exists:   # nothing was ever written to it: there is nothing to unlock, and nothing is made
            raise ActionRefused("scoring.unlock.not_final")
        view = sheets.unlock(session, found.id, args.reason, args.actor)
    emit(args, _sheet_report(view, args.lang), text=text("cli.unlocked", args.lang, sheet=view.id, reason=args.reason))


def cmd_audit(args: argparse.Namespace) -> None:
    with read(args) as session:
        found = _read_sheet(session, args)
        entries = sheets.audit_log(session, found.id) if found.exists else []
    emit(args, entries, heads(args.lang, "time", "actor", "role", "action", "item", "old", "new", "reason"),
         [(e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, role_label(e.role, args.lang), e.action,
           e.item.get(args.lang) if e.item else e.item_id or "", e.old or "",
           e.new or "", e.reason) for e in entries])


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
    p.add_argument("--entry", type=int, choices=(1, 2),
                   help="a paper sheet typed twice: 1 = the first typing (names its typist), 2 = the second, blind "
                        "(the first is not shown); --actor names the typist")
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
