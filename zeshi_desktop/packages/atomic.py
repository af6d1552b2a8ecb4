"""A workbook saved through ``atomic_files``: never half a package under the real name.

openpyxl's ``Workbook.save`` leaves its ``ZipFile`` open when a write fails
(a full disk): the temporary file is closed and removed, and later the
garbage collector finishes the zip on the closed file and prints seven lines
of ``Exception ignored in: ZipFile.__del__ … seek of closed file`` after the
one-line refusal. So the zip is made here, and closed — or given up — on
failure too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl.writer.excel import ExcelWriter

from zeshi_desktop.atomic_files import write_atomic

Writer = Callable[[Any, ZipFile], ExcelWriter]


def _save(workbook: Any, handle: BinaryIO, writer: Writer = ExcelWriter) -> None:
    """What ``Workbook.save`` does, with the zip never left to the garbage collector."""
    if workbook.read_only:
        raise TypeError("a read-only workbook cannot be saved")
    if workbook.write_only and not workbook.worksheets:
        workbook.create_sheet()
    archive = ZipFile(handle, "w", ZIP_DEFLATED, allowZip64=True)
    workbook.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)
    try:
        writer(workbook, archive).save()   # closes the archive when everything was written
    except BaseException:
        with contextlib.suppress(Exception):   # the disk is full: the file is thrown away anyway
            archive.close()
        raise


def save_atomic(workbook: Any, path: Path, writer: Writer = ExcelWriter) -> None:
    """``writer`` writes the parts: openpyxl's own, or one that writes some sheets' rows itself (``sheet_cells``)."""
    write_atomic(path, lambda handle: _save(workbook, handle, writer))
