"""A PostgreSQL server's engine: its settings, and two statements said the way a server runs them fast.

Kept apart from ``store.database`` (which opens either kind of store): what
only a server needs, switched on by :func:`server_settings` and
:func:`server_options` when the URL is a server's.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, event

_INSERT = re.compile(r"^\s*INSERT INTO (?P<table>\S+) \((?P<columns>[^)]*)\) VALUES \((?P<values>.*)\)\s*$")
_PLACEHOLDER = re.compile(r"^%\((\w+)\)s(::[A-Z ]+)?$")
COPY_FROM = 20   # rows of one executemany from which an INSERT goes by COPY
ANY_FROM = 4   # values of an IN list from which it is sent as one array
_MARK = re.compile(r"%\((\w+)\)s")
_IN_LIST = re.compile(r"(?P<not>NOT )?IN \((?P<marks>%\((?P<base>\w+?)_1\)s(?P<cast>::[A-Z ]+)?"
                      r"(?:, %\((?P=base)_\d+\)s(?P=cast)?)+)\)")


def server_settings(engine: Engine, copied: set[str]) -> None:
    """Two things SQLite does cheaply that a server needs said differently; the services stay as they are.

    A bulk insert (an import, a year loaded) goes by ``COPY … FROM STDIN``:
    psycopg sends an executemany row by row (pipelined) and the server parses
    and runs each, 3 s for 34,000 scores; COPY fires the same triggers and
    checks the same keys in 0.6 s. And a long ``IN (…)`` list of ids becomes
    ``= ANY(array)``: one statement text whatever the list's length, which
    psycopg converts once and the server plans once, where each new length
    was parsed anew (a third of a district's ranking).
    """
    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _any(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if executemany or not isinstance(parameters, dict) or " IN (%(" not in statement:
            return statement, parameters
        values = dict(parameters)

        def as_array(found: re.Match[str]) -> str:
            names = _MARK.findall(found["marks"])
            base = found["base"]
            if len(names) < ANY_FROM or base in values or names != [f"{base}_{n}" for n in range(1, len(names) + 1)]:
                return found[0]
            values[base] = [values.pop(name) for name in names]
            return f"{'<> ALL' if found['not'] else '= ANY'}(%({base})s{found['cast'] or ''}[])"

        return _IN_LIST.sub(as_array, statement), values

    @event.listens_for(engine, "do_executemany")
    def _by_copy(cursor, statement, parameters, context) -> bool:  # type: ignore[no-untyped-def]
        found = _INSERT.match(statement)
        if found is None or len(parameters) < COPY_FROM or not isinstance(parameters[0], dict):
            return False
        names = []
        for value in found["values"].split(","):
            mark = _PLACEHOLDER.match(value.strip())
            if mark is None:   # an expression, not a plain value: executemany as it is
                return False
            names.append(mark[1])
        with cursor.copy(f"COPY {found['table']} ({found['columns']}) FROM STDIN") as copy:
            for row in parameters:
                copy.write_row([row[name] for name in names])
        copied.add(found["table"])
        return True


def server_options(readonly: bool) -> dict[str, object]:
    """Engine settings for a server: writers at READ COMMITTED (under the write lock); a dropped connection replaced."""
    options: dict[str, object] = {"isolation_level": "READ COMMITTED", "pool_pre_ping": True,
                                  "connect_args": {"connect_timeout": 10, "application_name": "zeshi"}}
    if readonly:   # nothing written, not even by mistake: the server refuses it too
        options["connect_args"] = {**options["connect_args"],  # type: ignore[dict-item]
                                   "options": "-c default_transaction_read_only=on"}
    return options
