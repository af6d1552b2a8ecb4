"""Opening the store: the engine, the SQLite settings, sessions, migrations; or a PostgreSQL server.

A commit must survive a power cut in the middle of a meeting: WAL with
``synchronous=FULL``. Writes that span many rows take the write lock up front
(``BEGIN IMMEDIATE``), which needs the pysqlite driver's own implicit
transactions switched off (SQLAlchemy's "Serializable isolation / Savepoints /
Transactional DDL" notes for pysqlite).

An office that shares one server gives a SQLAlchemy URL instead of a file
(``postgresql+psycopg://user@host/db``; psycopg 3 is the ``server`` extra).
There every write takes the same one write lock, a transaction-level advisory
lock (``pg_advisory_xact_lock``), as its first statement, and runs at READ
COMMITTED: a writer waits for the one before it and then sees all it
committed, so no score is lost and the audit rows are chained in the order of
their ids, one writer after the other, as on SQLite. Reads are REPEATABLE
READ, READ ONLY: one snapshot per look, like a read in SQLite's WAL. A write
that the server still ends with a serialization failure or a deadlock (a
script of an administrator running beside the program) is retried by
:meth:`Database.run`. The schema is upgraded in one transaction (PostgreSQL's
DDL is transactional): a failed upgrade leaves the server as it was.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, NoSuchModuleError
from sqlalchemy.orm import (  # Session: also the type the GUI names (it never imports SQLAlchemy)
    Session,
    sessionmaker,
)

from zeshi_desktop.store import audit, sheet_seal
from zeshi_desktop.store.addresses import (
    StoreError,
    first_line,
    is_url,
    libpq_url,
    server_refusal,
    server_url,
    shown_url,
    sqlite_file,
)
from zeshi_desktop.store.server_engine import server_options, server_settings

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest Alembic revision. Kept here so that opening an up-to-date file
# needs no Alembic import (0.2-0.4 s of the window's start-up); a test checks
# that it equals Alembic's own head.
HEAD_REVISION = "0009"
BUSY_TIMEOUT_MS = 10_000
# On a server: the key of the one advisory lock every write takes (BEGIN IMMEDIATE's counterpart), and what
# a write retries. 40001 serialization_failure, 40P01 deadlock_detected.
WRITE_LOCK_KEY = 0x7A657368_69
RETRIED_STATES = frozenset({"40001", "40P01"})
WRITE_ATTEMPTS = 5
T = TypeVar("T")


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
        self._url = url
        self.url = shown_url(url)   # as shown and kept: never the password
        self._copied: set[str] = set()   # tables a bulk insert filled (server): their statistics are renewed
        self.readonly = readonly
        self.is_server = make_url(url).get_backend_name() == "postgresql"
        try:
            self.engine = create_engine(url, future=True, **server_options(readonly) if self.is_server else {})
        except (NoSuchModuleError, ImportError) as exc:   # psycopg is the optional extra `server`
            raise StoreError("server.no_driver", url=self.url) from exc
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        reader = self.engine
        if self.is_sqlite:
            _sqlite_settings(self.engine)
            self._writer = self.engine.execution_options(zeshi_write=True)
        else:
            self._writer = self.engine
            if self.is_server:
                server_settings(self.engine, self._copied)
            if self.is_server:   # one snapshot per look; a look never writes
                reader = self.engine.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        self._read_sessions = sessionmaker(reader, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._writer, expire_on_commit=False)
        self.backup_path: Path | None = None
        if upgrade:
            self.backup_path = self.upgrade()

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, readonly: bool = False) -> Database:
        """Open the store at ``path``, a file, or at a database URL (:meth:`connect`).

        ``create=False`` refuses a path with no store instead of making one
        (and its folders): what every command that only reads asks for.
        ``readonly=True`` opens the file so that nothing can be written, not
        even an upgrade: a damaged store is looked at this way.
        """
        if is_url(path):
            file = sqlite_file(str(path))
            if file is None:
                return cls.connect(str(path), create=create, readonly=readonly)
            path = file
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

    @classmethod
    def connect(cls, url: str, *, create: bool = True, readonly: bool = False) -> Database:
        """Open the store on a PostgreSQL server; the database must exist (an administrator makes it).

        An empty database is made a store (its tables, rules and triggers)
        only when ``create``; one holding tables of another program never.
        A server that cannot be reached, or refuses the user, is refused
        naming the URL (without its password) and the server's own reason.
        """
        target = server_url(url)
        db = cls(target.render_as_string(hide_password=False), upgrade=False, readonly=readonly)
        try:
            with db.engine.connect() as connection:
                tables = set(inspect(connection).get_table_names())
            if "alembic_version" not in tables:
                if tables:
                    raise StoreError("server.not_a_store", url=db.url, table=min(tables))
                if not create or readonly:
                    raise StoreError("server.empty", url=db.url)
            if not readonly:
                db.backup_path = db.upgrade()
        except StoreError:
            db.dispose()
            raise
        except DBAPIError as exc:
            db.dispose()
            raise StoreError("server.cannot_connect", url=db.url, reason=first_line(exc)) from exc
        return db

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
        if self.is_server:
            self._upgrade_server(current)
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

    def _upgrade_server(self, current: str | None) -> None:
        """Migrate a server's store in one transaction, holding the write lock (two laptops may open it at once)."""
        from alembic import command

        try:
            with self.engine.begin() as connection:
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
                found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                    if inspect(connection).has_table("alembic_version") else None
                if found == HEAD_REVISION:
                    return   # another laptop upgraded it while this one waited
                config = alembic_config(self._url)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except DBAPIError as exc:
            if server_refusal(exc) == "42501":   # insufficient_privilege: a member's user may not change tables
                raise StoreError("server.upgrade_needs_owner", url=self.url, old=str(current),
                                 new=HEAD_REVISION) from exc
            raise StoreError("store.upgrade_failed", path=self.url, old=str(current), new=HEAD_REVISION,
                             reason=first_line(exc)) from exc

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
            raise StoreError("store.read_only", path=str(self.path or self.url))
        with self._write_sessions() as session, session.begin():
            if self.is_server:   # the write lock, as BEGIN IMMEDIATE: waits at most as long as SQLite would
                session.execute(text("SELECT set_config('lock_timeout', :wait, true), pg_advisory_xact_lock(:key)"),
                                {"wait": f"{BUSY_TIMEOUT_MS}ms", "key": WRITE_LOCK_KEY})
            yield session
            session.flush()
            audit.seal(session, role)
            sheet_seal.seal(session)
        if self._copied:   # a bulk insert: the statistics of what it filled (a few ms for a small import)
            self._analyze()

    def _analyze(self) -> None:
        """After a bulk insert, the planner's statistics of the store (the server's autovacuum would, a minute later).

        A bulk insert (an import, a year loaded) fills several tables at once,
        some in multi-row INSERTs, some by COPY; without fresh statistics the
        first rankings after it read a district twice as slowly. A member's
        user may not ANALYZE the owner's tables (the server skips them with a
        warning); the server's autovacuum then does.
        """
        self._copied = set()
        try:
            with self.engine.connect() as connection:
                connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        except DBAPIError:
            pass   # statistics are an optimisation: the write is committed either way
    def run(self, action: Callable[[Session], T], role: str | None = None, *,
            attempts: int = WRITE_ATTEMPTS) -> T:
        """``action(session)`` in one :meth:`write`, run again when the server ends it with a serialization failure.

        The program's own writes wait for the write lock and never fail so;
        another client of the server (a script, a report tool at SERIALIZABLE)
        can still make PostgreSQL end a write with 40001 or a deadlock, and
        then the whole action is run again on what was committed meanwhile,
        after a short, growing pause. ``action`` must do nothing but write
        through the session (it may run more than once).
        """
        for attempt in range(1, attempts + 1):
            try:
                with self.write(role) as session:
                    return action(session)
            except DBAPIError as exc:
                if attempt == attempts or server_refusal(exc) not in RETRIED_STATES:
                    raise
                time.sleep(0.01 * 2 ** attempt)
        raise AssertionError("unreachable")

    def libpq_url(self) -> str:
        """A server store's URL for libpq's programs (``pg_dump``), its password included: never shown."""
        return libpq_url(self._url)

    def dispose(self) -> None:
        self.engine.dispose()
