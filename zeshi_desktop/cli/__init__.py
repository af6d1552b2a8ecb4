"""The ``zeshi`` command line: the same services as the window, for scripts and recovery.

Every command prints a table (or JSON with ``--json``), exits 0 on success and
non-zero with a one-line reason on stderr on any error, having written nothing.
Each module below registers its own sub-commands.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from zeshi_desktop import __version__

from .common import CommandError, run_command

COMMAND_MODULES = ("core", "roster", "printing", "packages", "reports")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zeshi", description="责师评审 — 命令行 (zeshi-desktop command line)")
    parser.add_argument("--db", help="数据库文件 (default: $ZESHI_DB or the user data folder)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages")
    parser.add_argument("--version", action="version", version=f"zeshi {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue  # a command group not built yet
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())

__all__ = ["main", "build_parser", "CommandError"]
