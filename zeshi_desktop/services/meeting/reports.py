"""What the meetings take home: the 3-3 result file (Excel, PDF) and the dashboard reports (PDF).

The dashboards compute; this module words the figures for paper and hands
plain data to ``printing`` (reportlab) or ``packages`` (openpyxl). Every file
is written to a temporary name and renamed, so a failure leaves no half file.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from zeshi_desktop.atomic_files import write_bytes_atomic
from zeshi_desktop.domain.scores import display
from zeshi_desktop.printing.reports import (
    BarSpec,
    Report,
    ReportSection,
    StackSpec,
    TableSpec,
    render_report,
    rows_as_text,
)
from zeshi_desktop.services.meeting.dashboards import (
    CityDashboard,
    DistrictDashboard,
    city_dashboard,
    district_dashboard,
)
from zeshi_desktop.services.meeting.questionnaire import (
    QuestionnaireSummary,
    questionnaire_summary,
)
from zeshi_desktop.services.meeting.result_file import Written, _num, _pct, _suffix

LEANING = {"strict": "偏严", "lenient": "偏松", "in_line": "一致"}


# ------------------------------------------------------------------ district report

def district_report(board: DistrictDashboard) -> Report:
    """The district meeting's report: ranking with chart, what is missing, and the trust figures."""
    r = board.ranking
    aggregation = "去掉一个最高分和一个最低分后的平均分" if r.trimmed_mean else "各评审人总分的平均分"
    ranked = [row for row in r.rows if row.total is not None]
    sections = [
        ReportSection("一、排名（附件3-3）",
                      f"权重：责任片区行政主体 {display(r.weights.street)}%，区级评审组 {display(r.weights.district)}%；"
                      f"区级评审组最终得分取{aggregation}。★ 为推荐区级优秀责师。",
                      BarSpec(tuple(f"{row.rank}. {row.unit}" for row in ranked), tuple(row.total for row in ranked),
                              "总分", highlight=tuple(row.key in board.recommended for row in ranked)),
                      TableSpec(("排名", "责任片区", "责任规划师", "3-1得分", "3-2最终得分", "加权3-1", "加权3-2",
                                 "总分", "等级", "推荐"),
                                rows_as_text([(row.rank or "—", row.unit, row.planner, _num(row.street_score),
                                               _num(row.district_score), _num(row.street_weighted),
                                               _num(row.district_weighted), _num(row.total),
                                               row.band.label.zh if row.band else "",
                                               "★" if row.key in board.recommended else "") for row in r.rows]),
                                (0.8, 2.2, 3, 1.1, 1.2, 1.1, 1.1, 1.1, 1, 0.8))),
        ReportSection("二、待交评审表（缺交或草稿）",
                      f"共 {board.waiting} 张评审表尚未定稿。",
                      table=TableSpec(("提交方", "应交", "已定稿", "草稿", "缺交"),
                                      rows_as_text([(f"{p.label}（3-1）", p.progress.expected, p.progress.final,
                                                     p.progress.draft, p.progress.missing) for p in board.offices] +
                                                   [(f"{p.label}（3-2）", p.progress.expected, p.progress.final,
                                                     p.progress.draft, p.progress.missing)
                                                    for p in board.reviewers]),
                                      (3, 1, 1, 1, 1))),
        ReportSection("三、评审人总分离散度（附件3-2）",
                      f"离群：某评审人的总分与其他评审人平均分相差超过 {display(board.outlier_distance)} 分。"
                      f"共 {board.outlier_count} 处离群。",
                      table=TableSpec(("责任片区 — 责师", "人数", "最低", "最高", "平均", "标准差", "离群评审人"),
                                      rows_as_text([(s.label, len(s.spread.totals), _num(s.spread.min),
                                                     _num(s.spread.max), _num(s.spread.mean), _num(s.spread.std),
                                                     "；".join(f"{s.reviewer(o.reviewer)} {_num(o.total)}"
                                                              f"（{'+' if o.distance > 0 else ''}{_num(o.distance)}）"
                                                              for o in s.spread.outliers))
                                                    for s in board.spreads]),
                                      (3.2, 0.7, 0.9, 0.9, 0.9, 0.9, 3.2),
                                      tuple(i for i, s in enumerate(board.spreads) if s.spread.outliers))),
        ReportSection("四、评审人宽严（与其他评审人平均分之差的均值）",
                      f"负数为偏严，正数为偏松；相差在 ±{display(board.offset_tolerance)} 分以内视为一致。",
                      BarSpec(tuple(o.reviewer.name for o in board.offsets),
                              tuple(o.offset.offset for o in board.offsets), "平均偏差（分；负 = 偏严）",
                              highlight=tuple(o.offset.leaning == "strict" for o in board.offsets)),
                      TableSpec(("评审人", "单位", "评审数", "平均偏差", "倾向", "离群次数"),
                                rows_as_text([(o.reviewer.name, o.reviewer.organisation, o.offset.subjects,
                                               ("+" if o.offset.offset > 0 else "") + _num(o.offset.offset),
                                               LEANING[o.offset.leaning], o.offset.outliers) for o in board.offsets]),
                                (1.4, 3, 1, 1, 0.8, 1))),
        ReportSection("五、各评分项平均得分率",
                      "平均分占该项满分的比例，按全区已定稿评审表计算。",
                      BarSpec(tuple(i.text for i in board.group_items),
                              tuple((i.share or Decimal(0)) * 100 for i in board.group_items),
                              "附件3-2 各项得分率（%）", value_max=Decimal(100)),
                      TableSpec(("附件", "评分项", "满分", "平均分", "得分率"),
                                rows_as_text([("3-1", i.text, display(i.max), _num(i.mean), _pct(i.share))
                                              for i in board.street_items] +
                                             [("3-2", i.text, display(i.max), _num(i.mean), _pct(i.share))
                                              for i in board.group_items]),
                                (0.7, 4.5, 0.8, 1, 1))),
        ReportSection("六、去掉最高最低分对排名的影响",
                      f"{board.impact.changed} 个责任片区的排名会改变（最多 {board.impact.max_move} 位）；"
                      f"{board.impact.trimmable} 个责任片区有不少于 5 位评审人，可去掉最高最低分。",
                      table=TableSpec(("责任片区", "责任规划师", "平均分排名", "总分", "去高低后排名", "总分", "变化"),
                                      rows_as_text([(c.unit, c.planner, c.rank_mean or "—", _num(c.total_mean),
                                                     c.rank_trimmed or "—", _num(c.total_trimmed),
                                                     "" if not c.moved else f"{'↑' if c.moved > 0 else '↓'}{abs(c.moved)}")
                                                    for c in board.impact.rows]),
                                      (2.2, 3, 1.1, 1, 1.2, 1, 0.8),
                                      tuple(i for i, c in enumerate(board.impact.rows) if c.moved))),
    ]
    return Report(f"{board.district.name} {board.year} 年度责任规划师评审会议报告",
                  f"{board.district.circle} · 附件3-1、3-2、3-3", tuple(sections),
                  footer=f"{board.district.name} {board.year} 评审会议报告")


