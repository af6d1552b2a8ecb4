"""The meeting by keyboard: pages by number, next/previous planner, the tree's search, redo on Ctrl+Y, F1."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoCommand

from tests.gui.shell.test_presentation import active
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.navigation import ID_ROLE, KIND_ROLE
from zeshi_desktop.gui.pages import PAGES
from zeshi_desktop.gui.shell import help as help_module
from zeshi_desktop.services import roster


def test_ctrl_and_a_number_opens_that_page(qtbot, window):
    active(qtbot, window)
    for number in (3, 9, 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentWidget().objectName() == PAGES[number - 1].name
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget().objectName() == PAGES[1].name


def test_alt_down_and_up_step_through_the_planners_in_tree_order(qtbot, window, demo_db, demo_year):
    active(qtbot, window)
    planners = window.tree.visible_nodes("appointment")
    window.tree.setCurrentItem(planners[0])
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.tree.currentItem() is planners[1]
    assert window.selection.appointment_id == planners[1].data(0, ID_ROLE)[2]
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.tree.currentItem() is planners[0]
    assert not window.tree.step(-1)   # the first planner: nothing before it
    window.tree.setCurrentItem(planners[-1].parent().parent())   # a district: the next planner is its first
    assert window.tree.step(1) and window.tree.currentItem().data(0, KIND_ROLE) == "appointment"


def test_the_search_box_keeps_the_matching_nodes_and_enter_opens_the_first(qtbot, window, demo_db, demo_year):
    with demo_db.read() as s:
        planner = roster.appointments(s, demo_year)[3]
    window.search.setFocus()
    window.search.setText(planner.planner[:3])   # as typed (QTest cannot type Chinese)
    shown = window.tree.visible_nodes("appointment")
    assert shown and all(planner.planner[:3].casefold() in n.text(0).casefold() for n in shown)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.selection.appointment_id == shown[0].data(0, ID_ROLE)[2]
    district = window.tree.topLevelItem(0)
    window.search.setText(district.text(0)[:2])   # a district: its units and planners stay in view
    assert not district.isHidden() and all(not district.child(i).isHidden() for i in range(district.childCount()))
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    assert len(window.tree.visible_nodes("appointment")) == len(planners_of(window))
    window.search.setText("没有这样的名字")
    assert window.tree.visible_nodes() == []
    window.runner.changed.emit(Change(roster=True))   # the tree is reloaded: the search still applies
    assert window.tree.visible_nodes() == []
    window.search.clear()
    assert len(window.tree.visible_nodes("appointment")) == len(planners_of(window))


def planners_of(window):  # type: ignore[no-untyped-def]
    return [n for n in window.tree._nodes.values() if n.data(0, KIND_ROLE) == "appointment"]


def test_ctrl_f_goes_to_the_search_box(qtbot, window):
    active(qtbot, window)
    window.tabs.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus() or window.focusWidget() is window.search


class Counting(QUndoCommand):
    def __init__(self, seen: list[str]) -> None:
        super().__init__("x")
        self.seen = seen

    def redo(self) -> None:
        self.seen.append("redo")

    def undo(self) -> None:
        self.seen.append("undo")


def test_redo_answers_ctrl_y_as_well_as_ctrl_shift_z(qtbot, window):
    active(qtbot, window)
    seen: list[str] = []
    window.runner.undo_stack.push(Counting(seen))
    window.tabs.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert seen == ["redo", "undo", "redo", "undo", "redo"]
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()


def test_a_score_is_redone_with_ctrl_y(qtbot, window, fresh_appointment, demo_db, demo_year):
    active(qtbot, window)
    from tests.gui.test_scoring import open_31, stored, type_into
    from zeshi_desktop.services import catalogue
    view = open_31(window, fresh_appointment)
    item = catalogue.form("3-1").items[0]
    type_into(qtbot, view, item.id, "2")
    type_into(qtbot, view, item.id, "4")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_db, demo_year, fresh_appointment["appointment"]).scores[item.id] == Decimal(2)
    qtbot.keyClick(view.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_db, demo_year, fresh_appointment["appointment"]).scores[item.id] == Decimal(4)


def test_f1_lists_every_key_of_the_window(qtbot, window, monkeypatch):
    active(qtbot, window)
    opened = []
    monkeypatch.setattr(help_module.HelpDialog, "exec", lambda self: opened.append(self.text.toPlainText()))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert len(opened) == 1
    listed = {keys for _group, rows in help_module.shortcut_rows(window) for keys, _what in rows}
    flat = " ".join(listed)
    for key in ("Ctrl+1", "Ctrl+9", "F11", "Ctrl+=", "Ctrl+-", "Ctrl+0", "Alt+↓", "Alt+↑", "Ctrl+F", "Ctrl+Y",
                "Ctrl+Shift+Z", "Ctrl+Z", "F1", "Tab / Enter", "Esc"):
        assert key in flat, key
    assert "Ctrl+Y" in opened[0] and "Alt+↓" in opened[0]
    assert "Open" not in flat and "打开" not in flat   # no launcher keys
