"""Which sheets a recusal (回避) keeps empty and out of every figure: read here, declared in ``fairness``.

A recusal names the slot the reviewer's sheet has or would have (form, year,
subject, reviewer: ``views.slot_for``). While it is active that sheet is
not filled — writing to it is refused — and not counted: the rankings leave
its slot out (:func:`recused_slots`), so the final score is the mean (or
trimmed mean) over the other reviewers. A sheet written before the recusal
keeps its values, unseen by every figure, until the recusal is withdrawn.
"""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.store.models import Recusal, Reviewer

RECUSED_FORMS = ("3-2", "4-3")   # the forms several reviewers fill: the only ones a reviewer can step aside from


def recused_slots(year: int | None = None) -> Select[tuple[str]]:
    """The slots of every active recusal (of a year): a sheet whose ``slot`` is among them does not count."""
    q = select(Recusal.slot).where(Recusal.active.is_(True))
    return q if year is None else q.where(Recusal.year == year)


def active_recusal(session: Session, slot: str) -> Recusal | None:
    return session.scalar(select(Recusal).where(Recusal.slot == slot, Recusal.active.is_(True)))


def check_not_recused(session: Session, slot: str) -> None:
    """Refuse a write to the sheet of a recused reviewer for that subject (``fairness.recused.no_scoring``)."""
    found = active_recusal(session, slot)
    if found is not None:
        reviewer = session.get(Reviewer, found.reviewer_id)
        raise ActionRefused("fairness.recused.no_scoring", reviewer=reviewer.name if reviewer else "")


def is_recused(session: Session, slot: str) -> bool:
    return active_recusal(session, slot) is not None
