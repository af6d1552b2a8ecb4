"""``verify``: does the stored sheet still match the paper that carries this code?

The code's check character is tested first (``domain.verification.parse_code``):
a mistyped code is answered "not recognised — check the characters", never
"changed". The code then finds the sheet (annex and uid prefix) and says
whether what the paper shows, names included, still hashes the same. When this
store recorded the print (``printed_sheets``) the printed content is compared
item by item, so the answer names what changed, old → new. A store that never
printed the sheet (a copy on another laptop) can still say "matches" or
"changed", only not which items. Codes printed before the check character are
checked on what they covered.
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
from zeshi_desktop.services.meeting import result_code
from zeshi_desktop.services.printing import content as print_content
from zeshi_desktop.services.printing import summary_doc
from zeshi_desktop.services.results import codes as result_codes
from zeshi_desktop.store.models import PrintedSheet, Sheet


@dataclass(frozen=True)
class ChangeView:
    sheet: str          # how a person names the sheet (a 3-2 row names its unit)
    key: str            # item id, answer key, "remarks", "name:unit", "row:…"
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
    unlocked: tuple[str, ...] = ()    # every sheet the paper covers that is not final now (each 3-2 row)

    def unlocked_note(self) -> Message | str:
        """The warning that sheets were unlocked and not finalised again: the sheet, or each row named."""
        if not self.unlocked:
            return ""
        if self.form_id in ("3-2", "3-3", *result_codes.KINDS):
            return Message("printing.verify.unlocked_rows", count=len(self.unlocked), rows=list(self.unlocked))
        return Message("printing.verify.unlocked")

    def summary(self, lang: str = "zh") -> str:
        """What a person reads: match or change, and each change old → new (names and values as stored)."""
        about: dict[str, object] = {"code": self.code, "form": self.form_id, "sheet": self.sheet}
        said = "printing.verify"
        if self.form_id in result_codes.KINDS:   # a paper that is no annex: named, not "附件…"
            said, about["form"] = "results.verify", result_codes.document(self.form_id)
        if self.matches:
            return text(f"{said}.matches", lang, state=self.unlocked_note(), **about)
        if not self.details_known:
            lines = [text(f"{said}.changed_unknown", lang, **about)]
        else:
            lines = [text(f"{said}.changed", lang, count=len(self.changes), **about)]
            empty = Message("printing.verify.empty")
            lines += [text("printing.verify.change", lang, sheet=c.sheet, label=label(self.form_id, c.key, lang),
                           old=empty if c.old is None else c.old, new=empty if c.new is None else c.new)
                      for c in self.changes]
        note = self.unlocked_note()
        if isinstance(note, Message):
            lines.append(note.text(lang).strip())
        return "\n".join(lines)


_KEYS = {"remarks": "printing.verify.remarks", "sheet": "printing.verify.sheet", "year": "printing.verify.year"}


def label(form_id: str, key: str, lang: str = PAPER) -> str:
    """How a change names its key: an item by its first phrase, a name by its field, a result row by its
    unit, an appendix row by its table; remarks and a whole sheet in words."""
    if form_id in result_codes.KINDS:
        return result_codes.label(form_id, key, lang)
    form = catalogue.form(form_id)
    kind, _, rest = key.partition(":")
    if form.has_item(key):
        item = form.item(key)
        return item.text.get(lang) if lang != "zh" else item.short
    if key in _KEYS:
        return text(_KEYS[key], lang)
    if kind == "name":
        return text(f"printing.field.{rest}", lang)
    if kind == "row":
        return text("printing.verify.row", lang, row=rest)
    if kind == "weight":
        found = [f.label.get(lang).rstrip("：:") for f in form.header_fields if f.id == rest]
        return found[0] if found else key
    if kind == "appendix":
        table, _, row = rest.partition("#")
        return text("printing.verify.appendix_row", lang, table=text(f"printing.appendix.{table}.title", PAPER),
                    row=row)
    return key


def _records(session: Session, uids: list[str]) -> dict[str, print_content.SheetRecord]:
    ids = list(session.scalars(select(Sheet.id).where(Sheet.uid.in_(uids)))) if uids else []
    return {r.uid: r for r in print_content.load(session, ids, damaged_ok=True).values()}


def _matrix(session: Session, rec: print_content.SheetRecord) -> list[print_content.SheetRecord]:
    """The reviewer's whole 3-2 matrix in print order (the reference sheet first)."""
    ids = print_content.sheet_ids(session, rec.year, "3-2", reviewer_id=rec.reviewer_id)
    records = print_content.load(session, ids, damaged_ok=True)
    return [records[i] for i in ids]


