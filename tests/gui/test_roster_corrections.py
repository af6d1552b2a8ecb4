"""名册: team members and reviewers edited and removed from the page."""

from __future__ import annotations

import pytest

from zeshi_desktop.gui import dialogs
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.views.roster_corrections import ID_ROLE
from zeshi_desktop.services import roster
from zeshi_desktop.services.scoring import sheets


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or True)
    return asked



def test_a_member_is_edited_then_removed(window, demo_db, yes):  # type: ignore[no-untyped-def]
    page = window.show_page("roster")
    page.tabs.setCurrentIndex(2)
    row = next(r for r in range(page.planner_table.rowCount()) if page.planner_table.item(r, 6).text() != "0")
    page.planner_table.selectRow(row)
    planner_id = page._selected(page.planner_table)
    page.member_table.selectRow(0)
    member_id = page._selected(page.member_table)
    assert page.member_name.text() == page.member_table.item(0, 0).text()     # the row filled the fields
    page.member_name.setText("改过的名字")
    page.member_qualification.setText("注册规划师")
    page.member_core.setChecked(False)
    page.update_member()
    with demo_db.read() as s:
        member = next(m for m in roster.planner(s, planner_id).members if m.id == member_id)
    assert (member.name, member.qualification, member.is_core) == ("改过的名字", "注册规划师", False)
    page.planner_table.selectRow(row)
    page.member_table.selectRow(0)
    page.member_name.setText(" ")
    page.update_member()
    assert "成员姓名不能为空" in page.message.text()
    page.member_table.selectRow(next(r for r in range(page.member_table.rowCount())
                                     if page.member_table.item(r, 0).text() == "改过的名字"))
    page.remove_member()
    assert yes and "改过的名字" in yes[-1]
    with demo_db.read() as s:
        assert member_id not in {m.id for m in roster.planner(s, planner_id).members}


def test_a_members_unit_is_kept_shown_and_feeds_the_recusal_hints(window, demo_db, demo_year):  # type: ignore[no-untyped-def]
    """成员的单位: typed on the page, kept, shown in its column, and a reviewer of the same 单位 is then suggested."""
    from zeshi_desktop.services.fairness.suggestions import conflict_suggestions
    with demo_db.read() as s:
        reviewer = next(r for r in roster.reviewers(s, demo_year, "district")
                        if r.organisation and r.district_id is not None)
        before = {(x.reviewer_id, x.appointment_id) for x in conflict_suggestions(s, demo_year, form_id="3-2")}
        appointment = next(a for a in roster.appointments(s, demo_year, reviewer.district_id)
                           if (reviewer.id, a.id) not in before)
    planner_id = appointment.planner_id
    page = window.show_page("roster")
    page.tabs.setCurrentIndex(2)
    page.planner_table.selectRow(next(r for r in range(page.planner_table.rowCount())
                                      if page.planner_table.item(r, 0).data(ID_ROLE) == planner_id))
    assert page._selected(page.planner_table) == planner_id
    page.member_name.setText("新成员")
    page.member_org.setText(reviewer.organisation)
    page.add_member()
    assert page.message.text() == "" and page.member_org.text() == ""
    shown = {page.member_table.item(r, 0).text(): page.member_table.item(r, 3).text()
             for r in range(page.member_table.rowCount())}
    assert shown["新成员"] == reviewer.organisation
    with demo_db.read() as s:
        member = next(m for m in roster.planner(s, planner_id).members if m.name == "新成员")
        assert member.organisation == reviewer.organisation
        after = {(x.reviewer_id, x.appointment_id) for x in conflict_suggestions(s, demo_year, form_id="3-2")}
    assert (reviewer.id, appointment.id) in after - before   # a member of the reviewer's 单位: now suggested
    page.member_table.selectRow(next(r for r in range(page.member_table.rowCount())
                                     if page.member_table.item(r, 0).text() == "新成员"))
    assert page.member_org.text() == reviewer.organisation   # the row filled the field
    page.member_org.setText("另一单位")
    page.update_member()
    with demo_db.read() as s:
        assert next(m for m in roster.planner(s, planner_id).members if m.name == "新成员").organisation == "另一单位"


def test_a_reviewer_is_renamed_and_one_with_sheets_cannot_be_removed(window, demo_db, demo_year, yes):  # type: ignore[no-untyped-def]
    page = window.show_page("roster")
    page.tabs.setCurrentIndex(4)
    page.reviewer_table.selectRow(0)
    reviewer_id = page._selected(page.reviewer_table)
    page.reviewer_org.setText("新单位")
    page.update_reviewer()
    with demo_db.read() as s:
        assert roster.reviewer(s, reviewer_id).organisation == "新单位"
        had = len(sheets.sheets(s, demo_year, reviewer_id=reviewer_id))
    assert had
    page.reviewer_table.selectRow(0)
    page.remove_reviewer()
    assert f"已有 {had} 张评审表" in page.message.text()
    with demo_db.read() as s:
        assert roster.reviewer(s, reviewer_id) is not None


def test_a_reviewer_without_sheets_is_removed_and_leaves_the_scorer_list(window, demo_db, demo_year, yes):  # type: ignore[no-untyped-def]
    with demo_db.write() as s:
        district = roster.districts(s)[0]
        reviewer_id = roster.add_reviewer(s, demo_year, "district", "误加的评审人", district_id=district.id)
    window.runner.changed.emit(Change(roster=True))
    window.select(district.id)
    page = window.show_page("roster")
    row = next(r for r in range(page.reviewer_table.rowCount()) if page.reviewer_table.item(r, 2).text() == "误加的评审人")
    page.reviewer_table.selectRow(row)
    page.remove_reviewer()
    with demo_db.read() as s:
        assert reviewer_id not in {r.id for r in roster.reviewers(s, demo_year)}
    assert window.reviewer_box.findData(reviewer_id) < 0


def test_nothing_chosen_asks_for_a_row(window, yes):  # type: ignore[no-untyped-def]
    page = window.show_page("roster")
    page.reviewer_table.setCurrentItem(None)
    page.remove_reviewer()
    assert yes == [] and page.message.text() == "请先在表中选择要修改的一行。"


def test_disciplines_come_from_the_terms_and_warnings_follow_the_language(qapp, window, demo_db, demo_year):  # type: ignore[no-untyped-def]
    from zeshi_desktop.gui import i18n
    from zeshi_desktop.services.catalogue import roster_terms

    page = window.show_page("roster")
    choices = [page.member_discipline.itemText(i) for i in range(page.member_discipline.count())]
    assert choices == [d.zh for d in roster_terms().disciplines]
    with demo_db.read() as s:
        expected = roster.warnings(s, demo_year, page.selection.district_id)
    assert expected, "the demo year breaks some rule of the measures"
    shown = [page.warnings.item(i).text() for i in range(page.warnings.count())]
    assert shown == ["⚠ " + w.text("zh") for w in expected]
    i18n.install_language(qapp, "en")
    window.runner.changed.emit(Change(roster=True))
    page = window.show_page("roster")
    shown = [page.warnings.item(i).text() for i in range(page.warnings.count())]
    assert shown == ["⚠ " + w.text("en") for w in expected]
