"""Fixtures for package tests: a private signing key per test, packages made from the demo year."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from zeshi_desktop.store.database import Database


@pytest.fixture(autouse=True)
def _key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "keys"
    monkeypatch.setenv("ZESHI_KEY_DIR", str(folder))
    return folder


def store_digest(db: Database) -> str:
    """The database file's bytes after a checkpoint: equal digests mean nothing was written."""
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert db.path is not None
    return hashlib.sha256(db.path.read_bytes()).hexdigest()


@pytest.fixture
def digest() -> Callable[[Database], str]:
    return store_digest
