"""zeshi check's engine: a sound store has no findings; each kind of damage is found and named."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from zeshi_desktop.services import store_check
from zeshi_desktop.store.database import Database, StoreError


def _raw(db: Database) -> sqlite3.Connection:
    assert db.path is not None
    return sqlite3.connect(db.path, isolation_level=None)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_demo_store_is_sound_and_checking_it_writes_nothing(demo_db: Database) -> None:
    assert demo_db.path is not None
    demo_db.dispose()
    before = _digest(demo_db.path)
    report = store_check.check_store(demo_db.path)
    assert report.sound, [f.message.text("en") for f in report.findings]
    assert store_check.check_store(demo_db.path, quick=True).sound
    assert _digest(demo_db.path) == before


def test_a_score_above_its_maximum_is_damaged_data(demo_db: Database) -> None:
    raw = _raw(demo_db)
    raw.execute("UPDATE scores SET tenths = 386 WHERE rowid = (SELECT min(rowid) FROM scores)")
    raw.close()
    assert demo_db.path is not None
    report = store_check.check_store(demo_db.path)
    kinds = {f.message.params["problem"].code for f in report.findings if "problem" in f.message.params}
    assert "check.value.out_of_range" in kinds
    assert any(f.message.code == "check.value.sheet_changed" for f in report.findings)
    english = " ".join(f.message.text("en") for f in report.findings)
    assert "38.6" in english and "not between 0 and" in english


def test_an_item_the_form_does_not_have_and_an_edited_audit_row_are_found(demo_db: Database) -> None:
    with demo_db.write() as session:
        from zeshi_desktop.store.models import AuditEntry
        session.add(AuditEntry(sheet_id=1, actor="张三", action="change", reason="复核"))
    raw = _raw(demo_db)
    raw.execute("INSERT INTO scores (sheet_id, item_id, tenths) SELECT sheet_id, 'no_such_item', 10 FROM scores LIMIT 1")
    for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log'").fetchall():
        raw.execute(f"DROP TRIGGER {name}")
    raw.execute("UPDATE audit_log SET reason = '改过' WHERE id = (SELECT max(id) FROM audit_log)")
    raw.close()
    assert demo_db.path is not None
    codes = {f.message.code for f in store_check.check_store(demo_db.path).findings}
    assert {"check.value.in_sheet", "check.audit.edited", "check.value.sheet_changed"} <= codes


def test_a_damaged_page_is_reported_not_raised(demo_db: Database) -> None:
    assert demo_db.path is not None
    with demo_db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = _raw(demo_db)
    size = raw.execute("PRAGMA page_size").fetchone()[0]
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'scores'").fetchone()[0]
    raw.close()
    demo_db.dispose()
    data = bytearray(demo_db.path.read_bytes())
    data[(root - 1) * size:(root - 1) * size + 8] = b"\xff" * 8
    demo_db.path.write_bytes(bytes(data))
    report = store_check.check_store(demo_db.path, quick=True)
    assert not report.sound and report.findings[0].kind == "pages"


def test_no_store_is_a_refusal_naming_the_path(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        store_check.check_store(tmp_path / "none.sqlite3")
    assert "none.sqlite3" in caught.value.message("en")
    assert list(tmp_path.iterdir()) == []
