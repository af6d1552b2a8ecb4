"""Dashboard and report commands: dashboard, history, report, recommend.

The same services as the dashboards in the window, for a meeting without the
window (or a script): tables on the terminal, JSON with ``--json``, files
with ``-o``.
"""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from zeshi_desktop.domain.scores import display
from zeshi_desktop.services import lookup, roster
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.meeting import history, reports, result_file
from zeshi_desktop.services.meeting import questionnaire as dashboard

from .common import YEAR_HELP, CommandError, emit, read, table, write, year_of

LEANING = reports.LEANING



def _points(raw: str, name: str) -> Decimal:
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise CommandError(f"{name}“{raw}”不是数字") from None
    if not value.is_finite() or value < 0:
        raise CommandError(f"{name}应为不小于 0 的数字，而不是“{raw}”")
    return value


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + display(value)


def _district_data(board: analysis.DistrictDashboard) -> dict[str, Any]:
    r = board.ranking
    return {
        "year": board.year, "district": board.district.name, "circle": board.district.circle,
        "street_weight": r.weights.street, "district_weight": r.weights.district, "trimmed_mean": r.trimmed_mean,
        "outlier_distance": board.outlier_distance, "offset_tolerance": board.offset_tolerance,
        "ranking": [{"rank": row.rank, "appointment": row.key, "unit": row.unit, "planner": row.planner,
                     "street_score": row.street_score, "district_score": row.district_score,
                     "street_weighted": row.street_weighted, "district_weighted": row.district_weighted,
                     "total": row.total, "band": row.band.label.zh if row.band else None,
                     "recommended": row.key in board.recommended} for row in r.rows],
        "waiting": board.waiting,
        "offices": [{"office": p.label, "expected": p.progress.expected, "final": p.progress.final,
                     "draft": p.progress.draft, "missing": p.progress.missing} for p in board.offices],
        "reviewers": [{"reviewer": p.label, "expected": p.progress.expected, "final": p.progress.final,
                       "draft": p.progress.draft, "missing": p.progress.missing} for p in board.reviewers],
        "spreads": [{"subject": s.label, "appointment": s.key, "reviewers": len(s.spread.totals),
                     "min": s.spread.min, "max": s.spread.max, "mean": s.spread.mean, "std": s.spread.std,
                     "outliers": [{"reviewer": s.reviewer(o.reviewer), "total": o.total,
                                   "others_mean": o.others_mean, "distance": o.distance}
                                  for o in s.spread.outliers]} for s in board.spreads],
        "offsets": [{"reviewer": o.reviewer.name, "code": o.reviewer.code, "subjects": o.offset.subjects,
                     "offset": o.offset.offset, "leaning": o.offset.leaning, "outliers": o.offset.outliers}
                    for o in board.offsets],
        "items": {form_id: [{"item": i.item_id, "text": i.text, "max": i.max, "mean": i.mean, "share": i.share,
                             "count": i.count} for i in items]
                  for form_id, items in (("3-1", board.street_items), ("3-2", board.group_items))},
        "trimmed_impact": {"changed": board.impact.changed, "trimmable": board.impact.trimmable,
                           "rows": [{"unit": c.unit, "planner": c.planner, "rank_mean": c.rank_mean,
                                     "rank_trimmed": c.rank_trimmed, "total_mean": c.total_mean,
                                     "total_trimmed": c.total_trimmed, "moved": c.moved}
                                    for c in board.impact.rows]},
    }


