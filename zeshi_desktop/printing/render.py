"""The entry point services call: plain documents in, one PDF out.

Before anything is drawn every user-supplied text is checked against the
font; a name with a character the font lacks is refused with that name
rather than printed as an empty box on a record people sign.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.messages import Message, Refused, text

from . import district, matrix, questionnaire, ranking, sheet31, summary
from .data import PAPER, Document, MatrixDoc, RankingDoc, SheetDoc, SummaryDoc
from .document import Info, Part, build
from .fonts import GlyphsMissing, MissingGlyph, missing_glyphs
from .layout import filled
from .summary import PictureRefused


@dataclass(frozen=True)
class Refusal:
    """A document of a batch that was left out: which one (``index`` in the batch, ``document`` as
    people name it) and why (a ``GlyphsMissing`` or ``PictureRefused``)."""

    index: int
    document: Message
    reason: Refused

    def message(self) -> Message:
        return Message("printing.batch.refused", document=self.document, reason=self.reason.msg)


@dataclass(frozen=True)
class PrintJob:
    """A rendered PDF as services hand it on: its verification codes, how many are drafts, and
    ``refused``, the documents of a batch left out (a name neither font can print)."""

    pdf: bytes
    pages: int
    documents: int
    codes: list[str] = field(default_factory=list)
    drafts: int = 0
    refused: tuple[Refusal, ...] = ()

    def refused_lines(self, lang: str) -> list[str]:
        """One line per document left out: which, and why."""
        return [r.message().text(lang) for r in self.refused]


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    documents: int
    refused: tuple[Refusal, ...] = ()


def _part(doc: Document, doc_no: int) -> Part:
    if isinstance(doc, MatrixDoc):
        return matrix.render(doc, doc_no)
    if isinstance(doc, RankingDoc):
        return ranking.render(doc, doc_no)
    if isinstance(doc, SummaryDoc):
        return summary.render(doc, doc_no)
    form_id = doc.form.id
    if form_id == "3-1":
        return sheet31.render(doc, doc_no)
    if form_id == "4-2":
        return district.render_self_assessment(doc, doc_no)
    if form_id == "4-3":
        return district.render_city_review(doc, doc_no)
    if form_id == "5-1":
        return questionnaire.render(doc, doc_no)
    raise ValueError(f"annex {form_id} has no single-sheet layout")


class _Where:
    """Names the field a user text sits in ("附件3-1 责任规划师"), as a message for the refusal's language."""

    def __init__(self, form_id: str) -> None:
        self.form_id = form_id

    def __call__(self, field: str | Message, /) -> Message:
        return Message("printing.where", form=self.form_id, field=field)

    def of(self, code: str, /, **params: object) -> Message:
        return self(Message(code, **params))


_HEADING_FIELDS = (("district", "printing.field.district"), ("unit", "printing.field.unit"),
                   ("planner", "printing.field.planner"), ("office", "printing.field.office"),
                   ("reviewer", "printing.field.reviewer"), ("organisation", "printing.field.organisation"))


def user_texts(doc: Document) -> Iterator[tuple[Message, str]]:
    """Every text of a document that came from a user, with where it sits (for the refusal)."""
    where = _Where(doc.form.id)
    for attr, code in _HEADING_FIELDS:
        yield where.of(code), getattr(doc.heading, attr)
    if isinstance(doc, SheetDoc):
        yield where.of("printing.field.remarks"), doc.remarks
        for key, value in doc.answers.items():
            yield where(key), value
    elif isinstance(doc, MatrixDoc):
        for row in doc.rows:
            yield where.of("printing.field.row_unit", row=row.number), row.unit
            yield where.of("printing.field.row_planner", row=row.number), row.planner
    elif isinstance(doc, RankingDoc):
        for row in doc.rows:
            yield where.of("printing.field.unit"), row.unit
            yield where.of("printing.field.planner"), row.planner
    else:
        for key, value in doc.texts.items():
            yield where(key), value
        for n, case in enumerate(doc.cases, start=1):
            yield where.of("printing.field.case", number=n), case.title + case.text
            for picture in case.pictures:   # each picture's caption (or file name) is printed under it
                yield where.of("printing.field.case_picture", number=n), picture.caption or picture.name
        for table in doc.appendix:
            for row in table.rows:
                yield where(table.title), " ".join(row)


_FORM_CHECKED: dict[tuple[str, int], tuple[MissingGlyph, ...]] = {}


