"""Printing from the store: selections, batches, recorded codes, refusals."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from tests.printing.conftest import page_texts, squash
from zeshi_desktop.demo.yeardata import SheetRecord, YearData, load_year
from zeshi_desktop.services import lookup, roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.printing import jobs as printing
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.models import PrintedSheet

CJK = re.compile(r"[\u3400-\u9fff]")


def _district(session, name="东城区"):
    return lookup.district_id(session, name)


def test_print_a_district_3_1_batch_one_sheet_per_appointment(demo_db, demo_year, forms):
    with demo_db.write() as s:
        did = _district(s)
        apps = roster.appointments(s, demo_year, did)
        job = printing.print_form(s, "3-1", printing.Selection(demo_year, district_id=did))
        stored = {sheets.view(s, v.id).appointment_id: sheets.view(s, v.id)
                  for v in sheets.sheets(s, demo_year, "3-1", district_id=did)}
    pages = page_texts(job.pdf)
    assert job.documents == len(apps) == len(pages)
    for a, page in zip(apps, pages):
        view = stored[a.id]
        assert squash(a.unit) in page and squash(a.planner) in page
        for item in forms["3-1"].items:
            assert squash(item.text.zh) in page
        total = sum(view.scores.values(), Decimal(0))
        assert f"总得分{total.normalize():f}" in page
    assert len(job.codes) == sum(1 for v in stored.values() if v.is_final)


def test_printing_records_each_final_sheet_once(demo_db, demo_year):
    with demo_db.write() as s:
        sel = printing.Selection(demo_year, district_id=_district(s))
        first = printing.print_form(s, "4-3", sel)
        again = printing.print_form(s, "4-3", sel)
        count = s.scalar(select(func.count()).select_from(PrintedSheet))
    assert first.codes == again.codes and count == len(first.codes) > 0


def test_print_all_of_a_district_covers_every_annex(demo_db, demo_year):
    with demo_db.write() as s:
        job = printing.print_all(s, printing.Selection(demo_year, district_id=_district(s)))
    joined = "".join(page_texts(job.pdf))
    for annex in printing.ANNEXES:
        assert f"附件{annex}" in joined


def test_a_draft_sheet_prints_with_the_mark_and_without_a_code(demo_db, demo_year):
    with demo_db.write() as s:
        view = sheets.sheets(s, demo_year, "3-1", status="final")[0]
        sheets.unlock(s, view.id, "复核评分")
        job = printing.print_sheet(s, view.id)
    page = page_texts(job.pdf)[0]
    assert "草稿" in page and "核验码" not in page and job.codes == [] and job.drafts == 1


def test_a_3_2_sheet_prints_as_the_reviewers_matrix(demo_db, demo_year, forms):
    with demo_db.write() as s:
        did = _district(s)
        reviewer = roster.reviewers(s, demo_year, "district", did)[0]
        sheet = sheets.sheets(s, demo_year, "3-2", reviewer_id=reviewer.id)[0]
        job = printing.print_sheet(s, sheet.id)
        units = [a.unit for a in roster.appointments(s, demo_year, did)]
    joined = "".join(page_texts(job.pdf))
    assert reviewer.name in joined and all(u in joined for u in units)
    assert job.documents == 1


def test_a_name_the_font_lacks_is_refused_with_the_name(demo_db, demo_year):
    with demo_db.write() as s:
        app = roster.appointments(s, demo_year, _district(s))[0]
        roster.update_planner(s, app.planner_id, name="𠮷祥规划团队")
        with pytest.raises(ActionRefused, match="𠮷祥规划团队") as info:
            printing.print_form(s, "3-1", printing.Selection(demo_year, unit_id=app.unit_id))
    assert info.value.code == "printing.glyphs_missing"
    assert str(info.value).startswith("无法打印：附件3-1 责任规划师“𠮷祥规划团队”中的字“𠮷”(U+20BB7)")
    english = info.value.message("en")
    assert english.startswith('Cannot print: Annex 3-1 planner "𠮷祥规划团队": the character "𠮷" (U+20BB7)')
    assert not CJK.search(english.replace("𠮷祥规划团队", "").replace("𠮷", ""))


def _forty_units(year: int = 2031) -> YearData:
    data = YearData(year)
    data.districts.append({"code": "D1", "name": "测试区", "circle": "中心城区"})
    data.reviewers.append({"code": "R1", "level": "district", "district": "D1", "name": "评审甲"})
    scores = {"management_reports": 4, "professional_plan": 12, "professional_guidance": "12.5",
              "professional_feedback": 13, "governance_public": 8, "governance_training": 8,
              "governance_cogovernance": 8, "differentiated_local": 9, "other_tasks": 9}
    for n in range(1, 41):
        data.units.append({"code": f"U{n:02d}", "district": "D1", "name": f"第{n}单元"})
        data.planners.append({"code": f"P{n:02d}", "name": f"规划师{n}"})
        data.appointments.append({"unit": f"U{n:02d}", "planner": f"P{n:02d}"})
        data.sheets.append(SheetRecord("3-2", unit_code=f"U{n:02d}", planner_code=f"P{n:02d}",
                                       reviewer_code="R1", scores=scores))
    return data


def test_a_40_unit_matrix_runs_over_pages_with_every_row_once(db, forms):
    with db.write() as s:
        load_year(s, _forty_units())
        reviewer = lookup.reviewer_id(s, 2031, "R1")
        job = printing.print_form(s, "3-2", printing.Selection(2031, reviewer_id=reviewer))
    pages = page_texts(job.pdf)
    assert job.pages == len(pages) == 3  # 40 rows of two-line unit cells: 3 landscape pages
    for number, page in enumerate(pages, start=1):
        assert all(squash(item.text.zh) in page for item in forms["3-2"].items)
        assert f"第{number}页共3页" in page
    rows = [n for page in pages for n in range(1, 41) if f"第{n}单元规划师{n}" in page]
    assert rows == list(range(1, 41))
    assert all("83.5" in page for page in pages)  # 4+12+12.5+13+8+8+8+9+9
    assert len(job.codes) == 1 and "草稿" not in "".join(pages)


def test_blank_forms_need_no_store(forms):
    job = printing.print_blank("5-1")
    joined = "".join(page_texts(job.pdf))
    assert all(squash(s.text.zh) in joined for s in forms["5-1"].questionnaire.statements)
    assert "草稿" not in joined and job.codes == []


def test_4_1_prints_the_case_pictures_and_a_swapped_picture_is_a_change(demo_db, demo_year):
    import io

    import pypdf
    from sqlalchemy import delete, update

    from tests.printing.test_annexes import _png
    from zeshi_desktop.services.printing import verification
    from zeshi_desktop.store.models import Attachment

    with demo_db.write() as s:
        did = _district(s)
        sheet = sheets.sheets(s, demo_year, "4-1", district_id=did)[0]
        s.execute(delete(Attachment).where(Attachment.sheet_id == sheet.id))   # not the demo's pictures
        s.add(Attachment(sheet_id=sheet.id, key="cases#1", name="整治后.png", mime="image/png", data=_png(),
                         position=0))
        s.flush()
        job = printing.print_form(s, "4-1", printing.Selection(demo_year, district_id=did))
    reader = pypdf.PdfReader(io.BytesIO(job.pdf))
    assert sum(len(page.images) for page in reader.pages) == 1
    joined = "".join(page_texts(job.pdf))
    assert "图1整治后" in joined and sheet.answers["title:cases#1"] in joined   # the file name as the caption
    for member in ("责任团队名单", "团队成员名单", "合同签订情况", "经费落实情况"):
        assert member in joined
    with demo_db.write() as s:
        s.execute(update(Attachment).values(data=_png(41, 30)))
    with demo_db.read() as s:
        result = verification.verify(s, job.codes[0])
    assert [c.key for c in result.changes] == ["picture:cases#1/0"]


def test_a_broken_picture_is_refused_with_its_name(demo_db, demo_year):
    from zeshi_desktop.store.models import Attachment

    with demo_db.write() as s:
        did = _district(s)
        sheet = sheets.sheets(s, demo_year, "4-1", district_id=did)[0]
        s.add(Attachment(sheet_id=sheet.id, key="cases#1", name="坏图.png", mime="image/png", data=b"not a png"))
        s.flush()
        with pytest.raises(ActionRefused, match="坏图.png") as info:
            printing.print_form(s, "4-1", printing.Selection(demo_year, district_id=did))
    assert info.value.code == "printing.picture_unreadable"
    assert info.value.message("en").startswith("The picture \"坏图.png\" cannot be read (PNG or JPEG needed)")


@pytest.mark.parametrize("call, code, zh", [
    (lambda s, y: printing.plan(s, "9-9", printing.Selection(y)), "printing.no_annex",
     "没有附件 9-9（可选：3-1、3-2、3-3、4-1、4-2、4-3、5-1）"),
    (lambda s, y: printing.prepare_all(s, printing.Selection(y)), "printing.all_needs_selection",
     "打印全部附件须指定区、责任单元、责师或评审人"),
    (lambda s, y: printing.prepare_sheet(s, 999999), "printing.no_sheet", "没有编号为 999999 的评审表"),
    (lambda s, y: printing.render(printing.Prepared((), "t")), "printing.nothing_selected",
     "所选范围内没有可打印的评审表"),
])
def test_refusals_carry_a_code_and_speak_either_language(demo_db, demo_year, call, code, zh):
    with demo_db.read() as s, pytest.raises(ActionRefused) as info:
        call(s, demo_year)
    assert (info.value.code, str(info.value)) == (code, zh)
    assert info.value.message("en") and not CJK.search(info.value.message("en"))


def test_a_city_reviewer_is_refused_for_the_3_2_matrix_in_either_language(demo_db, demo_year):
    with demo_db.read() as s:
        city = roster.reviewers(s, demo_year, "city")[0]
        with pytest.raises(ActionRefused) as info:
            printing.print_form(s, "3-2", printing.Selection(demo_year, reviewer_id=city.id), record=False)
    assert info.value.code == "printing.reviewer_not_district"
    assert str(info.value) == f"评审人“{city.name}”不是区级评审组成员"
    assert info.value.message("en") == f"Reviewer {city.name} is not a member of a district review group"