def _district_text(board: analysis.DistrictDashboard) -> str:
    r = board.ranking
    parts = [
        f"{board.district.name} {board.year} 年度  权重 {display(r.weights.street)}% / {display(r.weights.district)}%"
        f"  {'去掉最高最低分' if r.trimmed_mean else '算术平均'}  待交评审表 {board.waiting} 张",
        table(["排名", "责任片区", "责师", "加权3-1", "加权3-2", "总分", "等级", "推荐"],
              [(row.rank or "—", row.unit, row.planner, row.street_weighted, row.district_weighted, row.total,
                row.band.label.zh if row.band else "未完成", "★" if row.key in board.recommended else "")
               for row in r.rows]),
        "\n缺交 / 草稿",
        table(["提交方", "附件", "应交", "已定稿", "草稿", "缺交"],
              [(p.label, "3-1", p.progress.expected, p.progress.final, p.progress.draft, p.progress.missing)
               for p in board.offices] +
              [(p.label, "3-2", p.progress.expected, p.progress.final, p.progress.draft, p.progress.missing)
               for p in board.reviewers]),
        f"\n评审人总分离散度（离群：与其他评审人平均相差超过 {display(board.outlier_distance)} 分）",
        table(["责任片区 — 责师", "最低", "最高", "平均", "标准差", "离群"],
              [(s.label, s.spread.min, s.spread.max, s.spread.mean, s.spread.std,
                "；".join(f"{s.reviewer(o.reviewer)} {display(o.total)}（{_signed(o.distance)}）"
                         for o in s.spread.outliers)) for s in board.spreads]),
        "\n评审人宽严（负 = 偏严）",
        table(["评审人", "评审数", "平均偏差", "倾向", "离群次数"],
              [(o.reviewer.name, o.offset.subjects, _signed(o.offset.offset), LEANING[o.offset.leaning],
                o.offset.outliers) for o in board.offsets]),
        "\n各评分项得分率",
        table(["附件", "评分项", "满分", "平均", "得分率"],
              [(form_id, i.text, i.max, i.mean, f"{display(i.share * 100, 1)}%" if i.share is not None else "")
               for form_id, items in (("3-1", board.street_items), ("3-2", board.group_items)) for i in items]),
        f"\n去掉最高最低分：{board.impact.changed} 个责任片区排名改变",
        table(["责任片区", "平均分排名", "去高低后排名", "变化"],
              [(c.unit, c.rank_mean or "—", c.rank_trimmed or "—", "" if not c.moved else _signed(Decimal(c.moved)))
               for c in board.impact.rows]),
    ]
    return "\n".join(parts)


def cmd_dashboard(args: argparse.Namespace) -> None:
    distance = _points(args.outlier_distance, "离群距离")
    tolerance = _points(args.tolerance, "宽严容差")
    with read(args) as session:
        year = year_of(session, args)
        if args.city:
            board = analysis.city_dashboard(session, year, outlier_distance=distance, offset_tolerance=tolerance)
            data = {"year": year, "excluded_band": board.excluded_band, "contract_question": board.contract_question,
                    "districts": [{"rank": r.rank, "district": r.district, "circle": r.circle,
                                   "city_score": r.city_score, "self_score": r.self_score,
                                   "contracts_signed": r.contracts_signed,
                                   "band": r.band.label.zh if r.band else None,
                                   "eligible_excellent": r.eligible_excellent,
                                   "blocked_by_contracts": r.blocked_by_contracts} for r in board.rows],
                    "circles": board.circles}
            text = "\n".join([
                table(["排名", "区", "圈层", "市级评审", "自评", "合同全部签订", "等级", "可评优秀"],
                      [(r.rank or "—", r.district, r.circle, r.city_score, r.self_score,
                        {True: "是", False: "否", None: "—"}[r.contracts_signed], r.band.label.zh if r.band else "",
                        "是" if r.eligible_excellent else ("否（合同）" if r.blocked_by_contracts else "否"))
                       for r in board.rows]),
                "\n各圈层（附件3-3 总分）",
                table(["圈层", "区", "责任片区", "平均", "最低", "最高", *(board.circles[0].bands if board.circles else ())],
                      [(c.circle, c.districts, c.units, c.mean_total, c.min_total, c.max_total, *c.bands.values())
                       for c in board.circles])])
            emit(args, data, text=text)
            return
        if not args.district:
            raise CommandError("请给出 --district D，或 --city")
        board = analysis.district_dashboard(session, year, lookup.district_id(session, args.district),
                                            outlier_distance=distance, offset_tolerance=tolerance)
    emit(args, _district_data(board), text=_district_text(board))


def cmd_questionnaires(args: argparse.Namespace) -> None:
    with read(args) as session:
        year = year_of(session, args)
        did = lookup.district_id(session, args.district) if args.district else None
        summary = dashboard.questionnaire_summary(session, year, did, args.circle)
    rows = [(st.text[:24], *st.summary.counts.values(),
             "" if st.summary.agree_share is None else f"{st.summary.agree_share * 100:.0f}%",
             len(st.summary.reasons)) for st in summary.statements]
    text = "\n".join([f"已定稿问卷 {summary.questionnaires} 份",
                      table(["观点", *summary.options, "认可", "理由数"], rows),
                      *(f"{y.text}：是 {y.yes}，否 {y.no}" for y in summary.yes_no)])
    emit(args, summary, text=text)


