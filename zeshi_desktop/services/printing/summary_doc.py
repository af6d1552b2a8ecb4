"""Building the 4-1 district summary for printing: texts, cases with pictures, roster appendix."""

from __future__ import annotations

from sqlalchemy.orm import Session

from zeshi_desktop.printing.data import (
    AppendixTable,
    Case,
    Heading,
    Picture,
    SummaryDoc,
)
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.printing.content import SheetRecord
from zeshi_desktop.services.printing.planned import Planned, stamp_for
from zeshi_desktop.services.scoring import district_summary as summary


def _appendix(session: Session, year: int, district_id: int) -> tuple[AppendixTable, ...]:
    """The four tables the outline's appendix names, from the roster of the district."""
    apps = roster.appointments(session, year, district_id)
    planners = {a.planner_id: roster.planner(session, a.planner_id) for a in apps}
    teams = tuple((a.unit, a.planner, "团队" if planners[a.planner_id].is_team else "个人",
                   planners[a.planner_id].organisation, planners[a.planner_id].leader) for a in apps)
    members = tuple((p.name, m.name, m.discipline, m.qualification, "是" if m.is_core else "否")
                    for p in planners.values() for m in p.members)
    contracts = tuple((a.unit, a.planner, f"{a.term_start}年起{a.term_years}年", "续聘" if a.renewal else "首聘",
                       "已签订" if a.contract_signed else "未签订") for a in apps)
    funds = tuple((a.unit, a.planner, "" if a.fee_amount is None else f"{a.fee_amount:,}",
                   "已拨付" if a.fee_paid else "未拨付") for a in apps)
    return (AppendixTable("责任团队名单", ("责任片区", "责任规划师", "类型", "所在单位", "负责人"), teams),
            AppendixTable("团队成员名单", ("责任规划师", "成员", "专业", "资格", "核心成员"), members),
            AppendixTable("合同签订情况", ("责任片区", "责任规划师", "聘期", "聘任", "合同"), contracts),
            AppendixTable("经费落实情况", ("责任片区", "责任规划师", "经费（元）", "拨付"), funds))


def _cases(session: Session, rec: SheetRecord) -> tuple[Case, ...]:
    pictures: dict[str, list[Picture]] = {}
    for p in summary.pictures(session, rec.id):
        pictures.setdefault(p.key, []).append(Picture(p.name, p.mime, p.data))
    return tuple(Case(rec.answers.get(f"title:cases#{n}", ""), rec.answers.get(f"text:cases#{n}", ""),
                      tuple(pictures.get(f"cases#{n}", ()))) for n in summary.case_numbers(rec.answers, pictures))


def summary_doc(session: Session, year: int, district: roster.DistrictView, rec: SheetRecord | None) -> Planned:
    """The planned 4-1 document of a district."""
    form = catalogue.form("4-1")
    heading = Heading(year, district.name)
    texts = {} if rec is None else {k[5:]: v for k, v in rec.answers.items()
                                     if k.startswith("text:") and "#" not in k}
    cases = () if rec is None else _cases(session, rec)
    final = rec is not None and rec.is_final
    contents = [rec.content()] if rec is not None and final else None
    doc = SummaryDoc(form, heading, texts, cases, _appendix(session, year, district.id), final,
                     stamp=stamp_for(contents) if contents else None)
    return Planned(doc, contents, rec.id if rec is not None else None)
