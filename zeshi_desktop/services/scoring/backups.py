"""A backup before the scoring actions that undo or seal many decisions at once: unlock and finalise-all.

Services take a session, not a path; the file is found from the session's
own connection, so every caller (the app, the command line, a test) gets the
same backup without passing anything more. A store in memory has no file and
no backup. The copy is made from a second, read-only connection, so it holds
what was committed before this action began; a backup that cannot be made
refuses the action (``BackupRefused``, naming the file and why) before
anything is written.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from zeshi_desktop.store.backup import DEFAULT_KEEP, Backup, make_backup


def store_path(session: Session) -> Path | None:
    """The file of the SQLite store ``session`` writes to, or None (in memory, or not SQLite)."""
    url = make_url(session.get_bind().engine.url)
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if url.query.get("mode") == "memory":
        return None
    if database.startswith("file:"):   # a URI: file:/path?mode=ro
        database = database[5:].split("?", 1)[0]
    if not database or database == ":memory:":
        return None
    return Path(database)


def backup_before(session: Session, reason: str, keep: int = DEFAULT_KEEP) -> Backup | None:
    """Copy the store before the action ``reason`` ("unlock", "finalise-all") changes it; None when in memory."""
    path = store_path(session)
    if path is None:
        return None
    return make_backup(path, reason, keep=keep)
