"""The seven annexes as loaded: official totals, verbatim texts, a broken file refused."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from zeshi_desktop.domain.form_loader import (
    FormDefinitionError,
    load_form,
    load_forms,
    parse_form,
)
from zeshi_desktop.locations import forms_dir

SEED = (Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_a99c18a8aaad2dfe.txt")


def _seed_text() -> str:
    if not SEED.exists():
        pytest.skip("the seed documents are not beside this checkout")
    return SEED.read_text(encoding="utf-8")


def test_all_seven_annexes_load(forms):
    assert sorted(forms) == ["3-1", "3-2", "3-3", "4-1", "4-2", "4-3", "5-1"]


def test_official_totals(forms):
    f31 = forms["3-1"]
    assert {p.id: p.max for p in f31.parts} == {"regular": 100, "bonus": 25}
    assert f31.total == 125
    assert [s.max for s in f31.parts[0].sections] == [15, 40, 30, 15]
    assert len(f31.parts[0].items) == 12
    assert [i.max for i in f31.parts[1].items] == [5] * 5
    assert forms["3-2"].total == 100
    assert [s.max for s in forms["3-2"].sections] == [5, 45, 30, 10, 10]
    assert [i.max for i in forms["3-2"].items] == [5, 15, 15, 15, 10, 10, 10, 10, 10]
    assert [p.max for p in forms["4-2"].parts] == [70, 30]
    assert [i.max for i in forms["4-2"].items] == [5, 5, 10, 5, 5, 10, 20, 10, 10, 5, 5, 10]
    assert [i.max for i in forms["4-3"].items] == [20, 30, 20, 10, 10, 10]
    q = forms["5-1"].questionnaire
    assert [len(g.statements) for g in q.groups] == [7, 3, 4]
    assert [o.zh for o in q.options] == ["非常同意", "比较同意", "一般", "不同意"]
    assert forms["3-3"].weights.min == 20 and forms["3-3"].weights.sum == 100
    assert [s.max_chars for s in forms["4-1"].outline[:2]] == [300, 500]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


# Signature lines the project added where the seed leaves the place to sign unnamed (say so in forms/*.toml).
PROJECT_LINES = {"评审人签字：", "区级责师工作专班（盖章）：", "填写人（责师团队）：", "签字："}


def test_every_text_is_verbatim_from_the_seed():
    """Panel members compare the screen with the paper: each text of the form files must stand in the seed.

    The files are the source; what the screen and the paper show has the annexes'
    plain typos corrected (forms/corrections.toml, tests/domain/test_corrections.py).
    """
    seed = _flat(_seed_text())
    forms = load_forms(forms_dir().glob("[0-9]-[0-9].toml"), corrected=False)
    texts: list[str] = []
    for form in forms.values():
        texts += [form.title.zh, form.document_title.zh] + [n.zh for n in form.notes]
        texts += [s.zh for s in form.signature if s.zh not in PROJECT_LINES]
        texts += [c.zh for c in form.columns] + [h.label.zh for h in form.header_fields]
        for section in form.sections:
            texts.append(section.title.zh)
            texts += [item.text.zh for item in section.items]
        texts += [o.title.zh for o in form.outline]
        if form.questionnaire:
            q = form.questionnaire
            texts += [s.text.zh for s in q.statements] + [g.prompt.zh for g in q.groups]
            texts += [q.unit_question.text.zh, q.unit_question.hint.zh, q.free_text.text.zh]
            texts += [y.text.zh for y in q.yes_no]
        if form.contract_rule:
            texts += [form.contract_rule.question.zh, form.contract_rule.consequence.zh]
    missing = [t for t in texts if _flat(t) not in seed]
    assert missing == []
    added = {s.zh for form in forms.values() for s in form.signature} & PROJECT_LINES
    assert added == PROJECT_LINES, "a project line is gone: drop it from PROJECT_LINES"


def test_band_notes_agree_with_band_data(forms):
    """The 注 line and the bands in data say the same thing (decision 1: shared points go up)."""
    for form_id, top, middle in (("3-1", 100, 80), ("3-2", 80, 60), ("4-2", 80, 60), ("4-3", 80, 60)):
        mins = [b.min for b in forms[form_id].bands]
        assert mins == [top, middle, 0]
        assert f"{middle}-{top}分为合格" in "".join(n.zh for n in forms[form_id].notes)


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
min = 6
label = "合格"
[[bands]]
id = "fail"
min = 0
label = "不合格"
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
    text = "甲"
    max = 4
    [[parts.sections.items]]
    id = "b"
    text = "乙"
    max = 6
"""


