"""Files written for users: all or nothing under the real name."""

from __future__ import annotations

from pathlib import Path

import pytest

from zeshi_desktop.atomic_files import write_atomic, write_bytes_atomic


def test_bytes_replace_the_old_file_and_leave_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "报告.pdf"
    target.write_bytes(b"old")
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.pdf"]


def test_a_failure_halfway_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "包.xlsx"
    target.write_bytes(b"old")

    def half(handle) -> None:  # type: ignore[no-untyped-def]
        handle.write(b"half of it")
        raise OSError("the stick was pulled")

    with pytest.raises(OSError, match="pulled"):
        write_atomic(target, half)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["包.xlsx"]
