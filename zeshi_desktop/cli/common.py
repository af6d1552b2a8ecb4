"""What every command shares: opening the store, printing tables or JSON, errors."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from zeshi_desktop.domain.form_loader import FormDefinitionError
from zeshi_desktop.domain.ranking import WeightsRefused
from zeshi_desktop.domain.scores import ScoreRefused, display
from zeshi_desktop.locations import default_db_path
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.store.database import Database, StoreError


class CommandError(Exception):
    """A refusal to print on stderr as one line; exit code 2."""


YEAR_HELP = "review year (default: the newest year in the database)"


Handler = Callable[[argparse.Namespace], Any]


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if getattr(args, "db", None) else default_db_path()


_open: dict[str, Database] = {}


def database(args: argparse.Namespace) -> Database:
    path = db_path(args)
    key = str(path.resolve())
    if key not in _open:
        _open[key] = Database.open(path)
    return _open[key]


@contextmanager
def write(args: argparse.Namespace) -> Iterator[Session]:
    with database(args).write() as session:
        yield session


@contextmanager
def read(args: argparse.Namespace) -> Iterator[Session]:
    with database(args).read() as session:
        yield session


def year_of(session: Session, args: argparse.Namespace) -> int:
    """``--year``, or the newest year in the database."""
    if getattr(args, "year", None):
        return int(args.year)
    from zeshi_desktop.services import roster

    years = roster.years(session)
    if not years:
        raise CommandError("数据库中还没有年度；请先导入名册或交接包，或运行 zeshi demo")
    return years[-1]


def jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return display(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if is_dataclass(value) and not isinstance(value, type):
        return jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain text table that lines up Chinese (double-width) characters."""
    cells = [[("" if c is None else display(c) if isinstance(c, Decimal) else str(c)) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (widths[i] - _width(v)) for i, v in enumerate(values)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in cells])


def emit(args: argparse.Namespace, data: Any, headers: Sequence[str] | None = None,
         rows: Sequence[Sequence[Any]] | None = None, text: str | None = None) -> None:
    if args.json:
        print(json.dumps(jsonable(data), ensure_ascii=False, indent=2))
    elif headers is not None and rows is not None:
        print(table(headers, rows))
    elif text is not None:
        print(text)
    else:
        print(json.dumps(jsonable(data), ensure_ascii=False, indent=2))


def run_command(args: argparse.Namespace) -> int:
    """Run the chosen handler; every refusal becomes one line on stderr."""
    lang = getattr(args, "lang", "zh")
    try:
        result = args.handler(args)
        return int(result) if isinstance(result, int) else 0
    except (ScoreRefused, ActionRefused) as exc:
        print(f"zeshi: {exc.message(lang)}", file=sys.stderr)
    except (CommandError, WeightsRefused, FormDefinitionError, StoreError, KeyError, OSError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"zeshi: {message}", file=sys.stderr)
    except SQLAlchemyError as exc:
        print(f"zeshi: database error: {exc.__class__.__name__}: {str(exc).splitlines()[0]}", file=sys.stderr)
    return 2
