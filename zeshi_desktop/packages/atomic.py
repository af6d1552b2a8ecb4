"""Writing a workbook so that a full disk or a pulled USB stick never leaves half a file.

The workbook goes to a temporary file in the same folder (so the rename stays
on one file system), is flushed and fsynced, then renamed over the real name.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any


def save_atomic(workbook: Any, path: Path) -> None:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            workbook.save(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        try:
            dir_fd = os.open(folder, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(dir_fd)
        except OSError:
            pass  # some file systems (FAT on USB sticks) cannot fsync a folder; the file itself is synced
        finally:
            os.close(dir_fd)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
