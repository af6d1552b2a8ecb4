"""How the command line reports an error: one convention for every command.

An error ends the command with exit code 2, having written nothing, and puts
exactly one report on **stderr**; stdout carries results only, so
``zeshi --json rank > ranking.json`` never leaves an error in the file.

- without ``--json``: ``zeshi: <message>`` (one line; a package refused for its
  cells adds one line per cell);
- with ``--json``: one line of JSON,
  ``{"error": {"code": "<code>", "message": "<message>"}}``, plus
  ``"problems": [{"sheet", "cell", "message"}]`` when a package is refused for
  its cells. ``code`` is the refusal's catalogue code (e.g.
  ``lookup.no_district``), or one of ``usage``, ``file``, ``store``,
  ``database``, ``forms``, ``lookup`` for errors that are not refusals.

This module is imported by ``zeshi --help``, so it stays light: no store, no
services.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from zeshi_desktop.messages import Refused

EXIT_ERROR = 2


class CommandError(Refused):
    """A refusal of the command line itself (a missing option, a malformed value): a ``cli.*`` code."""


def report(code: str, message: str, as_json: bool, **extra: Any) -> int:
    """Print one error the agreed way on stderr; returns the exit code."""
    if as_json:
        line = json.dumps({"error": {"code": code, "message": message, **extra}}, ensure_ascii=False)
    else:
        line = f"zeshi: {message}"
    print(line, file=sys.stderr)
    return EXIT_ERROR
