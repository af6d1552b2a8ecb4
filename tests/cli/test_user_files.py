"""No traceback for any file a person names: one line in the chosen language naming the path, exit code 2.

Broken, empty and binary JSON files, folders given as files, paths that do
not exist, outputs in a folder that does not exist or cannot be written, a
full disk (an ``OSError(ENOSPC)`` from the writer); and answers the form does
not take, refused by the service naming what it takes.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

SCORE = ("score", "--form", "3-1", "--unit", "景山街道")


def _one_line(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert (code, out) == (2, "") and err.count("\n") == 1 and "Traceback" not in err, result
    return err


@pytest.mark.parametrize(("content", "zh", "en"), [
    (b"", "{path} 是空文件", "{path} is empty"),
    (b"  \n", "{path} 是空文件", "{path} is empty"),
    (b'{"basic_contract": ', "{path} 不是有效的 JSON：第 1 行第 20 列有误",
     "{path} is not valid JSON: an error at line 1, column 20"),
    (b"[1, 2]", '{path}: 应为 {{"item_id": score}} 形式的 JSON 对象', '{path}: expected a JSON object {{"item_id": score}}'),
    (b'"3"', '{path}: 应为 {{"item_id": score}} 形式的 JSON 对象', '{path}: expected a JSON object {{"item_id": score}}'),
    (b"\xff\xfe{}", "{path} 不是 UTF-8 编码的文本文件", "{path} is not a UTF-8 text file"),
    (b"[" * 100_000, "{path} 不是可读取的 JSON 文件", "{path} is not a JSON file that can be read"),
])
def test_a_json_file_that_is_no_scores(zeshi, db: str, tmp_path: Path, content: bytes, zh: str, en: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "scores.json"
    path.write_bytes(content)
    assert _one_line(zeshi("--db", db, *SCORE, "--file", str(path))) == f"zeshi: {zh.format(path=path)}\n"
    assert _one_line(zeshi("--db", db, "--lang", "en", *SCORE, "--file", str(path))) == f"zeshi: {en.format(path=path)}\n"


def test_a_folder_or_nothing_given_as_the_file(zeshi, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert _one_line(zeshi("--db", db, *SCORE, "--file", str(tmp_path))) == f"zeshi: {tmp_path} 是一个文件夹，请给出文件名\n"
    missing = tmp_path / "none.json"
    assert _one_line(zeshi("--db", db, "--lang", "en", *SCORE, "--file", str(missing))) == (
        f"zeshi: Cannot read {missing}: no such file or folder\n")


def test_an_unreadable_file(zeshi, db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "scores.json"
    path.write_text("{}", encoding="utf-8")

    def denied(self: Path, *args: object, **kwargs: object) -> str:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_text", denied)   # as root, chmod 000 would not stop the read
    assert _one_line(zeshi("--db", db, *SCORE, "--file", str(path))) == f"zeshi: 无法读取 {path}：没有权限\n"
    assert _one_line(zeshi("--db", db, "--lang", "en", *SCORE, "--file", str(path))) == (
        f"zeshi: Cannot read {path}: permission denied\n")


OUTPUTS = {
    "print": ("print", "3-1", "--unit", "景山街道", "-o", "{dir}/a.pdf"),
    "print --blank": ("print", "5-1", "--blank", "-o", "{dir}/a.pdf"),
    "export": ("export", "street-district", "--unit", "景山街道", "-o", "{dir}/a.xlsx"),
    "report": ("report", "city", "-o", "{dir}/a.pdf"),
    "report result": ("report", "result", "--district", "东城区", "-o", "{dir}/a.xlsx"),
    "backup": ("backup", "-o", "{dir}/a.sqlite3"),
    "roster export": ("roster", "export", "{dir}/a.xlsx", "--year", "2025"),
}


def _with(command: tuple[str, ...], folder: Path) -> tuple[list[str], Path]:
    """The command writing into ``folder``, and the file it names."""
    args = [part.format(dir=folder) for part in command]
    return args, Path(next(a for a in args if a.startswith(str(folder))))


@pytest.fixture
def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZESHI_KEY_DIR", str(tmp_path / "keys"))


@pytest.mark.parametrize("command", OUTPUTS.values(), ids=OUTPUTS.keys())
def test_an_output_in_a_folder_that_does_not_exist(zeshi, db: str, tmp_path: Path, keys: None,  # type: ignore[no-untyped-def]
                                                   command: tuple[str, ...]) -> None:
    args, out = _with(command, tmp_path / "no" / "such")
    assert _one_line(zeshi("--db", db, *args)) == (
        f"zeshi: 文件夹 {out.parent} 不存在，无法写入 {out}（不会自动新建文件夹）\n")
    assert _one_line(zeshi("--db", db, "--lang", "en", *args)) == (
        f"zeshi: The folder {out.parent} does not exist, so {out} cannot be written (no folder is created for you)\n")
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("command", OUTPUTS.values(), ids=OUTPUTS.keys())
def test_a_folder_given_as_the_output(zeshi, db: str, tmp_path: Path, keys: None, command: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    args = [str(folder) if part.startswith("{dir}") else part for part in command]
    assert _one_line(zeshi("--db", db, "--lang", "en", *args)) == f"zeshi: {folder} is a folder; give a file name\n"


WRITTEN = {k: v for k, v in OUTPUTS.items() if k != "backup"}   # written through atomic_files; backup: below


@pytest.mark.parametrize("command", WRITTEN.values(), ids=WRITTEN.keys())
def test_a_full_disk(zeshi, db: str, tmp_path: Path, keys: None, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                     command: tuple[str, ...]) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    args, out = _with(command, tmp_path)
    monkeypatch.setattr(os, "fsync", full)   # the writer's flush to the disk fails, as on a full disk
    assert _one_line(zeshi("--db", db, *args)) == f"zeshi: 无法写入 {out}：磁盘空间已满\n"
    assert _one_line(zeshi("--db", db, "--lang", "en", *args)) == f"zeshi: Cannot write {out}: the disk is full\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "keys") == ["demo.sqlite3", "demo.sqlite3-shm",
                                                                             "demo.sqlite3-wal"]


@pytest.mark.parametrize("command", WRITTEN.values(), ids=WRITTEN.keys())
def test_a_folder_that_cannot_be_written(zeshi, db: str, tmp_path: Path, keys: None,  # type: ignore[no-untyped-def]
                                         monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]) -> None:
    real = tempfile.mkstemp
    args, out = _with(command, tmp_path)

    def denied(*args: object, dir: str | None = None, **kwargs: object) -> tuple[int, str]:
        if dir is not None and Path(dir) == tmp_path:
            raise PermissionError(errno.EACCES, "Permission denied", str(Path(dir) / "x.tmp"))
        return real(*args, dir=dir, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tempfile, "mkstemp", denied)   # as root, a chmod would not stop the write
    assert _one_line(zeshi("--db", db, "--lang", "en", *args)) == f"zeshi: Cannot write {out}: permission denied\n"


def test_a_backup_onto_a_full_disk(zeshi, db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from zeshi_desktop.store import backup

    def full(source: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "copy_database", full)
    out = tmp_path / "copy.sqlite3"
    assert _one_line(zeshi("--db", db, "backup", "-o", str(out))) == f"zeshi: 无法写入备份 {out}：磁盘空间已满\n"
    assert _one_line(zeshi("--db", db, "--lang", "en", "backup")).startswith(
        f"zeshi: Cannot write the backup {tmp_path / 'backups'}/demo-")


# ---------------------------------------------------------------- answers: the service reads them, or refuses

ANSWER = ("score", "--form", "4-2", "--district", "东城区")


@pytest.fixture
def unlocked(zeshi, db: str) -> str:  # type: ignore[no-untyped-def]
    assert zeshi("--db", db, "unlock", *ANSWER[1:], "--reason", "复核")[0] == 0
    return db


def test_an_answer_the_form_does_not_ask(zeshi, unlocked: str) -> None:  # type: ignore[no-untyped-def]
    assert _one_line(zeshi("--db", unlocked, *ANSWER, "--answer", "foo=bar")) == (
        "zeshi: 附件4-2 没有问题“foo”；可以填写的有：header:org、contracts_signed\n")
    assert _one_line(zeshi("--db", unlocked, "--lang", "en", "--json", *ANSWER, "--answer", "foo=bar")) == (
        '{"error": {"code": "scoring.answer.unknown_key", "message": "Annex 4-2 has no question \\"foo\\"; '
        'the questions are: header:org, contracts_signed"}}\n')


def test_a_yes_no_answer_that_is_neither(zeshi, unlocked: str) -> None:  # type: ignore[no-untyped-def]
    zh = _one_line(zeshi("--db", unlocked, *ANSWER, "--answer", "contracts_signed=maybe"))
    assert zh.startswith("zeshi: ") and "“maybe”不是“是”或“否”（可填：是、否、yes、no、true、false、on、off）" in zh
    en = _one_line(zeshi("--db", unlocked, "--lang", "en", *ANSWER, "--answer", "contracts_signed=maybe"))
    assert en.endswith(': "maybe" is not yes or no (allowed: yes, no, true, false, on, off)\n')


@pytest.mark.parametrize(("typed", "stored"), [("否", "no"), ("是", "yes"), ("No", "no"), ("TRUE", "yes")])
def test_a_yes_no_answer_in_any_of_its_words(zeshi, unlocked: str, typed: str, stored: str) -> None:  # type: ignore[no-untyped-def]
    import json

    code, out, _ = zeshi("--db", unlocked, "--json", *ANSWER, "--answer", f"contracts_signed={typed}")
    assert code == 0 and json.loads(out)["answers"]["contracts_signed"] == stored


def test_a_full_disk_under_the_store(zeshi, db: str, demo_db, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """SQLite's own "database or disk is full" (its page limit reached): one line naming the store."""
    from sqlalchemy import event

    from zeshi_desktop.cli import opening

    demo_db.dispose()
    pages = demo_db.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
    demo_db.dispose()

    @event.listens_for(demo_db.engine, "connect")
    def _full(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setitem(opening._open, str(Path(db).resolve()), demo_db)   # the command line's store: the full one
    assert zeshi("--db", db, "unlock", "--form", "3-1", "--unit", "景山街道", "--reason", "复核")[0] == 0
    remarks = "长" * 200_000
    err = _one_line(zeshi("--db", db, "score", "--form", "3-1", "--unit", "景山街道", "--remarks", remarks))
    assert err == f"zeshi: 数据库 {db} 出错：磁盘空间已满，本次修改未写入\n"
    err = _one_line(zeshi("--db", db, "--lang", "en", "--json", "score", "--form", "3-1", "--unit", "景山街道",
                          "--remarks", remarks))
    assert err == ('{"error": {"code": "database", "message": "The database ' + db
                   + ' failed: the disk is full; this change was not written"}}\n')
