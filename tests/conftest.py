"""Shared fixtures: a fresh store per test, the demo year, one QApplication (pytest-qt).

The store tests, services and package tests run on SQLite and on a PostgreSQL server
(``tests/server/backends.py``: ``--backend``; a test that needs the file marks itself ``sqlite_only``).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server import backends
from zeshi_desktop.demo.fixture import DEMO_YEAR, load_demo
from zeshi_desktop.services import catalogue
from zeshi_desktop.store.database import Database


@pytest.fixture(autouse=True)
def _key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test signs packages with a key of its own, never the key of the person running the tests."""
    folder = tmp_path / "keys"
    monkeypatch.setenv("ZESHI_KEY_DIR", str(folder))
    return folder


def pytest_addoption(parser: pytest.Parser) -> None:
    backends.add_option(parser)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: runs on the SQLite file alone (backups, file damage, PRAGMAs)")
    config.addinivalue_line("markers", "server_only: runs on the PostgreSQL server alone (pg_dump, its catalogue)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", backends.backends_for(metafunc), indirect=True)


def pytest_report_header(config: pytest.Config) -> str:
    return f"store backends: {', '.join(backends.chosen(config))}"


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Where the store lives in this test: sqlite, or postgresql (a database of the run's own cluster)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[backends.Server]:
    """The run's throwaway PostgreSQL cluster (started the first time a test asks for it)."""
    server = backends.Server()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def forms():
    """The annexes (read-only; safe to share across hypothesis examples)."""
    return catalogue.forms()


@pytest.fixture
def db(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """An empty store in a fresh file (or a fresh database on the server)."""
    if backend == "postgresql":
        with request.getfixturevalue("pg_server").copy("empty") as database:
            yield database
        return
    database = Database.open(tmp_path / "zeshi.sqlite3")
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = Database.open(path)
    with database.write() as session:
        load_demo(session)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture
def demo_db(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A private copy of the demo year (built once per run, copied per test)."""
    if backend == "postgresql":
        with request.getfixturevalue("pg_server").copy("demo") as database:
            yield database
        return
    path = tmp_path / "demo.sqlite3"
    path.write_bytes(request.getfixturevalue("_demo_template").read_bytes())
    database = Database.open(path)
    yield database
    database.dispose()


@pytest.fixture
def demo_year() -> int:
    return DEMO_YEAR
