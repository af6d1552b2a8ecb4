"""The demo's names and texts are data: read from ``demo/data/*.toml``, none typed in Python."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from zeshi_desktop import demo
from zeshi_desktop.demo.texts import people, sheet_texts
from zeshi_desktop.domain.forms import Form

CJK = re.compile(r"[\u3400-\u9fff]")


def _chinese_literals(path: Path) -> list[str]:
    """String literals with Chinese in them, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
            and CJK.search(node.value)]


def test_no_chinese_in_the_demos_python() -> None:
    found = {path.name: _chinese_literals(path) for path in Path(demo.__file__).parent.glob("*.py")}
    assert {name: texts for name, texts in found.items() if texts} == {}


def test_the_package_exports_its_api() -> None:
    assert sorted(demo.__all__) == ["DEMO_YEAR", "PictureRecord", "SheetRecord", "YearData", "demo_year",
                                    "load_demo", "load_year"]
    assert all(getattr(demo, name) is not None for name in demo.__all__)
    assert demo.DEMO_YEAR == 2025


def test_units_are_streets_unless_named_as_towns() -> None:
    who = people()
    assert who.unit_kind("潞城镇") == "镇"
    assert who.unit_kind("东华门街道") == "街道"
    assert who.unit_kind("某某片") == "街道"


def test_a_team_is_named_after_its_organisation_shortened_and_its_leader() -> None:
    who = people()
    assert who.team_name("北京市城市规划设计研究院", "王明") == "城市规划设计研究王明团队"
    assert who.team_name("北京清华同衡规划设计研究院", "李华") == "清华同衡规划设计李华团队"
    assert who.team_name("清华大学建筑学院", "张伟") == "清华大学建筑学院张伟团队"


def test_the_shared_team_serves_two_units_of_its_district() -> None:
    who = people()
    shared = who.shared_team
    district = next(d for d in who.districts if d.code == shared.district)
    units = list(district.units)
    assert units.index(shared.first_unit) < units.index(shared.second_unit)


def test_every_district_is_of_a_different_circle() -> None:
    circles = [d.circle for d in people().districts]
    assert len(set(circles)) == len(circles) == 4


def test_the_summary_fills_every_plain_section_of_4_1(forms: dict[str, Form]) -> None:
    plain = [s.id for s in forms["4-1"].outline if not (s.heading_only or s.repeatable or s.appendix)]
    answers = sheet_texts().summary_answers("东城区", 4, 3)
    assert list(answers) == [f"text:{section}" for section in plain]
    assert answers["text:overview"].startswith("东城区共划定责任单元4个，聘任责任规划师团队3个")
    assert not any("{" in text for text in answers.values())


def test_the_case_is_a_4_1_case_of_the_right_length(forms: dict[str, Form]) -> None:
    said = sheet_texts()
    cases = next(s for s in forms["4-1"].outline if s.id == "cases")
    text = said.case_text.format(unit="景山街道")
    assert text.startswith("景山街道背街小巷环境整治项目：")
    assert text.count("\n\n") == 4
    assert cases.min_chars is not None and cases.max_chars is not None
    assert cases.min_chars <= len(text) <= cases.max_chars
