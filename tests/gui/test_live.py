"""Live results: a changed score, an imported package or a store written elsewhere reach every page.

The district dashboard and the 3-3 page are read where the meeting looks at
them: in the main window, one on screen and the other hidden, after the
change went through the same services (and the same runner) the 3-2 page
uses. Nothing else is done between the change and the look: no refresh, no
other reviewer chosen.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from zeshi_desktop.gui import dialogs, handover_import
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.dashboards.district_ranking import TOTAL_COLUMN
from zeshi_desktop.gui.handover_import import ImportPreviewDialog
from zeshi_desktop.gui.sheet_access import SheetKey
from zeshi_desktop.gui.undo import ScoreCommand
from zeshi_desktop.messages import number_text
from zeshi_desktop.services import catalogue, lookup, roster
from zeshi_desktop.services.handover import packages
from zeshi_desktop.services.meeting import ranking
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database

DISTRICT = "东城区"
UNIT = "东华门街道"
TOTAL_33 = 7   # 总分 on the 3-3 page: 排名, 责任片区, 责师, 加权3-1, 3-1 总得分, 加权3-2, 3-2 最终得分, 总分


@pytest.fixture(autouse=True)
def _answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The unlock reason and the finalise question, answered as a panel member would."""
    monkeypatch.setattr(dialogs, "ask_text", lambda parent, title, label: "复核后更正")
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: True)


def _subject(db: Database, year: int) -> tuple[int, int, str]:
    """(district id, appointment id, the district's first reviewer code) of the unit whose score changes."""
    with db.read() as s:
        district = lookup.district_id(s, DISTRICT)
        appointment = next(a.id for a in roster.appointments(s, year, district) if a.unit == UNIT)
        reviewer = roster.reviewers(s, year, "district", district)[0]
    return district, appointment, reviewer.code


def _expected(db: Database, year: int, district: int) -> str:
    """The unit's 总分 as ``zeshi rank`` and the printed 3-3 compute it now."""
    with db.read() as s:
        rows = ranking.district_ranking(s, year, district).rows
    return number_text(next(r.total for r in rows if r.unit == UNIT))


def _on_dashboard(window) -> str:  # type: ignore[no-untyped-def]
    model = window.holders["district-dashboard"].ensure().ranking.model
    return next(model.item(r, TOTAL_COLUMN).text() for r in range(model.rowCount()) if model.item(r, 1).text() == UNIT)


def _on_33(window) -> str:  # type: ignore[no-untyped-def]
    table = window.holders["sheet-3-3"].ensure().table
    return next(table.item(r, TOTAL_33).text() for r in range(table.rowCount()) if table.item(r, 1).text() == UNIT)


def _seen_by_the_meeting(window, district: int) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Both pages drawn once, as the meeting saw them before the change."""
    window.select(district)
    window.show_page("sheet-3-3")
    window.show_page("district-dashboard")
    return _on_dashboard(window), _on_33(window)


def _another_score(db: Database, year: int, appointment: int, reviewer_code: str) -> tuple[int, str, Decimal]:
    """The 3-2 sheet of the reviewer for the unit, one of its items and a different score for it."""
    with db.read() as s:
        reviewer = next(r for r in roster.reviewers(s, year, "district") if r.code == reviewer_code)
        sid = sheets.find_sheet_id(s, "3-2", year, appointment_id=appointment, reviewer_id=reviewer.id)
        assert sid is not None
        view = sheets.view(s, sid)
    item = catalogue.form("3-2").items[1]
    old = view.scores[item.id]
    return sid, item.id, old - 3 if old >= 3 else item.max


def test_a_changed_32_score_reaches_the_dashboard_and_the_33_page(window, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    district, appointment, code = _subject(demo_db, demo_year)
    before = _seen_by_the_meeting(window, district)
    assert before == (_expected(demo_db, demo_year, district),) * 2
    # the reviewer unlocks the row on the 3-2 page, changes one score and finalises it again
    window.choose_reviewer("district")
    page = window.show_page("sheet-3-2")
    sid, item_id, new = _another_score(demo_db, demo_year, appointment, code)
    row = next(i for i, a in enumerate(page.rows) if a.id == appointment)
    page.bar.show_sheet(page.row_sheets[row], locked=page.locked)
    page.bar.unlock()
    key = SheetKey("3-2", demo_year, appointment_id=appointment, reviewer_id=window.selection.reviewer_id)
    old = page.runner.read(key.find).scores[item_id]
    window.runner.undo_stack.push(ScoreCommand(window.runner, key, item_id, old, new, window.selection.actor,
                                               "3-2", page.bar.message.setText))
    page.bar.show_sheet(page.runner.read(key.find), locked=page.locked)
    page.bar.finalize()
    with demo_db.read() as s:
        assert sheets.view(s, sid).is_final and sheets.view(s, sid).scores[item_id] == new
    expected = _expected(demo_db, demo_year, district)
    assert expected != before[0]
    window.show_page("district-dashboard")      # hidden while the score changed: reads again when shown
    assert _on_dashboard(window) == expected
    window.show_page("sheet-3-3")
    assert _on_33(window) == expected


def test_the_dashboard_on_screen_follows_a_change_at_once(window, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    district, appointment, code = _subject(demo_db, demo_year)
    _seen_by_the_meeting(window, district)
    sid, item_id, new = _another_score(demo_db, demo_year, appointment, code)
    for action in (lambda s: sheets.unlock(s, sid, "复核"), lambda s: sheets.set_score(s, sid, item_id, new),
                   lambda s: sheets.finalize(s, sid)):
        assert window.runner.run(action, Change(sheets=frozenset({sid})))[0]
    assert _on_dashboard(window) == _expected(demo_db, demo_year, district)   # on screen: no show needed
    window.show_page("sheet-3-3")
    assert _on_33(window) == _expected(demo_db, demo_year, district)


def _reviewer_package(demo_db: Database, year: int, tmp_path: Path, code: str, appointment: int) -> Path:
    """The reviewer's own laptop: the row unlocked, changed, finalised again, and sent back to the district."""
    laptop = Database.open(shutil.copy(demo_db.path, tmp_path / "reviewer.sqlite3"))  # type: ignore[arg-type]
    sid, item_id, new = _another_score(laptop, year, appointment, code)
    with laptop.write() as s:
        sheets.unlock(s, sid, "复核后更正", "评审人")
        sheets.set_score(s, sid, item_id, new, "评审人")
        sheets.finalize(s, sid, "评审人")
    path = tmp_path / "reviewer.xlsx"
    with laptop.read() as s:
        packages.export_package(s, "reviewer-district", year, path, reviewer=code)
    laptop.dispose()
    return path


