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
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.services.printing import content as print_content
from zeshi_desktop.store.models import PrintedSheet, Sheet


@dataclass(frozen=True)
class ChangeView:
    sheet: str          # how a person names the sheet (a 3-2 row names its unit)
    key: str            # item id, answer key, "remarks"
    label: str          # the item's short text when the key is an item
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

    def summary(self) -> str:
        if self.matches:
            state = "" if self.status == "final" else "（注意：该表已解锁，尚未重新定稿）"
            return f"{self.code}：与数据库一致 — 附件{self.form_id} {self.sheet}{state}"
        if not self.details_known:
            return (f"{self.code}：已改动 — 附件{self.form_id} {self.sheet} 的内容与打印时不同"
                    "（本数据库没有该次打印的记录，无法列出改动项）")
        lines = [f"{self.code}：已改动 — 附件{self.form_id} {self.sheet}，{len(self.changes)} 处与打印时不同："]
        lines += [f"  {c.sheet} {c.label or c.key}：{c.old if c.old is not None else '（空）'} → "
                  f"{c.new if c.new is not None else '（空）'}" for c in self.changes]
        return "\n".join(lines)


def _label(form_id: str, key: str) -> str:
    form = catalogue.form(form_id)
    if form.has_item(key):
        return form.item(key).short
    return {"remarks": "意见建议", "sheet": "评审表"}.get(key, key)


def _current(session: Session, printed: list[vdomain.SheetContent]) -> list[vdomain.SheetContent]:
    ids = dict(session.execute(select(Sheet.uid, Sheet.id).where(Sheet.uid.in_([p.uid for p in printed]))).all())
    records = print_content.load(session, ids.values())
    by_uid = {r.uid: r for r in records.values()}
    return [by_uid[p.uid].content() for p in printed if p.uid in by_uid]


def _matrix_of(session: Session, rec: print_content.SheetRecord) -> list[vdomain.SheetContent]:
    """A 3-2 code covers the reviewer's whole matrix, in print order (the reference sheet first)."""
    if rec.form_id != "3-2":
        return [rec.content()]
    ids = print_content.sheet_ids(session, rec.year, "3-2", reviewer_id=rec.reviewer_id)
    records = print_content.load(session, ids)
    return [records[i].content() for i in ids]


def verify(session: Session, code: str) -> VerifyResult:
    """Check a code against the store; raises ``NotFound`` when no sheet has it."""
    try:
        parsed = vdomain.parse_code(code)
    except vdomain.CodeRefused as exc:
        raise ActionRefused(str(exc), "Not a verification code") from exc
    printed = session.scalar(select(PrintedSheet).where(PrintedSheet.code == parsed.code))
    if printed is not None:
        old = vdomain.from_json(printed.content)
        now = _current(session, old)
        changes = vdomain.compare(old, now)
        ref = print_content.load(session, [printed.sheet_id])[printed.sheet_id]
        views = [ChangeView(c.sheet_label, c.key, _label(printed.form_id, c.key), c.old, c.new) for c in changes]
        return VerifyResult(parsed.code, not changes, printed.form_id, _who(ref), ref.status, printed.printed_at,
                            views)
    candidates = session.scalars(select(Sheet.id).where(
        Sheet.uid.like(f"{parsed.ref[:8].lower()}%"))).all()
    if not candidates:
        raise NotFound(f"没有与核验码 {parsed.code} 对应的评审表", f"No sheet for code {parsed.code}")
    records = print_content.load(session, candidates)
    for rec in records.values():
        contents = _matrix_of(session, rec)
        if contents and contents[0].uid == rec.uid and vdomain.make_code(contents) == parsed.code:
            return VerifyResult(parsed.code, True, rec.form_id, _who(rec), rec.status, None, [], False)
    rec = next(iter(records.values()))
    return VerifyResult(parsed.code, False, rec.form_id, _who(rec), rec.status, None, [], False)


def _who(rec: print_content.SheetRecord) -> str:
    if rec.form_id == "3-2":
        return f"{rec.district} 评审人{rec.reviewer}"
    return rec.label.removeprefix(f"附件{rec.form_id} ")
