"""回避: a reviewer declares a conflict for a unit (3-2) or a district (4-3), or withdraws it.

One function per user action, taking a session the caller opened with
``Database.write()``; none commits. A recusal keeps the reviewer's sheet for
that subject unfilled and out of every figure (``scoring.recused``): the
final score becomes the mean (or trimmed mean) over the others. Each
declaration and each withdrawal leaves an audit row (action ``recuse`` /
``withdraw``, ``item_id`` the sheet's slot, on the sheet when it exists),
kept in Chinese like every audit row the program writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.recusal import REASONS, read_reason, reason_label, short_panel
from zeshi_desktop.messages import Message
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.scoring.recused import RECUSED_FORMS
from zeshi_desktop.services.scoring.scope import check_scope
from zeshi_desktop.services.scoring.views import slot_for, subject_ids
from zeshi_desktop.store.models import (
    Appointment,
    AuditEntry,
    District,
    Planner,
    Recusal,
    Reviewer,
    Sheet,
    Unit,
    utcnow,
)

NO_SHEET = 0              # the sheet id of a recusal's audit row while the reviewer has no sheet for the subject
ACTIONS = ("recuse", "withdraw")


@dataclass(frozen=True)
class RecusalView:
    """A recusal as people read it: who, for which subject, why; and, once withdrawn, who withdrew it and why."""

    id: int
    year: int
    form_id: str
    reviewer_id: int
    reviewer_code: str
    reviewer: str
    organisation: str
    appointment_id: int | None
    district_id: int            # the subject's district (a 3-2 unit's district, or the 4-3 district itself)
    district: str
    unit: str                   # "" for 4-3
    planner: str                # "" for 4-3
    reason: str                 # one of domain.recusal.REASONS
    detail: str
    active: bool
    declared_by: str
    declared_at: datetime
    withdrawn_by: str | None = None
    withdrawn_at: datetime | None = None
    withdrawn_reason: str | None = None

    @property
    def subject(self) -> str:
        """责任片区 — 责师 for 3-2, the district for 4-3."""
        return f"{self.unit} — {self.planner}" if self.unit else self.district

    @property
    def reason_text(self) -> Message:
        """The reason in words, with what was typed beside it: 同单位（北京建筑大学）."""
        if self.detail:
            return Message("fairness.reason.with_detail", reason=reason_label(self.reason), detail=self.detail)
        return reason_label(self.reason)


def _query():  # type: ignore[no-untyped-def]
    return (select(Recusal, Reviewer, District, Unit.name, Planner.name)
            .join(Reviewer, Reviewer.id == Recusal.reviewer_id)
            .outerjoin(Appointment, Appointment.id == Recusal.appointment_id)
            .outerjoin(Unit, Unit.id == Appointment.unit_id)
            .outerjoin(Planner, Planner.id == Appointment.planner_id)
            .join(District, or_(District.id == Recusal.district_id, District.id == Unit.district_id)))


def _view(r: Recusal, rev: Reviewer, d: District, unit: str | None, planner: str | None) -> RecusalView:
    return RecusalView(r.id, r.year, r.form_id, rev.id, rev.code, rev.name, rev.organisation, r.appointment_id,
                       d.id, d.name, unit or "", planner or "", r.reason, r.detail, r.active, r.declared_by,
                       r.declared_at, r.withdrawn_by, r.withdrawn_at, r.withdrawn_reason)


def recusals(session: Session, year: int, *, form_id: str | None = None, district_id: int | None = None,
             reviewer_id: int | None = None, appointment_id: int | None = None,
             include_withdrawn: bool = False) -> list[RecusalView]:
    """The recusals of a year (of one form, district, reviewer or appointment): active ones unless asked.

    Ordered by form, district, unit, reviewer: the order the dashboards and
    the meeting report list them in.
    """
    q = _query().where(Recusal.year == year)
    if not include_withdrawn:
        q = q.where(Recusal.active.is_(True))
    if form_id is not None:
        q = q.where(Recusal.form_id == form_id)
    if district_id is not None:
        q = q.where(District.id == district_id)
    if reviewer_id is not None:
        q = q.where(Recusal.reviewer_id == reviewer_id)
    if appointment_id is not None:
        q = q.where(Recusal.appointment_id == appointment_id)
    q = q.order_by(Recusal.form_id, District.code, Unit.code, Reviewer.code, Recusal.id)
    return [_view(*row) for row in session.execute(q)]


def recusal(session: Session, recusal_id: int) -> RecusalView:
    row = session.execute(_query().where(Recusal.id == recusal_id)).first()
    if row is None:
        raise NotFound("fairness.recusal.not_found", recusal=recusal_id)
    return _view(*row)


def find(session: Session, form_id: str, year: int, *, reviewer_id: int, appointment_id: int | None = None,
         district_id: int | None = None) -> RecusalView | None:
    """The active recusal of this reviewer for this subject, or None."""
    appointment_id, district_id = subject_ids(form_id, appointment_id, district_id)
    slot = slot_for(form_id, year, appointment_id, district_id, reviewer_id)
    row = session.execute(_query().where(Recusal.slot == slot, Recusal.active.is_(True))).first()
    return _view(*row) if row is not None else None


def _reason(reason: str, detail: str) -> tuple[str, str]:
    """(kind, detail) from what was given: a kind id with optional words, or words alone (then ``other``)."""
    detail = " ".join((detail or "").split())
    if reason in REASONS:
        kind = reason
    else:
        kind, typed = read_reason(reason or "")
        detail = " ".join(filter(None, (typed, detail)))
    if not kind or (kind == "other" and not detail):
        raise ActionRefused("fairness.recusal.no_reason")
    return kind, detail


def declare(session: Session, form_id: str, year: int, *, reviewer_id: int, reason: str, detail: str = "",
            appointment_id: int | None = None, district_id: int | None = None, actor: str = "") -> RecusalView:
    """Record that ``reviewer_id`` steps aside from this subject, and why.

    ``reason`` is one of ``domain.recusal.REASONS`` or the words typed for it
    (同单位, same institution, …); words that name none are ``other`` with the
    words as detail. Refused for a form nobody recuses from, a subject the
    reviewer could not score anyway (the scope rules), or a recusal already
    active. A sheet the reviewer already filled keeps its values but no longer
    counts (the result says so: ``sheet_kept``).
    """
    if form_id not in RECUSED_FORMS:
        raise ActionRefused("fairness.recusal.wrong_form", form=form_id)
    kind, words = _reason(reason, detail)
    form = catalogue.form(form_id)
    appointment_id, district_id = subject_ids(form_id, appointment_id, district_id)
    check_scope(session, form, year, appointment_id, district_id, reviewer_id)
    slot = slot_for(form_id, year, appointment_id, district_id, reviewer_id)
    row = session.scalar(select(Recusal).where(Recusal.slot == slot))
    if row is not None and row.active:
        raise ActionRefused("fairness.recusal.already", reviewer=_reviewer_name(session, reviewer_id))
    if row is None:
        row = Recusal(slot=slot, year=year, form_id=form_id, reviewer_id=reviewer_id, appointment_id=appointment_id,
                      district_id=district_id)
        session.add(row)
    row.reason, row.detail, row.active = kind, words, True
    row.declared_by, row.declared_at = (actor or "")[:64], utcnow()
    row.withdrawn_by = row.withdrawn_at = row.withdrawn_reason = None
    session.flush()
    view = recusal(session, row.id)
    _audit(session, slot, actor, "recuse", None, view.reason_text.text("zh"),
           Message("fairness.audit.declared", reviewer=view.reviewer, subject=view.subject,
                   reason=view.reason_text))
    return view


def withdraw(session: Session, recusal_id: int, reason: str, actor: str = "") -> RecusalView:
    """Withdraw an active recusal, with a reason: the reviewer's sheet for the subject counts again."""
    why = " ".join((reason or "").split())
    if not why:
        raise ActionRefused("fairness.recusal.withdraw_no_reason")
    row = session.get(Recusal, recusal_id)
    if row is None:
        raise NotFound("fairness.recusal.not_found", recusal=recusal_id)
    if not row.active:
        raise ActionRefused("fairness.recusal.not_active")
    before = recusal(session, recusal_id)
    row.active = False
    row.withdrawn_by, row.withdrawn_at, row.withdrawn_reason = (actor or "")[:64], utcnow(), why
    session.flush()
    _audit(session, row.slot, actor, "withdraw", before.reason_text.text("zh"), None,
           Message("fairness.audit.withdrawn", reviewer=before.reviewer, subject=before.subject, reason=why))
    return recusal(session, recusal_id)


