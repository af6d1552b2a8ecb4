"""A package reaches only its destination: the level its kind is sent to, and the districts and units held there.

Each kind is addressed to one level (``DESTINATION``): district → street to a
street office, the up kinds to the body that owns the roster, the results to
a district. A reviewer's laptop also takes its own assignment — the
reviewer → district or reviewer → city template made for that reviewer
(``ASSIGNMENT``). On a street office the package must be of its district and
name only its units; on a district office, of its district (a city →
district package must name one). This installation's role is
``services.installation``; a store with none takes packages as before, and
the preview says so.

Whatever the role, a package speaks only for its own district: a roster row
or a sheet of another district's unit is refused, and a package never moves
a unit to another district (refused, naming both). The roster changes an
import would make — districts and units added or renamed — are listed for
the preview (``Route.roster``).

Every refusal is a ``MisroutedPackage`` (``installation.route.*``), which
the import turns into its own refusal like any other of the package layer:
nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.forms import Label
from zeshi_desktop.messages import Message
from zeshi_desktop.packages import roster_workbook as rw
from zeshi_desktop.packages.errors import PackageRefused
from zeshi_desktop.packages.package_workbook import ReadPackage
from zeshi_desktop.services import catalogue, installation
from zeshi_desktop.services.handover.kinds import Kind
from zeshi_desktop.store.models import District, Unit

DESTINATION: dict[str, str] = {
    "district-street": "street", "street-district": "district", "reviewer-district": "district",
    "district-city": "city", "reviewer-city": "city", "city-district": "district"}
ASSIGNMENT = frozenset({"reviewer-district", "reviewer-city"})   # also taken by the reviewer it names
ROSTER_CODES = ("installation.roster.district_added", "installation.roster.district_renamed",
                "installation.roster.unit_added", "installation.roster.unit_renamed")


class MisroutedPackage(PackageRefused):
    """A package addressed elsewhere, or one that would move a unit to another district."""


@dataclass
class Route:
    """Where the import happens and what it would change in the roster, for the preview."""

    role: str = ""                                   # this installation's role; "" when none is set
    here: Message | None = None                      # installation.describe.*: shown in the preview
    roster: list[Message] = field(default_factory=list)   # installation.roster.*: added and renamed


@dataclass
class _Content:
    """What a package speaks for: its roster's districts and units, and the subjects of its sheets."""

    districts: dict[str, str] = field(default_factory=dict)              # code → name (区 table)
    units: dict[str, tuple[str, str]] = field(default_factory=dict)      # code → (district code, name)
    sheet_units: dict[str, tuple[str, str]] = field(default_factory=dict)   # unit code → (name, sheet)
    sheet_districts: dict[str, str] = field(default_factory=dict)        # district code → sheet


def _content(rp: ReadPackage) -> _Content:
    found = _Content()
    for row in rp.table_rows.get(rw.DISTRICTS.sheet, []):
        if row.values.get("code"):
            found.districts[row.values["code"]] = row.values.get("name", "")
    for row in rp.table_rows.get(rw.UNITS.sheet, []):
        if row.values.get("code"):
            found.units[row.values["code"]] = (row.values.get("district", ""), row.values.get("name", ""))
    forms = catalogue.forms()
    for block in rp.data.blocks:
        appointment = forms[block.form_id].subject == "appointment"
        for subject in block.subjects:
            if appointment:
                unit = subject.key.partition("/")[0]
                found.sheet_units.setdefault(unit, (subject.labels[0] if subject.labels else "", block.title))
            else:
                found.sheet_districts.setdefault(subject.key, block.title)
    return found


def check(session: Session, kind: Kind, origin: dict[str, str], rp: ReadPackage) -> Route:
    """Refuse a package that is not addressed here or would move a unit; the route for the preview.

    ``Route.roster`` lists what the package's roster would add or rename here;
    the importer keeps it only when it takes the roster.
    """
    role = installation.current(session)
    content = _content(rp)
    stored = _stored_units(session, set(content.units) | set(content.sheet_units))
    districts = {code: name for code, name in session.execute(select(District.code, District.name))}
    if role is not None:
        _check_addressed(role, kind, origin, content, districts)
    _check_own_district(kind, origin, content, stored, districts)
    # The importer keeps the roster changes only when it takes the package's roster.
    return Route(role.role if role else "", installation.describe(session, role),
                 _roster_changes(content, stored, districts))


def _stored_units(session: Session, codes: Iterable[str]) -> dict[str, tuple[str, str]]:
    """The units of this store among ``codes``: code → (district code, name)."""
    wanted = sorted(codes)
    out: dict[str, tuple[str, str]] = {}
    for begin in range(0, len(wanted), 500):
        chunk = wanted[begin:begin + 500]
        for code, district, name in session.execute(select(Unit.code, District.code, Unit.name)
                                                    .join(District, District.id == Unit.district_id)
                                                    .where(Unit.code.in_(chunk))):
            out[code] = (district, name)
    return out


def _named(name: str, code: str) -> Label | str:
    """东城区（DC） in Chinese, 东城区 (DC) in English: a name with its code, or the code alone."""
    return Label(f"{name}（{code}）", f"{name} ({code})") if name and name != code else code


