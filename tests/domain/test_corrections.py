"""The annexes' typos: the form files keep the annex text, the loaded forms show it corrected (decision 9)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from zeshi_desktop.domain.corrections import (
    CORRECTIONS_FILE,
    load_corrections,
    normalise_spaces,
)
from zeshi_desktop.domain.form_loader import FormDefinitionError, load_forms
from zeshi_desktop.locations import forms_dir

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_a99c18a8aaad2dfe.txt"

# Where each typo of decision 9 sits, as the annex has it and as the screen and paper show it.
TYPOS = [
    ("4-1", lambda f: f.document_title.pattern_zh, "{district}责任规工作总结", "{district}责任规划工作总结"),
    ("4-2", lambda f: f.item("city_materials").text.zh, "积极配合市规划自然资源为及市级专班要求提交的其他材料（5分）",
     "积极配合市规划自然资源委及市级专班要求提交的其他材料（5分）"),
    ("5-1", lambda f: next(s for s in f.questionnaire.statements if s.id == "local_4").text.zh,
     "(4)您/团队的责任规划师合同可以及时签订，报酬可以及时、足量放发",
     "(4)您/团队的责任规划师合同可以及时签订，报酬可以及时、足量发放"),
    ("5-1", lambda f: next(s for s in f.questionnaire.statements if s.id == "city_2").text.zh,
     "(2)每年开展的市级责任规划师培训确实对您得日常工作提供了助力",
     "(2)每年开展的市级责任规划师培训确实对您的日常工作提供了助力"),
]


def _annexes(**kwargs: bool) -> dict:
    return load_forms(forms_dir().glob("[0-9]-[0-9].toml"), **kwargs)


@pytest.mark.parametrize(("form_id", "text_of", "annex", "shown"), TYPOS)
def test_the_files_keep_the_annex_text_and_the_forms_show_it_corrected(forms, form_id, text_of, annex, shown):
    assert text_of(_annexes(corrected=False)[form_id]) == annex
    assert text_of(forms[form_id]) == shown


def test_the_annex_texts_stand_in_the_seed_and_the_corrected_ones_do_not():
    if not SEED.exists():
        pytest.skip("the seed documents are not beside this checkout")
    seed = "".join(SEED.read_text(encoding="utf-8").split())
    for form_id, text_of, annex, shown in TYPOS:
        source = _annexes(corrected=False)[form_id]
        assert "".join(text_of(source).replace("{district}", "XX区").split()) in seed, form_id
        assert "".join(shown.replace("{district}", "XX区").split()) not in seed, form_id


def test_every_correction_is_listed_in_one_file_and_applied(forms):
    listed = load_corrections(forms_dir() / CORRECTIONS_FILE)
    assert {(c.form, c.where) for c in listed} == {
        ("4-1", "document_title"), ("4-2", "city_materials.text"), ("5-1", "local_4.text"),
        ("5-1", "city_2.text"), ("5-1", "unit_question.text")}
    applied = [c for form in forms.values() for c in form.corrections]
    assert sorted(applied, key=repr) == sorted(listed, key=repr)
    assert all(c.why.zh and c.why.en for c in listed)
    raw = tomllib.loads((forms_dir() / CORRECTIONS_FILE).read_text(encoding="utf-8"))
    assert all({"form", "where", "annex", "corrected", "why"} <= set(c) for c in raw["corrections"])


def test_the_online_survey_tag_is_gone_from_question_1(forms):
    assert "【填空题】" in _annexes(corrected=False)["5-1"].questionnaire.unit_question.text.zh
    assert "【填空题】" not in forms["5-1"].questionnaire.unit_question.text.zh


@pytest.mark.parametrize(("raw", "shown"), [
    ("差异化工作 （10分）", "差异化工作（10分）"),
    ("相关工作拓展 （鼓励分值0-25）", "相关工作拓展（鼓励分值0-25）"),
    ("附件3-1 ：{office}责师工作评审表", "附件3-1：{office}责师工作评审表"),
    ("及时向区政府 、规划和自然资源主管部门", "及时向区政府、规划和自然资源主管部门"),
    ("位于      区      街道", "位于      区      街道"),          # runs of spaces are blanks to write in
    ("2. “自选”工作", "2. “自选”工作"),                            # beside ASCII: kept
    ("3. 自评分数80-100分为优秀", "3. 自评分数80-100分为优秀"),
])
def test_stray_spaces_beside_chinese_are_removed_and_blanks_kept(raw, shown):
    assert normalise_spaces(raw) == shown


def test_the_shown_forms_have_no_stray_spaces(forms):
    assert forms["3-2"].sections[3].title.zh == "差异化工作（10分）"
    assert forms["3-1"].parts[1].sections[0].title.zh == "相关工作拓展（鼓励分值0-25）"
    assert "区政府、规划" in forms["3-2"].item(forms["3-2"].sections[1].items[2].id).text.zh


MINIMAL = """
id = "9-9"
version = 1
kind = "scored"
title = "测试表"
short_title = "测试表"
filled_by = "office"
subject = "appointment"
total = 10
total_label = "总分"
[[bands]]
id = "pass"
min = 0
label = "合格"
[[parts]]
id = "p"
label = "部分"
max = 10
  [[parts.sections]]
  id = "s"
  title = "节"
  max = 10
    [[parts.sections.items]]
    id = "a"
    text = "按时提交材料为"
    max = 10
"""

CORRECTION = """
[[corrections]]
form = "{form}"
where = "{where}"
annex = "{annex}"
corrected = "材料委"
why = "错字"
why_en = "typo"
"""


def _folder(tmp_path: Path, **correction: str) -> list[Path]:
    (tmp_path / "9-9.toml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / CORRECTIONS_FILE).write_text(CORRECTION.format(**correction), encoding="utf-8")
    return list(tmp_path.glob("*.toml"))


def test_a_correction_applies_to_the_text_it_names(tmp_path):
    forms = load_forms(_folder(tmp_path, form="9-9", where="a.text", annex="材料为"))
    assert forms["9-9"].item("a").text.zh == "按时提交材料委"
    assert [c.where for c in forms["9-9"].corrections] == ["a.text"]


@pytest.mark.parametrize(("correction", "words"), [
    ({"form": "9-9", "where": "a.text", "annex": "材料是"}, ["a.text", "not found exactly once"]),
    ({"form": "9-9", "where": "b.text", "annex": "材料为"}, ["b.text", "holds no text"]),
    ({"form": "8-8", "where": "a.text", "annex": "材料为"}, [CORRECTIONS_FILE, "8-8"]),
])
def test_a_correction_that_no_longer_matches_is_refused_at_start_up(tmp_path, correction, words):
    with pytest.raises(FormDefinitionError) as info:
        load_forms(_folder(tmp_path, **correction))
    for word in words:
        assert word in str(info.value)