def _write(tmp_path: Path, text: str, name: str = "9-9.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_form_loads(tmp_path):
    form = load_form(_write(tmp_path, MINIMAL))
    assert form.total == 10 and [i.id for i in form.items] == ["a", "b"]


@pytest.mark.parametrize("change, words", [
    (('max = 6\n', 'max = 7\n'), ["9-9.toml", "item", "section s", "11"]),
    (('id = "b"', 'id = "a"'), ["9-9.toml", "item a", "twice"]),
    (('min = 0\n', 'min = 1\n'), ["9-9.toml", "gap"]),
    (('total = 10', 'total = 12'), ["9-9.toml", "parts add up to 10"]),
    (('max = 4\n', 'max = 4.25\n'), ["9-9.toml", "item a", "one decimal"]),
    (('kind = "scored"', 'kind = "graded"'), ["9-9.toml", "kind"]),
])
def test_broken_definition_refused_with_file_and_place(tmp_path, change, words):
    old, new = change
    assert old in MINIMAL
    with pytest.raises(FormDefinitionError) as info:
        load_form(_write(tmp_path, MINIMAL.replace(old, new, 1)))
    for word in words:
        assert word in str(info.value)


def test_file_name_must_match_form_id(tmp_path):
    with pytest.raises(FormDefinitionError, match="8-8.toml"):
        load_form(_write(tmp_path, MINIMAL, "8-8.toml"))


def test_invalid_toml_names_the_file(tmp_path):
    with pytest.raises(FormDefinitionError, match="9-9.toml"):
        load_form(_write(tmp_path, MINIMAL + "\n[[[broken"))


def test_project_forms_folder_validates():
    forms = load_forms(forms_dir().glob("[0-9]-[0-9].toml"))   # the annexes; roster.toml beside them is no form
    assert all(f.source.endswith(".toml") for f in forms.values())


def test_parse_form_without_file():
    import tomllib
    form = parse_form(tomllib.loads(MINIMAL), "inline")
    assert form.item("b").max == Decimal(6)


# ------------------------------------------------------------ form details as data (issue 10)

def test_bands_have_stable_ids_and_4_2_rules_out_excellent_by_id(forms):
    for form in forms.values():
        if form.bands:
            assert [(b.id, b.label.zh) for b in form.bands] == [("excellent", "优秀"), ("pass", "合格"),
                                                                ("fail", "不合格")], form.id
    rule = forms["4-2"].contract_rule
    assert rule.excluded is forms["4-2"].band("excellent") and rule.excluded_band == "优秀"


def test_titles_carry_named_fields_and_read_as_the_seed_when_blank(forms):
    title = forms["3-1"].title   # the annex's stray space before "：" is not shown (decision 9)
    assert title.pattern_zh == "附件3-1：{office}责师工作评审表"
    assert title.zh == title.fill("zh") == "附件3-1：XXX（街/乡/镇/功能区管委会）责师工作评审表"
    assert title.fill("zh", office="东华门街道办事处") == "附件3-1：东华门街道办事处责师工作评审表"
    assert title.fill("en", office="Dongcheng office") == "Annex 3-1: Review sheet of Dongcheng office"
    assert forms["4-2"].title.fill("zh", district="东城区") == "附件4-2：《东城区责师工作自评表》"
    assert forms["4-2"].title.fill("zh", district="") == "附件4-2：《XXX区责师工作自评表》"
    assert forms["4-1"].document_title.fill("zh", district="东城区") == "东城区责任规划工作总结"   # corrected


def test_subject_fields_give_the_unit_as_office_when_none_was_typed():
    from zeshi_desktop.domain.forms import subject_fields
    assert subject_fields(unit="东华门街道", district="东城区")["office"] == "东华门街道"
    assert subject_fields(office="东华门街道办事处", unit="东华门街道")["office"] == "东华门街道办事处"


def test_every_annex_has_its_signature_lines_in_both_languages(forms):
    for form in forms.values():
        assert form.signature and all(line.zh and line.en for line in form.signature), form.id
    assert forms["3-1"].signature_lines("zh", office="东华门街道办事处") == ["签字/盖章：东华门街道办事处"]
    assert forms["3-1"].signature_lines("zh") == ["签字/盖章：XX街/乡/管委会"]
    assert forms["4-3"].signature_lines("zh") == ["评审人："]
    assert forms["4-3"].signature_lines("zh", reviewer="李四") == ["评审人：李四", "签字："]
    assert forms["4-3"].signature_lines("en", reviewer="Li Si") == ["Reviewer: Li Si", "Signature:"]
    assert [form.signature_lines("zh") for form in (forms["3-2"], forms["3-3"], forms["4-1"], forms["5-1"])] == [
        ["评审人签字："], ["区级责师工作专班（盖章）："], ["区级责师工作专班（盖章）："], ["填写人（责师团队）："]]


def test_the_english_text_may_leave_a_field_out_but_not_add_one(tmp_path):
    text = MINIMAL.replace('title = "测试表"', 'title = "测{office}表"\ntitle_blanks = { office = "X" }\n'
                                              'title_en = "Test sheet"', 1)
    assert load_form(_write(tmp_path, text)).title.fill("en", office="Y") == "Test sheet"
    with pytest.raises(FormDefinitionError, match="'title_en' uses \\['office'\\], which 'title' does not"):
        load_form(_write(tmp_path, MINIMAL.replace('title = "测试表"', 'title = "测试表"\ntitle_en = "T {office}"\n'
                                                   'title_blanks_en = { office = "o" }', 1)))


@pytest.mark.parametrize("change, words", [
    (('title = "测试表"', 'title = "{office}表"'), ["'title' uses ['office'] without a placeholder in 'title_blanks'"]),
    (('title = "测试表"', 'title = "{unit_name}表"\ntitle_blanks = { unit_name = "X" }'), ["unknown field"]),
    (('title = "测试表"', 'title = "测试表"\ntitle_blanks = { office = "X" }'), ["'title_blanks' has ['office']"]),
    (('title = "测试表"', 'title = "测{office:>3}表"\ntitle_blanks = { office = "X" }'), ["plain name"]),
    (('title = "测试表"', 'title = "测{表"'), ["'title'", "{{"]),
    (('id = "fail"', 'id = "pass"'), ["two bands share an id"]),
    (('[[bands]]\nid = "pass"\n', '[[bands]]\n'), ["band 合格", "'id'"]),
    (('max = 6\n', 'max = 6\n[[signature]]\ntext = "签字："\nwhen_filled = "signer"\n'),
     ["signature line 1", "when_filled 'signer'"]),
    (('total = 10\ntotal_label = "总分"\n', 'total = 10\n'), ["'total_label'"]),
])
def test_broken_form_details_refused_with_file_and_place(tmp_path, change, words):
    old, new = change
    assert old in MINIMAL
    with pytest.raises(FormDefinitionError) as info:
        load_form(_write(tmp_path, MINIMAL.replace(old, new, 1)))
    assert "9-9.toml" in str(info.value)
    for word in words:
        assert word in str(info.value)


def test_the_contract_rule_names_its_band_by_id(tmp_path):
    rule = ('[contract_rule]\nid = "c"\nquestion = "问"\nyes = "是"\nno = "否"\nconsequence = "果"\n'
            'excluded_band = "{band}"\n')
    form = load_form(_write(tmp_path, MINIMAL + rule.format(band="pass")))
    assert form.contract_rule.excluded.id == "pass" and form.contract_rule.excluded_band == "合格"
    with pytest.raises(FormDefinitionError, match="excluded_band '合格' is not the id"):
        load_form(_write(tmp_path, MINIMAL + rule.format(band="合格")))


def test_files_beside_the_annexes_are_not_read_as_forms(tmp_path):
    _write(tmp_path, MINIMAL)
    _write(tmp_path, '[disciplines]\nzh = ["城乡规划"]\n', "roster.toml")
    assert list(load_forms(tmp_path.glob("*.toml"))) == ["9-9"]


def test_an_unknown_item_is_a_key_error_with_a_code(forms):
    with pytest.raises(KeyError) as info:
        forms["3-1"].item("no_such_item")
    assert info.value.code == "forms.unknown_item"
    assert info.value.args[0] == "附件3-1 没有评分项 'no_such_item'" == str(info.value)
    assert info.value.message("en") == "Annex 3-1 has no item 'no_such_item'"
