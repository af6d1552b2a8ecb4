"""The ``zeshi`` parser: every command listed from a light table, its module imported only when it runs.

``zeshi --version`` and ``zeshi --help`` must start at once: importing every
command's module would pull in SQLAlchemy, openpyxl and reportlab (and the
10 MB font printing registers). So :data:`COMMANDS` names each command's
module and one-line help; ``--help`` lists them from the table, and only the
command being run has its module imported and its options added
(``COMMANDS[name](parser)`` in that module).
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from functools import partial
from typing import Any, NoReturn

from zeshi_desktop import __version__
from zeshi_desktop.messages import text

from .errors import EXIT_ERROR, report
from .options import DEFAULTS, global_options

# name -> (module in zeshi_desktop.cli, one-line help), in the order --help lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("core", "fill an empty database with a fictional review year"),
    "forms": ("core", "the annexes with their sections and maxima"),
    "score": ("scoring", "set item scores of one sheet (ITEM=SCORE ... or --file JSON)"),
    "show": ("scoring", "show one sheet with its totals"),
    "finalize": ("scoring", "finalise (lock) one sheet"),
    "unlock": ("scoring", "unlock a finalised sheet, with a reason for the audit log"),
    "audit": ("scoring", "the audit log of one sheet"),
    "sheets": ("scoring", "list the sheets of a year"),
    "recuse": ("fairness", "declare (or --withdraw, --list, --suggest) a reviewer's recusal for a unit or district"),
    "entries": ("fairness", "a paper sheet typed twice: both entries item by item"),
    "resolve": ("fairness", "a third person's decision where the two entries of a sheet differ, with a reason"),
    "weights": ("ranking", "show or set a district's 3-3 weights and aggregation"),
    "rank": ("ranking", "3-3 ranking of a district, or the city ranking of districts"),
    "roster": ("roster", "the roster workbook (districts, units, planners, members, appointments, reviewers)"),
    "print": ("printing", "print sheets to a PDF (one sheet or a batch)"),
    "verify": ("printing", "check a printed sheet's verification code against the data"),
    "export": ("packages", "write a signed package"),
    "template": ("packages", "write a fill-in template for an office without the program"),
    "import": ("packages", "preview (--dry-run) or import a package"),
    "key": ("packages", "this installation's name and signing-key fingerprint"),
    "init": ("installation", "this installation's role: street office, district office, city or reviewer"),
    "dashboard": ("reports", "the district (3-3) or city dashboard as tables or JSON"),
    "questionnaires": ("reports", "the 5-1 summary: answers per statement, reasons, suggestions"),
    "history": ("reports", "a planner's or a district's results across the years"),
    "report": ("reports", "write a report: result (3-3 .xlsx/.pdf), district, city, questionnaire"),
    "recommend": ("reports", "mark a planner in a unit as recommended excellent (or list the marks)"),
    "excellent": ("results", "the city's nominations board: select excellent planners, limits, audit"),
    "backup": ("safekeeping", "copy the store into the backups folder beside it (or -o FILE)"),
    "backups": ("safekeeping", "list the backups of the store, newest first"),
    "restore": ("safekeeping", "replace the store with a backup, checked first; the replaced store is kept"),
    "check": ("safekeeping", "check the store: pages, links, the audit chain, every value against the forms"),
}

Configure = Callable[[argparse.ArgumentParser], None]


class Parser(argparse.ArgumentParser):
    """argparse, with usage errors reported the agreed way when ``--json`` was asked for."""

    def __init__(self, *args: Any, json_errors: bool = False, lang: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.json_errors = json_errors
        self.lang = lang   # the top-level parser: its description and epilog come from the catalogue

    def format_help(self) -> str:
        if self.lang is not None:  # read the catalogue only when help is shown: --version stays light
            self.description, self.epilog = text("cli.description", self.lang), text("cli.epilog", self.lang)
        return super().format_help()

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", partial(Parser, json_errors=self.json_errors))
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        if not self.json_errors:
            super().error(message)
        report("usage", f"{self.prog}: {message}", True)
        raise SystemExit(EXIT_ERROR)


class _Unparsable(Exception):
    pass


class _FirstLook(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _Unparsable(message)


def first_look(argv: list[str]) -> argparse.Namespace:
    """The command's name and the shared options, before the command's module is loaded.

    Unknown options are left for the real parser, which reports them; a line
    this cannot read gives no command, and the real parser says why.
    """
    look = _FirstLook(add_help=False, parents=[global_options()])
    look.add_argument("command", nargs="?")
    try:
        found, _ = look.parse_known_args(argv)
    except _Unparsable:
        found = argparse.Namespace(command=None)
    for name, value in DEFAULTS.items():
        if not hasattr(found, name):
            setattr(found, name, value)
    return found


def configure(name: str, p: argparse.ArgumentParser) -> None:
    """Import the module of command ``name`` and let it add its options and handler."""
    module = importlib.import_module(f"{__package__}.{COMMANDS[name][0]}")
    setup: Configure = module.COMMANDS[name]
    setup(p)


def build_parser(command: str | None = None, lang: str = "zh", json_errors: bool = False,
                 load_all: bool = False) -> Parser:
    """The parser: every command listed; ``command`` (or, with ``load_all``, every command) fully configured."""
    parser = Parser(prog="zeshi", parents=[global_options()], formatter_class=argparse.RawDescriptionHelpFormatter,
                    json_errors=json_errors, lang=lang)
    parser.add_argument("--version", action="version", version=f"zeshi {__version__}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True,
                                help="one of these (zeshi COMMAND --help: its options)")
    for name, (_, helptext) in COMMANDS.items():
        p = sub.add_parser(name, help=helptext, description=helptext, parents=[global_options()])
        if load_all or name == command:
            configure(name, p)
    return parser
