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

from sqlalchemy import Connection, select, text, update
from sqlalchemy.orm import Session

from zeshi_desktop.store.models import Answer, Score, Sheet

_SHEET = (Sheet.id, Sheet.form_id, Sheet.year, Sheet.appointment_id, Sheet.district_id, Sheet.reviewer_id,
          Sheet.status, Sheet.remarks, Sheet.reopened_reason)


def content_hash(sheet: tuple[object, ...], scores: Iterable[tuple[str, int]], answers: Iterable[tuple[str, str]]) -> str:
    payload = json.dumps([list(sheet), sorted(scores), sorted(answers)], ensure_ascii=False,
                         separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _hashes(bind: Session | Connection, ids: list[int] | None) -> dict[int, str]:
    sheets_q = select(*_SHEET)
    scores_q = select(Score.sheet_id, Score.item_id, Score.tenths)
    answers_q = select(Answer.sheet_id, Answer.key, Answer.value)
    if ids is not None:
        sheets_q = sheets_q.where(Sheet.id.in_(ids))
        scores_q = scores_q.where(Score.sheet_id.in_(ids))
        answers_q = answers_q.where(Answer.sheet_id.in_(ids))
    scores: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for sheet_id, item_id, tenths in bind.execute(scores_q):
        scores[sheet_id].append((item_id, tenths))
    answers: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for sheet_id, key, value in bind.execute(answers_q):
        answers[sheet_id].append((key, value))
    return {row[0]: content_hash(tuple(row), scores[row[0]], answers[row[0]]) for row in bind.execute(sheets_q)}


def seal(bind: Session | Connection) -> int:
    """Rehash the sheets this transaction touched; returns how many."""
    ids = [row[0] for row in bind.execute(text("SELECT sheet_id FROM dirty_sheets"))]
    if not ids:
        return 0
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for sheet_id, digest in _hashes(bind, chunk).items():
            bind.execute(update(Sheet).where(Sheet.id == sheet_id).values(content_hash=digest))
    bind.execute(text("DELETE FROM dirty_sheets"))
    return len(ids)


def damaged(bind: Session | Connection) -> list[int]:
    """The sheets whose stored hash does not match their content (or that have none)."""
    stored = dict(bind.execute(select(Sheet.id, Sheet.content_hash)).all())
    return sorted(sheet_id for sheet_id, digest in _hashes(bind, None).items() if stored.get(sheet_id) != digest)


__all__ = ["content_hash", "damaged", "seal"]
