"""A reserve of references to ``None`` against a reference leak in PySide6 6.12.0.

In PySide6 6.12.0 every call of a static ``void`` function of ``QCoreApplication``
(``processEvents``, ``sendPostedEvents``) and ``QTest.qWait`` returns ``None``
without taking a reference to it: each call takes one reference from ``None``
for good. Python 3.11's ``None`` is not immortal; once its count reaches zero
the interpreter frees it and crashes, at a random later place ("none_dealloc",
or a segmentation fault in Qt). A long meeting's progress dialogs, and the test
suite's thousands of waits, get there. Holding this many references keeps the
count far from zero; it costs 8 bytes a reference (32 MB here), and nothing on
a PySide6 without the leak. Remove when the requirement excludes 6.12.0.
"""

from __future__ import annotations

import ctypes

RESERVE = 4_000_000
_held: list[None] = []


def hold() -> None:
    """Take the reserve once per process (later calls do nothing)."""
    if not _held:
        _held.extend([None] * RESERVE)
        # never freed, not even when the interpreter ends: freeing it would give None back the references the
        # leak took, and None would reach zero on the way out
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(_held))