def test_an_imported_package_reaches_the_dashboard_on_screen_and_the_33_page(  # type: ignore[no-untyped-def]
        window, demo_db, demo_year, tmp_path, monkeypatch) -> None:
    district, appointment, code = _subject(demo_db, demo_year)
    path = _reviewer_package(demo_db, demo_year, tmp_path, code, appointment)
    before = _seen_by_the_meeting(window, district)     # the dashboard stays on screen during the import

    def take_theirs(parent, report):  # type: ignore[no-untyped-def]
        dialog = ImportPreviewDialog(report, parent)
        dialog.keep_all("theirs")
        return dialog.choice()

    monkeypatch.setattr(handover_import, "confirm_preview", take_theirs)
    report = handover_import.import_file(window, window.runner, path=str(path))
    assert report is not None and report.written
    expected = _expected(demo_db, demo_year, district)
    assert expected != before[0]
    assert _on_dashboard(window) == expected
    window.show_page("sheet-3-3")
    assert _on_33(window) == expected


def _written_elsewhere(demo_db: Database, year: int, appointment: int, code: str) -> None:
    """What ``zeshi unlock``, ``zeshi score`` and ``zeshi finalize`` do: another program, the same file."""
    other = Database.open(demo_db.path)  # type: ignore[arg-type]
    sid, item_id, new = _another_score(other, year, appointment, code)
    with other.write() as s:
        sheets.unlock(s, sid, "复核", "命令行")
        sheets.set_score(s, sid, item_id, new, "命令行")
        sheets.finalize(s, sid, "命令行")
    other.dispose()


def test_a_store_written_by_another_program_is_noticed(window, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    district, appointment, code = _subject(demo_db, demo_year)
    before = _seen_by_the_meeting(window, district)
    assert not window.runner.check_store()      # nothing written since the window looked
    _written_elsewhere(demo_db, demo_year, appointment, code)
    assert _on_dashboard(window) == before[0]   # no program can hear another without looking
    assert window.runner.check_store()          # what the window does when it comes back to the front
    expected = _expected(demo_db, demo_year, district)
    assert expected != before[0] and _on_dashboard(window) == expected
    window.show_page("sheet-3-3")
    assert _on_33(window) == expected
    assert not window.runner.check_store()


def test_our_own_writes_are_not_taken_for_another_programs(window, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    district, appointment, code = _subject(demo_db, demo_year)
    _seen_by_the_meeting(window, district)
    sid, _item, _new = _another_score(demo_db, demo_year, appointment, code)
    changes: list[Change] = []
    window.runner.changed.connect(changes.append)
    assert window.runner.run(lambda s: sheets.unlock(s, sid, "复核"), Change(sheets=frozenset({sid})))[0]
    assert not window.runner.check_store() and [c.reread for c in changes] == [False]


def _refresh_action(window) -> QAction:  # type: ignore[no-untyped-def]
    return next(a for a in window.findChildren(QAction) if a.text() == "刷新")


def test_f5_reads_every_page_again(window, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    district, appointment, code = _subject(demo_db, demo_year)
    before = _seen_by_the_meeting(window, district)
    action = _refresh_action(window)
    assert [k.toString() for k in action.shortcuts()] == ["F5"]
    assert action in window.actions()           # works with the menus hidden (presentation mode)
    _written_elsewhere(demo_db, demo_year, appointment, code)
    action.trigger()                            # before the window looked by itself
    expected = _expected(demo_db, demo_year, district)
    assert expected != before[0] and _on_dashboard(window) == expected
    assert window.statusBar().currentMessage() == "已刷新"
    window.show_page("sheet-3-3")
    assert _on_33(window) == expected


def test_a_hidden_page_reads_a_refresh_when_it_is_shown(window, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    district, _appointment, _code = _subject(demo_db, demo_year)
    _seen_by_the_meeting(window, district)
    window.show_page("sheet-3-3")
    board = window.holders["district-dashboard"].ensure().board
    window.runner.refresh()
    assert window.holders["district-dashboard"].ensure().board is board   # hidden: nothing read yet
    window.show_page("district-dashboard")
    assert window.holders["district-dashboard"].ensure().board is not board


def test_a_new_unit_appears_on_the_32_page_without_choosing_again(window, demo_db, demo_year) -> None:  # type: ignore[no-untyped-def]
    district, _appointment, _code = _subject(demo_db, demo_year)
    window.select(district)
    window.choose_reviewer("district")
    page = window.show_page("sheet-3-2")
    rows = len(page.rows)
    planner = window.runner.read(roster.planners)[0].id

    def add(s):  # type: ignore[no-untyped-def]
        unit = roster.add_unit(s, district, "测试街道", "街道")
        return roster.appoint(s, demo_year, unit, planner, contract_signed=True)
    assert window.runner.run(add, Change(roster=True))[0]
    assert len(page.rows) == rows + 1
