"""Where a store is: a file, or a server's URL; URLs as shown (never the password) and as libpq takes them.

Apart from the engine (``store.database``) so that the window's 连接服务器
dialog, the recent list and the command line can read and write addresses
without opening anything.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from zeshi_desktop.messages import Refused

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class StoreError(Refused):
    """The database cannot be opened or upgraded; says which file and why."""


def is_url(location: object) -> bool:
    """True for a database URL (``postgresql+psycopg://…``, ``sqlite:///…``), False for a file path."""
    return isinstance(location, str) and _URL.match(location) is not None


def shown_url(url: str | URL) -> str:
    """A URL as it may be shown, logged or kept in the settings: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True).replace(":***@", "@")
    except ArgumentError:
        return str(url)


def server_url(url: str) -> URL:
    """A PostgreSQL URL as the store connects with it: psycopg 3 as the driver, whatever was typed.

    ``postgresql://`` and ``postgres://`` (what libpq and pg_dump call it) mean
    ``postgresql+psycopg://``; any other database is refused, naming what is taken.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError("server.bad_url", url=url) from exc
    backend = parsed.get_backend_name()
    if backend == "postgres":
        backend = "postgresql"
    if backend != "postgresql" or parsed.get_driver_name() not in ("psycopg", "postgres", "postgresql"):
        raise StoreError("server.bad_url", url=shown_url(parsed))
    return parsed.set(drivername="postgresql+psycopg")


def server_address(host: str, database: str, user: str, password: str = "", port: int | None = None) -> str:
    """The URL of a store on a server from its parts, as the app's 连接服务器 dialog asks for them.

    A host that is a folder (``/var/run/postgresql``) is a Unix socket. The
    password, when given, is in the URL: the caller keeps it in memory only.
    """
    socket = host.strip().startswith("/")
    query = {"host": host.strip()} if socket else {}
    url = URL.create("postgresql+psycopg", username=user.strip() or None, password=password or None,
                     host=None if socket else host.strip() or None, port=port, database=database.strip() or None,
                     query=query)
    return url.render_as_string(hide_password=False)


def server_parts(url: str) -> tuple[str, int | None, str, str]:
    """Host (or socket folder), port, database and user of a server's URL: the 连接服务器 dialog filled again."""
    parsed = server_url(url)
    host = parsed.host or str(parsed.query.get("host") or "")
    return host, parsed.port, parsed.database or "", parsed.username or ""


def server_refusal(exc: BaseException) -> str | None:
    """The SQLSTATE of a server's error (``42501``, ``55P03`` …), or None for anything else."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None)
    return state if isinstance(state, str) else None


def libpq_url(url: str) -> str:
    """The URL as libpq's own programs take it (``pg_dump``): ``postgresql://``, the rest kept."""
    return server_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def sqlite_file(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL, opened as a path (its backups, checks); None for any other URL."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError("server.bad_url", url=url) from exc
    if parsed.get_backend_name() != "sqlite":
        return None
    if not parsed.database or parsed.database == ":memory:":
        raise StoreError("server.bad_url", url=url)
    return Path(parsed.database)


def first_line(exc: BaseException) -> str:
    """An error's first line, the driver's own when SQLAlchemy wraps it."""
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else orig.__class__.__name__
