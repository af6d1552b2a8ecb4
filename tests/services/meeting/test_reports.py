"""The meeting reports' words: from the catalogue in the language asked, official texts from the forms."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from zeshi_desktop.messages import catalogue
from zeshi_desktop.printing.reports import Report
from zeshi_desktop.services import lookup
from zeshi_desktop.services.meeting import dashboards, questionnaire, reports
from zeshi_desktop.services.meeting.columns import DISTRICT_RANKING, headings

CJK = re.compile(r"[\u3400-\u9fff]")
MEETING = Path(__file__).resolve().parents[3] / "zeshi_desktop" / "services" / "meeting"


def _words(report: Report) -> list[str]:
    """What the report says in its own voice: headings, texts, chart titles, table headings (not the data)."""
    out = []
    for s in report.sections:
        out += [s.heading, s.text]
        if s.chart is not None:
            out.append(s.chart.title)
        if s.table is not None:
            out += list(s.table.headers)
    return out


def _no_chinese(texts: list[str], data: set[str] = frozenset()) -> list[str]:
    """The texts that hold Chinese once the names and data in ``data`` are taken out."""
    bad = []
    for t in texts:
        for name in sorted(data, key=len, reverse=True):
            t = t.replace(name, "")
        if CJK.search(t):
            bad.append(t)
    return bad


@pytest.fixture
def boards(demo_db, demo_year):
    with demo_db.write() as s:
        dashboards.set_recommended(s, lookup.appointment_id(s, demo_year, "景山街道"), True)
    with demo_db.read() as s:
        did = lookup.district_id(s, "东城区")
        yield (dashboards.district_dashboard(s, demo_year, did), dashboards.city_dashboard(s, demo_year),
               questionnaire.questionnaire_summary(s, demo_year, circle="中心城区"))


def test_english_reports_have_no_chinese_but_names_and_data(boards) -> None:
    district, city, summary = boards
    d = reports.district_report(district, "en")
    assert d.lang == "en" and d.title == f"东城区: review meeting of the responsible planners, {district.year}"
    assert _no_chinese(_words(d)) == []
    assert _no_chinese([d.title, d.subtitle, d.footer], {district.district.name, district.district.circle}) == []
    ranking_table = d.sections[0].table
    assert ranking_table.headers == tuple(headings(DISTRICT_RANKING, "en"))
    assert {row[8] for row in ranking_table.rows} <= {"Excellent", "Pass", "Fail", ""}   # bands from the form
    leanings = {row[4] for row in d.sections[3].table.rows}
    assert leanings and leanings <= {"strict", "lenient", "in line"}
    items = [row[1] for row in d.sections[4].table.rows]
    assert _no_chinese(items) == [] and not any(re.search(r"\(\d+\)$", i) for i in items)   # maximum left out

    c = reports.city_report(city, "en")
    assert _no_chinese(_words(c), {r.circle for r in city.circles}) == []
    assert "Have all planner contracts in the district been signed this year" in c.sections[0].text
    assert '"Excellent"' in c.sections[0].text and "May be rated Excellent" in c.sections[0].table.headers
    blocked = {r.district: row for r, row in zip(city.rows, c.sections[0].table.rows)}["延庆区"]
    assert blocked[-1] == "No (contracts not all signed)" and blocked[6] == "no"

    q = reports.questionnaire_report(summary, "en")
    assert _no_chinese(_words(q)) == []
    assert q.subtitle == f"Scope: 中心城区 · {summary.questionnaires} final questionnaires"
    assert q.title.startswith("Questionnaire on the support of city, district and street offices")
    assert q.sections[0].table.headers[1:5] == ("Strongly agree", "Agree", "Neutral", "Disagree")
    assert _no_chinese([row[0] for row in q.sections[0].table.rows]) == []   # the form's English statements
    assert q.sections[0].text == "Agreeing = Strongly agree, Agree."


def test_chinese_reports_keep_their_words(boards) -> None:
    district, city, summary = boards
    d = reports.district_report(district)
    assert d.title == f"东城区 {district.year} 年度责任规划师评审会议报告" and d.lang == "zh"
    assert d.sections[0].heading == "一、排名（附件3-3）"
    assert d.sections[0].text.startswith("权重：责任片区行政主体 ")
    assert d.sections[0].table.headers == tuple(headings(DISTRICT_RANKING))
    outliers = [row[-1] for row in d.sections[2].table.rows if row[-1]]
    assert any("；" in cell for cell in outliers) and all(re.search(r"（[+-][\d.]+）", cell) for cell in outliers)
    c = reports.city_report(city)
    question = city.contract_rule.question.zh.rstrip("：")
    assert c.sections[0].text == f"合同规则：{question}——回答“否”的区不能评为“优秀”。"
    assert c.sections[0].table.headers[-1] == "可评优秀"
    q = reports.questionnaire_report(summary)
    assert q.title == f"{summary.year} 年度市区两级专班及街乡镇工作调查问卷汇总"
    assert q.sections[0].text == "认可 = 非常同意、比较同意。"
    assert q.sections[2].heading == "三、“不同意”的理由"


def test_leaning_words() -> None:
    assert [dashboards.leaning_text(k) for k in dashboards.LEANINGS] == ["偏严", "偏松", "一致"]
    assert dashboards.leaning_text("lenient", "en") == "lenient"
    with pytest.raises(KeyError):
        dashboards.leaning_text("sideways")


def test_every_meeting_code_written_in_the_services_exists() -> None:
    """The reports name their codes through a helper (``say``), which the catalogue test cannot see."""
    codes = set()
    for path in MEETING.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and re.fullmatch(r"meeting(\.[a-z_0-9]+)+", node.value):
                codes.add(node.value)
    assert len(codes) > 40
    assert sorted(c for c in codes if c not in catalogue()) == []


def test_no_chinese_literal_in_the_meeting_services() -> None:
    """Report words live in messages/texts/meeting.toml; official texts come from forms/."""
    found = []
    for path in MEETING.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = {id(n.body[0].value) for n in ast.walk(tree)
                if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
                and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        found += [f"{path.name}:{n.lineno}" for n in ast.walk(tree) if isinstance(n, ast.Constant)
                  and isinstance(n.value, str) and id(n) not in docs and CJK.search(n.value)]
    assert found == []
