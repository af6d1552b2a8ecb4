"""Fixtures of the command-line tests: `zeshi` run in-process, and on the demo year."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from zeshi_desktop.cli import main

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def zeshi(capsys: pytest.CaptureFixture[str]) -> Run:
    """``zeshi ARGS`` in this process: (exit code, stdout, stderr)."""
    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:  # --help, --version and usage errors end in argparse
            code = exc.code if isinstance(exc.code, int) else 2
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def db(demo_db) -> str:  # type: ignore[no-untyped-def]
    """A private copy of the demo year, as ``--db`` takes it."""
    return str(demo_db.path)
