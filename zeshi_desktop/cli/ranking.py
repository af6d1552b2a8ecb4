"""``zeshi weights`` and ``zeshi rank``: a district's 3-3 weights, its ranking, the city ranking of districts.

The names here are the JSON keys everywhere: ``street_weight`` (the office's
3-1 share), ``district_weight`` (the district review group's 3-2 share),
``trimmed_mean``; the options are spelled the same (``--street-weight``,
``--district-weight``, ``--trimmed-mean``), the former ``--street``,
``--group`` and ``--trimmed`` still accepted. Sheets a ranking left out because
they hold damaged data are named on stderr and under ``damaged`` (``.damaged``).
"""

from __future__ import annotations

import argparse

from zeshi_desktop.messages import Message, text
from zeshi_desktop.services import lookup
from zeshi_desktop.services.meeting import ranking
from zeshi_desktop.services.meeting.columns import headings

from .common import (
    YEAR_HELP,
    CommandError,
    band_text,
    circle_text,
    emit,
    heads,
    read,
    write,
    year_of,
    yes_no,
)
from .damaged import damaged_data, warn_damaged
from .options import boolean, boolean_help, hidden_alias
from .parser import Configure

DASH = "—"
# The district ranking as `zeshi rank` shows it: the weighted scores, no recommendation column.
RANK_COLUMNS = ("rank", "unit", "planner", "street_weighted", "district_weighted", "total", "band")


def mean_name(trimmed: bool, short: bool = False) -> Message:
    """How the review group's totals are combined: the trimmed or the arithmetic mean."""
    if trimmed:
        return Message("cli.mean.trimmed_short" if short else "cli.mean.trimmed")
    return Message("cli.mean.plain")


def cmd_weights(args: argparse.Namespace) -> None:
    setting = args.street_weight is not None or args.district_weight is not None
    if setting and (args.street_weight is None or args.district_weight is None):
        raise CommandError("cli.weights.both")
    changes = setting or args.trimmed_mean is not None
    with (write(args) if changes else read(args)) as session:   # only looking: nothing written
        year = year_of(session, args)
        district_id = lookup.district_id(session, args.district)
        if setting:
            ranking.set_weights(session, year, district_id, args.street_weight, args.district_weight)
        if args.trimmed_mean is not None:
            ranking.set_trimmed_mean(session, year, district_id, args.trimmed_mean)
        w, is_set, trimmed = ranking.weights(session, year, district_id)
    summary = text("cli.weights.summary", args.lang, year=year, street=w.street, district=w.district,
                   default="" if is_set else Message("cli.weights.default"), mean=mean_name(trimmed))
    emit(args, {"year": year, "district": args.district, "street_weight": w.street, "district_weight": w.district,
                "set": is_set, "trimmed_mean": trimmed}, text=summary)


def _city(args: argparse.Namespace, year: int, city: ranking.CityRanking) -> None:
    lang = args.lang
    data = [{"rank": r.rank, "district": r.district, "circle": r.circle, "city_score": r.city_score,
             "self_score": r.self_score, "contracts_signed": r.contracts_signed, "band": band_text(r.band, lang),
             "eligible_excellent": r.eligible_excellent, "blocked_by_contracts": r.blocked_by_contracts}
            for r in city.rows]
    rows = [(r.rank or DASH, r.district, circle_text(r.circle, lang), r.city_score, r.self_score,
             yes_no(r.contracts_signed, lang),
             band_text(r.band, lang, DASH) + (text("cli.rank.blocked", lang) if r.blocked_by_contracts else ""))
            for r in city.rows]
    emit(args, {"year": year, "trimmed_mean": city.trimmed_mean, "rows": data,
                "damaged": damaged_data(city.damaged, lang)},
         heads(lang, "rank", "district", "circle", "city_score", "self_score", "contracts", "band"), rows)
    warn_damaged(city.damaged, lang)


def cmd_rank(args: argparse.Namespace) -> None:
    lang = args.lang
    with read(args) as session:
        year = year_of(session, args)
        if args.districts:
            _city(args, year, ranking.city_ranking(session, year))
            return
        if not args.district:
            raise CommandError("cli.rank.need_district")
        result = ranking.district_ranking(session, year, lookup.district_id(session, args.district))
    data = {"year": year, "district": result.district, "street_weight": result.weights.street,
            "district_weight": result.weights.district, "trimmed_mean": result.trimmed_mean,
            "rows": [{"rank": r.rank, "unit": r.unit, "planner": r.planner, "street_score": r.street_score,
                      "district_score": r.district_score, "street_weighted": r.street_weighted,
                      "district_weighted": r.district_weighted, "total": r.total,
                      "band": band_text(r.band, lang)} for r in result.rows],
            "damaged": damaged_data(result.damaged, lang)}
    rows = [(r.rank or DASH, r.unit, r.planner, r.street_weighted, r.district_weighted, r.total,
             band_text(r.band, lang, text("cli.band.unfinished", lang))) for r in result.rows]
    emit(args, data, headings(RANK_COLUMNS, lang), rows)
    warn_damaged(result.damaged, lang)


def _weights(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--district", required=True, help="the district (code or name)")
    p.add_argument("--street-weight", metavar="PERCENT", help="weight of the offices' 3-1 scores, in %%")
    p.add_argument("--district-weight", metavar="PERCENT", help="weight of the district review group's 3-2 scores, in %%")
    p.add_argument("--trimmed-mean", type=boolean, metavar="YES|NO",
                   help=f"combine the review group's totals without the highest and lowest ({boolean_help()})")
    hidden_alias(p, "--street", "street_weight")
    hidden_alias(p, "--group", "district_weight")
    hidden_alias(p, "--trimmed", "trimmed_mean", type=boolean)
    p.set_defaults(handler=cmd_weights)


def _rank(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--district", help="the district (code or name) whose units to rank (3-3)")
    p.add_argument("--districts", action="store_true", help="rank the districts (4-3, with the 4-2 contract rule)")
    p.set_defaults(handler=cmd_rank)


COMMANDS: dict[str, Configure] = {"weights": _weights, "rank": _rank}
