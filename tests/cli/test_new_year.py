"""``zeshi roster new-year``: a year started from the last one's roster, once, with a backup first."""

from __future__ import annotations

import json

from tests.cli.conftest import Run
from zeshi_desktop.services import roster
from zeshi_desktop.store.backup import backups
from zeshi_desktop.store.database import Database


def test_a_dry_run_says_what_would_come_and_writes_nothing(zeshi: Run, db: str) -> None:
    code, out, _err = zeshi("--db", db, "--json", "roster", "new-year", "--from", "2025", "--to", "2026", "--dry-run")
    assert code == 0
    report = json.loads(out)
    assert report["dry_run"] and report["carried"] + len(report["left_out"]) > 0
    with Database.open(db).read() as s:
        assert 2026 not in roster.years(s)


def test_the_new_year_is_started_once_and_backed_up_first(zeshi: Run, db: str) -> None:
    code, out, _err = zeshi("--db", db, "--lang", "en", "roster", "new-year", "--from", "2025", "--to", "2026",
                            "--renew-ended", "--renewal-years", "2")
    assert code == 0 and out.startswith("Year 2026 started from 2025:")
    assert any(b.reason == "new-year" for b in backups(db))
    with Database.open(db).read() as s:
        assert 2026 in roster.years(s)
    code, _out, err = zeshi("--db", db, "roster", "new-year", "--from", "2025", "--to", "2026")
    assert code == 2 and err.strip() == "zeshi: 2026 年度已有聘任或评审人，不能再从上一年度开始；请在名册中修改"


def test_a_renewal_longer_than_the_measures_allow_is_refused_by_the_parser(zeshi: Run, db: str) -> None:
    code, _out, err = zeshi("--db", db, "roster", "new-year", "--from", "2025", "--to", "2026", "--renew-ended",
                            "--renewal-years", "4")
    assert code == 2 and "--renewal-years" in err
