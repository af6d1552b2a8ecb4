"""The words the program writes into a workbook: catalogue texts, always in Chinese.

A package or a result file is read by offices that fill in the Chinese forms,
and a package is read back by its sheet names, column headers and status words,
so what goes into a file does not follow the program's language. The texts
live in the catalogue (``package.*``, ``handover.*``) beside their English,
which says what each one is.
"""

from __future__ import annotations

from zeshi_desktop.messages import text

FILE_LANGUAGE = "zh"


def written(code: str, /, **params: object) -> str:
    """The catalogue text of ``code`` as a workbook holds it."""
    return text(code, FILE_LANGUAGE, **params)


def yes_no(value: bool) -> str:
    """A yes/no cell: 是 or 否."""
    return written("common.yes" if value else "common.no")
