"""What this installation is in the hand-over: a street office, a district office, the city, or a reviewer's laptop.

The laptops of a review year never share a network, and a package carried on
a stick can be opened on the wrong one. So each store knows its place,
chosen once (``zeshi init`` or the app's first-run dialog) and kept in the
database: a package is taken only where it is addressed
(``services.handover.routing``). A store made before roles existed has none;
it takes packages as before, and the import's preview says so.

The district, units and reviewer are kept as codes when this store knows
them, else as typed (a code or a name): a street laptop is set up before the
district's first package has brought it any roster. A package's district or
unit matches when either its code or its name is the one kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from zeshi_desktop.messages import Message
from zeshi_desktop.services import lookup
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.store.models import District, Installation, Reviewer, Unit

ROLES = ("street", "district", "city", "reviewer")
ROW_ID = 1   # the one row of the installation table


class RoleRefused(ActionRefused):
    """A role that cannot be set as asked (``installation.refused.*``, ``lookup.*``)."""


@dataclass(frozen=True)
class Role:
    """This installation's place: ``role`` and what it holds (codes where known, else as typed)."""

    role: str
    district: str = ""              # street, district, and a district reviewer's laptop
    units: tuple[str, ...] = ()     # street: the office's units
    reviewer: str = ""              # reviewer: whose laptop

    @property
    def name(self) -> Message:
        """The role alone: 区级专班 / district office."""
        return Message(f"installation.role.{self.role}")

    def holds_district(self, code: str, name: str = "") -> bool:
        """Whether a package's district (its code and name) is this installation's."""
        return bool(self.district) and self.district in (code, name)

    def holds_unit(self, code: str, name: str = "") -> bool:
        return any(ref in (code, name) for ref in self.units if ref)

    def is_reviewer(self, code: str, name: str = "") -> bool:
        return bool(self.reviewer) and self.reviewer in (code, name)


def current(session: Session) -> Role | None:
    """The role kept in the store, or None when none was chosen yet (a store older than roles)."""
    row = session.get(Installation, ROW_ID)
    if row is None:
        return None
    try:
        units = tuple(str(u) for u in json.loads(row.units or "[]"))
    except (ValueError, TypeError):
        units = ()
    return Role(row.role, row.district, units, row.reviewer)


def describe(session: Session, role: Role | None) -> Message:
    """The role as people read it, with names this store knows: 区级专班（东城区）; or that none is set."""
    if role is None:
        return Message("installation.describe.none")
    if role.role == "city":
        return Message("installation.describe.city")
    district = _district_label(session, role.district) if role.district else ""
    if role.role == "street":
        return Message("installation.describe.street", district=district,
                       units=[_unit_label(session, u) for u in role.units])
    if role.role == "district":
        return Message("installation.describe.district", district=district)
    reviewer = _reviewer_label(session, role.reviewer)
    if district:
        return Message("installation.describe.district_reviewer", district=district, reviewer=reviewer)
    return Message("installation.describe.reviewer", reviewer=reviewer)


def _district_label(session: Session, ref: str) -> str:
    name = session.scalar(select(District.name).where(or_(District.code == ref, District.name == ref)))
    return name or ref


def _unit_label(session: Session, ref: str) -> str:
    names = session.scalars(select(Unit.name).where(or_(Unit.code == ref, Unit.name == ref))).all()
    return names[0] if len(names) == 1 else ref


def _reviewer_label(session: Session, ref: str) -> str:
    names = set(session.scalars(select(Reviewer.name).where(or_(Reviewer.code == ref, Reviewer.name == ref))))
    return names.pop() if len(names) == 1 else ref


def set_role(session: Session, role: str, *, district: str | None = None, units: tuple[str, ...] | list[str] = (),
             reviewer: str | None = None, change: bool = False) -> Role:
    """Choose this installation's role, in the caller's write transaction; returns what was kept.

    ``district``, ``units`` and ``reviewer`` are codes or names. One this
    store knows is kept as its code; one it does not know is kept as typed,
    but only while the store has none of that kind (a new laptop): a name
    that matches nothing in a filled store is a typing mistake and refused.
    A role already set is replaced only with ``change``.
    """
    if role not in ROLES:
        raise RoleRefused("installation.refused.unknown_role", role=role, roles=list(ROLES))
    old = current(session)
    if old is not None and not change:
        raise RoleRefused("installation.refused.already_set", current=describe(session, old))
    wanted = _resolve(session, role, (district or "").strip(), [u.strip() for u in units if u.strip()],
                      (reviewer or "").strip())
    row = session.get(Installation, ROW_ID)
    if row is None:
        row = Installation(id=ROW_ID, role=wanted.role)
        session.add(row)
    row.role, row.district, row.reviewer = wanted.role, wanted.district, wanted.reviewer
    row.units = json.dumps(list(wanted.units), ensure_ascii=False)
    session.flush()
    return wanted


