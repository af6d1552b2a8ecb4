"""What every command shares once it runs: opening the store, tables or JSON in the chosen language, errors."""

from __future__ import annotations

import argparse
import json
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from zeshi_desktop.domain.form_loader import FormDefinitionError
from zeshi_desktop.domain.forms import Band
from zeshi_desktop.domain.ranking import WeightsRefused
from zeshi_desktop.domain.scores import ScoreRefused
from zeshi_desktop.messages import Message, Refused, number_text, render, text
from zeshi_desktop.store.database import StoreError

from .errors import CommandError, report
from .files import os_reason
from .opening import database, db_path, read, sqlite_reason, write
from .options import YEAR_HELP

__all__ = ["YEAR_HELP", "CommandError", "Handler", "band_text", "circle_text", "database", "db_path", "emit", "heads",
           "jsonable", "read", "run_command", "sheet_name", "table", "write", "year_of", "yes_no"]

Handler = Callable[[argparse.Namespace], Any]
DASH = "—"


def year_of(session: Session, args: argparse.Namespace) -> int:
    """``--year``, or the newest year in the database."""
    if getattr(args, "year", None):
        return int(args.year)
    from zeshi_desktop.services import roster

    years = roster.years(session)
    if not years:
        raise CommandError("cli.no_year")
    return years[-1]


# ---------------------------------------------------------------- words in the chosen language

def heads(lang: str, *columns: str) -> list[str]:
    """Table headings of the command line (``cli.column.*``) in ``lang``."""
    return [text(f"cli.column.{c}", lang) for c in columns]


def band_text(band: Band | None, lang: str, missing: str | None = None) -> str | None:
    """A band's label in ``lang``; ``missing`` when there is no band (yet)."""
    return band.label.get(lang) if band is not None else missing


def yes_no(value: bool | None, lang: str) -> str:
    """是/否 (yes/no) for a stored yes/no; a dash when it was not answered."""
    return DASH if value is None else render(value, lang)


def circle_text(circle: str, lang: str) -> str:
    """A circle of the city (stored by its Chinese name) as the measures name it in ``lang``."""
    if lang == "zh":
        return circle
    from zeshi_desktop.services import catalogue

    return next((c.get(lang) for c in catalogue.roster_terms().circles if c.zh == circle), circle)


def sheet_name(name: str, lang: str) -> str:
    """A worksheet of a workbook (named in Chinese in the file, its format) as the program names it in ``lang``."""
    if lang == "zh":
        return name
    from zeshi_desktop.messages import catalogue as messages
    from zeshi_desktop.services import catalogue

    found = next((s.name.get(lang) for s in catalogue.roster_terms().sheets if s.name.zh == name), None)
    if found is None:
        found = next((e.template(lang) for e in messages() if e.zh == name
                      and e.code.startswith("handover.table.")), name)
    return found


def jsonable(value: Any, lang: str = "zh") -> Any:
    """Plain JSON values; messages and bilingual labels in ``lang``, numbers as people read them."""
    if isinstance(value, (Message, Refused)):
        return render(value, lang)
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(getattr(value, "zh", None), str) and isinstance(getattr(value, "en", None), str):
        return render(value, lang)  # a form's Label: the text, not its two halves
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name), lang) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v, lang) for k, v in value.items()}
    if isinstance(value, (list, tuple, frozenset, set)):
        return [jsonable(v, lang) for v in value]
    return value


def _width(cell: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in cell)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A plain text table that lines up Chinese (double-width) characters."""
    cells = [[("" if c is None else number_text(c) if isinstance(c, Decimal) else str(c)) for c in row]
             for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (widths[i] - _width(v)) for i, v in enumerate(values)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in cells])


def emit(args: argparse.Namespace, data: Any, headers: Sequence[str] | None = None,
         rows: Iterable[Sequence[Any]] | None = None, text: str | None = None) -> None:
    """The result: JSON with ``--json``, else the table, else the text."""
    if args.json or (headers is None and text is None):
        print(json.dumps(jsonable(data, args.lang), ensure_ascii=False, indent=2))
    elif headers is not None and rows is not None:
        print(table(headers, list(rows)))
    elif text is not None:
        print(text)


# ---------------------------------------------------------------- errors

# Errors that are not refusals: the code --json reports for each.
_KINDS: tuple[tuple[type[BaseException], str], ...] = (
    (StoreError, "store"), (FormDefinitionError, "forms"), (KeyError, "lookup"), (OSError, "file"),
    (SQLAlchemyError, "database"), (sqlite3.Error, "database"), (ValueError, "refused"))

def describe(exc: BaseException, lang: str, store: Path | None = None) -> tuple[str, str, dict[str, Any]]:
    """(code, message in ``lang``, extra JSON fields) of an error a command ended with; ``store``: the ``--db``."""
    extra: dict[str, Any] = {}
    problems = getattr(exc, "problems", None)
    if problems:
        extra["problems"] = [{"sheet": p.sheet, "cell": p.cell, "message": p.message(lang)} for p in problems]
    message = getattr(exc, "message", None)
    if callable(message):
        code = getattr(exc, "code", None)
        return (code if isinstance(code, str) else "refused"), str(message(lang)), extra
    if isinstance(exc, (SQLAlchemyError, sqlite3.Error)):
        return "database", text("cli.database_failed", lang, path=store or "", reason=sqlite_reason(exc)), extra
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else store
        return "file", text("cli.file.failed", lang, path=where or "", reason=os_reason(exc)), extra
    code = next(c for kind, c in _KINDS if isinstance(exc, kind))
    shown = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
    return code, str(shown), extra


# What a command may end with and is reported (a refusal, a file or store problem); anything else is a bug.
REPORTED: tuple[type[BaseException], ...] = (Refused, ScoreRefused, WeightsRefused, FormDefinitionError, StoreError,
                                             KeyError, OSError, SQLAlchemyError, sqlite3.Error)


def run_command(args: argparse.Namespace) -> int:
    """Run the chosen handler; an error becomes one report on stderr (:mod:`.errors`), exit code 2."""
    try:
        result = args.handler(args)
        return int(result) if isinstance(result, int) else 0
    except BrokenPipeError:
        raise  # the reader went away: main() ends quietly
    except REPORTED as exc:
        code, message, extra = describe(exc, args.lang, db_path(args))
        if args.json and "problems" in extra:  # the cells are listed apart; the message keeps the reason
            message = message.splitlines()[0]
        return report(code, message, args.json, **extra)
