"""A plain connection beside the program's, as a tool that knows nothing of it would use: on either backend.

SQLite: the file through ``sqlite3``; PostgreSQL: the same database through
psycopg. Statements are written with ``?`` and run in autocommit, each on its
own; ``refused`` is what the database raises when a trigger or a constraint
says no.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from zeshi_desktop.store.database import Database


class Raw:
    def __init__(self, db: Database) -> None:
        self.server = db.is_server
        if self.server:
            import psycopg

            self.connection: Any = psycopg.connect(db.libpq_url(), autocommit=True)
            self.refused: tuple[type[BaseException], ...] = (psycopg.Error,)
        else:
            assert db.path is not None
            self.connection = sqlite3.connect(db.path, isolation_level=None)
            self.refused = (sqlite3.IntegrityError,)

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        if self.server:
            sql = sql.replace("?", "%s")
        return self.connection.execute(sql, params)

    def one(self, sql: str, params: tuple[Any, ...] = ()) -> tuple[Any, ...]:
        return tuple(self.execute(sql, params).fetchone())

    def drop_triggers(self, table: str) -> None:
        """Every trigger on ``table``: what an editor of the file (or a superuser) can do."""
        if self.server:
            self.execute(f"ALTER TABLE {table} DISABLE TRIGGER ALL")
            return
        for (name,) in self.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                                    (table,)).fetchall():
            self.execute(f"DROP TRIGGER {name}")

    def close(self) -> None:
        self.connection.close()
