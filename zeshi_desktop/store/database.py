"""Opening the store: the engine, the SQLite settings, sessions, migrations.

A commit must survive a power cut in the middle of a meeting: WAL with
``synchronous=FULL``. Writes that span many rows take the write lock up front
(``BEGIN IMMEDIATE``), which needs the pysqlite driver's own implicit
transactions switched off (SQLAlchemy's "Serializable isolation / Savepoints /
Transactional DDL" notes for pysqlite).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import (  # Session: also the type the GUI names (it never imports SQLAlchemy)
    Session,
    sessionmaker,
)

from zeshi_desktop.messages import Refused
from zeshi_desktop.store import audit, sheet_seal

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest Alembic revision. Kept here so that opening an up-to-date file
# needs no Alembic import (0.2-0.4 s of the window's start-up); a test checks
# that it equals Alembic's own head.
HEAD_REVISION = "0007"
BUSY_TIMEOUT_MS = 10_000


class StoreError(Refused):
    """The database cannot be opened or upgraded; says which file and why."""


def _sqlite_settings(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if engine.url.database not in (None, "", ":memory:") and engine.url.query.get("mode") != "ro":
            cursor.execute("PRAGMA journal_mode=WAL")   # not on a read-only file: a backup stays as it is
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        immediate = connection.get_execution_options().get("zeshi_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """Alembic's own idea of the newest revision (imports Alembic)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head() or ""


class Database:
    """One store: ``read()`` for a look, ``write()`` for one user action."""

    def __init__(self, url: str, *, upgrade: bool = True, readonly: bool = False) -> None:
        self.url = url
        self.readonly = readonly
        self.engine = create_engine(url, future=True)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        if self.is_sqlite:
            _sqlite_settings(self.engine)
            self._writer = self.engine.execution_options(zeshi_write=True)
        else:
            self._writer = self.engine
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._writer, expire_on_commit=False)
        self.backup_path: Path | None = None
        if upgrade:
            self.backup_path = self.upgrade()

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, readonly: bool = False) -> Database:
        """Open the store at ``path``.

        ``create=False`` refuses a path with no store instead of making one
        (and its folders): what every command that only reads asks for.
        ``readonly=True`` opens the file so that nothing can be written, not
        even an upgrade: a damaged store is looked at this way.
        """
        path = Path(path)
        if not path.is_file() and (not create or readonly):
            raise StoreError("store.no_database_hint", path=str(path))
        if readonly:
            return cls(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true", upgrade=False, readonly=True)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError("store.cannot_create", path=str(path), reason=exc.strerror or str(exc)) from exc
        return cls(f"sqlite:///{path}")

    @property
    def path(self) -> Path | None:
        database = make_url(self.url).database
        if not self.is_sqlite or not database or database == ":memory:":
            return None
        if database.startswith("file:"):   # a read-only URI: file:/path?mode=ro
            database = database[5:].split("?", 1)[0]
        return Path(database)

    def current_revision(self) -> str | None:
        with self.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def upgrade(self) -> Path | None:
        """Bring the schema to the newest revision; back up an older file first."""
        current = self.current_revision()
        if current == HEAD_REVISION:
            return None
        from alembic import command

        head = head_revision()
        backup = None
        path = self.path
        if current is not None and path is not None and path.exists():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = path.with_name(f"{path.name}.backup-{current}-{stamp}")
            with self.engine.connect() as connection:  # a consistent copy, WAL included
                connection.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")
            shutil.copy2(path, backup)
        try:
            with self.engine.begin() as connection:
                config = alembic_config(self.url)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except Exception as exc:  # noqa: BLE001 — re-raised with the file named
            raise StoreError("store.upgrade_failed", path=str(path or self.url), old=str(current), new=head,
                             reason=str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__) from exc
        return backup

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read_sessions() as session:
            yield session

    @contextmanager
    def write(self, role: str | None = None) -> Iterator[Session]:
        """One user action = one transaction, holding the write lock from its start.

        The audit rows the action wrote are sealed into the chain, and the
        sheets it touched get their new content hash, just before the commit,
        so both hold whichever service wrote them. ``role`` (who the person
        acts as) goes into the audit rows that name none.
        """
        if self.readonly:
            raise StoreError("store.read_only", path=str(self.path))
        with self._write_sessions() as session, session.begin():
            yield session
            session.flush()
            audit.seal(session, role)
            sheet_seal.seal(session)

    def dispose(self) -> None:
        self.engine.dispose()
