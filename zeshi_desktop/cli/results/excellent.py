"""``zeshi excellent``: the city's nominations board and its decisions on the command line.

The board (``--list``, the default) shows every district's nominees with
their 3-3 results, their district's 4-3 result and contract rule, and the
decisions; ``--select`` (with ``--reason``), ``--reject`` and ``--undecide``
decide one nominee; ``--limit N`` (``none`` removes it) sets how many a
district may have; ``--audit`` lists the audit rows of every nomination,
decision and limit. Warnings (a limit exceeded, an ineligible district) are
lines on stderr, as every warning is.
"""

from __future__ import annotations

import argparse
from typing import Any

from zeshi_desktop.messages import Message, number_text, text
from zeshi_desktop.services import lookup
from zeshi_desktop.services.results import excellent

from ..common import (
    YEAR_HELP,
    CommandError,
    band_text,
    emit,
    heads,
    read,
    write,
    year_of,
    yes_no,
)
from ..damaged import warn
from ..parser import Configure

DASH = "—"


def _decision(selected: bool | None, lang: str) -> str:
    code = {True: "results.outcome.selected", False: "results.outcome.not_selected", None: "results.outcome.pending"}
    return text(code[selected], lang)


def _board_data(board: excellent.NominationsBoard, lang: str) -> dict[str, Any]:
    return {"year": board.year, "city_limit": board.city_limit, "pending": board.pending,
            "nominees": [{"appointment_id": n.appointment_id, "district": n.district, "unit": n.unit,
                          "planner": n.planner, "rank": n.rank, "ranked": n.ranked, "total": n.total,
                          "band": band_text(n.band, lang), "reported": n.reported, "agrees": n.agrees,
                          "contracts_signed": n.contracts_signed, "eligible": n.eligible,
                          "district_rank": n.district_rank, "district_score": n.district_score,
                          "district_band": band_text(n.district_band, lang), "selected": n.selected,
                          "reason": n.reason, "decided_by": n.decided_by} for n in board.nominees],
            "districts": [{"district": t.district, "nominated": t.nominated, "selected": t.selected,
                           "limit": t.limit, "over_limit": t.over} for t in board.tallies],
            "warnings": [w.text(lang) for w in board.warnings]}


def _list(args: argparse.Namespace) -> None:
    lang = args.lang
    with read(args) as session:
        year = year_of(session, args)
        did = lookup.district_id(session, args.district) if args.district else None
        board = excellent.board(session, year, did)
    rows = [(n.district, n.unit, n.planner,
             text("results.letter.rank_of", lang, rank=n.rank, ranked=n.ranked) if n.rank is not None else DASH,
             n.total, band_text(n.band, lang, DASH), yes_no(n.contracts_signed, lang),
             f"{n.district_rank or DASH} · {number_text(n.district_score) or DASH}", _decision(n.selected, lang),
             n.reason) for n in board.nominees]
    emit(args, _board_data(board, lang),
         [text(f"results.cli.column.{c}", lang) for c in ("district", "unit", "planner", "rank", "total", "band",
                                                          "contracts", "city", "decision", "reason")], rows)
    warn(board.warnings, lang)


def _decide(args: argparse.Namespace, selected: bool | None) -> None:
    with write(args) as session:
        year = year_of(session, args)
        app = lookup.appointment_id(session, year, args.unit, args.planner, args.district)
        done = excellent.decide(session, year, app, selected, args.reason or "", args.actor)
    n = done.nominee
    emit(args, {"appointment_id": n.appointment_id, "district": n.district, "unit": n.unit, "planner": n.planner,
                "selected": n.selected, "reason": n.reason, "warnings": [w.text(args.lang) for w in done.warnings]},
         text=text("results.cli.decided", args.lang, district=n.district, unit=n.unit, planner=n.planner,
                   decision=_decision(n.selected, args.lang)))
    warn(done.warnings, args.lang)


def _limit(args: argparse.Namespace) -> None:
    raw = args.limit.strip().casefold()
    most: int | None = None
    if raw not in ("none", "-", ""):
        if not raw.isdigit():
            raise CommandError("results.cli.limit_not_whole", value=args.limit)
        most = int(raw)
    with write(args) as session:
        year = year_of(session, args)
        did = lookup.district_id(session, args.district) if args.district else None
        excellent.set_limit(session, year, did, most, args.actor)
    who = args.district or Message("results.cli.every_district")
    emit(args, {"year": year, "district": args.district, "limit": most},
         text=text("results.cli.limit_set" if most is not None else "results.cli.limit_removed", args.lang,
                   who=who, limit="" if most is None else most))


def _audit(args: argparse.Namespace) -> None:
    with read(args) as session:
        year = year_of(session, args)
        events = excellent.history(session, year)
    headings = [*heads(args.lang, "time", "actor", "action"), text("results.cli.column.about", args.lang),
                *heads(args.lang, "old", "new", "reason")]
    emit(args, events, headings,
         [(f"{e.at:%Y-%m-%d %H:%M:%S}", e.actor, e.action, e.item, e.old, e.new, e.reason) for e in events])


def cmd_excellent(args: argparse.Namespace) -> None:
    chosen = [name for name in ("select", "reject", "undecide") if getattr(args, name)]
    if len(chosen) > 1:
        raise CommandError("results.cli.one_decision")
    if chosen:
        if not args.unit:
            raise CommandError("results.cli.needs_unit")
        _decide(args, {"select": True, "reject": False, "undecide": None}[chosen[0]])
    elif args.limit is not None:
        _limit(args)
    elif args.audit:
        _audit(args)
    else:
        _list(args)


def _excellent(p: argparse.ArgumentParser) -> None:
    p.description = ("The city's nominations board and its selection of the city's excellent planners: --list "
                     "(the default) shows every district's nominees with their 3-3 results, their district's 4-3 "
                     "result and contract rule, and the decisions; --select (with --reason), --reject and "
                     "--undecide decide one nominee; --limit sets how many a district may have (a warning when "
                     "exceeded); --audit lists every nomination and decision.")
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--list", action="store_true", help="the nominations board (the default)")
    p.add_argument("--select", action="store_true", help="select --unit as an excellent planner of the city")
    p.add_argument("--reject", action="store_true", help="do not select --unit")
    p.add_argument("--undecide", action="store_true", help="take the decision on --unit back (pending)")
    p.add_argument("--unit", help="the nominee's unit (code or name)")
    p.add_argument("--planner", help="planner, when the unit has several")
    p.add_argument("--district", help="district: tells units apart, filters the list, or names a limit's district")
    p.add_argument("--reason", help="why (needed to select; kept in the audit log)")
    p.add_argument("--limit", metavar="N|none", help="at most N selected per district (with --district: that "
                                                      "district's own); none removes it")
    p.add_argument("--audit", action="store_true", help="the audit rows of nominations, decisions and limits")
    p.add_argument("--actor", default="", help="who does this (for the audit log)")
    p.set_defaults(handler=cmd_excellent)


COMMANDS: dict[str, Configure] = {"excellent": _excellent}
