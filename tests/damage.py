"""Damage a store behind the program's back, as a bit flip or an edit with sqlite3 would (issue 11).

Shared by the tests of what the command line, the dashboards, the export and
文件 → 检查数据 do with such a store: a stored score far above its item's
maximum, or an answer no question takes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

ABOVE = 386   # tenths: 38.6, above every item's maximum
OVER_MAXIMUM = (f"UPDATE scores SET tenths = {ABOVE} WHERE rowid = (SELECT min(rowid) FROM scores WHERE sheet_id = "
                "(SELECT min(id) FROM sheets WHERE form_id = ? AND id NOT IN (SELECT sheet_id FROM scores "
                f"WHERE tenths = {ABOVE})))")


def damage_scores(path: Path | str, form_id: str = "3-2", sheets: int = 1) -> list[int]:
    """A score above its maximum in each of the first ``sheets`` sheets of ``form_id``; the damaged sheets' ids."""
    connection = sqlite3.connect(path)
    for _ in range(sheets):
        connection.execute(OVER_MAXIMUM, (form_id,))
    connection.commit()
    ids = [sid for (sid,) in connection.execute(
        f"SELECT DISTINCT sheet_id FROM scores WHERE tenths = {ABOVE} ORDER BY sheet_id")]
    connection.close()
    return ids


def damage_answer(path: Path | str) -> int:
    """An answer to a finalised 5-1's statement that is none of its options; the sheet's id."""
    connection = sqlite3.connect(path)
    rowid, sheet_id = connection.execute(
        "SELECT min(a.rowid), a.sheet_id FROM answers a JOIN sheets s ON s.id = a.sheet_id "
        "WHERE s.form_id = '5-1' AND s.status = 'final' AND a.key LIKE 'choice:%'").fetchone()
    connection.execute("UPDATE answers SET value = '也许' WHERE rowid = ?", (rowid,))
    connection.commit()
    connection.close()
    return int(sheet_id)
