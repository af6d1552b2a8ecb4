"""``zeshi init``: what this installation is in the hand-over; and the lines ``zeshi key`` and ``zeshi import`` add.

    zeshi init                                          # show the role (none yet on an old store)
    zeshi init --role district --district 东城区
    zeshi init --role street --unit DC-U01 --unit 景山街道
    zeshi init --role city
    zeshi init --role reviewer --reviewer DC-R1
    zeshi init --role district --district DC --change   # replace a role already set

A new laptop's first command may be ``zeshi init``: it makes the store. The
district, units and reviewer are codes or names (``services.installation``).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from zeshi_desktop.messages import Message, text
from zeshi_desktop.services import installation

from .common import db_path, emit, read, write
from .opening import store_exists
from .parser import Configure

if TYPE_CHECKING:   # the preview's route: only ``zeshi import`` loads the hand-over
    from zeshi_desktop.services.handover.routing import Route


def cmd_init(args: argparse.Namespace) -> None:
    if args.role is None:
        if args.district or args.unit or args.reviewer or args.change:
            raise installation.RoleRefused("installation.refused.role_needed", roles=list(installation.ROLES))
        with read(args) as session:
            role = installation.current(session)
            data = installation.role_dict(session, role, args.lang)
        emit(args, data, text=text("installation.preview.here", args.lang, here=data["text"]))
        return
    with write(args) as session:
        role = installation.set_role(session, args.role, district=args.district, units=args.unit or (),
                                     reviewer=args.reviewer, change=args.change)
        data = installation.role_dict(session, role, args.lang)
    emit(args, {**data, "db": str(db_path(args))},
         text=text("installation.init.set", args.lang, here=data["text"]))


def role_data(args: argparse.Namespace) -> dict[str, Any] | None:
    """This installation's role for ``zeshi key`` (None when there is no store to ask: nothing is created)."""
    if not store_exists(args):
        return None
    with read(args) as session:
        return installation.role_dict(session, installation.current(session), args.lang)


def key_line(args: argparse.Namespace) -> str:
    """``本机：区级专班（东城区）``, the line ``zeshi key`` prints under the fingerprint ("" without a store)."""
    data = role_data(args)
    return "" if data is None else text("installation.preview.here", args.lang, here=data["text"])


def route_lines(route: Route | None, lang: str) -> list[str]:
    """The preview's lines about this installation (``ImportReport.route``): where, or that no role is set,
    and every roster change the import makes."""
    if route is None or route.here is None:
        return []
    lines = [text("installation.preview.here", lang, here=route.here) if route.role
             else Message("installation.preview.no_role").text(lang)]
    lines += [text("installation.preview.roster", lang, change=change) for change in route.roster]
    return lines


def _init(p: argparse.ArgumentParser) -> None:
    p.description = ("This installation's role in the hand-over: a street office (of which units), a district "
                     "office (of which district), the city, or a reviewer's laptop (which reviewer). Packages are "
                     "then taken only where they are addressed. Without --role: show the role.")
    p.add_argument("--role", choices=installation.ROLES, help="street | district | city | reviewer")
    p.add_argument("--district", help="district (code or name): street, district, a district reviewer")
    p.add_argument("--unit", action="append", help="unit (code or name) of a street office; repeat for several")
    p.add_argument("--reviewer", help="reviewer (code or name) whose laptop this is")
    p.add_argument("--change", action="store_true", help="replace a role already set")
    p.set_defaults(handler=cmd_init)


COMMANDS: dict[str, Configure] = {"init": _init}