def cmd_history(args: argparse.Namespace) -> None:
    with read(args) as session:
        if args.planner:
            h = history.years_history(session, planner_id=lookup.planner_id(session, args.planner))
            rows = [(r.year, r.district, r.unit, f"{r.rank}/{r.ranked}" if r.rank else "—", r.total,
                     r.band.label.zh if r.band else "", "★" if r.recommended else "") for r in h.planner_rows]
            emit(args, h, ["年度", "区", "责任片区", "排名", "总分", "等级", "推荐"], rows)
        elif args.district:
            h = history.years_history(session, district_id=lookup.district_id(session, args.district))
            rows = [(r.year, f"{r.rank}/{r.ranked}" if r.rank else "—", r.city_score, r.self_score,
                     r.band.label.zh if r.band else "", r.units, r.mean_total, r.recommended) for r in h.district_rows]
            emit(args, h, ["年度", "全市排名", "市级评审", "自评", "等级", "责任片区", "平均总分", "推荐"], rows)
        else:
            raise CommandError("请给出 --planner P 或 --district D")


def cmd_report(args: argparse.Namespace) -> None:
    out = Path(args.output)
    with read(args) as session:
        year = year_of(session, args)
        if args.kind in ("district", "result"):
            if not args.district:
                raise CommandError(f"zeshi report {args.kind} 需要 --district")
            did = lookup.district_id(session, args.district)
            if args.kind == "result" or out.suffix.lower() == ".xlsx":
                written = result_file.export_district_results(session, year, did, out)
            else:
                written = reports.write_district_report(session, year, did, out)
        elif args.kind == "city":
            written = reports.write_city_report(session, year, out)
        else:
            did = lookup.district_id(session, args.district) if args.district else None
            written = reports.write_questionnaire_report(session, year, out, did, args.circle)
    emit(args, written, text=f"已写入 {written.path}（{written.kind}）")


def cmd_recommend(args: argparse.Namespace) -> None:
    if args.unit:
        with write(args) as session:
            year = year_of(session, args)
            app = lookup.appointment_id(session, year, args.unit, args.planner, args.district)
            view = analysis.set_recommended(session, app, not args.off)
        emit(args, view, text=f"{view.district} {view.unit} {view.planner}："
                              f"{'已推荐为区级优秀责师' if view.recommended else '已取消推荐'}")
        return
    with read(args) as session:
        year = year_of(session, args)
        did = lookup.district_id(session, args.district) if args.district else None
        found = analysis.recommended(session, year, did)
    emit(args, found, ["区", "责任片区", "责师"], [(a.district, a.unit, a.planner) for a in found])


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dashboard", help="the district (3-3) or city dashboard as tables or JSON")
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--district", help="district (code or name)")
    p.add_argument("--city", action="store_true", help="the city dashboard (4-3 beside 4-2, circles)")
    p.add_argument("--outlier-distance", default="10", help="points from the other reviewers' mean (default 10)")
    p.add_argument("--tolerance", default="2", help="mean offset still counted as in line (default 2)")
    p.set_defaults(handler=cmd_dashboard)

    p = sub.add_parser("questionnaires", help="the 5-1 summary: answers per statement, reasons, suggestions")
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--district")
    p.add_argument("--circle", choices=roster.CIRCLES)
    p.set_defaults(handler=cmd_questionnaires)

    p = sub.add_parser("history", help="a planner's or a district's results across the years")
    p.add_argument("--planner")
    p.add_argument("--district")
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser("report", help="write a report: result (3-3 .xlsx/.pdf), district, city, questionnaire")
    p.add_argument("kind", choices=("result", "district", "city", "questionnaire"))
    p.add_argument("-o", "--output", required=True, help="FILE.pdf (or FILE.xlsx for result / district)")
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--district")
    p.add_argument("--circle", choices=roster.CIRCLES)
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("recommend", help="mark a planner in a unit as recommended excellent (or list the marks)")
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--unit", help="unit (code or name); without it, list the marks")
    p.add_argument("--planner", help="planner, when the unit has several")
    p.add_argument("--district", help="district, to tell units apart or to filter the list")
    p.add_argument("--off", action="store_true", help="remove the mark")
    p.set_defaults(handler=cmd_recommend)
