"""Two clients scoring one district at once: no write lost, no error, an audit row for every change, one chain.

Each client is a thread with its own store (its own engine and connections),
as two laptops on one server, or two programs on one SQLite file. Every
write is one user action through ``Database.run``. The sheets are final
sheets reopened for a correction, so every change of a score leaves an
audit row with its old and new value.
"""

from __future__ import annotations

import gc
import itertools
import threading
from collections.abc import Callable

from sqlalchemy import select

from tests.server.backends import location
from zeshi_desktop.services import lookup
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store import audit, sheet_seal
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.models import Appointment, AuditEntry, Score, Sheet, Unit

WRITES = 200   # per client and phase
ITEM = "professional_plan"   # a 3-2 item worth 15: room for four distinct values


def _reopened_sheets(db: Database, year: int) -> tuple[int, int]:
    """Two final 3-2 sheets of one district (two reviewers), reopened for correction, the item set to 0."""
    with db.write() as session:
        district = lookup.district_id(session, "东城区")
        found = session.execute(select(Sheet.id, Sheet.reviewer_id)
                                .join(Appointment, Appointment.id == Sheet.appointment_id)
                                .join(Unit, Unit.id == Appointment.unit_id)
                                .where(Sheet.form_id == "3-2", Sheet.status == "final", Sheet.year == year,
                                       Unit.district_id == district).order_by(Sheet.id)).all()
        first = found[0]
        second = next(row for row in found if row.reviewer_id != first.reviewer_id)
        for sheet_id in (first.id, second.id):
            sheets.unlock(session, sheet_id, "复核更正", "区专班")
            sheets.set_score(session, sheet_id, ITEM, "0", "区专班")
    return first.id, second.id


def _clients(db: Database, plans: dict[str, Callable[[Database], None]]) -> list[BaseException]:
    """Run each plan in its own thread on its own store, all started together; the errors they ended with."""
    errors: list[BaseException] = []
    start = threading.Barrier(len(plans))

    def client(plan: Callable[[Database], None]) -> None:
        own = Database.open(location(db), create=False)
        try:
            start.wait()
            plan(own)
        except BaseException as exc:  # noqa: BLE001 — reported by the test
            errors.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=client, args=(plan,)) for plan in plans.values()]
    # Earlier GUI tests may leave Qt objects in reference cycles: collected here, in the main thread, and no
    # collection while the clients run (one in a client thread would destroy Qt objects outside Qt's thread).
    gc.collect()
    gc.disable()
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
    finally:
        gc.enable()
    return errors


def _scoring(sheet_id: int, actor: str, values: tuple[str, str]) -> Callable[[Database], None]:
    def plan(own: Database) -> None:
        for n in range(WRITES):
            value = values[n % 2]
            own.run(lambda s, v=value: sheets.set_score(s, sheet_id, ITEM, v, actor), role="office")
    return plan


def _changes(db: Database, sheet_id: int, after: int) -> list[AuditEntry]:
    with db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.sheet_id == sheet_id, AuditEntry.id > after,
                                                             AuditEntry.item_id == ITEM).order_by(AuditEntry.id)))


def _stored(db: Database, sheet_id: int) -> int:
    with db.read() as session:
        return session.execute(select(Score.tenths).where(Score.sheet_id == sheet_id, Score.item_id == ITEM)).scalar_one()


def test_two_clients_on_two_sheets_then_on_one_lose_nothing(demo_db: Database, demo_year: int) -> None:
    one, other = _reopened_sheets(demo_db, demo_year)
    with demo_db.read() as session:
        mark = session.execute(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)).scalar_one()

    # two sheets of one district at once: each client's 200 changes all there, the last one stored
    errors = _clients(demo_db, {"A": _scoring(one, "甲", ("1", "2")), "B": _scoring(other, "乙", ("3", "4"))})
    assert errors == []
    for sheet_id, actor, values in ((one, "甲", ("1", "2")), (other, "乙", ("3", "4"))):
        rows = _changes(demo_db, sheet_id, mark)
        assert len(rows) == WRITES and {r.actor for r in rows} == {actor}
        assert [(r.old, r.new) for r in rows] == [("0", values[0])] + [
            (values[(n - 1) % 2], values[n % 2]) for n in range(1, WRITES)]
        assert _stored(demo_db, sheet_id) == int(values[1]) * 10

    # then the same item of the same sheet: every change audited, each one's old value the previous one's new
    with demo_db.read() as session:
        mark = session.execute(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)).scalar_one()
    errors = _clients(demo_db, {"A": _scoring(one, "甲", ("1", "2")), "B": _scoring(one, "乙", ("3", "4"))})
    assert errors == []
    rows = _changes(demo_db, one, mark)
    assert len(rows) == 2 * WRITES
    assert sum(r.actor == "甲" for r in rows) == sum(r.actor == "乙" for r in rows) == WRITES
    assert rows[0].old == "2"   # what A left on it in the first round
    assert all(later.old == earlier.new for earlier, later in itertools.pairwise(rows))
    assert _stored(demo_db, one) == int(rows[-1].new or "0") * 10

    with demo_db.read() as session:   # one chain, every row sealed in order; every sheet's seal holds
        assert audit.verify(session) == []
        assert sheet_seal.damaged(session) == []
