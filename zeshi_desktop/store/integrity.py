"""What the database itself can say about a store: its pages, its foreign keys, its rules, its revision.

For a file: run on a plain ``sqlite3`` connection opened read-only, so a
check never writes and works on a file the program could not open (a
damaged one, a restore candidate). For a PostgreSQL server, whose pages and
foreign keys the server keeps itself: its system catalogue, read in a
read-only transaction — every rule trigger of migration 0004 present and
enabled, every constraint validated, every index valid, the revision known,
and, where the administrator installed the ``amcheck`` extension, each
B-tree index checked. The checks of values against the forms are the
services' (``services.store_check``); this module knows no form.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError


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


# The triggers migration 0004 makes on a server (store/migrations/versions/0004_trust.py: RULES, DIRTY, the audit's).
SERVER_TRIGGERS = (*(f"zeshi_{rule}" for rule in ("scores_tenths", "sheets_status", "reviewers_level",
                                                   "sheets_scope_32", "sheets_scope_43")),
                   "zeshi_audit_append_only", "zeshi_audit_no_truncate", *(f"zeshi_dirty_{n}" for n in range(8)))
_TRIGGERS = text("SELECT t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                 "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                 "AND NOT t.tgisinternal")
_UNVALIDATED = text("SELECT c.conname, c.conrelid::regclass::text FROM pg_constraint c "
                    "JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema() "
                    "AND NOT c.convalidated ORDER BY 1")
_INDEXES = text("SELECT c.relname, c.oid, i.indisvalid AND i.indisready, am.amname FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                "JOIN pg_am am ON am.oid = c.relam WHERE n.nspname = current_schema() ORDER BY 1")


@dataclass(frozen=True)
class ServerFinding:
    """One thing a server's catalogue says is wrong: ``kind`` as :class:`Finding`'s, ``code`` a ``server.check.*``."""

    kind: str
    code: str
    params: dict[str, str]


def server_findings(connection: Connection, thorough: bool = True) -> list[ServerFinding]:
    """The catalogue's view of a server's store (``thorough``: also ``amcheck``'s ``bt_index_check``, if installed)."""
    found: list[ServerFinding] = []
    revision_found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    from zeshi_desktop.store.database import HEAD_REVISION

    if revision_found != HEAD_REVISION:
        found.append(ServerFinding("revision", "server.check.revision",
                                   {"found": str(revision_found), "head": HEAD_REVISION}))
    triggers = dict(connection.execute(_TRIGGERS).all())
    for name in SERVER_TRIGGERS:
        if name not in triggers:
            found.append(ServerFinding("rules", "server.check.trigger_missing", {"name": name}))
        elif triggers[name] == "D":
            found.append(ServerFinding("rules", "server.check.trigger_disabled", {"name": name}))
    for name, table in connection.execute(_UNVALIDATED):
        found.append(ServerFinding("foreign_key", "server.check.not_validated", {"name": name, "table": table}))
    indexes = connection.execute(_INDEXES).all()
    found += [ServerFinding("pages", "server.check.index_invalid", {"name": name})
              for name, _, valid, _ in indexes if not valid]
    has_amcheck = connection.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'")).scalar()
    if thorough and has_amcheck:
        for name, oid, valid, method in indexes:
            if valid and method == "btree":
                try:
                    with connection.begin_nested():   # a failed check ends its savepoint, not the look
                        connection.execute(text("SELECT bt_index_check(:oid)"), {"oid": oid})
                except DBAPIError as exc:
                    lines = str(getattr(exc, "orig", exc)).strip().splitlines()
                    found.append(ServerFinding("pages", "server.check.index_damaged",
                                               {"name": name, "detail": lines[0] if lines else ""}))
    return found
