"""`zeshi backup`, `backups`, `restore` and `check`: copies kept, one put back after a check, damage found."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

SEL = ("--form", "3-1", "--unit", "景山街道")


def _score(db: str) -> str:
    connection = sqlite3.connect(db)
    value = connection.execute("SELECT group_concat(tenths) FROM scores WHERE item_id = 'basic_contract'").fetchone()[0]
    connection.close()
    return str(value)


def _damage(path: Path) -> None:
    """Change one stored score behind the program's back (as a flipped bit would)."""
    connection = sqlite3.connect(path)
    connection.execute("UPDATE scores SET tenths = tenths - 1 WHERE rowid = (SELECT min(rowid) FROM scores)")
    connection.commit()
    connection.close()


def test_backup_into_the_folder_and_listed(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = zeshi("--db", db, "--json", "backup")
    made = json.loads(out)
    assert code == 0 and err == "" and made["reason"] == "manual"
    assert Path(made["file"]).parent == Path(db).parent / "backups" and Path(made["file"]).is_file()
    code, out, _ = zeshi("--db", db, "--json", "backups")
    listed = json.loads(out)
    assert code == 0 and [b["file"] for b in listed["backups"]] == [made["file"]] and listed["keep"] == 20
    assert zeshi("--db", db, "backup", "--list")[1] == zeshi("--db", db, "backups")[1]
    code, out, _ = zeshi("--db", db, "--lang", "en", "backups")
    assert code == 0 and "by hand" in out and "the newest 20 and one a month are kept" in out


def test_backup_to_a_file(zeshi, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "copy.sqlite3"
    code, out, _ = zeshi("--db", db, "backup", "-o", str(target))
    assert code == 0 and out.startswith(f"已备份到 {target}")
    assert zeshi("--db", str(target), "check")[0] == 0
    assert zeshi("--db", db, "backup", "-o", db) == (2, "", f"zeshi: {db} 就是数据库本身；请给出另一个文件名\n")


def test_no_backups_yet(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = zeshi("--db", db, "--lang", "en", "backups")
    assert code == 0 and out.startswith("No backups yet (the backups folder: ")


def test_the_number_kept_comes_from_the_environment(zeshi, db: str, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ZESHI_BACKUPS_KEEP", "2")
    for _ in range(4):
        assert zeshi("--db", db, "backup")[0] == 0
    assert len(list((Path(db).parent / "backups").iterdir())) == 2   # the same month: its newest is among them
    monkeypatch.setenv("ZESHI_BACKUPS_KEEP", "none")
    code, out, err = zeshi("--db", db, "backup")
    assert (code, out) == (2, "") and err == "zeshi: ZESHI_BACKUPS_KEEP=none：应为不小于 1 的整数（保留的备份份数）\n"


def test_check_a_sound_store(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = zeshi("--db", db, "check")
    assert code == 0 and out == f"数据库 {db} 完好：文件页、数据关联、审计链和每个存储的数值均已检查\n"
    code, out, _ = zeshi("--db", db, "--json", "check")
    assert code == 0 and json.loads(out) == {"database": db, "sound": True, "findings": [], "more": 0}


def test_check_finds_a_changed_value(zeshi, demo_db, db: str) -> None:  # type: ignore[no-untyped-def]
    demo_db.dispose()
    _damage(Path(db))
    code, out, err = zeshi("--db", db, "check")
    assert code == 1 and err == ""
    assert out.splitlines() == [f"数据库 {db} 有 1 处问题", "  - 评审表 1 的内容在本程序之外被改动过（内容校验值不符）"]
    code, out, _ = zeshi("--db", db, "--lang", "en", "--json", "check")
    assert code == 1 and json.loads(out)["findings"] == [
        {"kind": "value", "message": "The content of sheet 1 was changed outside this program (its content hash "
                                     "does not match)"}]


def test_restore_round_trip(zeshi, demo_db, db: str) -> None:  # type: ignore[no-untyped-def]
    demo_db.dispose()
    backup = json.loads(zeshi("--db", db, "--json", "backup")[1])["file"]
    before = _score(db)
    assert zeshi("--db", db, "unlock", *SEL, "--reason", "复核")[0] == 0
    assert zeshi("--db", db, "score", *SEL, "basic_contract=1")[0] == 0
    assert _score(db) != before
    code, out, err = zeshi("--db", db, "--json", "restore", backup)
    done = json.loads(out)
    assert code == 0 and err == "" and done["restored_from"] == backup
    kept = Path(done["kept"])
    assert kept.parent == Path(db).parent / "backups" and kept.name.endswith("-restore.sqlite3")
    assert _score(db) == before and _score(str(kept)) != before   # the replaced store is kept, changes and all
    code, out, _ = zeshi("--db", db, "--json", "show", *SEL)
    assert code == 0 and json.loads(out)["status"] == "final"
    assert zeshi("--db", db, "check")[0] == 0


def test_restore_says_where_the_replaced_store_is(zeshi, demo_db, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    demo_db.dispose()
    copy = tmp_path / "copy.sqlite3"
    assert zeshi("--db", db, "backup", "-o", str(copy))[0] == 0
    code, out, _ = zeshi("--db", db, "--lang", "en", "restore", str(copy))
    kept = next((Path(db).parent / "backups").iterdir())
    assert code == 0 and out == f"Restored {db} from {copy}; the database it replaced is kept as the backup {kept}\n"


def test_restore_refuses_a_damaged_file_and_keeps_the_store(zeshi, demo_db, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    demo_db.dispose()
    copy = tmp_path / "copy.sqlite3"
    assert zeshi("--db", db, "backup", "-o", str(copy))[0] == 0
    _damage(copy)
    before = Path(db).read_bytes()
    code, out, err = zeshi("--db", db, "restore", str(copy))
    assert (code, out) == (2, "")
    assert err == f"zeshi: {copy} 有 1 处问题，不能用来恢复：评审表 1 的内容在本程序之外被改动过（内容校验值不符）\n"
    code, _, err = zeshi("--db", db, "--lang", "en", "restore", str(copy))
    assert code == 2 and err.startswith(f"zeshi: {copy} cannot be restored; problems found: 1: The content of sheet 1")
    assert Path(db).read_bytes() == before and not (Path(db).parent / "backups").exists()


@pytest.mark.parametrize(("content", "why"), [(b"hello", "不是本程序的数据库"), (None, "没有数据库文件")])
def test_restore_refuses_what_is_no_store(zeshi, db: str, tmp_path: Path, content: bytes | None, why: str) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "other.sqlite3"
    if content is not None:
        source.write_bytes(content)
    code, out, err = zeshi("--db", db, "restore", str(source))
    assert (code, out) == (2, "") and why in err and str(source) in err and err.count("\n") == 1


def test_restore_refuses_the_store_itself(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    assert zeshi("--db", db, "--lang", "en", "restore", db) == (
        2, "", f"zeshi: {db} is the database in use; there is nothing to restore\n")


def test_restore_of_a_backup_in_the_folder_does_not_prune_it(zeshi, demo_db, db: str,  # type: ignore[no-untyped-def]
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The oldest kept backup, restored: the copy of the store made first must not push it out."""
    demo_db.dispose()
    monkeypatch.setenv("ZESHI_BACKUPS_KEEP", "2")
    oldest = json.loads(zeshi("--db", db, "--json", "backup")[1])["file"]
    assert zeshi("--db", db, "backup")[0] == 0
    code, _, err = zeshi("--db", db, "restore", oldest)
    assert code == 0 and err == ""
