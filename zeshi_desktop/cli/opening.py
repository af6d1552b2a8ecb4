"""Opening the store from the command line: who may create one, the daily backup, the role in the audit.

``--db`` (or ``$ZESHI_DB``) names a file or a PostgreSQL server's URL
(``postgresql+psycopg://user@host/db``, docs/server.md); a server has no file
beside it, so no backups folder: backups of a server are the administrator's.

Reading never writes. A command that only reads opens the store with
``create=False``: a path with no database is refused naming it and how to make
one, and nothing is created, no file, no folder. Only the commands in
:data:`CREATING` make a new store. A command that writes passes
:func:`role` to ``Database.write``, so every audit row it leaves says the
change came from the command line, and takes the day's backup first when one
is due (never a command that only reads).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from zeshi_desktop.locations import default_db_location
from zeshi_desktop.messages import Message, Refused
from zeshi_desktop.store import backup
from zeshi_desktop.store.addresses import (
    StoreError,
    first_line,
    is_url,
    server_refusal,
    shown_url,
    sqlite_file,
)
from zeshi_desktop.store.database import Database

from .errors import CommandError
from .files import os_reason

# The commands that may make a new store; every other command refuses a path with no database.
CREATING = frozenset({"demo", "import", "init", "roster import"})
KEEP_VARIABLE = "ZESHI_BACKUPS_KEEP"

R = TypeVar("R", bound=Refused)

_open: dict[str, Database] = {}
_created: set[str] = set()   # stores this process made: nothing in them to back up yet


def db_location(args: argparse.Namespace) -> Path | str:
    """The store of ``--db``: a file (also as an ``sqlite:///`` URL), or a server's URL as typed (never shown)."""
    raw = getattr(args, "db", None)
    found = str(raw) if raw else default_db_location()
    if not is_url(found):
        return Path(found)
    return sqlite_file(str(found)) or str(found)


def on_server(args: argparse.Namespace) -> bool:
    """True when ``--db`` names a database server rather than a file."""
    return isinstance(db_location(args), str)


def db_path(args: argparse.Namespace) -> Path | str:
    """The store as it is shown and told apart: the file's path, or the server's URL without its password."""
    found = db_location(args)
    return shown_url(found) if isinstance(found, str) else found


def store_exists(args: argparse.Namespace) -> bool:
    """Is there a store to read at ``--db``? (Asked before reading, so nothing is created.)"""
    found = db_location(args)
    if isinstance(found, Path):
        return found.is_file()
    try:
        database(args)
    except StoreError as refused:
        if refused.code in ("server.empty", "store.no_database_hint"):
            return False
        raise
    return True


def command_name(args: argparse.Namespace) -> str:
    """The command as the table of commands names it (``roster import`` for a roster action)."""
    action = getattr(args, "roster_command", None)
    return f"{getattr(args, 'command', '')} {action}" if action else str(getattr(args, "command", ""))


def role() -> str:
    """Who a change was made as, in the audit: the command line's role code (shown by ``trust.role_label``)."""
    from zeshi_desktop.services.trust import COMMAND_LINE

    return COMMAND_LINE


def keep_count() -> int:
    """How many backups the folder keeps (besides one a month): ``$ZESHI_BACKUPS_KEEP``, else the default."""
    raw = os.environ.get(KEEP_VARIABLE, "").strip()
    if not raw:
        return backup.DEFAULT_KEEP
    try:
        keep = int(raw)
    except ValueError:
        keep = 0
    if keep < 1:
        raise CommandError("cli.backup.bad_keep", name=KEEP_VARIABLE, value=raw)
    return keep


def database(args: argparse.Namespace, *, create: bool = False) -> Database:
    """The store of ``--db``, opened once per process (tests run many commands in one)."""
    path = db_location(args)
    key = _key(path)
    if key not in _open:
        existed = path.is_file() if isinstance(path, Path) else True   # a server's store: nothing to take away
        try:
            _open[key] = Database.open(path, create=create)
        except StoreError as refused:
            raise said_plainly(refused) from refused.__cause__
        except (SQLAlchemyError, sqlite3.Error) as exc:   # not a database, damaged, locked
            raise StoreError("cli.cannot_open", path=str(db_path(args)), reason=sqlite_reason(exc)) from exc
        except OSError as exc:
            raise StoreError("cli.cannot_open", path=str(path), reason=os_reason(exc)) from exc
        if not existed:
            _created.add(key)
    return _open[key]


def _key(location: Path | str) -> str:
    return str(location.resolve()) if isinstance(location, Path) else location


def close(args: argparse.Namespace) -> None:
    """Let go of the store of ``--db`` (before it is replaced by a restore)."""
    db = _open.pop(_key(db_location(args)), None)
    if db is not None:
        db.dispose()


def daily_backup(db: Database) -> backup.Backup | None:
    """The day's backup before a write, when one is due; only of a store the quick check finds sound.

    A damaged store is not copied, so its copies never push sound ones out of
    the folder (``zeshi check`` says what is wrong). A backup that cannot be
    written refuses the command before it changes anything.
    """
    path = db.path
    if path is None or not path.is_file() or str(path.resolve()) in _created or not backup.daily_due(path):
        return None
    from zeshi_desktop.services.store_check import check_store

    if not check_store(path, quick=True).sound:
        return None
    try:
        return backup.make_backup(path, "daily", keep=keep_count())
    except backup.BackupRefused as refused:
        raise said_plainly(refused) from refused.__cause__


def said_plainly(refused: R) -> R:
    """A refusal for an error of the disk (a backup, a new store), its reason in the chosen language, not the system's."""
    cause = refused.__cause__
    if isinstance(cause, OSError) and "reason" in refused.params:
        return type(refused)(refused.code, **{**refused.params, "reason": os_reason(cause)})
    return refused


# What SQLite says (its result code) that a person can act on (``cli.sqlite.*``).
_SQLITE_REASONS = {13: "disk_full", 11: "damaged", 26: "damaged", 8: "read_only", 5: "busy", 6: "busy"}
# And what a PostgreSQL server says (its SQLSTATE): disk full, a read-only transaction, the write lock not had in time.
_SERVER_REASONS = {"53100": "cli.sqlite.disk_full", "25006": "cli.sqlite.read_only", "55P03": "cli.sqlite.busy",
                   "42501": "server.no_privilege"}


def sqlite_reason(exc: BaseException) -> Message | str:
    """Why the database failed: a message for a full disk, a damaged or read-only file, a busy store."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _SQLITE_REASONS:
        return Message(f"cli.sqlite.{_SQLITE_REASONS[code & 0xFF]}")
    if (state := server_refusal(exc)) in _SERVER_REASONS:
        return Message(_SERVER_REASONS[state], reason=first_line(exc)) if state == "42501" \
            else Message(_SERVER_REASONS[state])
    return first_line(exc)


def _missing(path: Path) -> list[Path]:
    """The store file and the folders above it that do not exist yet, deepest first: what creating it makes."""
    if path.exists():
        return []
    made = [path]
    for folder in path.resolve().parents:
        if folder.exists():
            break
        made.append(folder)
    return made


def _unmake(args: argparse.Namespace, made: list[Path]) -> None:
    """Remove the store a refused command had just created, and its new folders: a refusal leaves nothing."""
    close(args)
    _created.discard(str(made[0].resolve()))
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{made[0]}{suffix}").unlink(missing_ok=True)
    for folder in made[1:]:
        try:
            folder.rmdir()
        except OSError:
            break   # something else is in it now: it stays


@contextmanager
def write(args: argparse.Namespace, *, daily: bool = True) -> Iterator[Session]:
    """One change by the command line: the day's backup first (``daily``), the role in the audit.

    A command that may create the store and is refused (a package that
    cannot be read) takes away the store it made, and the folders.
    """
    creating = command_name(args) in CREATING
    location = db_location(args)
    made = _missing(location) if creating and isinstance(location, Path) else []
    db = database(args, create=creating)
    try:
        if daily:
            daily_backup(db)
        with db.write(role=role()) as session:
            yield session
    except BaseException:
        if made:
            _unmake(args, made)
        raise


@contextmanager
def read(args: argparse.Namespace) -> Iterator[Session]:
    """A look at the store, which must exist: nothing is created, nothing written.

    The preview (``--dry-run``) of a command that may create the store looks
    at an empty store in memory when there is none yet: what it would start
    from, without making the file.
    """
    if command_name(args) in CREATING and not store_exists(args):
        blank = Database("sqlite://")
        try:
            with blank.read() as session:
                yield session
        finally:
            blank.dispose()
        return
    with database(args).read() as session:
        yield session
