"""A state machine over score / finalise / unlock / import / backup / restore (issue 11).

After every step: each sheet's total is the sum of its items, no finalised
sheet changed without a new audit row for it, and the audit chain verifies.
The store is a copy of the demo year; a second copy plays a reviewer's laptop
whose packages are imported.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import func, select

from zeshi_desktop.messages import Refused
from zeshi_desktop.services import catalogue, lookup
from zeshi_desktop.services.handover.packages import export_package, import_package
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store import audit, backup
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.models import AuditEntry, Sheet

TEMPLATE: dict[str, Path] = {}
REVIEWER = "DC-R1"      # a district reviewer of the demo's 东城区
SHEETS = 4               # of that reviewer's 3-2 sheets, the ones the machine touches


@pytest.fixture(autouse=True)
def _template(_demo_template: Path) -> None:
    TEMPLATE["path"] = _demo_template


class TrustMachine(RuleBasedStateMachine):
    """Actions on one store (and a laptop's packages) as a panel would take them, checked after each."""

    @initialize()
    def open_stores(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="trust-"))
        os.environ["ZESHI_KEY_DIR"] = str(self.root / "keys")
        self.main = self.root / "main.sqlite3"
        self.laptop_path = self.root / "laptop.sqlite3"
        shutil.copy(TEMPLATE["path"], self.main)
        shutil.copy(TEMPLATE["path"], self.laptop_path)
        self.db = Database.open(self.main)
        self.laptop = Database.open(self.laptop_path)
        with self.db.read() as session:
            year = max(session.scalars(select(Sheet.year)).all())
            reviewer = lookup.reviewer_id(session, year, REVIEWER)
            self.sheet_ids = session.scalars(select(Sheet.id).where(Sheet.form_id == "3-2", Sheet.reviewer_id == reviewer)
                                             .order_by(Sheet.id).limit(SHEETS)).all()
        self.year = year
        self.items = [i.id for i in catalogue.form("3-2").items]
        self.backups: list[Path] = []
        self.packages = 0
        self.seen = self._snapshot()

    def teardown(self) -> None:
        self.db.dispose()
        self.laptop.dispose()
        shutil.rmtree(self.root, ignore_errors=True)

    # ------------------------------------------------------------------ what the machine observes

    def _snapshot(self) -> dict[int, tuple[str, tuple[tuple[str, Decimal], ...], int]]:
        """Per sheet: status, scores, and how many audit rows name it."""
        with self.db.read() as session:
            audits = dict(session.execute(select(AuditEntry.sheet_id, func.count()).group_by(AuditEntry.sheet_id)).all())
            found = {}
            for sheet_id in self.sheet_ids:
                v = sheets.view(session, sheet_id)
                found[sheet_id] = (v.status, tuple(sorted(v.scores.items())), audits.get(sheet_id, 0))
        return found

    # ------------------------------------------------------------------ the actions

    @rule(n=st.integers(0, SHEETS - 1), item=st.integers(0, 30), value=st.integers(-5, 260))
    def score(self, n: int, item: int, value: int) -> None:
        sheet_id, item_id = self.sheet_ids[n], self.items[item % len(self.items)]
        raw = f"{value / 10:.1f}"
        try:
            with self.db.write() as session:
                sheets.set_score(session, sheet_id, item_id, raw, actor="机器")
        except Refused:
            pass   # above the maximum, negative, or the sheet is final: nothing written

    @rule(n=st.integers(0, SHEETS - 1))
    def unlock(self, n: int) -> None:
        try:
            with self.db.write() as session:
                sheets.unlock(session, self.sheet_ids[n], "复核", actor="机器")
        except Refused:
            pass

    @rule(n=st.integers(0, SHEETS - 1))
    def finalise(self, n: int) -> None:
        try:
            with self.db.write() as session:
                sheets.finalize(session, self.sheet_ids[n], actor="机器")
        except Refused:
            pass

    @rule()
    def take_backup(self) -> None:
        self.backups.append(backup.make_backup(self.main, "manual", keep=1000).path)

    @precondition(lambda self: bool(self.backups))
    @rule(pick=st.integers(0, 50))
    def restore(self, pick: int) -> None:
        self.db.dispose()
        backup.replace_store(self.main, self.backups[pick % len(self.backups)], keep=1000)
        self.db = Database.open(self.main)
        self.seen = self._snapshot()   # the store is what it was when that backup was taken

    @rule(n=st.integers(0, SHEETS - 1), item=st.integers(0, 30), value=st.integers(0, 50), keep=st.sampled_from(["theirs", "mine"]))
    def import_from_laptop(self, n: int, item: int, value: int, keep: str) -> None:
        """The reviewer changes a final sheet on the laptop and sends the package; the panel decides."""
        sheet_id, item_id = self.sheet_ids[n], self.items[item % len(self.items)]
        with self.laptop.write() as session:
            if sheets.view(session, sheet_id).is_final:
                sheets.unlock(session, sheet_id, "评审人更正", actor="评审人")
            sheets.set_score(session, sheet_id, item_id, f"{value / 10:.1f}", actor="评审人")
            sheets.finalize(session, sheet_id, actor="评审人")
        self.packages += 1
        package = self.root / f"p{self.packages}.xlsx"
        with self.laptop.read() as session:
            export_package(session, "reviewer-district", self.year, package, reviewer=REVIEWER)
        try:
            with self.db.write() as session:
                import_package(session, package, keep_all=keep, actor="区责师办")
        except Refused:
            pass

    # ------------------------------------------------------------------ what must hold after every step

    @invariant()
    def totals_are_the_sum_of_their_items(self) -> None:
        with self.db.read() as session:
            for sheet_id in self.sheet_ids:
                v = sheets.view(session, sheet_id)
                assert v.totals is not None
                assert v.totals.total == sum(v.scores.values(), Decimal(0))

    @invariant()
    def no_final_sheet_changes_without_an_audit_row(self) -> None:
        now = self._snapshot()
        for sheet_id, (status, scores, audits) in now.items():
            old_status, old_scores, old_audits = self.seen[sheet_id]
            if old_status == "final" and (scores, status) != (old_scores, old_status):
                assert audits > old_audits, f"sheet {sheet_id} changed while final without an audit row"
        self.seen = now

    @invariant()
    def the_audit_chain_verifies(self) -> None:
        with self.db.read() as session:
            assert audit.verify(session) == []


TrustMachine.TestCase.settings = settings(max_examples=20, stateful_step_count=15, deadline=None,
                                          suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.usefixtures("_template")
class TestTrust(TrustMachine.TestCase):
    pass
