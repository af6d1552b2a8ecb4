"""Shared fixtures: a fresh store per test, the demo year, one QApplication (pytest-qt)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator
from pathlib import Path

import pytest

from zeshi_desktop.demo.fixture import DEMO_YEAR, load_demo
from zeshi_desktop.services import catalogue
from zeshi_desktop.store.database import Database


@pytest.fixture(scope="session")
def forms():
    """The annexes (read-only; safe to share across hypothesis examples)."""
    return catalogue.forms()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """An empty store in a fresh file."""
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
def demo_db(tmp_path: Path, _demo_template: Path) -> Iterator[Database]:
    """A private copy of the demo year (built once per run, copied per test)."""
    path = tmp_path / "demo.sqlite3"
    path.write_bytes(_demo_template.read_bytes())
    database = Database.open(path)
    yield database
    database.dispose()


@pytest.fixture
def demo_year() -> int:
    return DEMO_YEAR
