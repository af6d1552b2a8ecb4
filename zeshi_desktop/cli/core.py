"""``zeshi demo`` and ``zeshi forms``: a fictional year to try things on, and the annexes as the program reads them."""

from __future__ import annotations

import argparse
from typing import Any

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.messages import number_text, text
from zeshi_desktop.services import catalogue, roster

from .common import CommandError, db_path, emit, heads, write
from .parser import Configure

ANNEX_PREFIX = "Annex "


def cmd_demo(args: argparse.Namespace) -> None:
    from zeshi_desktop.demo import (
        fixture as demo,  # the demo's texts and generator: only for this command
    )

    year = args.year or demo.DEMO_YEAR
    with write(args) as session:
        years = roster.years(session)
        if years and not args.force:
            raise CommandError("cli.demo.not_empty_same_year" if year in years else "cli.demo.not_empty")
        if year in years:
            raise CommandError("cli.demo.year_exists", year=year)
        counts = demo.load_demo(session, year)
    shown = text("cli.comma", args.lang).join(f"{k} {v}" for k, v in counts.items())
    emit(args, {"year": year, **counts}, text=text("cli.demo.written", args.lang, path=db_path(args), year=year,
                                                   counts=shown))


def form_name(form: Form, lang: str) -> str:
    """What a list calls an annex: its short title (the title without "Annex 3-1:" in English)."""
    if lang == "zh" or not form.title.en:
        return form.short_title
    title = form.title.en
    return title.split(":", 1)[1].strip() if title.startswith(ANNEX_PREFIX) and ":" in title else title


def _form_data(form: Form, lang: str) -> dict[str, Any]:
    return {"id": form.id, "title": form.title.get(lang), "kind": form.kind, "total": form.total,
            "parts": [{"id": p.id, "label": p.label.get(lang), "max": p.max, "sections": [
                {"id": s.id, "title": s.title.get(lang), "max": s.max,
                 "items": [{"id": i.id, "text": i.text.get(lang), "max": i.max} for i in s.items]}
                for s in p.sections]} for p in form.parts],
            "bands": [{"min": b.min, "label": b.label.get(lang)} for b in form.bands]}


def _cut(value: str, width: int = 40) -> str:
    return value if len(value) < width else value[:width - 1] + "…"


def cmd_forms(args: argparse.Namespace) -> None:
    lang = args.lang
    if args.form:
        form = catalogue.form(args.form)
        rows = [(s.title.get(lang), i.id, _cut(i.text.get(lang)), i.max) for s in form.sections for i in s.items]
        emit(args, _form_data(form, lang), heads(lang, "section", "item_id", "item", "full_marks"), rows)
        return
    forms = catalogue.forms().values()
    data = [{"id": f.id, "title": f.title.get(lang), "kind": f.kind, "total": f.total, "items": len(f.items),
             "sections": [{"title": s.title.get(lang), "max": s.max} for s in f.sections]} for f in forms]
    rows = [(f.id, form_name(f, lang), f.kind, f.total or "", len(f.items) or "",
             " / ".join(f"{p.label.get(lang)} {number_text(p.max)}" for p in f.parts)) for f in forms]
    emit(args, data, heads(lang, "annex", "name", "kind", "total", "items", "parts"), rows)


def _demo(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, help="the demo year (default: the demo's own year, 2025)")
    p.add_argument("--force", action="store_true", help="add the demo year to a database that has other years")
    p.set_defaults(handler=cmd_demo)


def _forms(p: argparse.ArgumentParser) -> None:
    p.add_argument("form", nargs="?", help="one annex, e.g. 3-1 (default: list every annex)")
    p.set_defaults(handler=cmd_forms)


COMMANDS: dict[str, Configure] = {"demo": _demo, "forms": _forms}