def city_report(board: CityDashboard) -> Report:
    ranked = [r for r in board.rows if r.city_score is not None]
    rule = (f"合同规则：{board.contract_question.rstrip('：:')}——回答“否”的区不能评为“{board.excluded_band}”。"
            if board.contract_question else "")
    sections = [
        ReportSection("一、各区排名（附件4-3），与自评（附件4-2）对照", rule,
                      BarSpec(tuple(f"{r.rank}. {r.district}" for r in ranked), tuple(r.city_score for r in ranked),
                              "市级评审得分", value_max=Decimal(100),
                              highlight=tuple(r.blocked_by_contracts for r in ranked)),
                      TableSpec(("排名", "区", "圈层", "市级评审（4-3）", "自评（4-2）", "差值", "合同全部签订", "等级",
                                 "可评优秀"),
                                rows_as_text([(r.rank or "—", r.district, r.circle, _num(r.city_score),
                                               _num(r.self_score),
                                               _num(r.city_score - r.self_score)
                                               if r.city_score is not None and r.self_score is not None else "—",
                                               {True: "是", False: "否", None: "未答"}[r.contracts_signed],
                                               r.band.label.zh if r.band else "",
                                               "是" if r.eligible_excellent else
                                               ("否（合同未全部签订）" if r.blocked_by_contracts else "否"))
                                              for r in board.rows]),
                                (0.6, 1.2, 1.7, 1.1, 1.0, 0.8, 1.1, 0.7, 2.3),
                                tuple(i for i, r in enumerate(board.rows) if r.blocked_by_contracts))),
        ReportSection("二、各圈层责师考核结果（附件3-3 总分）", "",
                      BarSpec(tuple(c.circle for c in board.circles), tuple(c.mean_total for c in board.circles),
                              "平均总分"),
                      TableSpec(("圈层", "区数", "责任片区", "已排名", "平均总分", "最低", "最高",
                                 *board.circles[0].bands.keys(), "推荐优秀") if board.circles else ("圈层",),
                                rows_as_text([(c.circle, c.districts, c.units, c.ranked, _num(c.mean_total),
                                               _num(c.min_total), _num(c.max_total), *c.bands.values(),
                                               c.recommended) for c in board.circles]))),
        ReportSection("三、市级评审人总分离散度（附件4-3）",
                      f"离群：与其他评审人平均分相差超过 {display(board.outlier_distance)} 分。",
                      table=TableSpec(("区", "人数", "最低", "最高", "平均", "标准差", "离群评审人"),
                                      rows_as_text([(s.label, len(s.spread.totals), _num(s.spread.min),
                                                     _num(s.spread.max), _num(s.spread.mean), _num(s.spread.std),
                                                     "；".join(f"{s.reviewer(o.reviewer)} {_num(o.total)}"
                                                              for o in s.spread.outliers)) for s in board.spreads]),
                                      (1.5, 0.7, 0.9, 0.9, 0.9, 0.9, 3),
                                      tuple(i for i, s in enumerate(board.spreads) if s.spread.outliers))),
    ]
    return Report(f"{board.year} 年度各区责任规划师工作评审报告", "市级评审组 · 附件4-2、4-3、3-3",
                  tuple(sections), footer=f"{board.year} 年度市级评审报告")


