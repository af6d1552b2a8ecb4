"""The audit log as a hash chain: a removed, inserted or edited row is found.

Every row carries ``prev_hash`` (the ``row_hash`` of the row before it) and
``row_hash`` = SHA-256 over ``prev_hash`` and the row's own content. Rows are
sealed at the end of the transaction that wrote them (``seal``), whatever
wrote them — an ORM object or a bulk insert — so no service needs to know.
Triggers (migration 0004) refuse UPDATE and DELETE on sealed rows; the chain
finds what the triggers cannot stop: a file edited with the triggers dropped.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from zeshi_desktop.store.models import AuditEntry

GENESIS = ""
CONTENT = ("id", "sheet_id", "at", "actor", "action", "item_id", "old", "new", "reason", "package_id", "signer",
           "role")


def row_hash(prev_hash: str, row: Any) -> str:
    """The hash of one row given the hash of the row before it."""
    values = []
    for name in CONTENT:
        value = getattr(row, name)
        values.append(value.isoformat(sep=" ") if isinstance(value, datetime) else value)
    payload = json.dumps([prev_hash, values], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class _Values:
    """A row's values by attribute, from a mapping (a sealed row's role filled in)."""

    def __init__(self, values: Any) -> None:
        self._values = values

    def __getattr__(self, name: str) -> Any:
        return self._values[name]


def _columns() -> list[Any]:
    return [getattr(AuditEntry, name) for name in (*CONTENT, "prev_hash", "row_hash")]


def seal(bind: Session | Connection, role: str | None = None) -> int:
    """Give every unsealed row its place in the chain, in id order; returns how many were sealed.

    ``role`` is who the person acted as (the app's selection, "command line"):
    rows that name none get it, so no service needs to pass it along.
    """
    unsealed = bind.execute(select(*_columns()).where(AuditEntry.row_hash.is_(None))
                            .order_by(AuditEntry.id)).all()
    if not unsealed:
        return 0
    first = unsealed[0].id
    tip = bind.execute(select(AuditEntry.row_hash).where(AuditEntry.id < first)
                       .order_by(AuditEntry.id.desc()).limit(1)).scalar()
    prev = tip or GENESIS
    seals = []
    for found in unsealed:
        row = found._mapping if found.role is not None or role is None else {**found._mapping, "role": role}
        digest = row_hash(prev, _Values(row))
        seals.append({"b_id": found.id, "b_prev": prev, "b_hash": digest, "b_role": row["role"]})
        prev = digest
    table = AuditEntry.__table__   # one executemany of the plain table: an import seals thousands of rows
    bind.execute(update(table).where(table.c.id == bindparam("b_id"))
                 .values(prev_hash=bindparam("b_prev"), row_hash=bindparam("b_hash"), role=bindparam("b_role")), seals)
    if isinstance(bind, Session):   # rows the session holds see their seal, as an ORM update would show them
        by_id = {s["b_id"]: s for s in seals}
        for held in list(bind.identity_map.values()):
            if isinstance(held, AuditEntry) and held.id in by_id:
                sealed = by_id[held.id]
                for name, key in (("prev_hash", "b_prev"), ("row_hash", "b_hash"), ("role", "b_role")):
                    set_committed_value(held, name, sealed[key])
    return len(unsealed)


@dataclass(frozen=True)
class ChainBreak:
    """Where the chain does not hold: the row's id and what is wrong (``unsealed``, ``edited``, ``gap``)."""

    row_id: int
    kind: str


def verify(bind: Session | Connection) -> list[ChainBreak]:
    """Walk the chain in id order; an empty list means every row is as it was written."""
    breaks: list[ChainBreak] = []
    prev = GENESIS
    for row in bind.execute(select(*_columns()).order_by(AuditEntry.id)):
        if row.row_hash is None:
            breaks.append(ChainBreak(row.id, "unsealed"))
            continue
        if row.prev_hash != prev:
            breaks.append(ChainBreak(row.id, "gap"))      # a row before it was removed or inserted
        if row_hash(row.prev_hash or GENESIS, row) != row.row_hash:
            breaks.append(ChainBreak(row.id, "edited"))
        prev = row.row_hash
    return breaks
