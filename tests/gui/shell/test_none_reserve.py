"""The reserve of references to None outlasts PySide6 6.12.0's leak of one per processEvents."""

from __future__ import annotations

import sys

from zeshi_desktop.gui.shell import none_reserve


def test_the_reserve_is_held_and_none_survives_many_waits(qapp) -> None:  # type: ignore[no-untyped-def]
    none_reserve.hold()
    assert sys.getrefcount(None) > none_reserve.RESERVE // 2
    before = sys.getrefcount(None)
    for _ in range(20_000):
        qapp.processEvents()
    assert sys.getrefcount(None) > none_reserve.RESERVE // 2 and before - sys.getrefcount(None) <= 20_100
