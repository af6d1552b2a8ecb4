"""A workbook saved through ``atomic_files``: never half a package under the real name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zeshi_desktop.atomic_files import write_atomic


def save_atomic(workbook: Any, path: Path) -> None:
    write_atomic(path, workbook.save)
