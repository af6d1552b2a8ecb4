"""Fixtures of the server tests: the run's PostgreSQL cluster, when this run uses one."""

from __future__ import annotations

import pytest

from tests.server import backends


@pytest.fixture
def server(request: pytest.FixtureRequest) -> backends.Server:
    """The run's cluster; the test is skipped when this run is on SQLite alone (``--backend sqlite``)."""
    if "postgresql" not in backends.chosen(request.config):
        pytest.skip("this run has no PostgreSQL server (--backend sqlite, or PostgreSQL not installed)")
    return request.getfixturevalue("pg_server")
