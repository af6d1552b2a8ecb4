"""The demo year on a PostgreSQL server ranks as on SQLite: every district, the city, to the last digit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.server.backends import Server
from zeshi_desktop.cli import main
from zeshi_desktop.demo.fixture import DEMO_YEAR

DISTRICTS = ("东城区", "朝阳区", "通州区", "延庆区")


def _ranks(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, object]:
    """What ``zeshi --json rank`` says, per district and for the city, and the district dashboard's figures."""
    found: dict[str, object] = {}
    for what in (*(["--district", d] for d in DISTRICTS), ["--districts"]):
        capsys.readouterr()
        assert main(["--db", db, "--json", "rank", "--year", str(DEMO_YEAR), *what]) == 0
        found[" ".join(what)] = json.loads(capsys.readouterr().out)
    for d in DISTRICTS:
        assert main(["--db", db, "--json", "dashboard", "--year", str(DEMO_YEAR), "--district", d]) == 0
        found[f"dashboard {d}"] = json.loads(capsys.readouterr().out)
    return found


def test_the_demo_year_ranks_the_same_on_a_server(server: Server, _demo_template: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with server.copy("demo") as on_server:
        served = _ranks(capsys, on_server.url)
    on_file = _ranks(capsys, str(_demo_template))
    assert served == on_file
    assert len(served["--district 东城区"]["rows"]) >= 3   # type: ignore[index]
