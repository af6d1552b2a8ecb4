"""``verify``: does the stored sheet still match the paper that carries this code?

The code finds the sheet (uid prefix) and says whether the content hash still
matches. When this store recorded the print (``printed_sheets``) the printed
content is compared item by item, so the answer names what changed, old →
new. A store that never printed the sheet (a copy on another laptop) can
still say "matches" or "changed", only not which items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain import verification as vdomain
from zeshi_desktop.messages import Message, text
from zeshi_desktop.printing.data import PAPER
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.printing import content as print_content
from zeshi_desktop.store.models import PrintedSheet, Sheet


@dataclass(frozen=True)
class ChangeView:
    sheet: str          # how a person names the sheet (a 3-2 row names its unit)
    key: str            # item id, answer key, "remarks"
    label: str          # the item's short text when the key is an item (in the paper's words)
    old: str | None
    new: str | None


@dataclass(frozen=True)
class VerifyResult:
    code: str
    matches: bool
    form_id: str
    sheet: str
    status: str                       # the stored sheet's status now: final | draft (unlocked)
    printed_at: datetime | None       # None when this store has no record of the print
    changes: list[ChangeView] = field(default_factory=list)
    details_known: bool = True

    def summary(self, lang: str = "zh") -> str:
        """What a person reads: match or change, and each change old → new (names and values as stored)."""
        about = {"code": self.code, "form": self.form_id, "sheet": self.sheet}
        if self.matches:
            state = Message("printing.verify.unlocked") if self.status != "final" else ""
            return text("printing.verify.matches", lang, state=state, **about)
        if not self.details_known:
            return text("printing.verify.changed_unknown", lang, **about)
        lines = [text("printing.verify.changed", lang, count=len(self.changes), **about)]
        empty = Message("printing.verify.empty")
        lines += [text("printing.verify.change", lang, sheet=c.sheet,
                       label=_label(self.form_id, c.key, lang),
                       old=empty if c.old is None else c.old, new=empty if c.new is None else c.new)
                  for c in self.changes]
        return "\n".join(lines)


_KEYS = {"remarks": "printing.verify.remarks", "sheet": "printing.verify.sheet"}


def _label(form_id: str, key: str, lang: str = PAPER) -> str:
    """How a change names its key: an item by its first phrase, remarks and a whole sheet in words."""
    form = catalogue.form(form_id)
    if form.has_item(key):
        item = form.item(key)
        return item.text.get(lang) if lang != "zh" else item.short
    return text(_KEYS[key], lang) if key in _KEYS else key


def _current(session: Session, printed: list[vdomain.SheetContent]) -> list[vdomain.SheetContent]:
    ids = dict(session.execute(select(Sheet.uid, Sheet.id).where(Sheet.uid.in_([p.uid for p in printed]))).all())
    records = print_content.load(session, ids.values(), damaged_ok=True)
    by_uid = {r.uid: r for r in records.values()}
    return [by_uid[p.uid].content() for p in printed if p.uid in by_uid]


def _matrix_of(session: Session, rec: print_content.SheetRecord) -> list[vdomain.SheetContent]:
    """A 3-2 code covers the reviewer's whole matrix, in print order (the reference sheet first)."""
    if rec.form_id != "3-2":
        return [rec.content()]
    ids = print_content.sheet_ids(session, rec.year, "3-2", reviewer_id=rec.reviewer_id)
    records = print_content.load(session, ids, damaged_ok=True)
    return [records[i].content() for i in ids]


def verify(session: Session, code: str) -> VerifyResult:
    """Check a code against the store; raises ``NotFound`` when no sheet has it."""
    try:
        parsed = vdomain.parse_code(code)
    except vdomain.CodeRefused as exc:
        raise ActionRefused(exc.msg) from exc
    printed = session.scalar(select(PrintedSheet).where(PrintedSheet.code == parsed.code))
    if printed is not None:
        old = vdomain.from_json(printed.content)
        now = _current(session, old)
        changes = vdomain.compare(old, now)
        ref = print_content.load(session, [printed.sheet_id], damaged_ok=True)[printed.sheet_id]
        views = [ChangeView(c.sheet_label, c.key, _label(printed.form_id, c.key), c.old, c.new) for c in changes]
        return VerifyResult(parsed.code, not changes, printed.form_id, _who(ref), ref.status, printed.printed_at,
                            views)
    candidates = session.scalars(select(Sheet.id).where(
        Sheet.uid.like(f"{parsed.ref[:8].lower()}%"))).all()
    if not candidates:
        raise NotFound("printing.verify.no_sheet", code=parsed.code)
    records = print_content.load(session, candidates, damaged_ok=True)
    for rec in records.values():
        contents = _matrix_of(session, rec)
        if contents and contents[0].uid == rec.uid and vdomain.make_code(contents) == parsed.code:
            return VerifyResult(parsed.code, True, rec.form_id, _who(rec), rec.status, None, [], False)
    rec = next(iter(records.values()))
    return VerifyResult(parsed.code, False, rec.form_id, _who(rec), rec.status, None, [], False)


def _who(rec: print_content.SheetRecord) -> str:
    """The sheet as the report names it; a 3-2 code covers the reviewer's whole matrix, so its district."""
    if rec.form_id == "3-2":
        return text("printing.sheet.reviewed_by", PAPER, who=rec.district, reviewer=rec.reviewer)
    return rec.who
