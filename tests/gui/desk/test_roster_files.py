"""文件 → 导入名册… / 导出名册…: a preview like the packages', nothing written until 导入, and where the file went."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from zeshi_desktop.gui import i18n
from zeshi_desktop.gui.desk import roster_files, saved
from zeshi_desktop.services import roster
from zeshi_desktop.services.roster import workbook
from zeshi_desktop.store.database import Database


@pytest.fixture
def changed_roster(demo_db: Database, demo_year: int, tmp_path: Path) -> Path:
    """The demo's roster with a district renamed, one added, and a unit moved to another district."""
    path = tmp_path / "roster.xlsx"
    with demo_db.read() as s:
        workbook.export_roster(s, demo_year, path)
    wb = load_workbook(path)
    wb["区"]["B2"] = wb["区"]["B2"].value + "（新）"
    wb["区"].append(["XC", "西城区", "首都功能核心区"])
    units = wb["责任单元"]
    units["B2"] = "DC" if units["B2"].value != "DC" else "CY"
    wb.save(path)
    return path


def test_the_preview_lists_what_would_change_and_writes_nothing(window, demo_db: Database, demo_year: int,  # type: ignore[no-untyped-def]
                                                                changed_roster: Path) -> None:
    dialog = roster_files.RosterImportDialog(window.runner, demo_year, window, str(changed_roster))
    assert dialog.plan is not None and dialog.import_button.isEnabled()
    actions = {dialog.rows.item(r, 3).text() for r in range(dialog.rows.rowCount())}
    assert actions == {"新增", "更新", "移至他区"}
    assert "1 个责任单元将移到另一个区" in dialog.warnings.text()
    moved = next(r for r in range(dialog.rows.rowCount()) if dialog.rows.item(r, 3).text() == "移至他区")
    assert "（CY）" in dialog.rows.item(moved, 4).text() or "（DC）" in dialog.rows.item(moved, 4).text()
    with demo_db.read() as s:
        assert "西城区" not in {d.name for d in roster.districts(s)}
    dialog.reject()
    with demo_db.read() as s:
        assert "西城区" not in {d.name for d in roster.districts(s)}


def test_import_writes_after_a_backup_and_refreshes_the_window(window, demo_db: Database, demo_year: int,  # type: ignore[no-untyped-def]
                                                              changed_roster: Path, monkeypatch,
                                                              no_modal_dialogs: list[str]) -> None:
    from zeshi_desktop.services import trust

    before = len(trust.list_backups(demo_db.path))
    changes: list[object] = []
    window.runner.changed.connect(changes.append)

    def answer(parent, runner, year):  # type: ignore[no-untyped-def]
        dialog = roster_files.RosterImportDialog(runner, year, parent, str(changed_roster))
        dialog.import_now()
        return dialog.report

    monkeypatch.setattr(roster_files, "choose_import", answer)
    report = roster_files.import_roster(window, window.runner, demo_year)
    assert report is not None and report.written
    with demo_db.read() as s:
        assert "西城区" in {d.name for d in roster.districts(s)}
    assert len(trust.list_backups(demo_db.path)) == before + 1
    assert changes and changes[-1].roster   # type: ignore[attr-defined]
    assert "已导入 2025 年度名册" in no_modal_dialogs[-1] and "区：新增 1，更新 1" in no_modal_dialogs[-1]


def test_bad_cells_are_listed_and_import_stays_off(window, demo_year: int, changed_roster: Path) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(changed_roster)
    wb["聘任"]["D4"] = "三"
    wb.save(changed_roster)
    dialog = roster_files.RosterImportDialog(window.runner, demo_year, window, str(changed_roster))
    assert not dialog.import_button.isEnabled()
    assert [dialog.problems.item(i).text() for i in range(dialog.problems.count())] == ["聘任!D4: “三”不是整数"]
    assert "1 处错误" in dialog.message.text()


def test_a_file_that_is_no_workbook_is_said_in_the_dialog(window, demo_year: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "x.xlsx"
    bad.write_text("hello")
    dialog = roster_files.RosterImportDialog(window.runner, demo_year, window, str(bad))
    assert dialog.plan is None and not dialog.import_button.isEnabled()
    assert "x.xlsx" in dialog.message.text()


def test_an_unchanged_roster_has_nothing_to_import(window, demo_db: Database, demo_year: int,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    path = tmp_path / "same.xlsx"
    with demo_db.read() as s:
        workbook.export_roster(s, demo_year, path)
    dialog = roster_files.RosterImportDialog(window.runner, demo_year, window, str(path))
    assert not dialog.import_button.isEnabled() and "没有需要导入的内容" in dialog.message.text()
    years = [dialog.year_box.itemData(i) for i in range(dialog.year_box.count())]
    assert years == [demo_year, demo_year + 1]   # a roster may start the next year


def test_the_preview_in_english(qapp, window, demo_year: int, changed_roster: Path) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language(qapp, "en")
    dialog = roster_files.RosterImportDialog(window.runner, demo_year, window, str(changed_roster))
    sheets = [dialog.counts.horizontalHeaderItem(c).text() for c in range(dialog.counts.columnCount())]
    assert sheets == ["Districts", "Units", "Planners", "Team members", "Appointments", "Reviewers"]
    actions = {dialog.rows.item(r, 3).text() for r in range(dialog.rows.rowCount())}
    assert actions == {"added", "changed", "moved to another district"}
    assert "District name:" in " ".join(dialog.rows.item(r, 4).text() for r in range(dialog.rows.rowCount()))


def test_export_writes_the_year_and_says_where(window, demo_year: int, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    offered: list[str] = []
    target = tmp_path / "out.xlsx"

    def choose(parent, suggested):  # type: ignore[no-untyped-def]
        offered.append(suggested)
        return str(target)

    said: list[tuple[Path, str]] = []
    monkeypatch.setattr(roster_files, "choose_export_path", choose)
    monkeypatch.setattr(saved, "show_saved", lambda parent, path, what="": said.append((path, what)))
    assert roster_files.export_roster(window, window.runner, demo_year) == target
    assert Path(offered[0]).name.startswith(f"名册_{demo_year}_") and target.is_file()
    assert said and said[0][0] == target and "责任单元 15" in said[0][1]
