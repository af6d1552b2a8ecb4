"""Double entry of a paper sheet: record who typed entry 1, type entry 2 blind, resolve each difference.

A sheet typed once (the usual case) never meets this module. When a paper
sheet is typed twice, :func:`record_entry` keeps entry 2 beside the sheet
(entry 1 is the sheet's own scores, typed the usual way) and names each
typist; :func:`resolve` lets a third person — neither typist — choose an
item's value where the entries differ, with a reason, and writes that value
into the sheet. Every entry and every decision leaves an audit row (kept in
Chinese, like every audit row the program writes), so the audit names both
typists and the resolution. ``sheets.finalize`` refuses while a difference
is open (``entries.check_entries_agree``).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.double_entry import ENTRIES, FIRST, SECOND
from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.scores import (
    display,
    from_tenths,
    item_name,
    parse_score,
    to_tenths,
)
from zeshi_desktop.messages import Message
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import ActionRefused, NotFound, SheetLocked
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.scoring.entries import ENTRY_ACTIONS as _ACTIONS
from zeshi_desktop.services.scoring.entries import (
    EntryState,
    entry_state,
    typed_by,
    typists,
)
from zeshi_desktop.services.scoring.recused import check_not_recused
from zeshi_desktop.store.models import (
    AuditEntry,
    EntryResolution,
    EntryScore,
    Sheet,
    SheetEntry,
    utcnow,
)

ENTRY_ACTIONS = dict(zip((FIRST, SECOND), _ACTIONS, strict=True))
RESOLVE_ACTION = "resolve"


def _sheet(session: Session, sheet_id: int) -> Sheet:
    sheet = sheets.sheet_row(session, sheet_id)
    if sheet.status == sheets.FINAL:
        raise SheetLocked("scoring.sheet.locked")
    check_not_recused(session, sheet.slot)
    return sheet


def _value(form: Form, item_id: str, raw: object) -> Decimal | None:
    """An item's value as typed (None: left blank); refused for an item the form does not have."""
    if not form.has_item(item_id):
        raise NotFound("scoring.sheet.no_item", form=form.id, item=item_id)
    if raw is None or not str(raw).strip():
        return None
    return parse_score(form.item(item_id), raw)


def _name(typist: str) -> str:
    name = " ".join((typist or "").split())
    if not name:
        raise ActionRefused("fairness.entry.needs_typist")
    return name[:64]


def _set_typist(session: Session, sheet_id: int, entry: int, typist: str) -> None:
    row = session.get(SheetEntry, (sheet_id, entry))
    if row is None:
        session.add(SheetEntry(sheet_id=sheet_id, entry=entry, typist=typist))
    else:
        row.typist, row.updated_at = typist, utcnow()


def record_entry(session: Session, sheet_id: int, entry: int, raw_scores: Mapping[str, object],
                 typist: str) -> EntryState:
    """Record one entry of a paper sheet by ``typist``: entry 1 into the sheet itself, entry 2 beside it.

    The other entry's typist must be someone else (``fairness.entry.same_typist``).
    Values are checked like any score (one refused value refuses them all);
    an empty value clears the item in that entry. Each item that changes
    leaves an audit row naming the typist.
    """
    if entry not in ENTRIES:
        raise ActionRefused("fairness.entry.no_such_entry", entry=entry)
    who = _name(typist)
    sheet = _sheet(session, sheet_id)
    if who in typed_by(session, sheet_id, SECOND if entry == FIRST else FIRST):
        raise ActionRefused("fairness.entry.same_typist", typist=who)
    if entry == FIRST:
        before = dict(sheets.view(session, sheet_id).scores)
        blank = [k for k, v in raw_scores.items() if v is None or not str(v).strip()]
        values = {k: v for k, v in raw_scores.items() if k not in blank}
        if values:
            sheets.set_scores(session, sheet_id, values, who)
        for item_id in blank:
            sheets.clear_score(session, sheet_id, item_id, who)
        after = sheets.view(session, sheet_id).scores
        changed = {i: (before.get(i), after.get(i)) for i in raw_scores if before.get(i) != after.get(i)}
    else:
        changed = _write_second(session, sheet, raw_scores)
    _set_typist(session, sheet_id, entry, who)
    for item_id, (old, new) in changed.items():
        _audit(session, sheet_id, who, ENTRY_ACTIONS[entry], item_id, old, new,
               Message("fairness.audit.entry", entry=entry, typist=who))
    session.flush()
    return entry_state(session, sheet_id)


