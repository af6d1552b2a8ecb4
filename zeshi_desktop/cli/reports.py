"""Dashboard and report commands: dashboard, questionnaires, history, report, recommend.

The same services as the dashboards in the window, for a meeting without the
window (or a script): tables on the terminal, JSON with ``--json``, files
with ``-o``. The report writers (reportlab, openpyxl) load only for ``report``.
Sheets a figure left out because they hold damaged data are named on stderr
(``cli.damaged``), and under ``damaged`` in the JSON.
"""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from typing import Any

from zeshi_desktop.messages import Message, number_text, text
from zeshi_desktop.messages.numbers import percent_text
from zeshi_desktop.services import lookup
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.meeting import history, lens
from zeshi_desktop.services.meeting import questionnaire as dashboard
from zeshi_desktop.services.meeting.columns import DISTRICT_RANKING_SHORT, headings

from .common import (
    YEAR_HELP,
    CommandError,
    band_text,
    circle_text,
    emit,
    heads,
    read,
    table,
    write,
    year_of,
    yes_no,
)
from .damaged import warn_damaged
from .fairness import fairness_data, fairness_text
from .files import output_path, writing
from .parser import Configure
from .reports_data import (
    band_names,
    city_data,
    district_data,
    item_text,
    questionnaire_data,
)

DASH = "—"
STAR = "★"
CIRCLE_HELP = "a circle of the city, by its name as stored (see forms/roster.toml)"


def _points(raw: str, name: str) -> Decimal:
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise CommandError("cli.points.not_a_number", name=Message(f"cli.points.{name}"), raw=raw) from None
    if not value.is_finite() or value < 0:
        raise CommandError("cli.points.negative", name=Message(f"cli.points.{name}"), raw=raw)
    return value


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + number_text(value)


def _district_text(board: analysis.DistrictDashboard, lang: str) -> str:
    r = board.ranking
    say = lambda code, **params: text(code, lang, **params)
    outlier = lambda s, o: say("cli.dashboard.outlier", reviewer=s.reviewer(o.reviewer), total=o.total,
                               distance=_signed(o.distance))
    parts = [
        say("cli.dashboard.heading", district=board.district.name, year=board.year, street=r.weights.street,
            group=r.weights.district, mean=Message("cli.mean.trimmed_short" if r.trimmed_mean else "cli.mean.plain"),
            waiting=board.waiting),
        table(headings(DISTRICT_RANKING_SHORT, lang),
              [(row.rank or DASH, row.unit, row.planner, row.street_weighted, row.district_weighted, row.total,
                band_text(row.band, lang, say("cli.band.unfinished")), STAR if row.key in board.recommended else "")
               for row in r.rows]),
        "\n" + say("cli.dashboard.missing_title"),
        table(heads(lang, "submitter", "annex", "expected", "final", "draft", "missing"),
              [(p.label, "3-1", p.progress.expected, p.progress.final, p.progress.draft, p.progress.missing)
               for p in board.offices] +
              [(p.label, "3-2", p.progress.expected, p.progress.final, p.progress.draft, p.progress.missing)
               for p in board.reviewers]),
        "\n" + say("cli.dashboard.spread_title", distance=board.outlier_distance),
        table(heads(lang, "unit_planner", "lowest", "highest", "mean", "std", "outliers"),
              [(s.label, s.spread.min, s.spread.max, s.spread.mean, s.spread.std,
                say("cli.semicolon").join(outlier(s, o) for o in s.spread.outliers)) for s in board.spreads]),
        "\n" + say("cli.dashboard.offsets_title"),
        table(heads(lang, "reviewer", "reviewed", "offset", "leaning", "outlier_count"),
              [(o.reviewer.name, o.offset.subjects, _signed(o.offset.offset), analysis.leaning_text(o.offset.leaning, lang),
                o.offset.outliers) for o in board.offsets]),
        "\n" + say("cli.dashboard.items_title"),
        table(heads(lang, "annex", "item", "full_marks", "mean", "share"),
              [(form_id, item_text(form_id, i.item_id, i.text, lang), i.max, i.mean, percent_text(i.share))
               for form_id, items in (("3-1", board.street_items), ("3-2", board.group_items)) for i in items]),
        "\n" + say("cli.dashboard.impact_title", changed=board.impact.changed),
        table(heads(lang, "unit", "rank_mean", "rank_trimmed", "moved"),
              [(c.unit, c.rank_mean or DASH, c.rank_trimmed or DASH, "" if not c.moved else _signed(Decimal(c.moved)))
               for c in board.impact.rows]),
    ]
    return "\n".join(parts)


