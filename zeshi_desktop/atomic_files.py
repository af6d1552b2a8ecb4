"""Writing a file so that a full disk or a pulled USB stick never leaves half of it under the real name.

The content goes to a temporary file in the same folder (so the rename stays on
one file system), is flushed and fsynced, then renamed over the real name, and
the folder is fsynced so the rename itself survives a power cut. Every file the
program writes for a user goes through here: packages, workbooks, PDFs, reports.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_atomic(path: Path, fill: Callable[[BinaryIO], object]) -> None:
    """Write ``path`` with ``fill(handle)``; on any failure the old file (or none) is left as it was."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut, where the file system can."""
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


def write_bytes_atomic(path: Path, data: bytes) -> None:
    write_atomic(path, lambda handle: handle.write(data))
