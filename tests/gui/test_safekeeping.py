"""文件 → 备份… / 恢复… / 检查数据, the check and the daily backup at open, the read-only banner of a damaged store."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.damage import damage_scores
from zeshi_desktop import app
from zeshi_desktop.gui import dialogs, safekeeping, store_dialogs
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.main_window import MainWindow
from zeshi_desktop.services import trust
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store import backup
from zeshi_desktop.store.database import Database


def damage(path: Path) -> None:
    """What a bit flip or an edit with sqlite3 does: a score far above its item's maximum."""
    damage_scores(path, "3-1")


@pytest.fixture
def store(demo_db: Database) -> Path:
    """The demo store's file, closed."""
    path = demo_db.path
    assert path is not None
    demo_db.dispose()
    return path


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or True)
    return asked


@pytest.fixture
def shell(qapp, tmp_path: Path):  # type: ignore[no-untyped-def]
    made = app.Shell(qapp, QSettings(str(tmp_path / "shell.ini"), QSettings.Format.IniFormat))
    yield made
    if made.window is not None:
        made.window.close()
    if made.db is not None:
        made.db.dispose()


def test_backup_says_where_it_went(window, demo_db, no_modal_dialogs):  # type: ignore[no-untyped-def]
    made = safekeeping.backup(window, window.runner)
    assert made is not None and made.is_file() and made.parent == demo_db.path.parent / "backups"
    assert str(made) in no_modal_dialogs[-1] and no_modal_dialogs[-1].startswith("已备份到")


def test_a_full_disk_is_one_sentence_naming_the_file(window, monkeypatch, no_modal_dialogs):  # type: ignore[no-untyped-def]
    def full(source, target):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(backup, "copy_database", full)
    assert safekeeping.backup(window, window.runner) is None
    assert "No space left on device" in no_modal_dialogs[-1] and "backups" in no_modal_dialogs[-1]


def test_check_shows_sound_then_every_finding(window, demo_db, monkeypatch, qtbot):  # type: ignore[no-untyped-def]
    shown = []
    monkeypatch.setattr(safekeeping, "show_check", lambda parent, report: shown.append(report))
    window.store_menu.check()
    assert shown[-1].sound
    damage(demo_db.path)
    window.store_menu.check()
    report = shown[-1]
    assert not report.sound and any("38.6" in f.message.text("zh") for f in report.findings)
    dialog = store_dialogs.CheckDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.findings.count() == len(report.findings) and "处问题" in dialog.summary.text()


def test_a_check_the_database_breaks_off_is_one_sentence(window, monkeypatch, no_modal_dialogs):  # type: ignore[no-untyped-def]
    """A disk error (or, on a server, a dropped connection) in the middle of 检查数据: said, no traceback."""
    def broken(path):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(safekeeping, "check_store", broken)
    assert safekeeping.check(window, window.runner) is None
    assert "disk I/O error" in no_modal_dialogs[-1] and len(no_modal_dialogs[-1].splitlines()) == 1


def test_restore_dialog_lists_backups_newest_first_and_refuses_bad_files(qtbot, store, tmp_path, yes):  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 30, 9, 0)
    older = backup.make_backup(store, "manual", now=now - timedelta(days=2))
    newer = backup.make_backup(store, "unlock", now=now - timedelta(hours=1))
    dialog = store_dialogs.RestoreDialog(store)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, 3).text() for r in range(2)] == [newer.path.name, older.path.name]
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["解锁前", "手动备份"]
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("not a database", encoding="utf-8")
    assert not dialog.try_restore(text_file) and "不是本程序的数据库" in dialog.message.text()
    broken = tmp_path / "broken.sqlite3"
    shutil.copy(older.path, broken)
    damage(broken)
    assert not dialog.try_restore(broken) and "不能用来恢复" in dialog.message.text() and "38.6" in dialog.message.text()
    assert not dialog.try_restore(store) and "就是当前数据库" in dialog.message.text()
    assert not yes
    assert dialog.try_restore(older.path) and dialog.chosen == older.path and len(yes) == 1


