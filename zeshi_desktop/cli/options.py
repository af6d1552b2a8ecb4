"""The options every command shares, and the one reader of each kind of option value.

``--db``, ``--json`` and ``--lang`` belong to every command and may stand before
or after the command's name (``zeshi --json rank`` and ``zeshi rank --json``).
They are defined once, on a parent parser given to the top-level parser and to
every sub-parser, with ``default=SUPPRESS``: a value given before the command
is then not overwritten by the sub-parser's default, and :func:`fill_defaults`
supplies the defaults once parsing is done.

Light on purpose: ``zeshi --help`` imports this, and nothing of the store.
"""

from __future__ import annotations

import argparse
from functools import lru_cache

from zeshi_desktop.messages import LANGUAGES, text

DEFAULTS: dict[str, object] = {"db": None, "json": False, "lang": "zh"}
YEAR_HELP = "review year (default: the newest year in the database)"


def global_options() -> argparse.ArgumentParser:
    """A parent parser with the options of every command (a new one each time: argparse copies actions)."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL",
                   help="the database file, or a PostgreSQL server's URL postgresql+psycopg://user@host/db "
                        "(default: $ZESHI_DB, else the user data folder)")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print JSON instead of a table; an error is then one JSON line on stderr")
    p.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                   help="language of tables and messages (default: zh)")
    return p


def fill_defaults(args: argparse.Namespace) -> argparse.Namespace:
    """The defaults of the shared options, for those given neither before nor after the command."""
    for name, value in DEFAULTS.items():
        if not hasattr(args, name):
            setattr(args, name, value)
    return args


@lru_cache(maxsize=2)
def boolean_words(value: bool) -> tuple[str, ...]:
    """The words read as ``value``: 是/否 and yes/no (the catalogue's own), true/false, on/off."""
    own = [text("common.yes" if value else "common.no", lang) for lang in LANGUAGES]
    return tuple(dict.fromkeys([*own, *(("true", "on") if value else ("false", "off"))]))


def boolean(raw: str) -> bool:
    """The one reader of a yes/no option value: 是/否, yes/no, true/false, on/off, in any case."""
    word = raw.strip().casefold()
    for value in (True, False):
        if word in (w.casefold() for w in boolean_words(value)):
            return value
    words = ", ".join([*boolean_words(True), *boolean_words(False)])
    raise argparse.ArgumentTypeError(f"{raw!r} is not a yes/no value ({words})")


def boolean_help() -> str:
    """The words a yes/no option takes, for its help: "是/否, yes/no, true/false, on/off"."""
    return ", ".join(f"{y}/{n}" for y, n in zip(boolean_words(True), boolean_words(False), strict=True))


boolean.__name__ = "yes/no"  # argparse names the type in its "invalid … value" message


def hidden_alias(p: argparse.ArgumentParser, old: str, dest: str, **kwargs: object) -> None:
    """An option's former spelling, still accepted so scripts keep working, but not shown in ``--help``."""
    p.add_argument(old, dest=dest, help=argparse.SUPPRESS, **kwargs)  # type: ignore[arg-type]
