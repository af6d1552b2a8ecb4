"""The installed Qt bindings keep Python's ``None`` alive.

PySide6 6.12.0 took one reference from ``None`` on every ``processEvents``,
``sendPostedEvents`` and ``QTest.qWait``; Python 3.11 frees ``None`` when the
count reaches zero and then crashes at a random later place (a meeting's
progress dialogs and this suite's waits get there). ``pyproject.toml`` keeps
that release out; this test fails if an allowed release brings the leak back.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtTest import QTest

CALLS = 3000


def test_waiting_on_qt_does_not_take_references_to_none(qapp) -> None:
    # let what earlier tests left behind (deferred deletes, timers) settle first: it gives back references too
    for _ in range(20):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents()
    for _ in range(20):
        QTest.qWait(0)
    # the leaking release takes at least CALLS * 2 + 20; some slack for other code meanwhile
    assert abs(sys.getrefcount(None) - before) < CALLS // 3
