"""Unlock and finalise-all take a backup first; a backup that fails refuses the action, nothing written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.scoring.backups import store_path
from zeshi_desktop.store import backup
from zeshi_desktop.store.backup import BackupRefused
from zeshi_desktop.store.database import Database

pytestmark = pytest.mark.sqlite_only   # backups are files beside the store file; a server has none


def _matrix(db: Database, forms, rows: int = 3) -> list[int]:
    """A reviewer's 3-2 rows, every item scored."""
    with db.write() as s:
        d = roster.add_district(s, "东城区", "首都功能核心区")
        r = roster.add_reviewer(s, 2025, "district", "王评审", district_id=d)
        ids = []
        for n in range(rows):
            a = roster.appoint(s, 2025, roster.add_unit(s, d, f"街道{n}"), roster.add_planner(s, f"责师{n}",
                                                                                          is_team=False))
            sid = sheets.open_sheet(s, "3-2", 2025, appointment_id=a, reviewer_id=r).id
            sheets.set_scores(s, sid, {i.id: "1" for i in forms["3-2"].items})
            ids.append(sid)
    return ids


def _statuses(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT status FROM sheets ORDER BY id")]
    finally:
        connection.close()


def test_the_store_path_of_a_session(db, tmp_path):
    with db.read() as s:
        assert store_path(s) == tmp_path / "zeshi.sqlite3"
    memory = Database("sqlite://")
    with memory.read() as s:
        assert store_path(s) is None
    memory.dispose()


def test_finalise_all_backs_up_the_store_as_it_was_then_finalises_every_row(db, forms):
    ids = _matrix(db, forms)
    assert db.path is not None
    with db.write() as s:
        done = sheets.finalize_all(s, ids, "王评审")
    assert [v.is_final for v in done] == [True] * 3
    [made] = backup.backups(db.path)
    assert made.reason == "finalise-all"
    assert _statuses(made.path) == ["draft"] * 3 and _statuses(db.path) == ["final"] * 3
    with db.write() as s:   # nothing left to finalise: no backup
        assert sheets.finalize_all(s, ids) == []
    assert len(backup.backups(db.path)) == 1


def test_finalise_all_refuses_the_lot_before_any_backup_when_a_row_is_incomplete(db, forms):
    ids = _matrix(db, forms)
    with db.write() as s:
        sheets.clear_score(s, ids[1], forms["3-2"].items[0].id)
    with pytest.raises(ActionRefused) as refused, db.write() as s:
        sheets.finalize_all(s, ids)
    assert refused.value.code == "scoring.finalise_all.incomplete" and refused.value.params["sheet"] == ids[1]
    assert refused.value.message("zh").startswith(f"不能全部定稿，没有定稿任何一张：评审表 {ids[1]}：")
    assert db.path is not None and backup.backups(db.path) == [] and _statuses(db.path) == ["draft"] * 3


def test_unlock_backs_up_the_final_sheet_first(db, forms):
    [sid] = _matrix(db, forms, rows=1)
    with db.write() as s:
        sheets.finalize(s, sid)
    with db.write() as s:
        assert not sheets.unlock(s, sid, "复核").is_final
    assert db.path is not None
    [made] = backup.backups(db.path)
    assert made.reason == "unlock" and _statuses(made.path) == ["final"]


def test_a_backup_that_fails_refuses_the_unlock_and_the_finalise_all(db, forms):
    ids = _matrix(db, forms, rows=2)
    assert db.path is not None
    with db.write() as s:
        sheets.finalize(s, ids[0])
    backup.folder_for(db.path).write_text("not a folder")   # the backups folder cannot be made
    with pytest.raises(BackupRefused) as refused, db.write() as s:
        sheets.unlock(s, ids[0], "复核")
    assert refused.value.code == "store.backup_failed" and str(db.path.parent / "backups") in refused.value.message("en")
    with pytest.raises(BackupRefused), db.write() as s:
        sheets.finalize_all(s, ids)
    assert _statuses(db.path) == ["final", "draft"]
    with db.read() as s:
        assert [e.action for e in sheets.audit_log(s, ids[0])] == ["finalize"]


def test_a_store_in_memory_unlocks_without_a_backup(forms):
    memory = Database("sqlite://")
    try:
        [sid] = _matrix(memory, forms, rows=1)
        with memory.write() as s:
            sheets.finalize(s, sid)
            assert not sheets.unlock(s, sid, "复核").is_final
    finally:
        memory.dispose()
