"""Fixtures for package tests: the store's digest (nothing written), the fuzzer's summary."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from zeshi_desktop.store.database import Database


def store_digest(db: Database) -> str:
    """The database file's bytes after a checkpoint (on a server: every row): equal digests mean nothing was written."""
    from tests.server.backends import content_digest
    return content_digest(db)


@pytest.fixture
def digest() -> Callable[[Database], str]:
    return store_digest


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The fuzzer's mutant count and outcomes (``test_fuzz``), in the summary of every run that ran it."""
    outcomes = getattr(terminalreporter.config, "zeshi_fuzz_outcomes", None)
    if not outcomes:
        return
    total = outcomes["imported"] + outcomes["refused"]
    terminalreporter.write_sep("-", f"package fuzzer: {total} mutants, {outcomes['imported']} imported, "
                                    f"{outcomes['refused']} refused with a message, 0 tracebacks")
    for name, count in sorted(outcomes.items(), key=lambda item: -item[1]):
        if name.startswith("refused "):
            terminalreporter.write_line(f"  {count:4d}  {name}")
