"""The measures' warnings: a code to decide by and a catalogue message in both languages."""

from __future__ import annotations

import re

from zeshi_desktop.domain import rules
from zeshi_desktop.domain.forms import Label

CJK = re.compile(r"[\u3400-\u9fff]")
REQUIRED = (Label("城乡规划", "Urban and rural planning"), Label("建筑学", "Architecture"),
            Label("结构工程", "Structural engineering"))


def _warnings(**kw: object) -> list[rules.Warning]:
    base: dict[str, object] = {
        "name": "甲团队", "is_team": True, "unit_count": 1, "core_members": 5, "disciplines": [d.zh for d in REQUIRED],
        "required_disciplines": REQUIRED, "leader_senior_title": True, "leader_registered": False,
        "leader_experience_years": 5}
    base.update(kw)
    return rules.planner_warnings(**base)  # type: ignore[arg-type]


def test_planner_warnings_keep_their_chinese_and_speak_english() -> None:
    found = {w.code: w for w in _warnings(unit_count=4, core_members=9, leader_senior_title=False,
                                          leader_experience_years=2, disciplines=["城乡规划"])}
    assert found["too_many_units"].text("zh") == "甲团队 同时服务 4 个责任单元，原则上不超过 3 个"
    assert found["too_many_members"].text("zh") == "甲团队 录入核心成员 9 人，原则上不超过 8 人"
    assert found["leader_unqualified"].text("zh") == "甲团队 负责人无相关专业高级职称或注册城乡规划师/注册建筑师资格"
    assert found["leader_inexperienced"].text("zh") == "甲团队 负责人相关专业工作经验 2 年，应具备3年以上"
    assert found["disciplines_missing"].text("zh") == "甲团队 团队成员未覆盖：建筑学、结构工程"
    assert found["disciplines_missing"].text("en") == "甲团队: the team does not cover Architecture, Structural engineering"
    assert found["too_many_units"].message.code == "roster.warning.too_many_units"
    for w in found.values():   # only the planner's name stays Chinese in English
        assert not CJK.search(w.text("en").replace("甲团队", "")), w.code


def test_term_warnings_texts() -> None:
    first, = rules.term_warnings(unit="甲街道", planner="乙", term_years=2, renewal=False)
    renewal, = rules.term_warnings(unit="甲街道", planner="乙", term_years=4, renewal=True)
    assert first.text("zh") == "乙 在 甲街道 的首任聘期为 2 年，应为 1 年"
    assert first.text("en") == "乙 in 甲街道: a first term of 2 years; 1 required"
    assert renewal.text("zh") == "乙 在 甲街道 的续聘期限为 4 年，应为 1 到 3 年"
    assert renewal.text("en") == "乙 in 甲街道: a renewal of 4 years; 1 to 3 allowed"
