"""Backups: consistent copies, named for when and why, pruned to the newest N plus one per month."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from zeshi_desktop.store import backup
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.integrity import page_check, read_only
from zeshi_desktop.store.models import District


def _store(tmp_path: Path) -> Database:
    db = Database.open(tmp_path / "zeshi.sqlite3")
    with db.write() as session:
        session.add(District(code="DC", name="东城区", circle="首都功能核心区"))
    return db


def test_a_backup_is_a_consistent_self_contained_copy_taken_without_writing(tmp_path: Path) -> None:
    db = _store(tmp_path)
    assert db.path is not None
    before = db.path.read_bytes()
    made = backup.make_backup(db.path, "manual")   # the last write is still in the WAL
    assert made.path.parent == tmp_path / "backups" and made.reason == "manual"
    assert db.path.read_bytes() == before
    with read_only(made.path) as connection:
        assert connection.execute("SELECT name FROM districts").fetchall() == [("东城区",)]
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert page_check(connection) == []
    assert not Path(str(made.path) + "-wal").exists()
    db.dispose()


def test_backups_are_listed_newest_first_and_two_in_one_second_do_not_collide(tmp_path: Path) -> None:
    db = _store(tmp_path)
    assert db.path is not None
    now = datetime(2026, 11, 30, 10, 0, 0)
    first = backup.make_backup(db.path, "import", now=now)
    second = backup.make_backup(db.path, "unlock", now=now)
    later = backup.make_backup(db.path, "daily", now=now + timedelta(minutes=1))
    assert first.path != second.path
    assert [b.path for b in backup.backups(db.path)][0] == later.path
    assert {b.reason for b in backup.backups(db.path)} == {"import", "unlock", "daily"}
    db.dispose()


def test_pruning_keeps_the_newest_and_one_per_month(tmp_path: Path) -> None:
    db = _store(tmp_path)
    assert db.path is not None
    start = datetime(2026, 1, 1, 9, 0, 0)
    for day in range(0, 120, 3):   # 40 backups over four months
        backup.make_backup(db.path, "daily", now=start + timedelta(days=day), keep=5)
    left = backup.backups(db.path)
    months = {(b.made.year, b.made.month) for b in left}
    assert months == {(2026, 1), (2026, 2), (2026, 3), (2026, 4)}
    newest = sorted(b.made for b in left)[-5:]
    assert newest == sorted(start + timedelta(days=d) for d in range(105, 120, 3))
    assert len(left) <= 5 + 4
    (tmp_path / "backups" / "my own copy.sqlite3").write_bytes(b"x")   # not the program's: never touched
    backup.prune(db.path, keep=1)
    assert (tmp_path / "backups" / "my own copy.sqlite3").exists()
    db.dispose()


def test_daily_is_due_after_a_day(tmp_path: Path) -> None:
    db = _store(tmp_path)
    assert db.path is not None
    assert backup.daily_due(db.path)
    made = backup.make_backup(db.path, "daily", now=datetime(2026, 11, 29, 8, 0, 0))
    assert not backup.daily_due(db.path, now=made.made + timedelta(hours=23))
    assert backup.daily_due(db.path, now=made.made + timedelta(hours=24))
    db.dispose()


def test_a_backup_that_cannot_be_written_is_one_refusal_naming_the_file(tmp_path: Path) -> None:
    db = _store(tmp_path)
    assert db.path is not None
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where a folder should be")
    with pytest.raises(backup.BackupRefused) as caught:
        backup.make_backup(db.path, "manual", target=blocked / "copy.sqlite3")
    assert caught.value.code == "store.backup_failed" and "copy.sqlite3" in caught.value.message("en")
    assert list(tmp_path.glob("not-a-folder/*")) == []
    with pytest.raises(backup.BackupRefused) as missing:
        backup.make_backup(tmp_path / "none.sqlite3", "manual")
    assert missing.value.code == "store.no_database"
    db.dispose()


def test_page_check_finds_a_damaged_file(tmp_path: Path) -> None:
    db = _store(tmp_path)
    assert db.path is not None
    copy = backup.make_backup(db.path, "manual").path
    with read_only(copy) as connection:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'districts'").fetchone()[0]
    data = bytearray(copy.read_bytes())
    start = (root - 1) * size
    data[start: start + 12] = b"\xff" * 12   # the districts table's page header
    copy.write_bytes(bytes(data))
    with read_only(copy) as connection:
        assert page_check(connection) != []
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(District)) == 1
    db.dispose()


def test_restore_round_trip_keeps_the_current_store_as_a_backup(tmp_path: Path) -> None:
    db = _store(tmp_path)
    assert db.path is not None
    saved = backup.make_backup(db.path, "manual").path
    with db.write() as session:
        session.add(District(code="CY", name="朝阳区", circle="中心城区"))
    db.dispose()
    kept = backup.replace_store(db.path, saved)
    assert kept is not None and kept.reason == "restore"
    again = Database.open(db.path)
    with again.read() as session:
        assert session.scalars(select(District.name)).all() == ["东城区"]
    again.dispose()
    with read_only(kept.path) as connection:   # what was replaced can itself be restored
        assert {r[0] for r in connection.execute("SELECT name FROM districts")} == {"东城区", "朝阳区"}


@pytest.mark.parametrize(("content", "code"), [
    (b"not a database at all" * 100, "store.restore_not_a_store"),
    (None, "store.restore_not_a_store"),     # an SQLite file of another program
])
def test_restore_refuses_a_file_that_is_not_a_store_and_changes_nothing(tmp_path: Path, content: bytes | None,
                                                                        code: str) -> None:
    import sqlite3

    db = _store(tmp_path)
    assert db.path is not None
    db.dispose()
    before = db.path.read_bytes()
    candidate = tmp_path / "candidate.sqlite3"
    if content is None:
        other = sqlite3.connect(candidate)
        other.execute("CREATE TABLE t (x)")
        other.commit()
        other.close()
    else:
        candidate.write_bytes(content)
    with pytest.raises(backup.BackupRefused) as caught:
        backup.replace_store(db.path, candidate)
    assert caught.value.code == code
    assert db.path.read_bytes() == before and backup.backups(db.path) == []


def test_restoring_the_oldest_backup_survives_the_pruning_that_keeping_the_current_store_does(tmp_path: Path) -> None:
    db = _store(tmp_path)
    assert db.path is not None
    oldest = backup.make_backup(db.path, "manual", now=datetime(2026, 11, 1, 8, 0, 0), keep=2)
    backup.make_backup(db.path, "manual", now=datetime(2026, 11, 2, 8, 0, 0), keep=2)
    backup.make_backup(db.path, "manual", now=datetime(2026, 11, 3, 8, 0, 0), keep=2)
    survivors = backup.backups(db.path)
    target = survivors[-1].path     # the oldest the folder still holds
    db.dispose()
    kept = backup.replace_store(db.path, target, keep=1)
    assert kept is not None and kept.path.exists()
    again = Database.open(db.path)
    with again.read() as session:
        assert session.scalars(select(District.name)).all() == ["东城区"]
    again.dispose()
