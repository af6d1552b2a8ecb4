"""Writing a checked import: the 3-3 weights and the sheets, in bulk.

Called only after every check passed; runs inside the caller's transaction,
so a failure here still leaves nothing half-written. Every sheet an import
adds or replaces, and every conflict the user resolved (whichever side was
kept), leaves an audit row naming the package, the sender's key, who
imported and why (``ImportAudit``); a sheet replaced lists each field's old
and new value in it. What the import wrote into each sheet is recorded
(``record_imported``), so a draft edited here afterwards is recognised by
the next import.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from zeshi_desktop.domain.ranking import WeightsRefused, check_weights
from zeshi_desktop.messages import Message
from zeshi_desktop.packages.errors import CellProblem
from zeshi_desktop.packages.package_workbook import ReadPackage
from zeshi_desktop.packages.words import yes_no
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.handover.kinds import WEIGHTS
from zeshi_desktop.services.handover.pictures import replace_pictures
from zeshi_desktop.services.handover.plan import Resolver, SheetChange
from zeshi_desktop.services.scoring.sheets import slot_for
from zeshi_desktop.store import sheet_seal
from zeshi_desktop.store.models import (
    Answer,
    AuditEntry,
    ImportedSheet,
    Score,
    Sheet,
    utcnow,
)


@dataclass(frozen=True)
class WeightChange:
    district: str
    street: Decimal
    group: Decimal
    trimmed: bool

    def describe(self) -> Message:
        code = "handover.weights.line_trimmed" if self.trimmed else "handover.weights.line"
        return Message(code, district=self.district, street=self.street, group=self.group)


def plan_weights(rp: ReadPackage, resolver: Resolver, problems: list[CellProblem]) -> list[WeightChange]:
    """The 3-3 weights of the package, each for a district this store has or the package's roster adds."""
    rule = catalogue.form("3-3").weights
    assert rule is not None
    out = []
    for row in rp.table_rows.get(WEIGHTS.sheet, []):
        code = row.values.get("district", "")
        if code not in resolver.districts:
            problems.append(CellProblem(WEIGHTS.sheet, row.cell("district"), Message("handover.weights.no_district",
                                                                                     district=code)))
            continue
        try:
            w = check_weights(rule, row.values.get("street_weight", ""), row.values.get("district_weight", ""))
        except WeightsRefused as exc:
            problems.append(CellProblem(WEIGHTS.sheet, row.cell("street_weight"), exc))
            continue
        trimmed = row.values.get("trimmed", yes_no(False))
        if trimmed not in (yes_no(True), yes_no(False)):
            problems.append(CellProblem(WEIGHTS.sheet, row.cell("trimmed"), Message(
                "handover.weights.trimmed_invalid", value=trimmed, yes=yes_no(True), no=yes_no(False))))
            continue
        out.append(WeightChange(code, w.street, w.district, trimmed == yes_no(True)))
    return out


def apply_weights(session: Session, year: int, weights: list[WeightChange], resolver: Resolver) -> None:
    from zeshi_desktop.services.meeting import ranking

    for w in weights:
        district_id = resolver.districts[w.district]
        ranking.set_weights(session, year, district_id, w.street, w.group)
        ranking.set_trimmed_mean(session, year, district_id, w.trimmed)


@dataclass(frozen=True)
class ImportAudit:
    """What every audit row of an import says besides the change: the package, its sender, who imported, why.

    The audit log is kept in Chinese, like every entry the program writes;
    ``reason`` is the importer's own words (required when an edited package is
    accepted), ``edited`` whether the package was edited outside the program.
    """

    package_id: str
    signer: str | None          # the sender's key fingerprint; None for an unsigned package
    actor: str                  # who imported
    finalized_by: str           # who a final sheet brought in was finalised by (the importer, else the sender)
    reason: str = ""
    edited: bool = False
    manual: bool = False        # manual entry: a filled template, its values signed by nobody

    def why(self, code: str) -> str:
        """The audit row's reason: what happened (``handover.audit.*``), and the importer's reason, if any."""
        what = Message(code, package=self.package_id[:8])
        if self.manual:
            what = Message("handover.audit.manual", what=what)
        if self.edited:
            what = Message("handover.audit.edited", what=what, reason=self.reason)
        elif self.reason:
            what = Message("handover.audit.because", what=what, reason=self.reason)
        return what.text("zh")

    def row(self, sheet_id: int, action: str, new: str, code: str, at: datetime) -> dict[str, object]:
        return {"sheet_id": sheet_id, "at": at, "actor": self.actor, "action": action, "item_id": None, "old": None,
                "new": new, "reason": self.why(code), "package_id": self.package_id, "signer": self.signer}


def _details(change: SheetChange) -> str:
    return "; ".join(d.text("zh") for d in change.details)


