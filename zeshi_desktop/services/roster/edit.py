"""Correcting the roster: edit a team member, edit or remove a reviewer.

``services.roster`` adds people; the task force also fixes typos and drops a
reviewer named by mistake. Removing a reviewer who has already scored would
orphan (and delete, by cascade) their sheets, so it is refused with the
number of sheets: those must be dealt with first, by a person who knows why.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zeshi_desktop.messages import Message
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.roster.changes import required_text
from zeshi_desktop.store.models import Member, Reviewer, Sheet


def update_member(session: Session, member_id: int, *, name: str, discipline: str = "", qualification: str = "",
                  is_core: bool = True, organisation: str | None = None) -> None:
    """Change a team member's name, discipline, qualification, core status or (when given) 单位."""
    m = session.get(Member, member_id)
    if m is None:
        raise NotFound("roster.no_member", code=member_id)
    m.name = required_text(name, Message("roster.field.member_name"))
    m.discipline = (discipline or "").strip()
    m.qualification = (qualification or "").strip()
    m.is_core = is_core
    if organisation is not None:
        m.organisation = organisation.strip()
    session.flush()


def update_reviewer(session: Session, reviewer_id: int, *, name: str, organisation: str = "") -> None:
    """Change a reviewer's name or organisation (level, district and code stay: sheets refer to them)."""
    r = session.get(Reviewer, reviewer_id)
    if r is None:
        raise NotFound("roster.no_reviewer", code=reviewer_id)
    r.name = required_text(name, Message("roster.field.reviewer_name"))
    r.organisation = (organisation or "").strip()
    session.flush()


def reviewer_sheet_count(session: Session, reviewer_id: int) -> int:
    return session.scalar(select(func.count()).select_from(Sheet).where(Sheet.reviewer_id == reviewer_id)) or 0


def remove_reviewer(session: Session, reviewer_id: int) -> None:
    """Remove a reviewer named by mistake; refused once they have sheets."""
    r = session.get(Reviewer, reviewer_id)
    if r is None:
        raise NotFound("roster.no_reviewer", code=reviewer_id)
    count = reviewer_sheet_count(session, reviewer_id)
    if count:
        raise ActionRefused("roster.reviewer_has_sheets", name=r.name, count=count)
    session.delete(r)
    session.flush()