def _city_text(board: analysis.CityDashboard, lang: str) -> str:
    bands = band_names("3-3", lang)
    eligible = {True: text("common.yes", lang), False: text("common.no", lang)}
    return "\n".join([
        table(heads(lang, "rank", "district", "circle", "city_score", "self_score", "contracts", "band", "eligible"),
              [(r.rank or DASH, r.district, circle_text(r.circle, lang), r.city_score, r.self_score,
                yes_no(r.contracts_signed, lang), band_text(r.band, lang, ""),
                text("cli.dashboard.no_contracts", lang) if r.blocked_by_contracts else eligible[r.eligible_excellent])
               for r in board.rows]),
        "\n" + text("cli.dashboard.circles_title", lang),
        table([*heads(lang, "circle", "district", "unit", "mean", "lowest", "highest"),
               *(bands.get(b, b) for b in (board.circles[0].bands if board.circles else ()))],
              [(circle_text(c.circle, lang), c.districts, c.units, c.mean_total, c.min_total, c.max_total,
                *c.bands.values()) for c in board.circles])])


def cmd_dashboard(args: argparse.Namespace) -> None:
    distance = _points(args.outlier_distance, "outlier_distance")
    tolerance = _points(args.tolerance, "tolerance")
    with read(args) as session:
        year = year_of(session, args)
        if args.city:
            city = analysis.city_dashboard(session, year, outlier_distance=distance, offset_tolerance=tolerance)
            fair = lens.city_fairness(session, year, tolerance=tolerance)
            emit(args, {**city_data(city, args.lang), **fairness_data(fair, args.lang)},
                 text=_city_text(city, args.lang) + fairness_text(fair, args.lang))
            warn_damaged(city.damaged, args.lang)
            return
        if not args.district:
            raise CommandError("cli.dashboard.need_district")
        did = lookup.district_id(session, args.district)
        board = analysis.district_dashboard(session, year, did, outlier_distance=distance, offset_tolerance=tolerance)
        fair = lens.district_fairness(session, year, did, tolerance=tolerance)
    emit(args, {**district_data(board, args.lang), **fairness_data(fair, args.lang)},
         text=_district_text(board, args.lang) + fairness_text(fair, args.lang))
    warn_damaged(board.damaged, args.lang)


def _statement(st: Any, lang: str) -> str:
    wording = getattr(st, "wording", None)
    return st.text[:24] if lang == "zh" or wording is None else wording.get(lang)[:48]


def cmd_questionnaires(args: argparse.Namespace) -> None:
    lang = args.lang
    with read(args) as session:
        year = year_of(session, args)
        did = lookup.district_id(session, args.district) if args.district else None
        summary = dashboard.questionnaire_summary(session, year, did, args.circle)
    options = [summary.option(o).get(lang) for o in summary.options]
    rows = [(_statement(st, lang), *st.summary.counts.values(),
             "" if st.summary.agree_share is None else percent_text(st.summary.agree_share, 0),
             len(st.summary.reasons)) for st in summary.statements]
    lines = [text("cli.questionnaires.count", lang, count=summary.questionnaires),
             table([text("cli.column.statement", lang), *options, *heads(lang, "agree", "reasons")], rows),
             *(text("cli.questionnaires.yes_no", lang, question=y.text_in(lang), yes=y.yes, no=y.no)
               for y in summary.yes_no)]
    emit(args, questionnaire_data(summary, lang), text="\n".join(lines))
    warn_damaged(summary.damaged, lang)


def cmd_history(args: argparse.Namespace) -> None:
    lang = args.lang
    with read(args) as session:
        if args.planner:
            h = history.years_history(session, planner_id=lookup.planner_id(session, args.planner))
            rows = [(r.year, r.district, r.unit, f"{r.rank}/{r.ranked}" if r.rank else DASH, r.total,
                     band_text(r.band, lang, ""), STAR if r.recommended else "") for r in h.planner_rows]
            emit(args, h, heads(lang, "year", "district", "unit", "rank", "total", "band", "recommended"), rows)
        elif args.district:
            h = history.years_history(session, district_id=lookup.district_id(session, args.district))
            rows = [(r.year, f"{r.rank}/{r.ranked}" if r.rank else DASH, r.city_score, r.self_score,
                     band_text(r.band, lang, ""), r.units, r.mean_total, r.recommended) for r in h.district_rows]
            emit(args, h, heads(lang, "year", "city_rank", "city_score", "self_score", "band", "units", "mean_total",
                                "recommended"), rows)
        else:
            raise CommandError("cli.history.need_subject")


