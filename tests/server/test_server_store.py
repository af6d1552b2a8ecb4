"""A store on a PostgreSQL server: its address, making it, its rules, its check, its backup, what it says instead."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.server.backends import Server, content_digest
from zeshi_desktop.cli import main
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.store_check import check_server
from zeshi_desktop.store.addresses import StoreError, is_url, shown_url
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.integrity import SERVER_TRIGGERS


def _zeshi(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_addresses_that_are_no_store_are_refused_naming_what_is_taken(tmp_path: Path) -> None:
    for url in ("mysql://u@h/db", "postgresql+asyncpg://u@h/db", "oracle://x"):
        with pytest.raises(StoreError) as refused:
            Database.open(url)
        assert refused.value.code == "server.bad_url" and "postgresql+psycopg://" in refused.value.message("en")
    assert is_url("postgresql://u@h/db") and not is_url(str(tmp_path / "a.sqlite3")) and not is_url("C:\\a.db")
    assert shown_url("postgresql+psycopg://wang:secret@h:5432/zeshi") == "postgresql+psycopg://wang@h:5432/zeshi"
    on_file = Database.open(f"sqlite:///{tmp_path / 'a.sqlite3'}")   # an sqlite:/// URL is a file, with its backups
    assert on_file.path == tmp_path / "a.sqlite3" and not on_file.is_server
    on_file.dispose()


def test_an_empty_database_is_made_a_store_only_by_a_command_that_creates(server: Server,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    url = server.cluster.create("zeshi_new").replace("postgresql+psycopg://", "postgresql://")
    with pytest.raises(StoreError) as refused:
        Database.open(url, create=False)
    assert refused.value.code == "server.empty"
    code, _, err = _zeshi(capsys, "--db", url, "--json", "rank", "--districts")
    assert code == 2 and json.loads(err)["error"]["code"] == "server.empty"
    code, _, _ = _zeshi(capsys, "--db", url, "init", "--role", "city")
    assert code == 0
    db = Database.open(url, create=False)
    assert db.is_server and db.path is None and db.engine.dialect.driver == "psycopg"
    with db.read() as session:
        triggers = set(session.execute(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")).scalars())
    assert triggers == set(SERVER_TRIGGERS)   # a later migration's trigger belongs in store.integrity too
    db.dispose()
    server.cluster.execute("CREATE TABLE their_table (id integer)", database="zeshi_new")
    server.cluster.create("zeshi_theirs")
    server.cluster.execute("CREATE TABLE their_table (id integer)", database="zeshi_theirs")
    with pytest.raises(StoreError) as refused:
        Database.open(server.cluster.url("zeshi_theirs"))
    assert refused.value.code == "server.not_a_store" and "their_table" in refused.value.message("en")


def test_a_password_in_the_address_is_never_shown(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    server.cluster.create("zeshi_secret", template=server.template("empty"))
    secret = server.cluster.url("zeshi_secret").replace("zeshi@", "zeshi:s3cret@")   # the socket trusts any password
    db = Database.open(secret, create=False)
    assert "s3cret" not in db.url and "s3cret" in db.libpq_url()
    db.dispose()
    code, _, err = _zeshi(capsys, "--db", secret.replace("zeshi_secret", "no_such_db"), "sheets")
    assert code == 2 and "no_such_db" in err and "s3cret" not in err


@pytest.mark.server_only
def test_the_check_reads_the_catalogue_and_finds_a_rule_switched_off(demo_db: Database,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    with demo_db.write() as session:   # an audit row to edit
        final = session.execute(text("SELECT min(id) FROM sheets WHERE status = 'final'")).scalar_one()
        sheets.unlock(session, final, "复核", "区专班")
    assert check_server(demo_db).sound
    code, out, _ = _zeshi(capsys, "--db", demo_db.url, "check")
    assert code == 0 and "触发器" in out
    with demo_db.engine.begin() as connection:   # what the owner (or a superuser) could do
        connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER zeshi_audit_append_only"))
        connection.execute(text("UPDATE audit_log SET reason = 'edited' WHERE id = (SELECT min(id) FROM audit_log)"))
    report = check_server(demo_db)
    codes = {f.message.code for f in report.findings}
    assert {"server.check.trigger_disabled", "check.audit.edited"} <= codes
    code, out, _ = _zeshi(capsys, "--db", demo_db.url, "--lang", "en", "check")
    assert code == 1 and "zeshi_audit_append_only" in out and "disabled" in out


@pytest.mark.server_only
def test_a_backup_is_pg_dump_and_restores_with_pg_restore(demo_db: Database, tmp_path: Path, server: Server,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "office.dump"
    code, out, _ = _zeshi(capsys, "--db", demo_db.url, "--json", "backup", "-o", str(target))
    assert code == 0 and json.loads(out)["file"] == str(target) and target.stat().st_size > 10_000
    assert not list(tmp_path.glob(".*.tmp"))
    url = server.cluster.create("zeshi_restored")
    done = subprocess.run([shutil.which("pg_restore") or "pg_restore", "--no-owner",
                           f"--dbname={server.cluster.libpq('zeshi_restored')}", str(target)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    restored = Database.open(url, create=False)
    assert content_digest(restored) == content_digest(demo_db)
    restored.dispose()
    for args, code_said in ((["backup"], "server.backup_needs_output"), (["backups"], "server.backups_elsewhere"),
                            (["restore", str(target)], "server.restore_elsewhere")):
        code, out, err = _zeshi(capsys, "--db", demo_db.url, "--json", *args)
        assert code == 2 and out == "" and err.count("\n") == 1
        assert json.loads(err)["error"]["code"] == code_said


def test_zeshi_db_may_name_a_server(demo_db: Database, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ZESHI_DB", demo_db.url if demo_db.is_server else str(demo_db.path))
    code, out, _ = _zeshi(capsys, "--json", "rank", "--districts")
    assert code == 0 and json.loads(out)["rows"]
