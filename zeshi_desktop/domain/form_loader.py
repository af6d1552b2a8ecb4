"""Read → normalise → validate → typed ``Form`` objects (the pyxform way).

A broken definition is refused at start-up with a message naming the file and
the item, because a wrong maximum would silently mis-score a whole year.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from .corrections import (
    CORRECTIONS_FILE,
    Correction,
    apply_corrections,
    load_corrections,
)
from .form_reader import FormDefinitionError, Reader
from .forms import (
    TEXT_FIELDS,
    Band,
    ContractRule,
    Form,
    FormText,
    FreeTextQuestion,
    HeaderField,
    Item,
    Label,
    LikertGroup,
    OutlineSection,
    Part,
    Questionnaire,
    Section,
    SignatureLine,
    Statement,
    UnitQuestion,
    WeightRule,
    YesNoQuestion,
)

KINDS = {"scored", "ranking", "outline", "questionnaire"}
FILLED_BY = {"office", "district_reviewer", "district", "city_reviewer", "team"}
SUBJECTS = {"appointment", "district"}
# An annex file is named by its number ("3-1.toml"); other data beside the annexes (roster.toml) is not a form.
ANNEX_FILE = re.compile(r"\d+-\d+")


def _column_label(r: Reader) -> Label | None:
    """The optional short heading of an item or section (``column_label``, ``column_label_en``)."""
    return r.label("column_label") if "column_label" in r.data else None


def _sections(part: Reader, part_id: str, seen: set[str]) -> tuple[Section, ...]:
    sections = []
    for s_data in part.tables("sections"):
        s = part.child(s_data, f"section {s_data.get('id', '?')}")
        section_id = s.str("id")
        items = []
        for i_data in s.tables("items"):
            r = s.child(i_data, f"item {i_data.get('id', '?')}")
            item_id = r.str("id")
            if item_id in seen:
                raise r.fail(f"item id {item_id!r} is used twice")
            seen.add(item_id)
            maximum = r.decimal("max")
            if maximum <= 0:
                raise r.fail("'max' must be above 0")
            number = i_data.get("number")
            items.append(Item(item_id, r.label("text"), maximum, section_id, part_id,
                              str(number) if number is not None else None, _column_label(r)))
        if not items:
            raise s.fail("a section needs at least one item")
        maximum = s.decimal("max")
        total = sum((i.max for i in items), Decimal(0))
        if total != maximum:
            raise s.fail(f"items add up to {total}, the section says {maximum}")
        sections.append(Section(section_id, s.label("title"), maximum, tuple(items), _column_label(s)))
    return tuple(sections)


def _parts(root: Reader) -> tuple[Part, ...]:
    seen: set[str] = set()
    parts = []
    for p_data in root.tables("parts"):
        p = root.child(p_data, f"part {p_data.get('id', '?')}")
        part_id = p.str("id")
        sections = _sections(p, part_id, seen)
        if not sections:
            raise p.fail("a part needs at least one section")
        maximum = p.decimal("max")
        total = sum((s.max for s in sections), Decimal(0))
        if total != maximum:
            raise p.fail(f"sections add up to {total}, the part says {maximum}")
        total_label = Label(p.str("total_label", p.str("label")), p.str("total_label_en", p.str("label_en", "")))
        parts.append(Part(part_id, p.label("label"), total_label, maximum, sections))
    return tuple(parts)


def _bands(root: Reader, top: Decimal | None) -> tuple[Band, ...]:
    bands = []
    for b_data in root.tables("bands"):
        b = root.child(b_data, f"band {b_data.get('id', b_data.get('label', '?'))}")
        bands.append(Band(b.decimal("min"), b.label("label"), b.str("id")))
    if not bands:
        return ()
    bands.sort(key=lambda band: band.min, reverse=True)
    if bands[-1].min != 0:
        raise root.fail(f"bands leave a gap: the lowest starts at {bands[-1].min}, not 0")
    if len({b.min for b in bands}) != len(bands):
        raise root.fail("two bands start at the same score")
    if len({b.label.zh for b in bands}) != len(bands):
        raise root.fail("two bands share a label")
    if len({b.id for b in bands}) != len(bands):
        raise root.fail("two bands share an id")
    if top is not None and bands[0].min > top:
        raise root.fail(f"band {bands[0].label.zh} starts at {bands[0].min}, above the total {top}")
    return tuple(bands)


def _weights(root: Reader) -> WeightRule | None:
    data = root.data.get("weights")
    if data is None:
        return None
    w = root.child(data, "weights")
    rule = WeightRule(
        street_form=w.str("street_form"),
        district_form=w.str("district_form"),
        street_label=w.label("street_label"),
        district_label=w.label("district_label"),
        sum=w.decimal("sum"),
        min=w.decimal("min"),
        decimals=w.opt_int("decimals") or 0,
        default_street=w.decimal("default_street"),
        default_district=w.decimal("default_district"),
    )
    if rule.min * 2 > rule.sum:
        raise w.fail(f"no two weights of at least {rule.min} can add up to {rule.sum}")
    if rule.default_street + rule.default_district != rule.sum:
        raise w.fail("the default weights do not add up to the sum")
    return rule


def _contract_rule(root: Reader, bands: tuple[Band, ...]) -> ContractRule | None:
    data = root.data.get("contract_rule")
    if data is None:
        return None
    c = root.child(data, "contract_rule")
    excluded = c.str("excluded_band")
    band = next((b for b in bands if b.id == excluded), None)
    if band is None:
        raise c.fail(f"excluded_band {excluded!r} is not the id of one of the form's bands {[b.id for b in bands]}")
    return ContractRule(c.str("id"), c.label("question"), c.str("yes"), c.str("no"), c.label("consequence"), band)


def _signature(root: Reader) -> tuple[SignatureLine, ...]:
    """The signature and seal lines, each ``text`` (with fields) and an optional ``when_filled``."""
    lines = []
    for n, data in enumerate(root.tables("signature"), start=1):
        s = root.child(data, f"signature line {n}")
        text = s.template("text")
        when = s.str("when_filled", "")
        if when and when not in TEXT_FIELDS:
            raise s.fail(f"when_filled {when!r} is not one of the fields {sorted(TEXT_FIELDS)}")
        lines.append(SignatureLine(text.zh, text.en, text.pattern_zh, text.pattern_en, text.blanks, when))
    return tuple(lines)


def _without(title: str, hint: str) -> str:
    """The title without its hint at the end (the title itself when it does not end with it)."""
    return title[: -len(hint)].rstrip() if hint and title.endswith(hint) else title


def _unit_question(root: Reader) -> UnitQuestion:
    """5-1 question 1, its blanks (which field each run of spaces takes) and the kinds after the last one."""
    uq = root.child(root.data.get("unit_question", {}), "unit_question")
    blanks, kinds = uq.data.get("blanks", []), uq.data.get("kinds", [])
    for key, value in (("blanks", blanks), ("kinds", kinds)):
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise uq.fail(f"'{key}' must be a list of texts")
    question = UnitQuestion(uq.label("section"), uq.label("text"), uq.label("hint"), tuple(blanks), tuple(kinds))
    if blanks:
        pieces = question.pieces()
        if len(pieces) != len(blanks) + 1:
            raise uq.fail(f"'text' has {len(pieces) - 1} blanks (runs of spaces), 'blanks' names {len(blanks)}")
        if kinds and not pieces[-1].startswith("/".join(kinds)):
            raise uq.fail(f"'text' does not go on with the kinds {'/'.join(kinds)!r} after its last blank")
    return question


def _outline(root: Reader) -> tuple[OutlineSection, ...]:
    out, seen = [], set()
    for o_data in root.tables("sections"):
        o = root.child(o_data, f"section {o_data.get('id', '?')}")
        sid = o.str("id")
        if sid in seen:
            raise o.fail(f"section id {sid!r} is used twice")
        seen.add(sid)
        low, high = o.opt_int("min_chars"), o.opt_int("max_chars")
        if low is not None and high is not None and low > high:
            raise o.fail(f"min_chars {low} is above max_chars {high}")
        appendix = o_data.get("appendix", [])
        title, hint = o.label("title"), Label(o.str("hint", ""), o.str("hint_en", ""))
        if not title.zh.endswith(hint.zh):
            raise o.fail(f"the hint {hint.zh!r} is not the end of the title {title.zh!r}")
        heading = Label(_without(title.zh, hint.zh), _without(title.en, hint.en))
        out.append(OutlineSection(
            sid, o.label("number"), title, high, low,
            bool(o_data.get("heading_only", False)), bool(o_data.get("repeatable", False)),
            bool(o_data.get("pictures", False)), bool(o_data.get("optional", False)),
            tuple(str(a) for a in appendix), hint, heading))
    if not out:
        raise root.fail("an outline needs at least one section")
    return tuple(out)


def _questionnaire(root: Reader) -> Questionnaire:
    options = root.labels("options")
    if len(options) < 2:
        raise root.fail("a questionnaire needs at least two options")
    names = {o.zh for o in options}
    reason_option = root.str("reason_option")
    agree = tuple(root.data.get("agree_options", []))
    for name in (reason_option, *agree):
        if name not in names:
            raise root.fail(f"{name!r} is not one of the options")
    unit_question = _unit_question(root)
    seen: set[str] = set()
    yes_no = []
    for y_data in root.tables("yes_no"):
        y = root.child(y_data, f"yes_no {y_data.get('id', '?')}")
        yes_no.append(YesNoQuestion(y.str("id"), y.label("section"), y.label("text"), y.str("yes"), y.str("no")))
        seen.add(yes_no[-1].id)
    groups = []
    for g_data in root.tables("groups"):
        g = root.child(g_data, f"group {g_data.get('id', '?')}")
        gid = g.str("id")
        statements = []
        for s_data in g.tables("statements"):
            s = g.child(s_data, f"statement {s_data.get('id', '?')}")
            sid = s.str("id")
            if sid in seen:
                raise s.fail(f"id {sid!r} is used twice")
            seen.add(sid)
            statements.append(Statement(sid, s.label("text"), gid))
        if not statements:
            raise g.fail("a group needs at least one statement")
        groups.append(LikertGroup(gid, g.label("section"), g.label("prompt"), tuple(statements)))
    ft = root.child(root.data.get("free_text", {}), "free_text")
    free = FreeTextQuestion(ft.str("id"), ft.label("section"), ft.label("text"), ft.label("label"),
                            ft.str("none_option"))
    return Questionnaire(options, agree, reason_option, root.label("reason_label"), unit_question,
                         tuple(yes_no), tuple(groups), free)


def parse_form(data: Mapping[str, Any], source: str, corrections: Iterable[Correction] | None = None) -> Form:
    """Turn one form's raw table into a validated ``Form``.

    With ``corrections`` (even none) the texts are as shown: the listed typos
    corrected, stray spaces removed; without, exactly as the file has them.
    """
    data, applied = apply_corrections(data, source, corrections) if corrections is not None else (data, ())
    root = Reader(source, data, "")
    kind = root.str("kind")
    if kind not in KINDS:
        raise root.fail(f"kind {kind!r} is not one of {sorted(KINDS)}")
    filled_by, subject = root.str("filled_by"), root.str("subject")
    if filled_by not in FILLED_BY:
        raise root.fail(f"filled_by {filled_by!r} is not one of {sorted(FILLED_BY)}")
    if subject not in SUBJECTS:
        raise root.fail(f"subject {subject!r} is not one of {sorted(SUBJECTS)}")
    version = root.data.get("version")
    if not isinstance(version, int) or version < 1:
        raise root.fail("'version' must be a whole number >= 1")
    parts: tuple[Part, ...] = ()
    total: Decimal | None = None
    if kind == "scored":
        parts = _parts(root)
        if not parts:
            raise root.fail("a scored form needs at least one part")
        total = root.decimal("total")
        added = sum((p.max for p in parts), Decimal(0))
        if added != total:
            raise root.fail(f"parts add up to {added}, the form says {total}")
    bands = _bands(root, total)
    if kind == "scored" and not bands:
        raise root.fail("a scored form needs bands")
    headers = []
    for h_data in root.tables("header_fields"):
        h = root.child(h_data, f"header {h_data.get('id', '?')}")
        headers.append(HeaderField(h.str("id"), h.label("label"),
                                   h.template("value") if "value" in h_data else None))
    remarks = None
    if "remarks" in root.data:
        remarks = root.child(root.data["remarks"], "remarks").label("label")
    form = Form(
        id=root.str("id"),
        version=version,
        kind=kind,  # type: ignore[arg-type]
        title=root.template("title"),
        short_title=root.str("short_title"),
        filled_by=filled_by,  # type: ignore[arg-type]
        subject=subject,  # type: ignore[arg-type]
        orientation=root.str("orientation", "portrait"),
        source=source,
        layout=root.str("layout", "sheet"),
        total=total,
        total_label=root.label("total_label") if kind == "scored" or "total_label" in data else Label(""),
        columns=root.labels("columns"),
        header_fields=tuple(headers),
        remarks=remarks,
        signature=_signature(root),
        notes=root.labels("notes"),
        bands=bands,
        parts=parts,
        weights=_weights(root),
        contract_rule=_contract_rule(root, bands),
        outline=_outline(root) if kind == "outline" else (),
        document_title=root.template("document_title") if "document_title" in data else FormText(""),
        questionnaire=_questionnaire(root) if kind == "questionnaire" else None,
        corrections=applied,
    )
    form._items_by_id.update({item.id: item for item in form.items})
    return form


def load_form(path: Path, corrections: Iterable[Correction] | None = None) -> Form:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise FormDefinitionError(path.name, "", f"not valid TOML: {exc}") from None
    form = parse_form(data, path.name, corrections)
    if path.stem != form.id:
        raise FormDefinitionError(path.name, "", f"the file is named {path.stem!r} but defines form {form.id!r}")
    return form


def load_forms(paths: Iterable[Path], *, corrected: bool = True) -> dict[str, Form]:
    """The annexes among ``paths``; files not named like an annex ("3-1.toml") are other data and skipped.

    The annexes' typos listed in ``corrections.toml`` beside the files are
    corrected (and stray spaces removed); ``corrected=False`` gives the annex
    texts exactly as the files hold them, the source the seed check reads.
    """
    forms: dict[str, Form] = {}
    listed: dict[Path, tuple[Correction, ...]] = {}
    for path in sorted(paths):
        if not ANNEX_FILE.fullmatch(path.stem):
            continue
        if corrected and path.parent not in listed:
            listed[path.parent] = load_corrections(path.parent / CORRECTIONS_FILE)
        form = load_form(path, listed[path.parent] if corrected else None)
        if form.id in forms:
            raise FormDefinitionError(path.name, "", f"form {form.id!r} is defined twice")
        forms[form.id] = form
    unknown = sorted({c.form for found in listed.values() for c in found} - forms.keys())
    if unknown:
        raise FormDefinitionError(CORRECTIONS_FILE, "", f"corrections for forms that are not loaded: {unknown}")
    return forms
