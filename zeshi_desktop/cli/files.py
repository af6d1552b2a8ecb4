"""Files a person names on the command line: read, written, and what the disk said, in the chosen language.

A path typed by hand is the likeliest input to be wrong: a folder instead of
a file, a folder that does not exist, a broken JSON file, a full disk. Each
becomes one refusal naming the path (``cli.file.*``), never a traceback. An
output file is written only into a folder that exists: the command line never
creates folders on its own, so a mistyped path makes nothing.
"""

from __future__ import annotations

import errno
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from zeshi_desktop.messages import Message

from .errors import CommandError

# Errors of the operating system that a person can act on, said in the chosen language (``cli.os.*``).
_REASONS: dict[int, str] = {errno.ENOSPC: "disk_full", errno.EACCES: "denied", errno.EPERM: "denied",
                            errno.ENOENT: "missing", errno.EISDIR: "is_folder", errno.ENOTDIR: "not_folder",
                            errno.EROFS: "read_only"}
if hasattr(errno, "EDQUOT"):   # not on every platform
    _REASONS[errno.EDQUOT] = "disk_full"


def os_reason(exc: BaseException) -> Message | str:
    """Why the operating system refused, as a message when it is a common reason, else its own words."""
    if isinstance(exc, OSError) and exc.errno in _REASONS:
        return Message(f"cli.os.{_REASONS[exc.errno]}")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def output_path(raw: str | Path) -> Path:
    """A file to write: refused when it names a folder or lies in a folder that does not exist."""
    path = Path(raw)
    if path.is_dir():
        raise CommandError("cli.file.is_folder", path=str(path))
    folder = path.parent
    if not folder.is_dir():
        raise CommandError("cli.file.no_folder", path=str(path), folder=str(folder))
    return path


@contextmanager
def writing(raw: str | Path) -> Iterator[Path]:
    """Write the output file ``raw`` inside the block: checked first, an error of the disk refused naming it."""
    path = output_path(raw)
    try:
        yield path
    except BrokenPipeError:
        raise
    except OSError as exc:
        if exc.filename is not None and Path(exc.filename).parent.resolve() != path.parent.resolve():
            raise   # another file's trouble (a key, a font): reported naming that file
        raise CommandError("cli.file.cannot_write", path=str(path), reason=os_reason(exc)) from exc


def read_text(raw: str | Path) -> str:
    """The text of a UTF-8 file a person named: a missing, unreadable or binary file refused naming it."""
    path = Path(raw)
    if path.is_dir():
        raise CommandError("cli.file.is_folder", path=str(path))
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CommandError("cli.file.not_text", path=str(path)) from None
    except OSError as exc:
        raise CommandError("cli.file.cannot_read", path=str(path), reason=os_reason(exc)) from exc


def read_json(raw: str | Path) -> Any:
    """The JSON value in a file a person named: an empty or broken file refused with where it breaks."""
    content = read_text(raw)
    if not content.strip():
        raise CommandError("cli.file.empty", path=str(raw))
    try:
        return json.loads(content)
    except json.JSONDecodeError as exc:
        raise CommandError("cli.file.not_json", path=str(raw), line=exc.lineno, column=exc.colno) from None
    except (ValueError, RecursionError):   # a 5,000-digit number, nesting a thousand deep
        raise CommandError("cli.file.bad_json", path=str(raw)) from None
