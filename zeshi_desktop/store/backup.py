"""Backups of the store: consistent copies made with SQLite's backup API, kept in ``backups/`` beside it.

A copy is taken before every import, before finalise-all, before any unlock,
before a restore, and once a day when the app opens the store. Each is a
self-contained file (rollback journal, not WAL) named for when and why it was
made, so a clerk can tell them apart in a file dialog. The newest
``keep`` copies are kept, and the newest of each month besides; files in the
folder that the program did not name are never touched.

A store on a PostgreSQL server has no file and no folder beside it: its
backups are the administrator's (docs/server.md). ``zeshi backup -o FILE``
writes one with the server's own tool, ``pg_dump`` (:func:`dump_server`).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from zeshi_desktop.atomic_files import fsync_folder
from zeshi_desktop.messages import Refused

FOLDER = "backups"
DEFAULT_KEEP = 20
REASONS = ("daily", "import", "finalise-all", "unlock", "restore", "manual", "upgrade", "new-year")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}(?:-\d+)?)-(?P<reason>[a-z-]+)\.sqlite3$")


class BackupRefused(Refused):
    """A backup or restore that cannot be done: names the file and why."""


@dataclass(frozen=True)
class Backup:
    path: Path
    made: datetime
    reason: str
    size: int


def folder_for(db_path: Path) -> Path:
    return Path(db_path).parent / FOLDER


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def _parse(path: Path) -> Backup | None:
    m = _NAME.match(path.name)
    if m is None:
        return None
    try:
        made = datetime.strptime(m["stamp"][:15], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return Backup(path, made, m["reason"], size)


def backups(db_path: Path) -> list[Backup]:
    """The program's backups of ``db_path``, newest first."""
    folder = folder_for(db_path)
    if not folder.is_dir():
        return []
    stem = Path(db_path).stem
    found = [b for p in folder.glob(f"{stem}-*.sqlite3") if (b := _parse(p)) is not None]
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` (WAL included) into ``target``, written under a temporary name first.

    The source is opened read-only: making a backup never writes to the store.
    """
    target = Path(target)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{Path(source).resolve()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")   # a backup is one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)


def make_backup(db_path: Path, reason: str, *, target: Path | None = None, keep: int = DEFAULT_KEEP,
                now: datetime | None = None) -> Backup:
    """Copy the store into its backups folder (or ``target``); prune the folder to ``keep`` plus monthly ones."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    db_path = Path(db_path)
    if not db_path.is_file():
        raise BackupRefused("store.no_database", path=str(db_path))
    now = now or datetime.now()
    if target is None:
        folder = folder_for(db_path)
        name = f"{db_path.stem}-{_stamp(now)}-{reason}.sqlite3"
        target = folder / name
        n = 1
        while target.exists():   # two backups in one second (an unlock right after an import)
            n += 1
            target = folder / f"{db_path.stem}-{_stamp(now)}-{n}-{reason}.sqlite3"
    try:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        copy_database(db_path, Path(target))
    except (OSError, sqlite3.Error) as exc:
        raise BackupRefused("store.backup_failed", path=str(target), reason=_why(exc)) from exc
    made = _parse(Path(target)) or Backup(Path(target), now, reason, Path(target).stat().st_size)
    if Path(target).parent == folder_for(db_path):
        prune(db_path, keep)
    return made


def dump_server(url: str, target: Path, *, now: datetime | None = None) -> Backup:
    """A server's store into ``target`` with ``pg_dump`` (its custom format, for ``pg_restore``).

    The dump is written under a temporary name and renamed when complete; the
    password, if the URL holds one, goes to pg_dump in its environment, never
    on its command line. pg_dump's own complaint is the reason of a refusal.
    """
    from sqlalchemy.engine import make_url

    from zeshi_desktop.store.addresses import libpq_url, shown_url

    program = shutil.which("pg_dump")
    if program is None:
        raise BackupRefused("server.no_pg_dump")
    parsed = make_url(libpq_url(url))
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    dbname = parsed.set(password=None).render_as_string(hide_password=False)
    target = Path(target)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        done = subprocess.run([program, "--format=custom", f"--file={tmp}", f"--dbname={dbname}"], env=env,
                              capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            said = [line for line in done.stderr.strip().splitlines() if line.strip()]
            raise BackupRefused("store.backup_failed", path=str(target),
                                reason=said[0] if said else f"pg_dump {done.returncode} ({shown_url(url)})")
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise BackupRefused("store.backup_failed", path=str(target), reason=_why(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
    fsync_folder(target.parent)
    return Backup(target, now or datetime.now(), "manual", target.stat().st_size)


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__


def to_keep(found: Iterable[Backup], keep: int) -> set[Path]:
    """The newest ``keep`` backups, and the newest of each month."""
    ordered = sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)
    kept = {b.path for b in ordered[:max(keep, 1)]}
    months: set[tuple[int, int]] = set()
    for b in ordered:
        if (b.made.year, b.made.month) not in months:
            months.add((b.made.year, b.made.month))
            kept.add(b.path)
    return kept


def prune(db_path: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Remove the program's backups beyond ``keep`` (monthly ones stay); returns what was removed."""
    found = backups(db_path)
    kept = to_keep(found, keep)
    removed = []
    for b in found:
        if b.path not in kept:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass   # a backup that cannot be removed now is removed next time
    return removed


def daily_due(db_path: Path, now: datetime | None = None) -> bool:
    """True when the newest backup is older than a day (or there is none)."""
    found = backups(db_path)
    return not found or (now or datetime.now()) - found[0].made >= timedelta(days=1)


KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009")


def check_candidate(source: Path) -> None:
    """Refuse a file that is no sound store of this program, before anything is replaced."""
    from zeshi_desktop.store.integrity import page_check, read_only, revision

    source = Path(source)
    if not source.is_file():
        raise BackupRefused("store.no_database", path=str(source))
    try:
        with open(source, "rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise BackupRefused("store.restore_not_a_store", path=str(source), reason=_why(exc)) from exc
    if header != b"SQLite format 3\x00":
        raise BackupRefused("store.restore_not_a_store", path=str(source), reason="SQLite")
    try:
        with read_only(source) as connection:
            damage = page_check(connection)
            found = revision(connection)
    except sqlite3.DatabaseError as exc:
        raise BackupRefused("store.restore_not_a_store", path=str(source), reason=_why(exc)) from exc
    if damage:
        raise BackupRefused("store.restore_damaged", path=str(source), reason=damage[0].detail)
    if found is None:
        raise BackupRefused("store.restore_not_a_store", path=str(source), reason="alembic_version")
    if found not in KNOWN_REVISIONS:
        raise BackupRefused("store.restore_newer", path=str(source), revision=found)


def replace_store(db_path: Path, source: Path, keep: int = DEFAULT_KEEP) -> Backup | None:
    """Put ``source`` in place of the store, keeping the current store as a backup first.

    Nobody may have the store open (the caller closes its engine first). The
    WAL of the current file is checkpointed and removed, so it cannot be
    replayed onto the restored file.
    """
    db_path = Path(db_path)
    check_candidate(source)
    tmp = db_path.with_name(f".{db_path.name}.restore")
    try:   # the source is copied first: keeping the current store may prune the very backup being restored
        copy_database(Path(source), tmp)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupRefused("store.restore_failed", path=str(db_path), reason=_why(exc)) from exc
    try:
        kept = make_backup(db_path, "restore", keep=keep) if db_path.is_file() else None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        if db_path.is_file():
            connection = sqlite3.connect(db_path)
            try:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                connection.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, db_path)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupRefused("store.restore_failed", path=str(db_path), reason=_why(exc)) from exc
    fsync_folder(db_path.parent)
    return kept
