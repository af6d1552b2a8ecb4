"""Core commands: demo, forms, score, finalize, unlock, audit, weights, rank."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from zeshi_desktop.demo import fixture as demo
from zeshi_desktop.domain.scores import display
from zeshi_desktop.services import catalogue, lookup, roster
from zeshi_desktop.services.meeting import ranking
from zeshi_desktop.services.scoring import sheets

from .common import YEAR_HELP, CommandError, db_path, emit, read, write, year_of


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
            raise CommandError(f"附件{form.id} 需要 --unit")
        appointment_id = lookup.appointment_id(session, year, args.unit, args.planner, args.district)
    else:
        if not args.district:
            raise CommandError(f"附件{form.id} 需要 --district")
        district_id = lookup.district_id(session, args.district)
    if form.filled_by in ("district_reviewer", "city_reviewer"):
        if not args.reviewer:
            raise CommandError(f"附件{form.id} 需要 --reviewer")
        reviewer_id = lookup.reviewer_id(session, year, args.reviewer)
    return sheets.open_sheet(session, form.id, year, appointment_id=appointment_id, district_id=district_id,
                             reviewer_id=reviewer_id).id


def _sheet_report(view: sheets.SheetView) -> dict[str, Any]:
    out: dict[str, Any] = {"sheet": view.id, "uid": view.uid, "form": view.form_id, "year": view.year,
                           "status": view.status, "scores": view.scores}
    if view.totals is not None:
        out.update(total=view.totals.total, band=view.totals.band.label.zh, sections=view.totals.section_sums,
                   parts=view.totals.part_sums, missing=view.totals.missing)
    if view.answers:
        out["answers"] = view.answers
    if view.remarks:
        out["remarks"] = view.remarks
    return out


def _print_sheet(args: argparse.Namespace, view: sheets.SheetView) -> None:
    report = _sheet_report(view)
    form = catalogue.form(view.form_id)
    if args.json or not form.is_scored:
        emit(args, report)
        return
    rows = [(item.id, item.short, item.max, view.scores.get(item.id, "")) for item in form.items]
    emit(args, report, ["item", "评分项", "满分", "评分"], rows)
    assert view.totals is not None
    status = "已定稿" if view.is_final else "草稿"
    print(f"{form.total_label.zh}: {display(view.totals.total)}  {view.totals.band.label.zh}  ({status})")


# ---------------------------------------------------------------- handlers

def cmd_demo(args: argparse.Namespace) -> None:
    with write(args) as session:
        if roster.years(session) and not args.force:
            raise CommandError("数据库不是空的；加 --force 也只会添加演示年度，不会删除数据"
                               if args.year in roster.years(session) else
                               "数据库不是空的；演示数据只写入空数据库（或加 --force 写入新的年度）")
        if args.year in roster.years(session):
            raise CommandError(f"{args.year} 年度已存在")
        counts = demo.load_demo(session, args.year)
    emit(args, {"year": args.year, **counts},
         text=f"演示数据已写入 {db_path(args)}：{args.year} 年度，" +
         "，".join(f"{k} {v}" for k, v in counts.items()))


def cmd_forms(args: argparse.Namespace) -> None:
    forms = catalogue.forms()
    if args.form:
        form = catalogue.form(args.form)
        data = {"id": form.id, "title": form.title.zh, "kind": form.kind, "total": form.total,
                "parts": [{"id": p.id, "label": p.label.zh, "max": p.max, "sections": [
                    {"id": s.id, "title": s.title.zh, "max": s.max,
                     "items": [{"id": i.id, "text": i.text.zh, "max": i.max} for i in s.items]}
                    for s in p.sections]} for p in form.parts],
                "bands": [{"min": b.min, "label": b.label.zh} for b in form.bands]}
        rows = [(s.title.zh, i.id, i.text.zh if len(i.text.zh) < 40 else i.text.zh[:39] + "…", i.max)
                for s in form.sections for i in s.items]
        emit(args, data, ["部分", "item", "评分项", "满分"], rows)
        return
    data = [{"id": f.id, "title": f.title.zh, "kind": f.kind, "total": f.total, "items": len(f.items),
             "sections": [{"title": s.title.zh, "max": s.max} for s in f.sections]} for f in forms.values()]
    rows = [(f.id, f.short_title, f.kind, f.total or "", len(f.items) or "",
             " / ".join(f"{p.label.zh} {display(p.max)}" for p in f.parts)) for f in forms.values()]
    emit(args, data, ["附件", "名称", "类型", "总分", "评分项", "构成"], rows)


def _score_values(args: argparse.Namespace) -> dict[str, str]:
    values: dict[str, str] = {}
    if args.file:
        data = json.loads(Path(args.file).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise CommandError(f"{args.file}: 应为 {{\"item_id\": score}} 形式的 JSON 对象")
        values.update({str(k): str(v) for k, v in data.items()})
    for pair in args.scores:
        if "=" not in pair:
            raise CommandError(f"“{pair}”应写成 ITEM=SCORE")
        key, value = pair.split("=", 1)
        values[key.strip()] = value
    return values


def cmd_score(args: argparse.Namespace) -> None:
    values = _score_values(args)
    answers = dict(a.split("=", 1) for a in args.answer) if args.answer else {}
    if not values and args.remarks is None and not answers:
        raise CommandError("没有要写入的分数：用 ITEM=SCORE、--file、--remarks 或 --answer")
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
    emit(args, _sheet_report(view), text=f"评审表 {view.id} 已定稿")


def cmd_unlock(args: argparse.Namespace) -> None:
    with write(args) as session:
        view = sheets.unlock(session, _sheet_id(session, args), args.reason, args.actor)
    emit(args, _sheet_report(view), text=f"评审表 {view.id} 已解锁：{args.reason}")


def cmd_audit(args: argparse.Namespace) -> None:
    with write(args) as session:
        entries = sheets.audit_log(session, _sheet_id(session, args))
    emit(args, entries, ["时间", "操作人", "操作", "评分项", "原值", "新值", "理由"],
         [(e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.action, e.item_id or "", e.old or "", e.new or "",
           e.reason) for e in entries])


def cmd_weights(args: argparse.Namespace) -> None:
    with write(args) as session:
        year = year_of(session, args)
        district_id = lookup.district_id(session, args.district)
        if args.street is not None or args.group is not None:
            if args.street is None or args.group is None:
                raise CommandError("须同时给出 --street 和 --group 两项权重")
            ranking.set_weights(session, year, district_id, args.street, args.group)
        if args.trimmed is not None:
            ranking.set_trimmed_mean(session, year, district_id, args.trimmed == "on")
        w, is_set, trimmed = ranking.weights(session, year, district_id)
    emit(args, {"year": year, "street": w.street, "group": w.district,
                "set": is_set, "trimmed_mean": trimmed},
         text=f"{year} 年度权重：责任片区行政主体 {display(w.street)}%，区级评审组 {display(w.district)}%"
              f"{'' if is_set else '（默认）'}；{'去掉最高最低分后平均' if trimmed else '算术平均'}")


def cmd_rank(args: argparse.Namespace) -> None:
    with read(args) as session:
        year = year_of(session, args)
        if args.districts:
            city = ranking.city_ranking(session, year)
            data = [{"rank": r.rank, "district": r.district, "circle": r.circle, "city_score": r.city_score,
                     "self_score": r.self_score, "contracts_signed": r.contracts_signed,
                     "band": r.band.label.zh if r.band else None, "excellent_eligible": r.eligible_excellent,
                     "blocked_by_contracts": r.blocked_by_contracts} for r in city.rows]
            rows = [(r.rank or "—", r.district, r.circle, r.city_score, r.self_score,
                     {True: "是", False: "否", None: "—"}[r.contracts_signed],
                     (r.band.label.zh if r.band else "—") + ("（合同未全部签订，不可评优）" if r.blocked_by_contracts else ""))
                    for r in city.rows]
            emit(args, {"year": year, "trimmed_mean": city.trimmed_mean, "rows": data},
                 ["排名", "区", "圈层", "市级评审", "自评", "合同全部签订", "等级"], rows)
            return
        if not args.district:
            raise CommandError("请给出 --district D，或用 --districts 查看全市各区排名")
        result = ranking.district_ranking(session, year, lookup.district_id(session, args.district))
    data = {"year": year, "district": result.district, "street_weight": result.weights.street,
            "district_weight": result.weights.district, "trimmed_mean": result.trimmed_mean,
            "rows": [{"rank": r.rank, "unit": r.unit, "planner": r.planner, "street_score": r.street_score,
                      "district_score": r.district_score, "street_weighted": r.street_weighted,
                      "district_weighted": r.district_weighted, "total": r.total,
                      "band": r.band.label.zh if r.band else None} for r in result.rows]}
    rows = [(r.rank or "—", r.unit, r.planner, r.street_weighted, r.district_weighted, r.total,
             r.band.label.zh if r.band else "未完成") for r in result.rows]
    emit(args, data, ["排名", "责任片区", "责师", "行政主体评审分数", "区级评审组评审分数", "总分", "等级"], rows)


def cmd_sheets(args: argparse.Namespace) -> None:
    with read(args) as session:
        year = year_of(session, args)
        district_id = lookup.district_id(session, args.district) if args.district else None
        found = sheets.sheets(session, year, args.form, district_id=district_id, status=args.status)
    data = [{"sheet": v.id, "form": v.form_id, "status": v.status, "appointment": v.appointment_id,
             "district": v.district_id, "reviewer": v.reviewer_id,
             "total": v.totals.total if v.totals else None} for v in found]
    emit(args, data, ["编号", "附件", "状态", "聘任", "区", "评审人", "总分"],
         [(d["sheet"], d["form"], d["status"], d["appointment"] or "", d["district"] or "", d["reviewer"] or "",
           d["total"] if d["total"] is not None else "") for d in data])


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="fill an empty database with a fictional review year")
    p.add_argument("--year", type=int, default=demo.DEMO_YEAR)
    p.add_argument("--force", action="store_true", help="add the demo year to a database that has other years")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("forms", help="the annexes with their sections and maxima")
    p.add_argument("form", nargs="?", help="one annex, e.g. 3-1")
    p.set_defaults(handler=cmd_forms)

    p = sub.add_parser("score", help="set item scores of one sheet (ITEM=SCORE ... or --file JSON)")
    _add_sheet_selectors(p)
    p.add_argument("scores", nargs="*", metavar="ITEM=SCORE")
    p.add_argument("--file", help="JSON object {item_id: score}")
    p.add_argument("--remarks", help="意见建议")
    p.add_argument("--answer", action="append", metavar="KEY=VALUE", help="a non-numeric answer (5-1, 4-2, 4-1)")
    p.set_defaults(handler=cmd_score)

    p = sub.add_parser("show", help="show one sheet with its totals")
    _add_sheet_selectors(p)
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("finalize", help="finalise (lock) one sheet")
    _add_sheet_selectors(p)
    p.set_defaults(handler=cmd_finalize)

    p = sub.add_parser("unlock", help="unlock a finalised sheet, with a reason for the audit log")
    _add_sheet_selectors(p)
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_unlock)

    p = sub.add_parser("audit", help="the audit log of one sheet")
    _add_sheet_selectors(p)
    p.set_defaults(handler=cmd_audit)

    p = sub.add_parser("weights", help="show or set a district's 3-3 weights and aggregation")
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--district", required=True)
    p.add_argument("--street", help="责任片区行政主体评分权重 (%%)")
    p.add_argument("--group", help="区级评审组评分权重 (%%)")
    p.add_argument("--trimmed", choices=("on", "off"), help="trimmed mean of the review group's totals")
    p.set_defaults(handler=cmd_weights)

    p = sub.add_parser("rank", help="3-3 ranking of a district, or the city ranking of districts")
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--district")
    p.add_argument("--districts", action="store_true", help="rank the districts (4-3, with the 4-2 contract rule)")
    p.set_defaults(handler=cmd_rank)

    p = sub.add_parser("sheets", help="list the sheets of a year")
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--form")
    p.add_argument("--district")
    p.add_argument("--status", choices=("draft", "final"))
    p.set_defaults(handler=cmd_sheets)