def _district_text(code: str, *names: dict[str, str]) -> Label | str:
    """A district as the refusals name it, with its name where the package or this store knows it."""
    return _named(next((n[code] for n in names if n.get(code)), ""), code)


def _check_addressed(role: installation.Role, kind: Kind, origin: dict[str, str], content: _Content,
                     districts: dict[str, str]) -> None:
    """The kind's level is this installation's, and the package is of the district, units or reviewer held here."""
    destination = DESTINATION[kind.id]
    code, name = origin.get("district", ""), origin.get("district_name", "")
    if role.role == "reviewer" and kind.id in ASSIGNMENT:
        theirs = origin.get("reviewer", "")
        if not role.is_reviewer(theirs, origin.get("reviewer_name", "")):
            raise MisroutedPackage("installation.route.other_reviewer", kind=kind,
                                   reviewer=origin.get("reviewer_name") or theirs, here=role.reviewer)
        if role.district and code and not role.holds_district(code, name):
            raise MisroutedPackage("installation.route.other_district", kind=kind,
                                   district=_district_text(code, {code: name}, districts),
                                   here=_district_text(role.district, districts))
        return
    if role.role != destination:
        raise MisroutedPackage("installation.route.wrong_level", kind=kind,
                               destination=Message(f"installation.role.{destination}"), here=role.name)
    if role.role == "city":
        return
    if not code and not name:
        raise MisroutedPackage("installation.route.no_district", kind=kind)
    if not role.holds_district(code, name):
        raise MisroutedPackage("installation.route.other_district", kind=kind,
                               district=_district_text(code, {code: name}, districts),
                               here=_district_text(role.district, districts))
    if role.role == "street":
        units = {u: n for u, (_, n) in content.units.items()}
        units.update({u: n for u, (n, _) in content.sheet_units.items()})
        units.update({u: "" for u in origin.get("units", "").split(",") if u and u not in units})
        strangers = [_named(n, u) for u, n in sorted(units.items()) if not role.holds_unit(u, n)]
        if strangers:
            raise MisroutedPackage("installation.route.units_not_held", units=strangers,
                                   here=list(role.units))


def _check_own_district(kind: Kind, origin: dict[str, str], content: _Content, stored: dict[str, tuple[str, str]],
                        districts: dict[str, str]) -> None:
    """A package speaks only for its own district's units, and never moves a unit to another district."""
    for unit, (district, name) in content.units.items():
        here = stored.get(unit)
        if here is not None and here[0] != district:
            raise MisroutedPackage("installation.route.unit_moved", unit=_named(here[1], unit),
                                   old=_district_text(here[0], districts),
                                   new=_district_text(district, content.districts, districts))
    code = origin.get("district", "")
    if not code or code not in districts | content.districts:   # reviewer → city, or a district named otherwise
        return
    own = _district_text(code, content.districts, districts)
    for unit, (district, name) in content.units.items():
        if district != code:
            raise MisroutedPackage("installation.route.foreign_unit", package=own, unit=_named(name, unit),
                                   district=_district_text(district, content.districts, districts))
    for unit, (name, sheet) in content.sheet_units.items():
        district = content.units.get(unit, stored.get(unit, ("", "")))[0]
        if district and district != code:
            raise MisroutedPackage("installation.route.foreign_sheet", package=own, sheet=sheet,
                                   unit=_named(name, unit),
                                   district=_district_text(district, content.districts, districts))
    if kind.id != "reviewer-city":
        for subject, sheet in content.sheet_districts.items():
            if subject != code:
                raise MisroutedPackage("installation.route.foreign_district_sheet", package=own, sheet=sheet,
                                       district=_district_text(subject, content.districts, districts))


def _roster_changes(content: _Content, stored: dict[str, tuple[str, str]], districts: dict[str, str]
                    ) -> list[Message]:
    """Districts and units the import would add or rename (installation.roster.*), one message per rename."""
    changes: list[Message] = []
    added = [_named(n, c) for c, n in content.districts.items() if c not in districts]
    if added:
        changes.append(Message("installation.roster.district_added", count=len(added), districts=added))
    changes += [Message("installation.roster.district_renamed", code=c, old=districts[c], new=n)
                for c, n in content.districts.items() if c in districts and n and districts[c] != n]
    added = [_named(n, c) for c, (_, n) in content.units.items() if c not in stored]
    if added:
        changes.append(Message("installation.roster.unit_added", count=len(added), units=added))
    changes += [Message("installation.roster.unit_renamed", code=c, old=stored[c][1], new=n)
                for c, (_, n) in content.units.items() if c in stored and n and stored[c][1] != n]
    return changes


def route_dict(route: Route, lang: str = "zh") -> dict[str, Any]:
    """The route as plain data for ``report_dict``: the role, where (a message), the roster changes (messages)."""
    # packages builds on the importer, which builds on this module: imported when used
    from zeshi_desktop.services.handover.packages import message_dict

    return {"role": route.role, "here": message_dict(route.here, lang) if route.here is not None else None,
            "roster": [message_dict(m, lang) for m in route.roster]}
