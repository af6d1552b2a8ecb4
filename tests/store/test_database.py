"""The store's settings, one transaction per action, the write lock, upgrades with a backup."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from sqlalchemy import create_engine, select, text

from zeshi_desktop.store.database import Database, alembic_config, head_revision
from zeshi_desktop.store.models import District, Unit


@pytest.mark.sqlite_only
def test_sqlite_settings(db):
    with db.read() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_new_file_is_at_the_newest_revision(db):
    assert db.current_revision() == head_revision()


def test_foreign_keys_enforced(db):
    with pytest.raises(Exception, match="(?i)foreign key"):
        with db.write() as session:
            session.add(Unit(code="U1", district_id=999, name="无主单元", kind="街道"))
            session.flush()


def test_failed_action_writes_nothing(db):
    with pytest.raises(RuntimeError):
        with db.write() as session:
            session.add(District(code="D1", name="东城区", circle="首都功能核心区"))
            session.flush()
            raise RuntimeError("the user action fails half way")
    with db.read() as session:
        assert session.scalars(select(District)).all() == []


def test_write_takes_the_lock_up_front(db):
    """A second writer cannot start while an action holds the write lock (BEGIN IMMEDIATE; on a server, the lock)."""
    with db.write() as session:
        session.execute(text("SELECT 1"))  # nothing written yet, but the lock is held
        if db.is_server:
            import psycopg

            from zeshi_desktop.store.database import WRITE_LOCK_KEY
            with psycopg.connect(db.libpq_url(), autocommit=True) as other:
                taken = other.execute("SELECT pg_try_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,)).fetchone()
            assert taken == (False,)
            return
        other = sqlite3.connect(db.path, timeout=0.05, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_upgrading_an_old_file_keeps_its_data_and_writes_a_backup(tmp_path):
    path = tmp_path / "old.sqlite3"
    url = f"sqlite:///{path}"
    command.upgrade(alembic_config(url), "0001")  # a file as the first version left it
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO districts (id, code, name, circle) VALUES (1, 'DC', '东城区', '首都功能核心区')"))
        connection.execute(text("INSERT INTO units (id, code, district_id, name, kind) VALUES (1, 'U1', 1, '景山街道', '街道')"))
        tables = {r[0] for r in connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    engine.dispose()
    assert "known_signers" not in tables

    database = Database.open(path)
    assert database.current_revision() == head_revision() != "0001"
    assert database.backup_path is not None and database.backup_path.exists()
    assert "0001" in database.backup_path.name
    with database.read() as session:
        assert session.scalars(select(Unit.name)).all() == ["景山街道"]
        assert session.execute(text("SELECT count(*) FROM known_signers")).scalar() == 0
    database.dispose()
    backup = sqlite3.connect(database.backup_path)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert backup.execute("SELECT name FROM units").fetchall() == [("景山街道",)]
    backup.close()


def test_reopening_a_current_file_makes_no_backup(tmp_path):
    Database.open(tmp_path / "a.sqlite3").dispose()
    again = Database.open(tmp_path / "a.sqlite3")
    assert again.backup_path is None
    again.dispose()
    assert [p.name for p in tmp_path.iterdir() if "backup" in p.name] == []


def test_head_constant_matches_alembic():
    """Opening a current file skips Alembic by trusting HEAD_REVISION; it must be the real head."""
    from zeshi_desktop.store.database import HEAD_REVISION
    assert HEAD_REVISION == head_revision()


def test_a_reader_never_creates_a_store_or_its_folders(tmp_path):
    from zeshi_desktop.store.database import StoreError

    path = tmp_path / "no" / "such" / "dir" / "x.sqlite3"
    with pytest.raises(StoreError) as caught:
        Database.open(path, create=False)
    assert caught.value.code == "store.no_database_hint" and str(path) in caught.value.message("en")
    assert not (tmp_path / "no").exists()


def test_a_read_only_store_refuses_every_write_and_leaves_the_file_as_it_was(tmp_path):
    from zeshi_desktop.store.database import StoreError

    path = tmp_path / "a.sqlite3"
    first = Database.open(path)
    with first.write() as session:
        session.add(District(code="DC", name="东城区", circle="首都功能核心区"))
    with first.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    first.dispose()
    before = path.read_bytes()
    looked = Database.open(path, readonly=True)
    assert looked.path == path.resolve()
    with looked.read() as session:
        assert session.scalars(select(District.name)).all() == ["东城区"]
    with pytest.raises(StoreError) as caught:
        with looked.write():
            pass
    assert caught.value.code == "store.read_only"
    with pytest.raises(Exception, match="readonly"):
        with looked.read() as session:
            session.execute(text("DELETE FROM districts"))
    looked.dispose()
    assert path.read_bytes() == before
