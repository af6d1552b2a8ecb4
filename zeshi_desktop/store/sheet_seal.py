"""Every sheet carries a hash of its content, so a changed byte in a score is found.

SQLite's own checks (``quick_check``) see a broken page, not a flipped bit in
a stored number: the page is still well formed. So each sheet keeps
``content_hash``, SHA-256 over what it says (its subject, reviewer, status,
remarks, scores and answers). Triggers (migration 0004) note every sheet
whose content a statement touched in ``dirty_sheets``; at the end of each
write the program rehashes just those (``seal``). ``zeshi check`` and the
check at open recompute every hash (``damaged``): a sheet whose hash does
not match was changed behind the program's back, and its values are not used.
Pictures are not hashed (they are checked against their own digests).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, select, text, update
from sqlalchemy.orm import Session

from zeshi_desktop.store.models import Sheet

_SHEET_COLUMNS = "id, form_id, year, appointment_id, district_id, reviewer_id, status, remarks, reopened_reason"


def content_hash(sheet: tuple[object, ...], scores: Iterable[tuple[str, int]], answers: Iterable[tuple[str, str]]) -> str:
    payload = json.dumps([list(sheet), sorted(scores), sorted(answers)], ensure_ascii=False,
                         separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def score_rows(bind: Session | Connection) -> list[tuple[int, str, int]]:
    """Every stored score as (sheet_id, item_id, tenths), fetched once for the seal and the value check."""
    connection = bind.connection() if isinstance(bind, Session) else bind
    cursor = connection.connection.cursor()   # the driver's own cursor: no result processing per row
    cursor.execute("SELECT sheet_id, item_id, tenths FROM scores")
    return cursor.fetchall()


def _hashes(bind: Session | Connection, ids: list[int] | None,
            all_scores: list[tuple[int, str, int]] | None = None) -> dict[int, str]:
    connection = bind.connection() if isinstance(bind, Session) else bind
    qmark = connection.dialect.paramstyle == "qmark"
    cursor = connection.connection.cursor()   # the driver's own cursor: no result processing per row

    def fetch(sql: str, column: str) -> list[tuple]:  # type: ignore[type-arg]
        if ids is None:
            cursor.execute(sql)
        else:
            marks = ", ".join(("?" if qmark else "%s") for _ in ids)
            cursor.execute(f"{sql} WHERE {column} IN ({marks})", tuple(ids))
        return cursor.fetchall()

    scores: dict[int, list[tuple[str, int]]] = defaultdict(list)
    rows = all_scores if all_scores is not None else fetch("SELECT sheet_id, item_id, tenths FROM scores", "sheet_id")
    for sheet_id, item_id, tenths in rows:
        scores[sheet_id].append((item_id, tenths))
    answers: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for sheet_id, key, value in fetch("SELECT sheet_id, key, value FROM answers", "sheet_id"):
        answers[sheet_id].append((key, value))
    return {row[0]: content_hash(tuple(row), scores[row[0]], answers[row[0]])
            for row in fetch(f"SELECT {_SHEET_COLUMNS} FROM sheets", "id")}


def seal(bind: Session | Connection) -> int:
    """Rehash the sheets this transaction touched; returns how many."""
    ids = [row[0] for row in bind.execute(text("SELECT sheet_id FROM dirty_sheets"))]
    if not ids:
        return 0
    table = Sheet.__table__
    rehash = update(table).where(table.c.id == bindparam("sheet")).values(content_hash=bindparam("digest"))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = [{"sheet": sheet_id, "digest": digest} for sheet_id, digest in _hashes(bind, chunk).items()]
        if rows:
            bind.execute(rehash, rows)   # one executemany per chunk, not one statement per sheet
    bind.execute(text("DELETE FROM dirty_sheets"))
    return len(ids)


def damaged(bind: Session | Connection, scores: list[tuple[int, str, int]] | None = None) -> list[int]:
    """The sheets whose stored hash does not match their content (or that have none).

    ``scores`` may hand in ``score_rows(bind)`` when the caller reads them anyway.
    """
    stored = dict(bind.execute(select(Sheet.id, Sheet.content_hash)).all())
    hashes = _hashes(bind, None, scores)
    return sorted(sheet_id for sheet_id, digest in hashes.items() if stored.get(sheet_id) != digest)


__all__ = ["content_hash", "damaged", "seal"]
