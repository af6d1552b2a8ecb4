"""Regenerate dashboards_en.ts from the tr("...") calls in zeshi_desktop/gui/dashboards, then compile the .qm.

Run from the repository root:  python resources/i18n/dashboards_update.py
A source string without an English entry below is written as "unfinished"
and listed on stderr (tests/gui/dashboards/test_translations.py fails on it).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "zeshi_desktop" / "gui" / "dashboards"
TS = Path(__file__).resolve().parent / "dashboards_en.ts"
CONTEXT = "dashboards"

EN = {
    "区级评审看板": "District dashboard", "市级评审看板": "City dashboard", "问卷汇总": "Questionnaire summary",
    "历年结果": "Results by year", "是": "Yes", "否": "No", "未答": "Not answered",
    "各区排名（4-3 与 4-2）": "Districts (4-3 and 4-2)", "圈层对比": "Circles", "市级评审人": "City reviewers",
    "市级评审（4-3）与自评（4-2）": "City review (4-3) and self-assessment (4-2)",
    "各圈层责任片区平均总分（3-3）": "Mean unit total per circle (3-3)", "排名": "Rank", "区": "District",
    "圈层": "Circle", "市级评审 4-3": "City review 4-3", "自评 4-2": "Self-assessment 4-2", "差值": "Difference",
    "合同全部签订": "All contracts signed", "等级": "Band", "可评优秀": "May be excellent", "责任片区": "Unit",
    "平均": "Mean", "最低": "Min", "最高": "Max", "推荐优秀": "Recommended", "区内排名": "Rank in district",
    "责任规划师": "Planner", "总分": "Total", "全部": "All", "人数": "Reviewers", "标准差": "Std. dev.",
    "离群评审人": "Outlying reviewers", "评审人": "Reviewer", "平均偏差": "Mean offset", "倾向": "Leaning",
    "各责任片区（按 3-3 总分）——圈层：": "Units by 3-3 total — circle:",
    "否：合同未全部签订": "No: contracts not all signed", "否（合同）": "No (contracts)", "合同签订": "Contracts",
    "推荐": "Recommended", "与自评之差：{d}": "Minus self-assessment: {d}", "4-3": "4-3", "4-2": "4-2", "平均总分": "Mean total",
    "{year} 年度 · 合同规则：“{q}”回答“否”的区不能评为“{band}”（标红）。":
        "{year} · Contract rule: a district answering 'no' to “{q}” cannot be rated “{band}” (in red).",
    "未完成": "Incomplete", "操作被拒绝": "The action was refused", "偏严": "Strict", "偏松": "Lenient",
    "一致": "In line", "区级评审会议看板": "District review meeting", "筛选：责任片区或责师": "Filter: unit or planner",
    "排名与推荐": "Ranking and recommendations", " 分": " pts", "评审人离散度": "Reviewer spread",
    "评审人宽严": "Strict / lenient", "评分项得分率": "Item shares", "去掉最高最低分的影响": "Trimmed-mean impact",
    "去掉一个最高分和一个最低分后的平均分": "the mean without the highest and the lowest total",
    "各评审人总分的平均分": "the mean of the reviewers' totals",
    "各评审人总分（红 = 离群，黑 = 平均）": "Reviewers' totals (red = outlier, black = mean)",
    "评审人总分": "Reviewer total", "离群": "Outlier", "评审人平均偏差（分）": "Reviewers' mean offset (points)",
    "导出": "Export", "已导出": "Exported", "导出结果文件 Excel": "Result file to Excel",
    "导出结果文件 PDF": "Result file to PDF", "导出会议报告 PDF": "Meeting report PDF",
    "还没有区。请先在名册中添加区。": "No district yet. Add one in the roster first.",
    "推荐为区级优秀责任规划师（勾选即保存）": "Recommend as an excellent planner of the district (saved when ticked)",
    "3-1 得分 {score} × {weight}%": "3-1 score {score} × {weight}%",
    "3-2 最终得分 {score} × {weight}%": "3-2 final score {score} × {weight}%", "加权3-1": "Weighted 3-1", "加权3-2": "Weighted 3-2",
    "评审表已全部定稿": "All sheets are final", "提交方": "From", "附件": "Annex", "已定稿": "Final",
    "草稿": "Draft", "缺交": "Missing", "单位": "Organisation", "评审数": "Scored", "离群次数": "Outliers",
    "附件3-1 各项得分率（%）": "Annex 3-1 item shares (%)", "附件3-2 各项得分率（%）": "Annex 3-2 item shares (%)",
    "平均分排名": "Rank (mean)", "总分（平均）": "Total (mean)", "去高低后排名": "Rank (trimmed)",
    "总分（去高低）": "Total (trimmed)", "变化": "Change", "会议报告": "meeting report",
    "考核评优结果": "result file", "Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)", "PDF (*.pdf)": "PDF (*.pdf)",
    "区：": "District:", "等级：": "Band:",
    "离群距离（与其他评审人平均分相差超过）：": "Outlier distance (from the other reviewers' mean, more than):",
    "{year} 年度 · 权重：责任片区行政主体 {street}%，区级评审组 {group}% · 区级评审组最终得分取{agg}":
        "{year} · Weights: office {street}%, review group {group}% · review group score: {agg}",
    "离群 {n} 处": "{n} outliers",
    "平均偏差 = 该评审人总分减去其他评审人平均分，再对所评各责任片区取平均。负数为偏严，正数为偏松；±{tol} 分以内视为一致。":
        "Mean offset = the reviewer's total minus the other reviewers' mean, averaged over the units scored. "
        "Negative = strict, positive = lenient; within ±{tol} points = in line.",
    "改用去掉一个最高分和一个最低分后的平均分：{changed} 个责任片区的排名会改变（最多 {max} 位）；{trim} 个责任片区有不少于 5 位评审人。当前采用：{now}。":
        "With the trimmed mean (highest and lowest total dropped) {changed} units change rank (by at most {max}); "
        "{trim} units have at least 5 reviewers. In use: {now}.",
    "导出失败": "Export failed", "已写入 {path}": "Written to {path}", "待交评审表：{n} 张": "Sheets outstanding: {n}",
    "得分率": "Share", "去掉最高最低分": "trimmed mean", "算术平均": "mean", "回答分布": "Answers",
    "不同意的理由": "Reasons for disagreeing", "难点与建议": "Difficulties and suggestions",
    "各观点的回答分布（份）": "Answers per statement (count)",
    "调查问卷汇总（附件5-1）": "Questionnaire summary (Annex 5-1)", "观点": "Statement", "认可比例": "Agreeing",
    "回答": "Answers", "不同意": "Disagree", "不同意理由": "Reason", "责任单元": "Unit", "难点/建议": "Difficulty / suggestion",
    "圈层：": "Circle:", "{year} 年度 · 已定稿问卷 {n} 份 · {yn}": "{year} · {n} final questionnaires · {yn}",
    "{q}：是 {yes}，否 {no}": "{q}: yes {yes}, no {no}", "责任规划师：": "Planner:", "年度": "Year",
    "全市排名": "City rank", "市级评审": "City review", "自评": "Self-assessment",
    "{name}：历年总分（3-3）": "{name}: 3-3 total by year", "{name}：历年得分": "{name}: scores by year",
}


def source_strings() -> list[str]:
    """Every literal passed to ``tr(...)`` in the dashboards, in order of first use."""
    found: list[str] = []
    for path in sorted(SOURCES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str) and node.args[0].value not in found):
                found.append(node.args[0].value)
    return found


def write_ts() -> list[str]:
    missing = []
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">', "<context>", f"    <name>{CONTEXT}</name>"]
    for text in source_strings():
        english = EN.get(text)
        if english is None:
            missing.append(text)
        lines += ["    <message>", f"        <source>{escape(text)}</source>",
                  f"        <translation>{escape(english)}</translation>" if english is not None
                  else '        <translation type="unfinished"></translation>', "    </message>"]
    lines += ["</context>", "</TS>", ""]
    TS.write_text("\n".join(lines), encoding="utf-8")
    return missing


def main() -> int:
    missing = write_ts()
    for text in missing:
        print(f"no English for: {text}", file=sys.stderr)
    tool = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if tool is None:
        print("pyside6-lrelease not found: .ts written, .qm not compiled", file=sys.stderr)
        return 1
    subprocess.run([tool, str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