def test_the_day_s_backup_is_made_once_when_the_store_opens(store):  # type: ignore[no-untyped-def]
    db, opened = app.open_checked(store, demo=False)
    assert not db.readonly and opened.report is not None and opened.report.sound
    assert opened.backup is not None and opened.backup.reason == "daily"
    db.dispose()
    db, opened = app.open_checked(store, demo=False)
    assert opened.backup is None and [b.reason for b in backup.backups(store)] == ["daily"]
    db.dispose()


def test_a_backup_that_cannot_be_made_at_open_is_a_warning_not_a_failed_start(qtbot, store, tmp_path):  # type: ignore[no-untyped-def]
    (store.parent / "backups").write_text("a file where the folder should be", encoding="utf-8")
    db, opened = app.open_checked(store, demo=False)
    assert not db.readonly and opened.backup is None and opened.backup_refused is not None
    window = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), opened=opened)
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage().startswith("今日备份未完成：")
    db.dispose()


def test_an_in_memory_store_is_neither_checked_nor_backed_up(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    db = Database("sqlite://")
    same, opened = trust.check_at_open(db)
    assert same is db and opened.report is None and opened.backup is None
    window = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), opened=opened)
    qtbot.addWidget(window)
    actions = window.store_menu.actions
    assert not actions["backup"].isEnabled() and not actions["restore"].isEnabled()
    assert actions["where"].isEnabled()
    db.dispose()


def test_a_damaged_store_opens_read_only_and_its_newest_sound_backup_is_restored(
        shell, store, yes, no_modal_dialogs):  # type: ignore[no-untyped-def]
    sound = backup.make_backup(store, "manual", now=datetime.now() - timedelta(hours=2))
    damage(store)
    shell.db, shell.opened = app.open_checked(store, demo=False)
    assert shell.db.readonly and shell.opened.damaged and shell.opened.backup is None   # no backup of damage
    assert shell.start()
    window = shell.window
    banner = window.banner
    assert banner is not None and banner.isVisible()
    assert str(store) in banner.label.text() and "已损坏" in banner.label.text() and "只读" in banner.label.text()
    assert shell.opened.report.findings[0].message.text("zh") in banner.label.text()
    assert banner.newest is not None and banner.newest.path == sound.path
    # every write is refused, saying so
    ok, _ = window.runner.run(lambda s: sheets.set_remarks(s, 1, "x", "x"), Change())
    assert not ok and "以只读方式打开" in no_modal_dialogs[-1]
    page = window.show_page("sheet-3-1")
    assert "以只读方式打开" in page.notice.text()
    assert banner.restore_newest()
    assert shell.window is not window and not shell.db.readonly and shell.window.banner is None
    assert trust.check_store(store).sound
    assert "恢复" in shell.window.statusBar().currentMessage()
    kept = [b for b in backup.backups(store) if b.reason == "restore"]
    assert len(kept) == 1 and not trust.check_store(kept[0].path).sound   # the damaged store is kept


def test_a_file_that_is_no_database_is_refused_in_a_sentence(shell, store, tmp_path, no_modal_dialogs):  # type: ignore[no-untyped-def]
    shell.db, shell.opened = app.open_checked(store, demo=False)
    assert shell.start()
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("not a database", encoding="utf-8")
    assert not shell.switch_database(str(text_file))
    assert str(text_file) in no_modal_dialogs[-1]
    assert shell.db.path == store and shell.window.isVisible()


def test_an_unreadable_picture_is_a_sentence(window, demo_db, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    from zeshi_desktop.gui.views import outline
    from zeshi_desktop.services import roster
    with demo_db.read() as s:
        window.select(roster.districts(s)[0].id)
    page = window.show_page("sheet-4-1")
    monkeypatch.setattr(outline, "choose_picture", lambda parent: str(tmp_path))   # a folder, not a picture
    page._add_picture("cases#1")
    assert page.bar.message.text().startswith(f"无法读取 {tmp_path}")


def test_a_pdf_saved_where_nothing_can_be_written_is_a_sentence(window, monkeypatch, tmp_path, no_modal_dialogs):  # type: ignore[no-untyped-def]
    from zeshi_desktop.gui import printing
    target = tmp_path / "no" / "such" / "folder" / "x.pdf"
    monkeypatch.setattr(dialogs.QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    assert printing.save_pdf(window, b"%PDF-1.4", "x.pdf") is None
    assert no_modal_dialogs[-1].startswith(f"无法写入 {target}")