def name_typist(session: Session, sheet_id: int, entry: int, typist: str) -> EntryState:
    """Name who typed an entry without typing it again: the first, typed in the sheet view as usual.

    The names of the two entries must differ; naming leaves an audit row.
    """
    if entry not in ENTRIES:
        raise ActionRefused("fairness.entry.no_such_entry", entry=entry)
    who = _name(typist)
    _sheet(session, sheet_id)
    if who in typed_by(session, sheet_id, SECOND if entry == FIRST else FIRST):
        raise ActionRefused("fairness.entry.same_typist", typist=who)
    if typists(session, sheet_id).get(entry) != who:
        _set_typist(session, sheet_id, entry, who)
        session.add(AuditEntry(sheet_id=sheet_id, actor=who, action=ENTRY_ACTIONS[entry],
                               reason=Message("fairness.audit.entry", entry=entry, typist=who).text("zh")))
        session.flush()
    return entry_state(session, sheet_id)


def _write_second(session: Session, sheet: Sheet, raw_scores: Mapping[str, object]
                  ) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    form = catalogue.form(sheet.form_id)
    values = {item_id: _value(form, item_id, raw) for item_id, raw in raw_scores.items()}
    stored = {r.item_id: r for r in session.scalars(select(EntryScore).where(
        EntryScore.sheet_id == sheet.id, EntryScore.entry == SECOND))}
    changed: dict[str, tuple[Decimal | None, Decimal | None]] = {}
    for item_id, value in values.items():
        row = stored.get(item_id)
        old = from_tenths(row.tenths) if row is not None else None
        if old == value:
            continue
        changed[item_id] = (old, value)
        if value is None:
            session.delete(row)
        elif row is None:
            session.add(EntryScore(sheet_id=sheet.id, entry=SECOND, item_id=item_id, tenths=to_tenths(value)))
        else:
            row.tenths = to_tenths(value)
    return changed


def resolve(session: Session, sheet_id: int, item_id: str, raw: object, reason: str, resolver: str) -> EntryState:
    """A third person decides an item where the two entries differ: the value kept (blank: None) and why.

    Refused without a reason, by one of the typists, for an item the entries
    agree on, or on a sheet without a second entry. The value becomes the
    sheet's; the decision and the audit row keep both entries' values.
    """
    who = _name(resolver)
    why = " ".join((reason or "").split())
    if not why:
        raise ActionRefused("fairness.resolve.no_reason")
    sheet = _sheet(session, sheet_id)
    form = catalogue.form(sheet.form_id)
    value = _value(form, item_id, raw)
    typed = typists(session, sheet_id)
    if SECOND not in typed:
        raise ActionRefused("fairness.resolve.no_second_entry")
    if who in typed_by(session, sheet_id):
        raise ActionRefused("fairness.resolve.typist", resolver=who)
    state = entry_state(session, sheet_id)
    found = next(c for c in state.items if c.item_id == item_id)
    if found.agree:
        raise ActionRefused("fairness.resolve.agree", item=item_name(form.item(item_id)))
    if value is None:
        sheets.clear_score(session, sheet_id, item_id, who)
    else:
        sheets.set_scores(session, sheet_id, {item_id: value}, who)
    row = session.get(EntryResolution, (sheet_id, item_id))
    if row is None:
        row = EntryResolution(sheet_id=sheet_id, item_id=item_id)
        session.add(row)
    row.tenths = to_tenths(value) if value is not None else None
    row.first_tenths = to_tenths(found.first) if found.first is not None else None
    row.second_tenths = to_tenths(found.second) if found.second is not None else None
    row.resolver, row.reason, row.resolved_at = who, why, utcnow()
    _audit(session, sheet_id, who, RESOLVE_ACTION, item_id, found.first, value,
           Message("fairness.audit.resolved", first=_text(found.first), second=_text(found.second), reason=why))
    session.flush()
    return entry_state(session, sheet_id)


def _text(value: Decimal | None) -> str:
    return display(value) if value is not None else "-"


def _audit(session: Session, sheet_id: int, actor: str, action: str, item_id: str, old: Decimal | None,
           new: Decimal | None, why: Message) -> None:
    session.add(AuditEntry(sheet_id=sheet_id, actor=actor, action=action, item_id=item_id,
                           old=display(old) if old is not None else None,
                           new=display(new) if new is not None else None, reason=why.text("zh")))
