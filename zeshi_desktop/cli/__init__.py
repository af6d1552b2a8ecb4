"""The ``zeshi`` command line: the same services as the window, for scripts and recovery.

Every command prints a table (or JSON with ``--json``), exits 0 on success and
2 on any error, with one report on stderr (see :mod:`.errors`), having written
nothing. The shared options ``--db``, ``--json`` and ``--lang`` go before or
after the command. Commands are listed in :data:`.parser.COMMANDS`; a
command's module is imported only when it runs, so ``zeshi --version`` and
``zeshi --help`` load neither the store nor Excel nor PDF code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from .errors import CommandError
from .options import fill_defaults
from .parser import COMMANDS, build_parser, first_look

# What a shell reports for a program cut off by a closed pipe (128 + SIGPIPE).
EXIT_PIPE_CLOSED = 141


def _silence_stdout() -> None:
    """After the reader of our stdout went away: send what is still buffered nowhere, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test's capture): nothing to silence
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``zeshi`` with ``argv`` (default: the command line); returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        first = first_look(args_list)
        command = first.command if first.command in COMMANDS else None
        parser = build_parser(command, first.lang, json_errors=first.json)
        args = fill_defaults(parser.parse_args(args_list))
        if not hasattr(args, "handler"):  # a command line the first look could not read: say why
            parser.error("the command's options could not be read")
        from .common import run_command  # the store and the services: only now

        code = run_command(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE_CLOSED


if __name__ == "__main__":
    sys.exit(main())

__all__ = ["CommandError", "build_parser", "main"]
