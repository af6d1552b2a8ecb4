"""Sheets a figure or a package left out because they hold damaged data, as the command line tells them.

A ranking or a dashboard that is short of a sheet must say so (issue 11), or a
panel trusts a figure that misses a reviewer. Each is one line on **stderr**
(as ``finalize`` prints its warnings), so the table or the ``--json``
document on stdout stays what it was; ``--json`` also carries them under
``damaged``: ``[{sheet_id, form, who, problems: [text]}]``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import Any

from zeshi_desktop.messages import Message, render, text
from zeshi_desktop.services.meeting.damage import DamagedSheet


def damaged_data(damaged: Iterable[DamagedSheet], lang: str) -> list[dict[str, Any]]:
    """The sheets left out, for ``--json``: which sheet, its annex, whose, and what is wrong, in ``lang``."""
    return [{"sheet_id": d.sheet_id, "form": d.form_id, "who": d.who,
             "problems": [render(p, lang) for p in d.problems]} for d in damaged]


def warn(notes: Iterable[Message], lang: str) -> None:
    """Each note as one line on stderr: 注意：… / Note: …"""
    for note in notes:
        print(text("cli.warning", lang, warning=note), file=sys.stderr)


def warn_damaged(damaged: Sequence[DamagedSheet], lang: str) -> None:
    """One line on stderr per sheet left out of the figure just printed."""
    warn((d.message for d in damaged), lang)
