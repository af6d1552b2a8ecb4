"""文件 → 本机角色… and the first-run question: the role chosen in the app, kept in the store, shown in the title bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton, QRadioButton

from zeshi_desktop import app
from zeshi_desktop.gui import installation as role_dialog
from zeshi_desktop.gui.installation import RoleDialog
from zeshi_desktop.gui.main_window import MainWindow
from zeshi_desktop.services import installation
from zeshi_desktop.store.database import Database


def _role(db: Database) -> installation.Role | None:
    with db.read() as s:
        return installation.current(s)


def test_the_title_bar_names_the_role(window, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    assert window.windowTitle() == f"责师评审 — 未设定本机角色 — {demo_db.path}"
    with demo_db.write() as s:
        installation.set_role(s, "district", district="DC")
    window.update_title()
    assert window.windowTitle() == f"责师评审 — 区级专班（东城区） — {demo_db.path}"
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "本机角色…" in texts


def test_the_dialog_sets_a_street_office_of_the_units_ticked(qtbot, window, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = RoleDialog(window.runner, window, first_run=True)
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.findChildren(QRadioButton)]
    assert texts == ["街道/乡镇/园区", "区级专班", "市级专班", "评审人的电脑"]
    assert dialog.buttons["district"].isChecked() and not dialog.unit_list.isVisibleTo(dialog)
    dialog.buttons["street"].setChecked(True)
    assert dialog.unit_list.isVisibleTo(dialog) and not dialog.reviewer_box.isVisibleTo(dialog)
    assert not dialog.unit_edit.isVisibleTo(dialog)   # the store has units: ticked, not typed
    assert not dialog.choose() and dialog.message.text() == (
        "街道/乡镇/园区须指定其责任单元（--unit，编号或名称，可多次）")
    dialog.district_box.setCurrentIndex(dialog.district_box.findData("DC"))
    codes = [dialog.unit_list.item(i).data(role_dialog.CODE_ROLE) for i in range(dialog.unit_list.count())]
    assert codes == ["DC-U01", "DC-U02", "DC-U03", "DC-U04"]   # the district's units only
    dialog.unit_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert dialog.choose() and dialog.chosen == installation.Role("street", district="DC", units=("DC-U02",))
    assert _role(demo_db) == dialog.chosen
    assert sorted(b.text() for b in dialog.findChildren(QPushButton)) == sorted(["确定", "以后再说"])


def test_a_reviewer_named_wrongly_is_said_in_the_dialog(qtbot, window, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = RoleDialog(window.runner, window)
    qtbot.addWidget(dialog)
    dialog.buttons["reviewer"].setChecked(True)
    dialog.reviewer_box.setEditText("无名氏")
    assert not dialog.choose() and dialog.message.text() == "没有评审人“无名氏”" and _role(demo_db) is None
    dialog.reviewer_box.setCurrentIndex(dialog.reviewer_box.findData("CITY-R1"))
    assert dialog.choose() and _role(demo_db) == installation.Role("reviewer", reviewer="CITY-R1")
    again = RoleDialog(window.runner, window)   # opened again: the role set, chosen
    qtbot.addWidget(again)
    assert again.buttons["reviewer"].isChecked() and again.reviewer_box.currentData() == "CITY-R1"


def test_a_new_laptop_types_its_district_and_units(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = Database.open(tmp_path / "new.sqlite3")
    window = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    dialog = RoleDialog(window.runner, window, first_run=True)
    qtbot.addWidget(dialog)
    dialog.buttons["street"].setChecked(True)
    assert dialog.unit_edit.isVisibleTo(dialog) and not dialog.unit_list.isVisibleTo(dialog)
    dialog.district_box.setEditText("东城区")
    dialog.unit_edit.setText("景山街道，东华门街道")
    assert dialog.choose() and _role(db) == installation.Role("street", district="东城区",
                                                              units=("景山街道", "东华门街道"))
    window.update_title()
    assert "街道/乡镇/园区（东城区：景山街道、东华门街道）" in window.windowTitle()
    db.dispose()


def test_first_run_asks_only_a_writable_store_without_a_role(window, demo_db: Database,  # type: ignore[no-untyped-def]
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(role_dialog, "choose_role", lambda parent, runner, first_run=False: asked.append(first_run))
    role_dialog.ask_first_run(window, window.runner)
    assert asked == [True]
    with demo_db.write() as s:
        installation.set_role(s, "city")
    role_dialog.ask_first_run(window, window.runner)
    assert asked == [True]


def test_the_demo_is_a_district_office_of_its_first_district(tmp_path: Path) -> None:
    db = app.open_database(tmp_path / "demo.sqlite3", demo=True)
    assert _role(db) == installation.Role("district", district="DC")
    db.dispose()


def test_a_district_store_starts_on_its_one_district(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from zeshi_desktop.services.roster import changes, directory
    db = Database.open(tmp_path / "one.sqlite3")
    with db.write() as s:
        changes.add_district(s, "西城区", directory.CIRCLES[0], code="XC")
    window = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    dialog = RoleDialog(window.runner, window, first_run=True)
    qtbot.addWidget(dialog)
    assert dialog.buttons["district"].isChecked() and dialog.district_box.currentData() == "XC"
    assert dialog.choose() and _role(db) == installation.Role("district", district="XC")
    db.dispose()