@dataclass(frozen=True)
class ShortPanel:
    """A subject whose panel recusals left with fewer than three reviewers: a warning, not a stop."""

    key: int                    # the appointment (3-2) or the district (4-3)
    label: str
    panel: int                  # reviewers of the panel
    recused: int
    remaining: int

    @property
    def message(self) -> Message:
        return Message("fairness.panel.short", subject=self.label, remaining=self.remaining, recused=self.recused)


def short_panels(found: list[RecusalView] | tuple[RecusalView, ...], panel_size: Callable[[RecusalView], int]
                 ) -> tuple[ShortPanel, ...]:
    """The subjects of ``found`` left with fewer than ``MIN_REVIEWERS`` (``panel_size``: the panel of a subject)."""
    counted: dict[tuple[str, int], list[RecusalView]] = {}
    for r in found:
        key = r.appointment_id if r.form_id == "3-2" else r.district_id
        if key is not None:
            counted.setdefault((r.form_id, key), []).append(r)
    out = []
    for (_, key), rows in counted.items():
        panel = panel_size(rows[0])
        if short_panel(panel - len(rows)):
            out.append(ShortPanel(key, rows[0].subject, panel, len(rows), panel - len(rows)))
    return tuple(out)


def panel_size(session: Session, year: int) -> Callable[[RecusalView], int]:
    """How many reviewers a recusal's panel has: the district's review group (3-2), or the city's (4-3)."""
    sizes: dict[tuple[str, int | None], int] = {}
    for level, district_id in session.execute(select(Reviewer.level, Reviewer.district_id)
                                              .where(Reviewer.year == year)):
        key = ("district", district_id) if level == "district" else ("city", None)
        sizes[key] = sizes.get(key, 0) + 1
    return lambda r: sizes.get(("district", r.district_id) if r.form_id == "3-2" else ("city", None), 0)


def _reviewer_name(session: Session, reviewer_id: int) -> str:
    r = session.get(Reviewer, reviewer_id)
    return r.name if r is not None else str(reviewer_id)


def _audit(session: Session, slot: str, actor: str, action: str, old: str | None, new: str | None,
           why: Message) -> None:
    """The audit row of a declaration or withdrawal: on the reviewer's sheet when it exists, else on none."""
    sheet_id = session.scalar(select(Sheet.id).where(Sheet.slot == slot))
    session.add(AuditEntry(sheet_id=sheet_id or NO_SHEET, actor=(actor or "")[:64], action=action, item_id=slot[:64],
                           old=old, new=new, reason=why.text("zh")))


def audit_rows(session: Session, year: int) -> list[AuditEntry]:
    """Every declaration and withdrawal of a year, oldest first (their slot starts with the form and year)."""
    rows = session.scalars(select(AuditEntry).where(AuditEntry.action.in_(ACTIONS)).order_by(AuditEntry.id))
    return [r for r in rows if (r.item_id or "").split("|")[1:2] == [str(year)]]
