"""The roles and rights of docs/server.md, run as written: the owner makes the store, a member scores, no more."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.server.backends import Server
from zeshi_desktop.demo.fixture import load_demo
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import HEAD_REVISION, Database, StoreError

DOC = Path(__file__).resolve().parents[2] / "docs" / "server.md"
NAME = "zeshi_docs"   # the docs' database `zeshi`, under a name of its own in the run's cluster


def _block(name: str) -> list[str]:
    """The statements of the docs' ```sql block that starts ``-- zeshi: NAME``, the database renamed."""
    blocks = re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    [found] = [b for b in blocks if b.lstrip().startswith(f"-- zeshi: {name}\n")]
    found = re.sub(r"\bzeshi\b(?!_)", NAME, found)
    lines = [line for line in found.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def test_a_member_scores_and_can_neither_remove_the_audit_nor_change_the_tables(server: Server) -> None:
    server.cluster.execute(*_block("server"))
    server.cluster.execute(*_block("database"), database=NAME)
    owner = Database.open(server.cluster.url(NAME, "zeshi_owner"))   # `zeshi init` makes the store
    with owner.write() as session:
        load_demo(session)
    owner.dispose()
    server.cluster.execute(*_block("after init"), *_block("member"), database=NAME)

    member = Database.open(server.cluster.url(NAME, "wang_li"), create=False)
    with member.read() as session:
        final = session.execute(text("SELECT id FROM sheets WHERE form_id = '3-1' AND status = 'final' "
                                     "ORDER BY id LIMIT 1")).scalar_one()
    with member.write(role="office") as session:   # a member scores: unlock, change, finalise, all audited
        sheets.unlock(session, final, "复核", "王立")
        sheets.set_score(session, final, "basic_contract", "1", "王立")
        sheets.finalize(session, final, "王立")
    with member.read() as session:
        assert session.execute(text("SELECT count(*) FROM audit_log WHERE actor = '王立'")).scalar() == 3
    for statement, why in (("DELETE FROM audit_log", "permission denied"),
                           ("TRUNCATE audit_log", "permission denied"),
                           ("UPDATE audit_log SET reason = 'x'", "append-only"),
                           ("ALTER TABLE audit_log DISABLE TRIGGER ALL", "must be owner"),
                           ("DROP TABLE scores", "must be owner"),
                           ("CREATE TABLE mine (id integer)", "permission denied")):
        with pytest.raises(Exception, match=why), member.engine.begin() as connection:
            connection.execute(text(statement))
    member.dispose()
    owner = Database.open(server.cluster.url(NAME, "zeshi_owner"), create=False)
    for statement in ("DELETE FROM audit_log", "TRUNCATE audit_log"):   # not even the owner, without DDL
        with pytest.raises(Exception, match="append-only"), owner.engine.begin() as connection:
            connection.execute(text(statement))
    owner.dispose()


def test_a_member_cannot_upgrade_an_older_store_and_is_told_who_can(server: Server) -> None:
    from alembic import command

    from zeshi_desktop.store.database import alembic_config

    name = server.cluster.create("zeshi_old")
    command.upgrade(alembic_config(name), "0007")   # a store the previous version of the program made
    server.cluster.execute("CREATE ROLE zeshi_old_member LOGIN", "GRANT USAGE ON SCHEMA public TO zeshi_old_member",
                           "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO zeshi_old_member",
                           database="zeshi_old")
    with pytest.raises(StoreError) as refused:
        Database.open(server.cluster.url("zeshi_old", "zeshi_old_member"), create=False)
    assert refused.value.code == "server.upgrade_needs_owner"
    assert "0007" in refused.value.message("en") and "sheets" in refused.value.message("en")
    owner = Database.open(name, create=False)   # the owner (here the superuser) opens it: upgraded
    assert owner.current_revision() == HEAD_REVISION
    owner.dispose()