def questionnaire_report(summary: QuestionnaireSummary) -> Report:
    scope = "、".join(x for x in (summary.district, summary.circle) if x) or "全市"
    labels = tuple(st.label for st in summary.statements)
    series = tuple((o, tuple(st.summary.counts[o] for st in summary.statements)) for o in summary.options)
    reasons = [(st.label, reason) for st in summary.statements for reason in st.summary.reasons]
    sections = [
        ReportSection("一、各观点的认可程度", f"认可 = {'、'.join(summary.agree_options)}。",
                      StackSpec(labels, series, "回答分布（份）"),
                      TableSpec(("观点", *summary.options, "认可比例"),
                                rows_as_text([(st.label, *st.summary.counts.values(),
                                               "" if st.summary.agree_share is None
                                               else f"{st.summary.agree_share * 100:.0f}%")
                                              for st in summary.statements]),
                                (5, *([0.9] * len(summary.options)), 1))),
        ReportSection("二、是否题", "", table=TableSpec(("问题", "是", "否"),
                                                    rows_as_text([(y.text, y.yes, y.no) for y in summary.yes_no]),
                                                    (6, 1, 1))),
        ReportSection(f"三、“{summary.reason_option}”的理由", "" if reasons else "无。",
                      table=TableSpec(("观点", "理由"), rows_as_text(reasons), (3, 4)) if reasons else None),
        ReportSection("四、难点与建议", "" if summary.free_texts else "无。",
                      table=TableSpec(("区", "责任单元", "责师", "难点/建议"),
                                      rows_as_text([(f.district, f.unit, f.planner, f.text)
                                                    for f in summary.free_texts]), (1, 1.4, 2, 5))
                      if summary.free_texts else None),
    ]
    return Report(f"{summary.year} 年度市区两级专班及街乡镇工作调查问卷汇总",
                  f"范围：{scope} · 已定稿问卷 {summary.questionnaires} 份", tuple(sections),
                  footer=f"{summary.year} 问卷汇总（{scope}）")


# ------------------------------------------------------------------ writing the reports

def write_district_report(session: Session, year: int, district_id: int, path: Path) -> Written:
    _suffix(path, (".pdf",))
    board = district_dashboard(session, year, district_id)
    write_bytes_atomic(Path(path), render_report(district_report(board)))
    return Written(Path(path), "pdf", len(board.ranking.rows))


def write_city_report(session: Session, year: int, path: Path) -> Written:
    _suffix(path, (".pdf",))
    board = city_dashboard(session, year)
    write_bytes_atomic(Path(path), render_report(city_report(board)))
    return Written(Path(path), "pdf", len(board.rows))


def write_questionnaire_report(session: Session, year: int, path: Path, district_id: int | None = None,
                               circle: str | None = None) -> Written:
    _suffix(path, (".pdf",))
    summary = questionnaire_summary(session, year, district_id, circle)
    write_bytes_atomic(Path(path), render_report(questionnaire_report(summary)))
    return Written(Path(path), "pdf", len(summary.statements))
