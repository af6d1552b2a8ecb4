"""The two backends the store, services and package tests run on: an SQLite file, and a PostgreSQL server.

``--backend sqlite|postgresql|both`` (or ``$ZESHI_TEST_BACKEND``) chooses;
the default is both when a cluster can be made here (Debian's ``postgresql``
and psycopg installed: ``bash packaging/setup.sh --test``), else SQLite alone,
said in the run's summary. The server is one throwaway cluster per run
(``cluster.Cluster``); each test gets its own database, copied from a
template that holds an empty store or the demo year (``CREATE DATABASE …
TEMPLATE``: milliseconds, where migrating or loading the demo takes a second),
and dropped after it.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.server import cluster
from zeshi_desktop.store.database import Database

BACKENDS = ("sqlite", "postgresql")
# The folders whose tests run on both backends (every test there that uses the `db` or `demo_db` store).
BOTH = ("store", "services", "packages", "server")
TEMPLATES = {"empty": "zeshi_tpl_empty", "demo": "zeshi_tpl_demo"}


def add_option(parser: pytest.Parser) -> None:
    parser.addoption("--backend", choices=("sqlite", "postgresql", "both"), default=None,
                     help="where the store, services and package tests run (default: both when PostgreSQL's "
                          "binaries and psycopg are installed, else sqlite; also $ZESHI_TEST_BACKEND)")


def chosen(config: pytest.Config) -> tuple[str, ...]:
    """The backends of this run."""
    wanted = config.getoption("--backend") or os.environ.get("ZESHI_TEST_BACKEND") or ""
    if not wanted:
        wanted = "both" if cluster.available() else "sqlite"
    return BACKENDS if wanted == "both" else (wanted,)


def backends_for(metafunc: pytest.Metafunc) -> list[str]:
    """The backends one test runs on: SQLite everywhere; the server too in the folders of ``BOTH``."""
    in_scope = any(f"{os.sep}tests{os.sep}{folder}{os.sep}" in str(metafunc.definition.path) for folder in BOTH)
    if not in_scope or metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return ["sqlite"]
    if metafunc.definition.get_closest_marker("server_only") is not None:   # none: pytest skips it
        return [b for b in chosen(metafunc.config) if b == "postgresql"]
    return list(chosen(metafunc.config))


class Server:
    """The run's cluster with its two templates; ``copy`` hands out a private database of one.

    Copying a template takes a fifth of a second, mostly the server's own
    work; it is done in the main thread (``_take`` says why not in another).
    """

    current: Server | None = None   # the run's server, once started

    def __init__(self) -> None:
        self.cluster = cluster.Cluster()
        Server.current = self
        self._names = itertools.count(1)
        self._made: set[str] = set()
        self._lock = threading.Lock()

    def template(self, kind: str) -> str:
        """The template database of ``kind`` (empty | demo), made the first time it is asked for."""
        name = TEMPLATES[kind]
        with self._lock:
            if name in self._made:
                return name
            if kind == "empty":
                Database(self.cluster.create(name)).dispose()   # the migrations, once
            else:
                from zeshi_desktop.demo.fixture import load_demo

                db = Database(self.cluster.create(name, template=self._empty()))
                with db.write() as session:
                    load_demo(session)
                db.dispose()
            self._made.add(name)
            return name

    def _empty(self) -> str:
        if TEMPLATES["empty"] not in self._made:
            Database(self.cluster.create(TEMPLATES["empty"])).dispose()
            self._made.add(TEMPLATES["empty"])
        return TEMPLATES["empty"]

    def _new_copy(self, kind: str) -> str:
        name = f"zeshi_t{next(self._names)}"
        self.cluster.create(name, template=self.template(kind))
        return name

    def _take(self, kind: str) -> str:
        """A new copy of the template, made here in the main thread.

        Copies were once made ahead by a background thread; but any Python
        work in a second thread may run the garbage collector there, and a Qt
        object of a GUI test collected outside the GUI thread corrupts Qt's
        heap (CI crashed twice, at random places in QtCharts and in a print
        preview). A fifth of a second per test is the price.
        """
        return self._new_copy(kind)

    @contextmanager
    def copy(self, kind: str) -> Iterator[Database]:
        """A fresh database copied from the template of ``kind``, opened; dropped afterwards."""
        name = self._take(kind)
        database = Database.open(self.cluster.url(name), create=False)
        try:
            yield database
        finally:
            database.dispose()
            self.cluster.drop(name)

    def twin(self, db: Database) -> Database:
        """A second database holding what ``db`` holds now (another laptop made from this one)."""
        name = f"zeshi_t{next(self._names)}"
        source = db.engine.url.database
        db.engine.dispose()   # a database is copied only while nobody is connected to it
        self.cluster.create(name, template=source)
        return Database.open(self.cluster.url(name), create=False)

    def stop(self) -> None:
        self.cluster.stop()


# ---------------------------------------------------------------- what the tests ask of either backend

def location(db: Database) -> str:
    """What ``--db`` takes for this store: its file, or its URL."""
    return str(db.path) if db.path is not None else db.url


def twin(db: Database, path: Path) -> Database:
    """Another store holding what ``db`` holds now: a copy of the file at ``path``, or of the server's database."""
    if db.is_server:
        assert Server.current is not None
        return Server.current.twin(db)
    assert db.path is not None
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return Database.open(shutil.copy(db.path, path))


def content_digest(db: Database) -> str:
    """A digest of everything stored: equal digests mean nothing was written.

    SQLite: the file's bytes after a checkpoint. A server: every table's rows,
    in a fixed order (a refused write may still have taken a sequence number,
    which is no content).
    """
    if not db.is_server:
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        assert db.path is not None
        return hashlib.sha256(db.path.read_bytes()).hexdigest()
    digest = hashlib.sha256()
    with db.engine.connect() as connection:
        tables = connection.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename").scalars().all()
        for table in tables:
            rows = connection.exec_driver_sql(
                f"SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {table} t").scalar()
            digest.update(f"{table}:{rows}\n".encode())
    return digest.hexdigest()
