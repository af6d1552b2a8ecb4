"""Every sheet is sealed by a hash of its content: a value changed behind the program's back is found."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from zeshi_desktop.store import sheet_seal
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.models import Score, Sheet

from .raw import Raw


def test_every_sheet_of_the_demo_is_sealed_and_sound(demo_db: Database) -> None:
    with demo_db.read() as session:
        assert session.scalar(select(Sheet.id).where(Sheet.content_hash.is_(None))) is None
        assert sheet_seal.damaged(session) == []


def test_a_change_through_the_program_reseals_only_that_sheet(demo_db: Database) -> None:
    with demo_db.read() as session:
        sheet_id, item_id = session.execute(select(Score.sheet_id, Score.item_id).limit(1)).one()
        before = dict(session.execute(select(Sheet.id, Sheet.content_hash)).all())
    with demo_db.write() as session:   # a bulk Core update, as imports write, is caught by the triggers
        session.execute(update(Score).where(Score.sheet_id == sheet_id, Score.item_id == item_id).values(tenths=0))
    with demo_db.read() as session:
        after = dict(session.execute(select(Sheet.id, Sheet.content_hash)).all())
        assert sheet_seal.damaged(session) == []
        assert session.execute(select(Sheet.id).limit(1)).scalar() is not None
    assert {k for k in before if before[k] != after[k]} == {sheet_id}


def test_a_value_changed_outside_the_program_is_found(demo_db: Database) -> None:
    raw = Raw(demo_db)
    sheet_id, item_id, tenths = raw.one("SELECT sheet_id, item_id, tenths FROM scores LIMIT 1")
    raw.execute("UPDATE scores SET tenths = ? WHERE sheet_id = ? AND item_id = ?", (tenths ^ 1, sheet_id, item_id))
    raw.execute("DELETE FROM dirty_sheets")   # as a tool that knows nothing of the program leaves it
    raw.close()
    with demo_db.read() as session:
        assert sheet_seal.damaged(session) == [sheet_id]


@pytest.mark.sqlite_only
def test_a_byte_flipped_in_the_file_is_found(demo_db: Database) -> None:
    """A flip inside a score's stored number keeps the page well formed; only the seal sees it."""
    assert demo_db.path is not None
    with demo_db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = Raw(demo_db)
    _, item_id, tenths = raw.one(
        "SELECT sheet_id, item_id, tenths FROM scores WHERE tenths BETWEEN 20 AND 90 LIMIT 1")
    raw.close()
    demo_db.dispose()
    data = bytearray(demo_db.path.read_bytes())
    needle = item_id.encode() + bytes([tenths])   # a record's payload: ... item_id, then the 1-byte integer
    at = data.find(needle)
    assert at > 0
    while at > 0:   # the table's record (and an index entry that happens to match: harmless)
        data[at + len(item_id)] ^= 0x01
        at = data.find(needle, at + 1)
    demo_db.path.write_bytes(bytes(data))
    again = Database.open(demo_db.path)
    with again.read() as session:
        assert sheet_seal.damaged(session) != []
    again.dispose()