def _now(session: Session, form_id: str, ref: print_content.SheetRecord,
         printed: list[vdomain.SheetContent] | None = None) -> list[vdomain.SheetContent]:
    """What the paper of ``form_id`` that names ``ref`` would show now (``printed``: the sheets it showed)."""
    if form_id == "3-3":
        return result_code.current(session, ref.year, ref.district_id)
    if form_id in result_codes.KINDS:
        return result_codes.current(session, form_id, ref.year, ref.appointment_id)
    if form_id == "4-1":
        return [summary_doc.content(session, ref)]
    if form_id == "3-2":
        if printed is not None:
            now = _records(session, [p.uid for p in printed])
            return [now[p.uid].content() for p in printed if p.uid in now]
        return [r.content() for r in _matrix(session, ref)]
    return [ref.content()]


def _unlocked(session: Session, form_id: str, ref: print_content.SheetRecord) -> tuple[str, ...]:
    """Every sheet the paper covers that is not final now: each 3-2 row, each 3-1/3-2 behind a result file."""
    if form_id == "3-2":
        return tuple(f"{r.unit}（{r.planner}）" for r in _matrix(session, ref) if not r.is_final)
    if form_id == "3-3":
        weights = catalogue.form("3-3").weights
        forms = (weights.street_form, weights.district_form) if weights is not None else ("3-1", "3-2")
        ids = [i for f in forms for i in print_content.sheet_ids(session, ref.year, f, district_id=ref.district_id)]
        return tuple(r.label for r in print_content.load(session, ids, damaged_ok=True).values() if not r.is_final)
    if form_id in result_codes.KINDS:
        return result_codes.unlocked(session, form_id, ref.year, ref.district_id)
    return () if ref.is_final else (ref.who,)


def _fits(parsed: vdomain.ParsedCode, rec: print_content.SheetRecord) -> bool:
    """Whether ``rec`` can be the sheet the code names: its uid, and its annex (a result file names a 3-1)."""
    if not parsed.names(rec.uid):
        return False
    if parsed.form_id is None:
        return True
    return rec.form_id == (result_codes.REF_FORM if parsed.form_id in ("3-3", *result_codes.KINDS)
                           else parsed.form_id)


def verify(session: Session, code: str) -> VerifyResult:
    """Check a code against the store; raises ``ActionRefused`` for a code that is not one (a typing
    mistake included) and ``NotFound`` when no sheet has it."""
    try:
        parsed = vdomain.parse_code(code)
    except vdomain.CodeRefused as exc:
        raise ActionRefused(exc.msg) from exc
    printed = session.scalar(select(PrintedSheet).where(PrintedSheet.code == parsed.code))
    if printed is not None:
        old = vdomain.from_json(printed.content)
        ref = print_content.load(session, [printed.sheet_id], damaged_ok=True)[printed.sheet_id]
        changes = vdomain.compare(old, _now(session, printed.form_id, ref, old))
        views = [ChangeView(c.sheet_label, c.key, label(printed.form_id, c.key), c.old, c.new) for c in changes]
        return VerifyResult(parsed.code, not changes, printed.form_id, _who(printed.form_id, ref), ref.status,
                            printed.printed_at, views, unlocked=_unlocked(session, printed.form_id, ref))
    candidates = session.scalars(select(Sheet.id).where(Sheet.uid.like(f"{parsed.uid_prefix()}%"))).all()
    records = [r for r in print_content.load(session, candidates, damaged_ok=True).values() if _fits(parsed, r)]
    if not records:
        raise NotFound("printing.verify.no_sheet", code=parsed.code)
    for rec in records:
        form_id = parsed.form_id or rec.form_id
        contents = _now(session, form_id, rec)
        if not contents or contents[0].uid != rec.uid:
            continue
        made = vdomain.legacy_code(contents) if parsed.legacy else vdomain.make_code(contents)
        if made == parsed.code:
            return VerifyResult(parsed.code, True, form_id, _who(form_id, rec), rec.status, None, [], False,
                                _unlocked(session, form_id, rec))
    rec = records[0]
    form_id = parsed.form_id or rec.form_id
    return VerifyResult(parsed.code, False, form_id, _who(form_id, rec), rec.status, None, [], False,
                        _unlocked(session, form_id, rec))


def _who(form_id: str, rec: print_content.SheetRecord) -> str:
    """The paper as the report names it: a 3-2 code covers the reviewer's whole matrix, a 3-3 the district."""
    if form_id == "3-2":
        return text("printing.sheet.reviewed_by", PAPER, who=rec.district, reviewer=rec.reviewer)
    if form_id == "3-3":
        return rec.district
    if form_id in result_codes.KINDS:
        return result_codes.who(form_id, rec.year, rec.who)
    return rec.who
