"""Workbooks are built and parsed with the cyclic garbage collector paused.

openpyxl makes a few container objects per cell, so a package of 100,000
cells sets off hundreds of collections, and every so often one of them walks
the whole heap: in the app, the whole loaded year and the Qt models. Nothing
built while writing or reading a workbook needs collecting before the step
ends (the cycles openpyxl makes, cell ↔ sheet, live as long as the workbook
anyway); whatever is garbage afterwards is collected as usual. Measured in
``tests/bench/package_bench.py``: 10-20 % of an export or import.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection inside the block; the previous setting is restored on any exit."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