def apply_sheets(session: Session, year: int, changes: list[SheetChange], resolver: Resolver,
                 audit: ImportAudit) -> list[int]:
    """Write every added, changed and resolved sheet; each change of a sheet leaves an audit row.

    Returns the ids of the sheets written.
    """
    now = utcnow()
    by = audit.finalized_by
    new_rows, payload = [], []
    replaced: list[SheetChange] = []
    audits: list[dict[str, object]] = []
    forms = catalogue.forms()
    for c in changes:
        if c.action == "unchanged":
            continue
        if c.action == "conflict":
            assert c.existing_id is not None
            audits.append(audit.row(c.existing_id, "conflict", _details(c),
                                    "handover.audit.kept_theirs" if c.keep == "theirs" else "handover.audit.kept_mine",
                                    now))
            if c.keep != "theirs":
                continue
        if c.existing_id is not None:
            replaced.append(c)
            if c.action != "conflict":
                audits.append(audit.row(c.existing_id, "import", _details(c), "handover.audit.replaced", now))
            continue
        form = forms[c.form]
        appointment_id, district_id = resolver.subject(form.subject, c.subject)
        reviewer_id = resolver.reviewers[c.reviewer] if c.reviewer else None
        uid = str(uuid.uuid4())
        new_rows.append({"uid": uid, "slot": slot_for(form.id, year, appointment_id, district_id, reviewer_id),
                         "form_id": form.id, "form_version": form.version, "year": year,
                         "appointment_id": appointment_id, "district_id": district_id, "reviewer_id": reviewer_id,
                         "status": c.status, "remarks": c.remarks, "created_at": now, "updated_at": now,
                         "finalized_at": now if c.status == "final" else None,
                         "finalized_by": by if c.status == "final" else None})
        payload.append((uid, c))
    ids: dict[str, int] = {}
    if new_rows:
        session.execute(insert(Sheet.__table__), new_rows)   # Core executemany, as for the content
        uids = [u for u, _ in payload]
        for start in range(0, len(uids), 500):
            ids.update({u: i for u, i in session.execute(select(Sheet.uid, Sheet.id)
                                                         .where(Sheet.uid.in_(uids[start:start + 500])))})
        _insert_content(session, [(ids[u], c) for u, c in payload])
        replace_pictures(session, [(ids[u], c) for u, c in payload])
        audits += [audit.row(ids[u], "import", c.status, "handover.audit.added", now) for u, c in payload]
    for c in replaced:
        assert c.existing_id is not None
        session.execute(delete(Score).where(Score.sheet_id == c.existing_id))
        session.execute(delete(Answer).where(Answer.sheet_id == c.existing_id, Answer.key.in_(list(c.answer_keys))))
        session.execute(update(Sheet).where(Sheet.id == c.existing_id).values(
            status=c.status, remarks=c.remarks, updated_at=now, reopened_reason=None,
            finalized_at=now if c.status == "final" else None, finalized_by=by if c.status == "final" else None))
    _insert_content(session, [(c.existing_id, c) for c in replaced if c.existing_id is not None])
    replace_pictures(session, [(c.existing_id, c) for c in replaced if c.existing_id is not None])
    if audits:
        session.execute(insert(AuditEntry.__table__), audits)
    session.flush()
    return [ids[u] for u, _ in payload] + [c.existing_id for c in replaced if c.existing_id is not None]


def record_imported(session: Session, package_id: str, written: list[int], changes: list[SheetChange]) -> None:
    """Remember what this import wrote into each sheet: the sheet's content hash now (``ImportedSheet``).

    Sheets the package left as they are, though edited here since an earlier
    import, now agree with the package again: their record moves to what they
    hold. The hashes are computed here (``sheet_seal.seal``), a little before
    the end of the transaction would compute them anyway.
    """
    agreed = [c.existing_id for c in changes if c.action == "unchanged" and c.edited_here and c.existing_id]
    ids = [*written, *agreed]
    if not ids:
        return
    sheet_seal.seal(session)
    now = utcnow()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        session.execute(delete(ImportedSheet).where(ImportedSheet.sheet_id.in_(chunk)))
        rows = [{"sheet_id": sid, "content_hash": digest, "package_id": package_id, "imported_at": now}
                for sid, digest in session.execute(select(Sheet.id, Sheet.content_hash).where(Sheet.id.in_(chunk)))
                if digest]
        if rows:
            session.execute(insert(ImportedSheet), rows)
    session.flush()


def _insert_content(session: Session, sheets: list[tuple[int, SheetChange]]) -> None:
    scores = [{"sheet_id": sid, "item_id": k, "tenths": t} for sid, c in sheets for k, t in c.scores.items()]
    answers = [{"sheet_id": sid, "key": k, "value": v} for sid, c in sheets for k, v in c.answers.items()]
    if scores:
        session.execute(insert(Score.__table__), scores)   # Core executemany: no ORM bookkeeping per row
    if answers:
        session.execute(insert(Answer.__table__), answers)



