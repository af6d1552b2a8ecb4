"""The audit log is append-only and a hash chain; the database itself keeps the structural rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, insert, select, text

from zeshi_desktop.store import audit
from zeshi_desktop.store.database import Database, alembic_config
from zeshi_desktop.store.models import AuditEntry, utcnow

from .raw import Raw


def _add_rows(db: Database, n: int, sheet_id: int = 1) -> None:
    with db.write() as session:
        for i in range(n):
            session.add(AuditEntry(sheet_id=sheet_id, actor="张三", action="change", item_id=f"i{i}", old="1",
                                   new="2", reason="复核"))


def _raw(db: Database) -> Raw:
    return Raw(db)


def test_rows_are_sealed_into_one_chain_at_commit(db: Database) -> None:
    _add_rows(db, 3)
    with db.write() as session:   # a bulk insert, as the package import writes them, is sealed too
        session.execute(insert(AuditEntry), [{"sheet_id": 2, "at": utcnow(), "actor": "李四", "action": "import",
                                              "reason": "导入", "package_id": "p-1", "signer": "ab:cd"}])
    with db.read() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert [r.prev_hash for r in rows[1:]] == [r.row_hash for r in rows[:-1]]
        assert rows[0].prev_hash == audit.GENESIS and all(r.row_hash for r in rows)
        assert audit.verify(session) == []


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET new = '10' WHERE id = 2",
                                       "DELETE FROM audit_log WHERE id = 2",
                                       "DELETE FROM audit_log"])
def test_update_and_delete_are_refused_by_the_database(db: Database, statement: str) -> None:
    _add_rows(db, 3)
    raw = _raw(db)
    with pytest.raises(raw.refused, match="append-only"):
        raw.execute(statement)
    assert raw.one("SELECT count(*) FROM audit_log") == (3,)
    raw.close()


def test_an_unsealed_row_may_only_receive_its_seal(db: Database) -> None:
    raw = _raw(db)
    raw.execute("INSERT INTO audit_log (sheet_id, at, actor, action, reason) VALUES (1, '2025-01-01', 'x', 'change', '')")
    with pytest.raises(raw.refused, match="append-only"):
        raw.execute("UPDATE audit_log SET reason = 'y', row_hash = 'ab' WHERE id = 1")
    raw.close()
    with db.read() as session:
        assert audit.verify(session) == [audit.ChainBreak(1, "unsealed")]


def _drop_triggers(raw: Raw) -> None:
    raw.drop_triggers("audit_log")


def test_an_edited_row_is_found_even_with_the_triggers_dropped(db: Database) -> None:
    _add_rows(db, 4)
    raw = _raw(db)
    _drop_triggers(raw)
    raw.execute("UPDATE audit_log SET new = '10' WHERE id = 3")
    raw.close()
    with db.read() as session:
        assert audit.verify(session) == [audit.ChainBreak(3, "edited")]


def test_a_removed_row_is_found_even_with_the_triggers_dropped(db: Database) -> None:
    _add_rows(db, 4)
    raw = _raw(db)
    _drop_triggers(raw)
    raw.execute("DELETE FROM audit_log WHERE id = 2")
    raw.close()
    with db.read() as session:
        assert audit.verify(session) == [audit.ChainBreak(3, "gap")]


def test_the_audit_of_a_sheet_outlives_the_sheet(demo_db: Database) -> None:
    """Removing a unit takes its sheets by cascade, never their history (and is not blocked by it)."""
    raw = _raw(demo_db)
    sheet_id, unit_id = raw.one("SELECT s.id, a.unit_id FROM sheets s JOIN appointments a "
                                "ON a.id = s.appointment_id LIMIT 1")
    raw.close()
    _add_rows(demo_db, 1, sheet_id)
    raw = _raw(demo_db)
    if not raw.server:
        raw.execute("PRAGMA foreign_keys = ON")   # a server keeps its foreign keys always
    raw.execute("DELETE FROM units WHERE id = ?", (unit_id,))
    assert raw.one("SELECT count(*) FROM sheets WHERE id = ?", (sheet_id,)) == (0,)
    assert raw.one("SELECT count(*) FROM audit_log WHERE sheet_id = ?", (sheet_id,)) >= (1,)
    raw.close()


def _reviewer_of_another_district(raw: Raw) -> tuple[int, int, int]:
    appointment, year, district = raw.one(
        "SELECT a.id, a.year, u.district_id FROM appointments a JOIN units u ON u.id = a.unit_id LIMIT 1")
    reviewer = raw.one("SELECT id FROM reviewers WHERE level = 'district' AND district_id != ? AND year = ?",
                       (district, year))[0]
    return appointment, year, reviewer


def test_the_database_refuses_a_3_2_sheet_of_another_districts_reviewer(demo_db: Database) -> None:
    raw = _raw(demo_db)
    appointment, year, reviewer = _reviewer_of_another_district(raw)
    with pytest.raises(raw.refused, match="3-2 sheet only by a district reviewer"):
        raw.execute("INSERT INTO sheets (uid, slot, form_id, form_version, year, appointment_id, reviewer_id, status, "
                    "remarks, created_at, updated_at) VALUES ('u-x', 's-x', '3-2', 1, ?, ?, ?, 'draft', '', "
                    "'2025-01-01', '2025-01-01')", (year, appointment, reviewer))
    own = raw.one("SELECT reviewer_id FROM sheets WHERE form_id = '3-2' LIMIT 1")[0]
    with pytest.raises(raw.refused, match="3-2 sheet only"):
        raw.execute("UPDATE sheets SET reviewer_id = ? WHERE form_id = '3-2' AND reviewer_id = ?", (reviewer, own))
    raw.close()


@pytest.mark.parametrize(("statement", "why"), [
    (("UPDATE scores SET tenths = -5 WHERE (sheet_id, item_id) = "
      "(SELECT sheet_id, item_id FROM scores ORDER BY sheet_id, item_id LIMIT 1)"), "never negative"),
    ("UPDATE sheets SET status = 'done' WHERE id = (SELECT min(id) FROM sheets)", "draft or final"),
    ("UPDATE reviewers SET level = 'street' WHERE id = (SELECT min(id) FROM reviewers)", "district or city"),
    (("UPDATE sheets SET reviewer_id = (SELECT min(id) FROM reviewers WHERE level = 'district') "
      "WHERE form_id = '4-3'"), "4-3 sheet only by a city reviewer"),
])
def test_the_database_keeps_the_structural_rules(demo_db: Database, statement: str, why: str) -> None:
    raw = _raw(demo_db)
    with pytest.raises(raw.refused, match=why):
        raw.execute(statement)
    raw.close()


def test_upgrading_seals_the_existing_audit_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    url = f"sqlite:///{path}"
    command.upgrade(alembic_config(url), "0003")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO districts (id, code, name, circle) VALUES (1, 'DC', '东城区', '首都功能核心区')"))
        for i in range(3):
            connection.execute(text("INSERT INTO audit_log (sheet_id, at, actor, action, reason) "
                                    "VALUES (1, '2025-03-01 10:00:00.000000', '张三', 'finalize', :r)"), {"r": f"r{i}"})
    engine.dispose()
    database = Database.open(path)
    with database.read() as session:
        assert session.execute(text("SELECT count(*) FROM audit_log WHERE row_hash IS NOT NULL")).scalar() == 3
        assert audit.verify(session) == []
    database.dispose()


def test_the_role_of_the_action_is_written_into_its_audit_rows(db: Database) -> None:
    with db.write(role="区级评审人 DC-R1") as session:
        session.add(AuditEntry(sheet_id=1, actor="张三", action="unlock", reason="复核"))
        session.add(AuditEntry(sheet_id=1, actor="张三", action="change", reason="复核", role="街道办"))
    _add_rows(db, 1)
    with db.read() as session:
        assert session.scalars(select(AuditEntry.role).order_by(AuditEntry.id)).all() == [
            "区级评审人 DC-R1", "街道办", None]
        assert audit.verify(session) == []
