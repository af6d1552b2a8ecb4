"""Double entry of a paper sheet, as stored: who typed each entry, the second entry, the decisions. Reading only.

Entry 1 is the sheet's own scores; entry 2 (``entry_scores``) is what a
second person typed blind; a third person's decision on an item where they
differ is an ``entry_resolutions`` row. A sheet nobody typed twice has no
entry 2 and works as it always has. ``finalize`` asks :func:`open_items`
and refuses while any difference is open, naming each item
(``double_entry`` writes the entries and decisions).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.double_entry import (
    ENTRIES,
    FIRST,
    SECOND,
    ItemComparison,
    Resolution,
    compare,
    open_differences,
)
from zeshi_desktop.domain.scores import display, from_tenths, item_name
from zeshi_desktop.messages import Message
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.store.models import (
    AuditEntry,
    EntryResolution,
    EntryScore,
    Score,
    Sheet,
    SheetEntry,
)

ENTRY_ACTIONS = ("entry1", "entry2")   # the audit actions of a typing (double_entry writes them)


@dataclass(frozen=True)
class EntryState:
    """A sheet's entries side by side: typists, both values per item, the decisions, what is still open."""

    sheet_id: int
    form_id: str
    typists: dict[int, str]                 # entry → who typed it (entry 1 only when it was named)
    items: tuple[ItemComparison, ...]       # every item of the form, in form order
    second_started: bool                    # whether anyone typed entry 2 yet

    @property
    def open(self) -> tuple[ItemComparison, ...]:
        return tuple(open_differences(self.items))

    @property
    def second(self) -> dict[str, object]:
        """Entry 2's values by item (what the 复核录入 mode shows its typist)."""
        return {c.item_id: c.second for c in self.items if c.second is not None}

    @property
    def agree(self) -> bool:
        return not self.open


class Clauses:
    """Messages joined as clauses (；/ ; ), every one shown: a refusal that must name each item."""

    def __init__(self, messages: list[Message]) -> None:
        self.messages = messages

    @property
    def zh(self) -> str:
        return "\uff1b".join(m.text("zh") for m in self.messages)

    @property
    def en(self) -> str:
        return "; ".join(m.text("en") for m in self.messages)


def typed_by(session: Session, sheet_id: int, entry: int | None = None) -> set[str]:
    """Everyone who typed (one ``entry`` of) the sheet: the typists named now and every typist in its audit rows."""
    wanted = ENTRIES if entry is None else (entry,)
    names = {who for e, who in typists(session, sheet_id).items() if e in wanted}
    names.update(session.scalars(select(AuditEntry.actor).where(
        AuditEntry.sheet_id == sheet_id, AuditEntry.action.in_([ENTRY_ACTIONS[e - 1] for e in wanted]))))
    return {n for n in names if n}


def typists(session: Session, sheet_id: int) -> dict[int, str]:
    return dict(session.execute(select(SheetEntry.entry, SheetEntry.typist).where(SheetEntry.sheet_id == sheet_id)
                                .order_by(SheetEntry.entry)).all())


def has_second_entry(session: Session, sheet_id: int) -> bool:
    return session.scalar(select(SheetEntry.sheet_id).where(SheetEntry.sheet_id == sheet_id,
                                                           SheetEntry.entry == SECOND)) is not None


def entry_state(session: Session, sheet_id: int) -> EntryState:
    """Both entries of a sheet item by item (entry 2 empty when nobody typed it yet)."""
    sheet = session.get(Sheet, sheet_id)
    if sheet is None:
        raise ActionRefused("scoring.sheet.not_found", sheet=sheet_id)
    form = catalogue.form(sheet.form_id)
    first = {i: from_tenths(t) for i, t in session.execute(
        select(Score.item_id, Score.tenths).where(Score.sheet_id == sheet_id))}
    second = {i: from_tenths(t) for i, t in session.execute(
        select(EntryScore.item_id, EntryScore.tenths).where(EntryScore.sheet_id == sheet_id,
                                                            EntryScore.entry == SECOND))}
    decided = {r.item_id: Resolution(from_tenths(r.tenths) if r.tenths is not None else None, r.resolver, r.reason)
               for r in session.scalars(select(EntryResolution).where(EntryResolution.sheet_id == sheet_id))}
    who = typists(session, sheet_id)
    items = compare([i.id for i in form.items], first, second, decided)
    return EntryState(sheet_id, sheet.form_id, who, tuple(items), SECOND in who)


def difference_text(form_id: str, comparison: ItemComparison) -> Message:
    """One open difference in words: the item, entry 1's value, entry 2's (空 for a blank)."""
    item = catalogue.form(form_id).item(comparison.item_id)
    return Message("fairness.entry.difference", item=item_name(item), first=_shown(comparison.first),
                   second=_shown(comparison.second))


def _shown(value: object) -> object:
    return Message("fairness.entry.blank") if value is None else display(value)  # type: ignore[arg-type]


def check_entries_agree(session: Session, sheet_id: int) -> None:
    """Refuse finalising a doubly-entered sheet while its entries differ, naming each item that does."""
    if not has_second_entry(session, sheet_id):
        return
    state = entry_state(session, sheet_id)
    if state.open:
        raise ActionRefused("fairness.entry.differs", count=len(state.open),
                            items=Clauses([difference_text(state.form_id, c) for c in state.open]))


__all__ = ["ENTRY_ACTIONS", "FIRST", "SECOND", "Clauses", "EntryState", "check_entries_agree", "difference_text", "entry_state",
           "has_second_entry", "typed_by", "typists"]
