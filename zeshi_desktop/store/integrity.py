"""What SQLite itself can say about a store file: its pages, its foreign keys, its revision.

Run on a plain ``sqlite3`` connection opened read-only, so a check never
writes and works on a file the program could not open (a damaged one, a
restore candidate). The checks of values against the forms are the
services' (``services.store_check``); this module knows no form.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Finding:
    """One thing wrong with a store: ``kind`` is a code (``pages``, ``foreign_key``, ``revision``, ``audit``, ``value``)."""

    kind: str
    detail: str


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that cannot write: ``mode=ro``, and ``query_only`` in case the URI is ignored."""
    connection = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    try:
        connection.execute("PRAGMA query_only=ON")
        yield connection
    finally:
        connection.close()


def page_check(connection: sqlite3.Connection, quick: bool = False, limit: int = 20) -> list[Finding]:
    """``PRAGMA quick_check`` (fast, at open) or ``integrity_check`` (thorough, for ``zeshi check``)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = connection.execute(f"PRAGMA {pragma}({limit})").fetchall()
    except sqlite3.DatabaseError as exc:
        return [Finding("pages", str(exc))]
    return [Finding("pages", row[0]) for row in rows if row[0] != "ok"]


def foreign_key_check(connection: sqlite3.Connection) -> list[Finding]:
    try:
        rows = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [Finding("pages", str(exc))]
    return [Finding("foreign_key", f"{table} rowid {rowid} -> {parent}") for table, rowid, parent, _ in rows]


def revision(connection: sqlite3.Connection) -> str | None:
    """The Alembic revision of the file, or None when it is no store of this program."""
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None
