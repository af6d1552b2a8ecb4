"""3-2 全部定稿: one confirmation, every row or none, incomplete rows listed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zeshi_desktop.gui import dialogs
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database


def _reviewer_sheets(db: Database, year: int, reviewer_id: int) -> list[sheets.SheetView]:
    with db.read() as s:
        return sheets.sheets(s, year, "3-2", reviewer_id=reviewer_id)


def _open_matrix(window, db: Database, year: int):  # type: ignore[no-untyped-def]
    """The first district's first reviewer, with two of their sheets unlocked again."""
    with db.read() as s:
        district = roster.districts(s)[0]
        reviewer = roster.reviewers(s, year, "district", district.id)[0]
    mine = _reviewer_sheets(db, year, reviewer.id)
    assert mine and all(v.is_final for v in mine)
    with db.write() as s:
        for v in mine[:2]:
            sheets.unlock(s, v.id, "会上复核", "测试")
    window.select(district.id, reviewer_id=reviewer.id)
    page = window.show_page("sheet-3-2")
    return page, reviewer


@pytest.fixture
def confirmations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def confirm(parent, title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return True
    monkeypatch.setattr(dialogs, "confirm", confirm)
    return asked


def test_finalise_all_locks_every_row_after_one_confirmation(window, demo_db, demo_year, confirmations):  # type: ignore[no-untyped-def]
    page, reviewer = _open_matrix(window, demo_db, demo_year)
    assert sum(not v.is_final for v in _reviewer_sheets(demo_db, demo_year, reviewer.id)) == 2
    assert page.finalise_all()
    assert len(confirmations) == 1 and "2" in confirmations[0]
    assert all(v.is_final for v in _reviewer_sheets(demo_db, demo_year, reviewer.id))
    assert all(page.row_sheets[i].is_final for i in range(len(page.rows)))   # the page followed


def test_incomplete_rows_are_listed_and_nothing_is_finalised(window, demo_db, demo_year, confirmations,  # type: ignore[no-untyped-def]
                                                             no_modal_dialogs):
    with demo_db.write() as s:
        district = roster.districts(s)[0]
        reviewer_id = roster.add_reviewer(s, demo_year, "district", "新评审人", district_id=district.id,
                                          organisation="测试单位")
        apps = roster.appointments(s, demo_year, district.id)
        form = catalogue.form("3-2")
        for app in apps:     # every row complete but the first, which misses its last item
            sid = sheets.open_sheet(s, "3-2", demo_year, appointment_id=app.id, reviewer_id=reviewer_id).id
            items = form.items[:-1] if app is apps[0] else form.items
            sheets.set_scores(s, sid, {i.id: str(i.max) for i in items})
    window.runner.changed.emit(Change(roster=True))
    window.select(district.id, reviewer_id=reviewer_id)
    page = window.show_page("sheet-3-2")
    assert not page.finalise_all()
    assert confirmations == []
    listed = no_modal_dialogs[-1].splitlines()
    assert "1 行" in listed[0] and len(listed) == 2
    assert listed[1].startswith(f"1 {apps[0].unit} {apps[0].planner}") and form.items[-1].short in listed[1]
    assert "不能全部定稿" in page.bar.message.text()
    assert not any(v.is_final for v in _reviewer_sheets(demo_db, demo_year, reviewer_id))


def test_a_refusal_midway_finalises_no_row(window, demo_db, demo_year, confirmations, monkeypatch):  # type: ignore[no-untyped-def]
    page, reviewer = _open_matrix(window, demo_db, demo_year)
    real, calls = sheets.finalize, []

    def finalize(session, sheet_id, actor=""):  # type: ignore[no-untyped-def]
        calls.append(sheet_id)
        if len(calls) == 2:
            raise ActionRefused("scoring.sheet.not_found", sheet=sheet_id)   # a refusal of the second row
        return real(session, sheet_id, actor)
    monkeypatch.setattr(sheets, "finalize", finalize)
    assert not page.finalise_all()
    assert len(calls) == 2 and page.bar.message.text() == f"没有编号为 {calls[1]} 的评审表"
    assert sum(not v.is_final for v in _reviewer_sheets(demo_db, demo_year, reviewer.id)) == 2


def test_english_lists_missing_items_in_english(qapp, window, demo_db, demo_year, no_modal_dialogs):  # type: ignore[no-untyped-def]
    from zeshi_desktop.gui import i18n
    with demo_db.write() as s:
        district = roster.districts(s)[0]
        reviewer_id = roster.add_reviewer(s, demo_year, "district", "新评审人", district_id=district.id)
        app = roster.appointments(s, demo_year, district.id)[0]
        sid = sheets.open_sheet(s, "3-2", demo_year, appointment_id=app.id, reviewer_id=reviewer_id).id
        sheets.set_score(s, sid, catalogue.form("3-2").items[0].id, "1")
    i18n.install_language(qapp, "en")
    window.runner.changed.emit(Change(roster=True))
    window.select(district.id, reviewer_id=reviewer_id)
    page = window.show_page("sheet-3-2")
    assert not page.finalise_all()
    first = no_modal_dialogs[-1].splitlines()[1]
    assert "has no score" in first and "尚未评分" not in first
    assert str(Decimal("1")) == page.table.item(2, page.col_of_item[catalogue.form("3-2").items[0].id]).text()
