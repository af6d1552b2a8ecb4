"""Choosing what this installation is: codes or names, checked against what the store knows, kept in the store."""

from __future__ import annotations

import pytest

from zeshi_desktop.messages import Refused
from zeshi_desktop.services import installation
from zeshi_desktop.store.database import Database


def _set(db: Database, role: str, **selectors: object) -> installation.Role:
    with db.write() as s:
        return installation.set_role(s, role, **selectors)  # type: ignore[arg-type]


def _refusal(db: Database, role: str, **selectors: object) -> Refused:
    with pytest.raises(Refused) as caught:
        _set(db, role, **selectors)
    return caught.value


def test_names_become_codes_in_a_filled_store(demo_db: Database) -> None:
    assert _set(demo_db, "street", units=["景山街道", "DC-U01"]) == installation.Role(
        "street", district="DC", units=("DC-U02", "DC-U01"))
    with demo_db.read() as s:
        role = installation.current(s)
        assert installation.describe(s, role).text("zh") == "街道/乡镇/园区（东城区：景山街道、东华门街道）"
        assert installation.describe(s, role).text("en") == "street office (东城区: 景山街道, 东华门街道)"
    assert _set(demo_db, "district", district="朝阳区", change=True) == installation.Role("district", district="CY")
    assert _set(demo_db, "reviewer", reviewer="DC-R1", change=True) == installation.Role(
        "reviewer", district="DC", reviewer="DC-R1")
    assert _set(demo_db, "city", change=True) == installation.Role("city")
    with demo_db.read() as s:
        assert installation.describe(s, installation.current(s)).text("zh") == "市级专班"


def test_a_new_laptop_keeps_what_was_typed(db: Database) -> None:
    role = _set(db, "street", district="东城区", units=["景山街道"])
    assert role == installation.Role("street", district="东城区", units=("景山街道",))
    assert role.holds_district("DC", "东城区") and role.holds_unit("DC-U02", "景山街道")
    assert not role.holds_unit("DC-U01", "东华门街道")
    with db.read() as s:
        assert installation.current(s) == role
        assert installation.role_dict(s, role, "en")["text"] == "street office (东城区: 景山街道)"


@pytest.mark.parametrize(("role", "selectors", "code"), [
    ("mayor", {}, "installation.refused.unknown_role"),
    ("street", {"district": "DC"}, "installation.refused.units_needed"),
    ("district", {}, "installation.refused.district_needed"),
    ("reviewer", {}, "installation.refused.reviewer_needed"),
    ("city", {"district": "DC"}, "installation.refused.not_for_role"),
    ("district", {"district": "火星区"}, "lookup.no_district"),
    ("street", {"units": ["DC-U01", "CY-U01"]}, "installation.refused.district_needed"),
    ("street", {"district": "CY", "units": ["DC-U01"]}, "lookup.no_unit"),
    ("reviewer", {"reviewer": "nobody"}, "installation.refused.no_reviewer"),
    ("reviewer", {"reviewer": "DC-R1", "district": "CY"}, "installation.refused.reviewer_elsewhere"),
])
def test_a_role_that_does_not_fit_the_store_is_refused(demo_db: Database, role: str, selectors: dict[str, object],
                                                       code: str) -> None:
    refusal = _refusal(demo_db, role, **selectors)
    assert refusal.code == code and refusal.message("zh") and refusal.message("en")
    with demo_db.read() as s:
        assert installation.current(s) is None   # nothing kept


def test_a_role_already_set_is_changed_only_when_asked(demo_db: Database) -> None:
    _set(demo_db, "district", district="DC")
    refusal = _refusal(demo_db, "city")
    assert refusal.code == "installation.refused.already_set" and "区级专班（东城区）" in refusal.message("zh")
    with demo_db.read() as s:
        assert installation.current(s) == installation.Role("district", district="DC")


def test_the_demo_is_a_district_office_of_its_first_district(demo_db: Database) -> None:
    with demo_db.write() as s:
        assert installation.set_demo_role(s) == installation.Role("district", district="DC")
        assert installation.set_demo_role(s) is None   # set once