def cmd_report(args: argparse.Namespace) -> None:
    from zeshi_desktop.services.meeting import (  # reportlab and openpyxl: only to write
        reports,
        result_file,
    )

    if args.kind == "renewals":   # the renewal view (cli.results)
        from .results.papers import report_renewals

        return report_renewals(args)
    out, lang = output_path(args.output), args.lang
    with read(args) as session, writing(out):
        year = year_of(session, args)
        if args.kind in ("district", "result"):
            if not args.district:
                raise CommandError("cli.report.needs_district", kind=args.kind)
            did = lookup.district_id(session, args.district)
            if args.kind == "result" or out.suffix.lower() == ".xlsx":
                written = result_file.export_district_results(session, year, did, out, lang)
            else:
                written = reports.write_district_report(session, year, did, out, lang)
        elif args.kind == "city":
            written = reports.write_city_report(session, year, out, lang)
        else:
            did = lookup.district_id(session, args.district) if args.district else None
            written = reports.write_questionnaire_report(session, year, out, did, args.circle, lang=lang)
    emit(args, written, text=text("cli.report.written", lang, path=written.path, kind=written.kind))


def cmd_recommend(args: argparse.Namespace) -> None:
    if args.unit:
        with write(args) as session:
            year = year_of(session, args)
            app = lookup.appointment_id(session, year, args.unit, args.planner, args.district)
            view = analysis.set_recommended(session, app, not args.off)
        emit(args, view, text=text("cli.recommend.marked" if view.recommended else "cli.recommend.unmarked",
                                   args.lang, district=view.district, unit=view.unit, planner=view.planner))
        return
    with read(args) as session:
        year = year_of(session, args)
        did = lookup.district_id(session, args.district) if args.district else None
        found = analysis.recommended(session, year, did)
    emit(args, found, heads(args.lang, "district", "unit", "planner"), [(a.district, a.unit, a.planner) for a in found])


# ---------------------------------------------------------------- options

def _dashboard(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--district", help="district (code or name)")
    p.add_argument("--city", action="store_true", help="the city dashboard (4-3 beside 4-2, circles)")
    p.add_argument("--outlier-distance", default="10", help="points from the other reviewers' mean (default 10)")
    p.add_argument("--tolerance", default="2", help="mean offset still counted as in line (default 2)")
    p.set_defaults(handler=cmd_dashboard)


def _questionnaires(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--district", help="only this district's questionnaires (code or name)")
    p.add_argument("--circle", metavar="CIRCLE", help=CIRCLE_HELP)
    p.set_defaults(handler=cmd_questionnaires)


def _history(p: argparse.ArgumentParser) -> None:
    p.add_argument("--planner", help="the planner (code or name) whose years to show")
    p.add_argument("--district", help="the district (code or name) whose years to show")
    p.set_defaults(handler=cmd_history)


def _report(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=("result", "district", "city", "questionnaire", "renewals"),
                   help="which report to write (renewals: the renewal view of --district, .xlsx or .pdf)")
    p.add_argument("-o", "--output", required=True, help="FILE.pdf (or FILE.xlsx for result / district)")
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--district", help="the district (code or name): result and district; filters questionnaire")
    p.add_argument("--circle", metavar="CIRCLE", help=f"questionnaire: {CIRCLE_HELP}")
    p.set_defaults(handler=cmd_report)


def _recommend(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--unit", help="unit (code or name); without it, list the marks")
    p.add_argument("--planner", help="planner, when the unit has several")
    p.add_argument("--district", help="district, to tell units apart or to filter the list")
    p.add_argument("--off", action="store_true", help="remove the mark")
    p.set_defaults(handler=cmd_recommend)


COMMANDS: dict[str, Configure] = {"dashboard": _dashboard, "questionnaires": _questionnaires,
                                  "history": _history, "report": _report, "recommend": _recommend}
