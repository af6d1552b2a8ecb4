"""The fair-panel screens: 回避 (suggestions, declaring, withdrawing), the matrix's 回避 rows, 复核录入, the lens tab."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from zeshi_desktop.gui import dialogs, i18n
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.dashboards.city import CityDashboard
from zeshi_desktop.gui.dashboards.district import DistrictDashboard
from zeshi_desktop.gui.fairness.compare import CompareDialog
from zeshi_desktop.gui.fairness.recusals import DeclareDialog, RecusalDialog
from zeshi_desktop.gui.fairness.second_entry import ENTRY_COL, SecondEntryDialog
from zeshi_desktop.gui.selection import Selection
from zeshi_desktop.gui.sheet_access import SheetKey
from zeshi_desktop.services import lookup
from zeshi_desktop.services.fairness import recusals
from zeshi_desktop.services.scoring import entries, sheets


@pytest.fixture
def dc(demo_db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with demo_db.read() as s:
        return {"district": lookup.district_id(s, "东城区"), "reviewer": lookup.reviewer_id(s, 2025, "DC-R4"),
                "jingshan": lookup.appointment_id(s, 2025, "景山街道"),
                "dongsi": lookup.appointment_id(s, 2025, "东四街道")}


def _declare(demo_db, dc, unit="jingshan", reason="same_institution"):  # type: ignore[no-untyped-def]
    with demo_db.write() as s:
        return recusals.declare(s, "3-2", 2025, appointment_id=dc[unit], reviewer_id=dc["reviewer"], reason=reason)


def test_the_dialog_lists_the_suggested_conflicts_and_declares_one(qtbot, runner, demo_db, dc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = RecusalDialog(runner, 2025, dc["district"], actor="王")
    qtbot.addWidget(dialog)
    assert dialog.suggestions and dialog.declared == []
    texts = [dialog.suggested.item(r, 5).text() for r in range(dialog.suggested.rowCount())]
    assert any("相同" in t for t in texts)
    chosen = next(i for i, s in enumerate(dialog.suggestions) if s.reviewer_id == dc["reviewer"])
    dialog.suggested.selectRow(chosen)
    seen: list[DeclareDialog] = []

    def accept(self):  # type: ignore[no-untyped-def]
        seen.append(self)
        self.declare()
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(DeclareDialog, "exec", accept)
    assert dialog.declare_suggested()
    (form,) = seen
    assert form.reason.currentData() == "same_institution" and form.detail.text()
    assert [r.reviewer_id for r in dialog.declared] == [dc["reviewer"]]
    assert dialog.suggested.item(chosen, 4).text() == "已回避"
    assert dialog.declared[0].declared_by == "王"


def test_withdrawing_asks_why(qtbot, runner, demo_db, dc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _declare(demo_db, dc)
    dialog = RecusalDialog(runner, 2025, dc["district"])
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    monkeypatch.setattr(dialogs, "ask_text", lambda parent, title, label: "核实无关")
    assert dialog.withdraw()
    assert dialog.declared == []
    with demo_db.read() as s:
        (gone,) = recusals.recusals(s, 2025, include_withdrawn=True)
    assert gone.withdrawn_reason == "核实无关"


def test_a_declaration_without_words_for_other_is_refused_in_the_form(qtbot, runner, dc) -> None:  # type: ignore[no-untyped-def]
    form = DeclareDialog(runner, 2025, dc["district"], ("3-2",))
    qtbot.addWidget(form)
    form.reason.setCurrentIndex(form.reason.findData("other"))
    form.declare()
    assert "理由" in form.message.text() and form.result() != QDialog.DialogCode.Accepted


def test_the_matrix_shows_recused_in_that_row_and_takes_no_typing(window, demo_db, dc) -> None:  # type: ignore[no-untyped-def]
    _declare(demo_db, dc)
    window.select(dc["district"], reviewer_id=dc["reviewer"])
    page = window.show_page("sheet-3-2")
    row = next(i for i, a in enumerate(page.rows) if a.id == dc["jingshan"])
    cell = page.table.item(2 + row, 3)
    assert cell.text().startswith("回避") and page.table.columnSpan(2 + row, 3) > 1
    assert not cell.flags() & Qt.ItemFlag.ItemIsEditable
    assert row in page.recused
    # withdrawn from the dialog's runner: the matrix follows at once
    with demo_db.read() as s:
        found = recusals.recusals(s, 2025)[0]
    window.runner.run(lambda s: recusals.withdraw(s, found.id, "误报", ""), Change(recusals=True))
    assert row not in page.recused and page.table.columnSpan(2 + row, 3) == 1
    assert not page.table.item(2 + row, 3).text().startswith("回避")


def test_second_entry_hides_the_first_and_says_which_items_differ(qtbot, runner, demo_db, dc) -> None:  # type: ignore[no-untyped-def]
    with demo_db.write() as s:
        sid = sheets.find_sheet_id(s, "3-1", 2025, appointment_id=dc["dongsi"])
        sheets.unlock(s, sid, "纸质表复核", "王")
        first = sheets.view(s, sid).scores
    key = SheetKey("3-1", 2025, appointment_id=dc["dongsi"])
    dialog = SecondEntryDialog(runner, key, "东四街道")
    qtbot.addWidget(dialog)
    typed = [dialog.table.item(r, ENTRY_COL).text() for r in range(dialog.table.rowCount())]
    assert typed == [""] * len(typed)                       # blind: nothing of entry 1 on screen
    for row, item in enumerate(dialog.form.items):
        value = first.get(item.id, Decimal(0))
        if item.id == "planning_coordination":
            value = value - 1 if value >= 1 else value + 1
        dialog.table.item(row, ENTRY_COL).setText(str(value))
    dialog.first_typist.setText("甲")
    dialog.typist.setText("乙")
    assert dialog.save()
    assert "1 项" in dialog.result.text() and "助力规划统筹" in dialog.result.text()
    assert str(first["planning_coordination"]) not in dialog.result.text().split("：", 1)[1].split("。")[0]
    with demo_db.read() as s:
        state = entries.entry_state(s, sid)
    assert state.typists == {1: "甲", 2: "乙"} and [c.item_id for c in state.open] == ["planning_coordination"]
    # the resolver decides in 核对两次录入
    compare = CompareDialog(runner, sid, "东四街道", resolver="丙")
    qtbot.addWidget(compare)
    row = next(i for i, c in enumerate(compare.state.items) if c.open)
    compare.table.item(row, 5).setText(str(first["planning_coordination"]))
    compare.table.item(row, 6).setText("以纸质表为准")
    assert compare.save()
    assert compare.state.agree and "可以定稿" in compare.message.text()


def test_a_refused_value_is_marked_and_nothing_is_saved(qtbot, runner, dc) -> None:  # type: ignore[no-untyped-def]
    dialog = SecondEntryDialog(runner, SheetKey("3-1", 2025, appointment_id=dc["dongsi"]), "东四街道")
    qtbot.addWidget(dialog)
    dialog.typist.setText("乙")
    dialog.table.item(0, ENTRY_COL).setText("99")
    assert not dialog.save()
    assert "不能保存" in dialog.result.text()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_lens_tab_of_both_dashboards(qtbot, qapp, runner, demo_db, dc, language) -> None:  # type: ignore[no-untyped-def]
    _declare(demo_db, dc)
    i18n.install_language(qapp, language)
    page = DistrictDashboard(runner)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.show_selection(Selection(year=2025, district_id=dc["district"]))
    page.tabs.setCurrentWidget(page.fairness)
    tab = page.fairness
    assert tab.board is not None and tab.recusal_model.rowCount() == 1
    assert tab.reviewer_model.rowCount() == 5 and tab.rank_model.rowCount() == len(tab.board.lens.ranking)
    note = tab.note.text()
    assert ("不是正式规则" in note) if language == "zh" else ("not the official rule" in note)
    city = CityDashboard(runner)
    qtbot.addWidget(city)
    city.show()
    city.show_selection(Selection(year=2025))
    city.tabs.setCurrentWidget(city.fairness)
    assert city.fairness.board is not None and city.fairness.board.form_id == "4-3"
    assert city.fairness.z_model.rowCount() == 4


def test_a_recused_city_reviewer_sees_why_on_the_4_3_sheet(window, demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.write() as s:
        tz, reviewer = lookup.district_id(s, "通州区"), lookup.reviewer_id(s, 2025, "CITY-R2")
        recusals.declare(s, "4-3", 2025, district_id=tz, reviewer_id=reviewer, reason="other", detail="来自通州区")
    window.select(tz, reviewer_id=reviewer)
    page = window.show_page("sheet-4-3")
    assert "回避" in page.notice.text() and page.notice.isVisibleTo(page)
    assert page.locked and page.fairness_recusal_button.isVisibleTo(page)
    assert page.fairness_entry_button.menu() is not None


def test_the_screenshots_include_the_fair_panel_screens(window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from zeshi_desktop.gui.screenshots import render_all, render_screens

    written = render_screens(window, tmp_path, names={"recusals", "second-entry"})
    written += render_all(window, tmp_path, names={"district-dashboard"})
    names = {p.name for p in written}
    assert {"recusals.png", "second-entry.png", "district-dashboard-fairness.png"} <= names
    assert all(p.stat().st_size > 10_000 for p in written)


def test_the_tab_warns_before_it_is_opened_when_fewer_than_three_remain(qtbot, runner, demo_db, dc) -> None:  # type: ignore[no-untyped-def]
    with demo_db.write() as s:
        for code in ("DC-R1", "DC-R2", "DC-R3"):
            recusals.declare(s, "3-2", 2025, appointment_id=dc["jingshan"],
                             reviewer_id=lookup.reviewer_id(s, 2025, code), reason="relative")
    page = DistrictDashboard(runner)
    qtbot.addWidget(page)
    page.show()
    page.show_selection(Selection(year=2025, district_id=dc["district"]))
    index = page.tabs.indexOf(page.fairness)
    assert page.tabs.tabText(index).endswith("⚠") and "景山街道" in page.tabs.tabToolTip(index)
    assert page.fairness.board is None          # the lens itself is not read until the tab is opened