def _resolve(session: Session, role: str, district: str, units: list[str], reviewer: str) -> Role:
    """The role with its selectors checked and turned into codes where this store knows them."""
    extra = [what for what, given, used in (("district", district, role in ("street", "district", "reviewer")),
                                            ("units", units, role == "street"),
                                            ("reviewer", reviewer, role == "reviewer")) if given and not used]
    if extra:
        raise RoleRefused("installation.refused.not_for_role", role=Message(f"installation.role.{role}"),
                          what=[Message(f"installation.what.{w}") for w in extra])
    if role == "city":
        return Role("city")
    if role == "reviewer":
        if not reviewer:
            raise RoleRefused("installation.refused.reviewer_needed")
        code, of_district = _reviewer_code(session, reviewer)
        if district and of_district and _district_code(session, district) != of_district:
            raise RoleRefused("installation.refused.reviewer_elsewhere", reviewer=reviewer,
                              district=_district_label(session, of_district))
        return Role("reviewer", district=_district_code(session, district) if district else of_district,
                    reviewer=code)
    if role == "street":
        if not units:
            raise RoleRefused("installation.refused.units_needed")
        district_code = _district_code(session, district) if district else ""
        codes, districts = _unit_codes(session, units, district_code)
        if not district_code:
            if len(districts) != 1:
                raise RoleRefused("installation.refused.district_needed", role=Message("installation.role.street"))
            district_code = districts.pop()
        elif districts - {district_code}:
            raise RoleRefused("installation.refused.units_elsewhere", district=_district_label(session, district_code))
        return Role("street", district=district_code, units=tuple(dict.fromkeys(codes)))
    if not district:
        raise RoleRefused("installation.refused.district_needed", role=Message("installation.role.district"))
    return Role("district", district=_district_code(session, district))


def _district_code(session: Session, ref: str) -> str:
    """The district's code; as typed when this store has no district yet."""
    if session.scalar(select(District.id).limit(1)) is None:
        return ref
    d = session.get(District, lookup.district_id(session, ref))
    assert d is not None
    return d.code


def _unit_codes(session: Session, refs: list[str], district: str) -> tuple[list[str], set[str]]:
    """The units' codes and the districts they are in; as typed (and no district) when the store has no unit yet."""
    if session.scalar(select(Unit.id).limit(1)) is None:
        return refs, set()
    district_id = session.scalar(select(District.id).where(District.code == district)) if district else None
    codes, districts = [], set()
    for ref in refs:
        unit = session.get(Unit, lookup.unit_id(session, ref, district_id))
        assert unit is not None
        codes.append(unit.code)
        districts.add(unit.district.code)
    return codes, districts


def _reviewer_code(session: Session, ref: str) -> tuple[str, str]:
    """The reviewer's code and the code of its district ("" for a city reviewer); as typed in a store without one."""
    if session.scalar(select(Reviewer.id).limit(1)) is None:
        return ref, ""
    found = session.execute(select(Reviewer.code, District.code).outerjoin(District, District.id == Reviewer.district_id)
                            .where(or_(Reviewer.code == ref, Reviewer.name == ref))).all()
    codes = {c for c, _ in found}
    if not codes:
        raise RoleRefused("installation.refused.no_reviewer", ref=ref)
    if len(codes) > 1:
        raise RoleRefused("lookup.reviewer_ambiguous", ref=ref)
    code, district = found[0]
    return code, district or ""


def set_demo_role(session: Session) -> Role | None:
    """The demo store: a district office of its first district (so the demo's hand-overs work end to end)."""
    if current(session) is not None:
        return None
    code = session.scalar(select(District.code).order_by(District.id).limit(1))
    if code is None:
        return None
    return set_role(session, "district", district=code)


@dataclass(frozen=True)
class Choices:
    """What this store knows to offer when choosing a role: (code, name, district code) of each."""

    districts: tuple[tuple[str, str], ...]
    units: tuple[tuple[str, str, str], ...]
    reviewers: tuple[tuple[str, str, str], ...]


def choices(session: Session) -> Choices:
    """The districts, units and reviewers (of any year) this store has, for the app's role dialog."""
    districts = tuple((c, n) for c, n in session.execute(select(District.code, District.name).order_by(District.code)))
    units = tuple((c, n, d) for c, n, d in session.execute(
        select(Unit.code, Unit.name, District.code).join(District, District.id == Unit.district_id)
        .order_by(District.code, Unit.code)))
    reviewers = tuple(dict.fromkeys((c, n, d or "") for c, n, d in session.execute(
        select(Reviewer.code, Reviewer.name, District.code).outerjoin(District, District.id == Reviewer.district_id)
        .order_by(Reviewer.code))))
    return Choices(districts, units, reviewers)


def role_dict(session: Session, role: Role | None, lang: str = "zh") -> dict[str, Any]:
    """The role as plain data (``zeshi init``, ``zeshi key`` with ``--json``)."""
    return {"role": role.role if role else "", "district": role.district if role else "",
            "units": list(role.units) if role else [], "reviewer": role.reviewer if role else "",
            "text": describe(session, role).text(lang)}