def _form_missing(form: Form) -> tuple[MissingGlyph, ...]:
    key = (form.id, form.version)
    if key in _FORM_CHECKED:
        return _FORM_CHECKED[key]
    labels = [form.title.zh, form.short_title, form.document_title.zh]
    labels += [i.text.zh for i in form.items] + [s.title.zh for s in form.sections]
    labels += [n.zh for n in form.notes] + [c.zh for c in form.columns] + [s.zh for s in form.signature]
    where = Message("printing.annex", form=form.id)
    _FORM_CHECKED[key] = tuple(missing_glyphs((where, t) for t in labels))
    return _FORM_CHECKED[key]


def check(docs: Sequence[Document]) -> list[MissingGlyph]:
    """Characters the font cannot print, with the name or field each one sits in."""
    found: list[MissingGlyph] = []
    for form in {d.form.id: d.form for d in docs}.values():
        found += _form_missing(form)
    found += missing_glyphs(t for d in docs for t in user_texts(d))
    return found


def _author(doc: Document) -> str:
    """Who fills the annex in (its ``filled_by``), as the heading names them."""
    h = doc.heading
    by = doc.form.filled_by
    if by == "office":
        return h.office or h.unit
    if by == "team":
        return h.planner
    if by.endswith("reviewer"):
        return h.reviewer
    return h.district


def _common(values: Sequence[str]) -> str:
    return values[0] if values and all(v == values[0] for v in values) else ""


def describe(docs: Sequence[Document], title: str, created: datetime | None = None) -> Info:
    """The PDF's title, subject and author: one document's own title and subject, or what a batch shares."""
    if len(docs) == 1:
        annex, _, rest = filled(docs[0].form.title, None if _is_blank(docs[0]) else docs[0].heading).partition("：")
        title = f"{annex.strip()} {rest.strip()}".strip()
    else:
        title = text("printing.meta.batch_title", PAPER, title=title, count=len(docs))
    years = {d.heading.year for d in docs}
    parts = [text("printing.meta.year", PAPER, year=years.pop())] if len(years) == 1 and 0 not in years else []
    for attr in ("district", "unit", "planner", "reviewer"):
        parts.append(_common([getattr(d.heading, attr) for d in docs]))
    author = _common([_author(d) for d in docs])
    return Info(title, " ".join(p for p in parts if p), author, created)


def _is_blank(doc: Document) -> bool:
    return bool(getattr(doc, "blank", False)) or not doc.heading.year


def name_of(doc: Document) -> Message:
    """How a refusal names a document of a batch: the annex and whose it is (附件3-1 东城区 东华门街道 张㛃䶮)."""
    h = doc.heading
    who = " ".join(w for w in (h.district, h.unit, h.planner, h.reviewer) if w)
    return Message("printing.sheet.label", form=doc.form.id, who=who)


def refusal(doc: Document) -> GlyphsMissing | None:
    """Why ``doc`` cannot be printed (characters neither font has), or None."""
    missing = check([doc])
    return GlyphsMissing(missing) if missing else None


def render_pdf(docs: Sequence[Document], title: str = "zeshi", *, even: bool = False,
               created: datetime | None = None, partial: bool = False) -> Rendered:
    """All documents into one PDF; refuses (``GlyphsMissing``) before drawing if a glyph is missing.

    ``partial`` (a batch): a document that cannot be printed is left out and
    named in ``Rendered.refused``, the others print; only when none can is the
    first refusal raised. ``even`` pads each document to an even page count
    (two-sided printing); ``created`` is the creation date the file states (now
    when not given).
    """
    if not partial:
        missing = check(docs)
        if missing:
            raise GlyphsMissing(missing)
        parts = [_part(d, n) for n, d in enumerate(docs, start=1)]
        kept = list(docs)
        refused: list[Refusal] = []
    else:
        parts, kept, refused = _parts_of_batch(docs)
    pdf, pages = build(parts, info=describe(kept, title, created), even=even)
    return Rendered(pdf, pages, len(kept), tuple(refused))


def _parts_of_batch(docs: Sequence[Document]) -> tuple[list[Part], list[Document], list[Refusal]]:
    """Each printable document's part, numbered as printed; the others named with their reason."""
    parts: list[Part] = []
    kept: list[Document] = []
    refused: list[Refusal] = []
    for index, doc in enumerate(docs):
        reason: Refused | None = refusal(doc)
        if reason is None:
            try:
                parts.append(_part(doc, len(parts) + 1))
                kept.append(doc)
                continue
            except PictureRefused as exc:
                reason = exc
        refused.append(Refusal(index, name_of(doc), reason))
    if not parts:
        raise refused[0].reason
    return parts, kept, refused
