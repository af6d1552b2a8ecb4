"""Form content as officials expect it: 4-1 hints apart from headings, 5-1's unit line, 4-2's 单位."""

from __future__ import annotations

from pathlib import Path

import pytest

from zeshi_desktop.domain.form_loader import FormDefinitionError, load_form


def test_4_1_hints_are_the_end_of_the_annex_title_and_no_part_of_the_heading(forms):
    outline = {s.id: s for s in forms["4-1"].outline}
    assert outline["overview"].title.zh == "整体介绍（300字）"          # the annex's line, unchanged
    assert (outline["overview"].heading.zh, outline["overview"].hint.zh) == ("整体介绍", "（300字）")
    assert (outline["focus"].heading.zh, outline["focus"].hint.zh) == ("工作重点与特色", "（500字）")
    assert outline["cases"].heading.zh == "优秀案例"
    assert outline["cases"].hint.zh == "（有则填写，每个500-1000字，有图有文）"
    assert outline["cases"].heading.en == "Excellent cases"
    assert outline["taskforce_building"].heading == outline["taskforce_building"].title
    assert not outline["taskforce_building"].hint.zh


def test_a_section_knows_when_a_text_is_outside_its_length(forms):
    outline = {s.id: s for s in forms["4-1"].outline}
    assert outline["overview"].outside("字" * 300) is None
    assert outline["overview"].outside("字" * 301) == "long"
    assert outline["overview"].outside(" 字 \n" * 300) is None        # white space is not counted
    assert outline["cases"].outside("字" * 499) == "short"
    assert outline["cases"].outside("字" * 1001) == "long"
    assert outline["taskforce_building"].outside("字" * 5000) is None


def test_a_hint_must_end_its_title(tmp_path: Path):
    text = """
id = "9-8"
version = 1
kind = "outline"
title = "测试"
short_title = "测试"
filled_by = "district"
subject = "district"
[[sections]]
id = "a"
number = "1."
title = "整体介绍（300字）"
hint = "（500字）"
"""
    path = tmp_path / "9-8.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormDefinitionError, match="is not the end of the title"):
        load_form(path)


def test_5_1_question_1_has_two_blanks_and_the_kinds_after_them(forms):
    uq = forms["5-1"].questionnaire.unit_question
    assert uq.blanks == ("district", "unit")
    assert uq.kinds == ("街道", "镇(乡)", "园区", "单元")
    assert uq.pieces() == ["1、您/团队负责的责任单元位于", "区", "街道/镇(乡)/园区/单元"]


@pytest.mark.parametrize(("name", "written", "kind"), [
    ("东华门街道", "东华门", 0), ("马坡镇", "马坡", 1), ("长陵乡", "长陵", 1), ("中关村园区", "中关村", 2),
    ("回龙观地区", "回龙观地区", None), ("街道", "街道", None), ("", "", None),
])
def test_a_unit_name_is_written_without_the_kind_it_marks(forms, name, written, kind):
    assert forms["5-1"].questionnaire.unit_question.kind_of(name) == (written, kind)


def test_4_2_unit_names_the_body_that_seals(forms):
    form = forms["4-2"]
    org = form.header_fields[0]
    assert org.label.zh == "单位："
    assert org.value is not None and org.value.fill("zh", district="东城区") == "东城区规自分局"
    assert org.value.zh == "XXX区规自分局"
    assert "区规自分局盖章：" in form.signature_lines("zh")
