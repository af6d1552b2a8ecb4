"""The conflicts worth a look before scoring starts, from the roster (``domain.recusal.suggestions``).

3-2: every district reviewer against every planner of the reviewer's district
(the planner's 所在单位, then each team member's 单位). 4-3: every city
reviewer against every district (the reviewer's own district, or a 单位 that
names it). A suggestion is only that: a person declares the recusal, or
decides there is no conflict; each suggestion says whether it was declared.
Reading only.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.recusal import ReviewerFacts, SubjectFacts, suggestions
from zeshi_desktop.messages import Message
from zeshi_desktop.services import roster
from zeshi_desktop.services.scoring.views import slot_for
from zeshi_desktop.store.models import Member, Recusal


@dataclass(frozen=True)
class SuggestionView:
    """A possible conflict: reviewer, subject, why it is suggested, and whether it is declared already."""

    form_id: str
    reviewer_id: int
    reviewer_code: str
    reviewer: str
    organisation: str
    appointment_id: int | None
    district_id: int
    district: str
    subject: str                 # 责任片区 — 责师, or the district
    basis: str                   # domain.recusal.BASES
    why: Message                 # 与责师所在单位相同（…）
    reason: str                  # the recusal reason it suggests
    detail: str                  # what matched, as the recusal's detail
    declared: bool


def conflict_suggestions(session: Session, year: int, *, district_id: int | None = None,
                         form_id: str | None = None) -> list[SuggestionView]:
    """Every suggested conflict of a year (3-2 of one district, when given; 4-3 of that district's row)."""
    declared = set(session.scalars(select(Recusal.slot).where(Recusal.year == year, Recusal.active.is_(True))))
    out: list[SuggestionView] = []
    if form_id in (None, "3-2"):
        out += _district_panels(session, year, district_id, declared)
    if form_id in (None, "4-3"):
        out += _city_panel(session, year, district_id, declared)
    return out


def _district_panels(session: Session, year: int, district_id: int | None, declared: set[str]
                     ) -> list[SuggestionView]:
    members: dict[int, list[tuple[str, str]]] = {}
    for planner_id, name, organisation in session.execute(select(Member.planner_id, Member.name,
                                                                 Member.organisation).order_by(Member.id)):
        members.setdefault(planner_id, []).append((name, organisation))
    planners = {p.id: p for p in roster.planners(session, with_members=False)}
    out: list[SuggestionView] = []
    districts = [roster.district(session, district_id)] if district_id is not None else roster.districts(session)
    for d in districts:
        reviewers = {r.id: r for r in roster.reviewers(session, year, "district", d.id)}
        apps = {a.id: a for a in roster.appointments(session, year, d.id)}
        facts = [ReviewerFacts(r.id, r.name, r.organisation) for r in reviewers.values()]
        subjects = [SubjectFacts(a.id, f"{a.unit} — {a.planner}", planners[a.planner_id].organisation,
                                 tuple(members.get(a.planner_id, ()))) for a in apps.values()]
        for s in suggestions(facts, subjects):
            r, a = reviewers[s.reviewer], apps[s.subject]
            out.append(SuggestionView("3-2", r.id, r.code, r.name, r.organisation, a.id, d.id, d.name,
                                      f"{a.unit} — {a.planner}", s.basis, s.message, s.reason,
                                      _detail(s.matched, s.who),
                                      slot_for("3-2", year, a.id, None, r.id) in declared))
    return out


def _city_panel(session: Session, year: int, district_id: int | None, declared: set[str]) -> list[SuggestionView]:
    names = {d.id: d.name for d in roster.districts(session)}
    reviewers = {r.id: r for r in roster.reviewers(session, year, "city")}
    facts = [ReviewerFacts(r.id, r.name, r.organisation, names.get(r.district_id, "") if r.district_id else "")
             for r in reviewers.values()]
    wanted = [district_id] if district_id is not None else list(names)
    subjects = [SubjectFacts(did, names[did], district=names[did]) for did in wanted if did in names]
    out = []
    for s in suggestions(facts, subjects):
        r = reviewers[s.reviewer]
        out.append(SuggestionView("4-3", r.id, r.code, r.name, r.organisation, None, s.subject, names[s.subject],
                                  names[s.subject], s.basis, s.message, s.reason, _detail(s.matched, s.who),
                                  slot_for("4-3", year, None, s.subject, r.id) in declared))
    return out


def _detail(matched: str, who: str) -> str:
    return f"{who} {matched}".strip()
