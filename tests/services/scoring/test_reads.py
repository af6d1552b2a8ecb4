"""Reads never write: looking at a sheet that does not exist shows it blank and creates nothing."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from tests.server.backends import content_digest
from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.scoring import sheets, stored
from zeshi_desktop.store.database import Database


def _dump_hash(db: Database) -> str:
    """Every row of the store, read through a connection of its own (a server's: every table's rows)."""
    if db.is_server:
        return content_digest(db)
    assert db.path is not None
    connection = sqlite3.connect(db.path)
    try:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()
    finally:
        connection.close()


@pytest.fixture
def store(db):
    with db.write() as s:
        d = roster.add_district(s, "朝阳区", "中心城区")
        other = roster.add_district(s, "东城区", "首都功能核心区")
        a = roster.appoint(s, 2025, roster.add_unit(s, d, "望京街道"), roster.add_planner(s, "甲", is_team=True))
        ids = {"db": db, "district": d, "appointment": a,
               "reviewer": roster.add_reviewer(s, 2025, "district", "朝阳评审", district_id=d),
               "other": roster.add_reviewer(s, 2025, "district", "东城评审", district_id=other)}
        ids["scored"] = sheets.open_sheet(s, "3-1", 2025, appointment_id=a).id
        sheets.set_score(s, ids["scored"], "basic_contract", "4")
    return ids


def test_reading_a_sheet_that_does_not_exist_shows_it_blank_and_creates_nothing(store):
    db = store["db"]
    before = _dump_hash(db)
    for session in (db.read, db.write):   # a reader inside a writing session writes nothing either
        with session() as s:
            assert sheets.find_sheet(s, "3-2", 2025, appointment_id=store["appointment"],
                                     reviewer_id=store["reviewer"]) is None
            assert sheets.find_sheet_id(s, "5-1", 2025, appointment_id=store["appointment"]) is None
            blank = sheets.read_sheet(s, "3-2", 2025, appointment_id=store["appointment"],
                                      reviewer_id=store["reviewer"], district_id=store["district"])
            assert not blank.exists and blank.id == sheets.UNSAVED and blank.status == "draft"
            assert blank.scores == {} and blank.totals.total == 0 and blank.totals.missing == blank.totals.expected
            assert blank.district_id is None   # the subject of a 3-2 is the appointment
            four_one = sheets.read_sheet(s, "4-1", 2025, district_id=store["district"])
            assert not four_one.exists and four_one.totals is None
    assert _dump_hash(db) == before


def test_a_blank_sheet_is_shown_only_to_a_reviewer_who_may_fill_it(store):
    with store["db"].read() as s, pytest.raises(ActionRefused) as refused:
        sheets.read_sheet(s, "3-2", 2025, appointment_id=store["appointment"], reviewer_id=store["other"])
    assert refused.value.code == "scoring.sheet.reviewer_other_district"


def test_every_reader_of_an_existing_sheet_leaves_the_store_as_it_was(store):
    db = store["db"]
    before = _dump_hash(db)
    with db.write() as s:
        found = sheets.find_sheet(s, "3-1", 2025, appointment_id=store["appointment"], district_id=store["district"])
        assert found is not None and found.exists and found.id == store["scored"]
        assert sheets.read_sheet(s, "3-1", 2025, appointment_id=store["appointment"]).id == store["scored"]
        assert sheets.view(s, store["scored"]).scores
        assert sheets.problems(s, store["scored"])
        assert sheets.audit_log(s, store["scored"]) == []
        assert [v.id for v in sheets.sheets(s, 2025)] == [store["scored"]]
        assert stored.damaged_sheets(s, 2025) == {}
    assert _dump_hash(db) == before


def test_the_first_change_creates_the_sheet(store):
    db = store["db"]
    with db.write() as s:
        sid = sheets.open_sheet(s, "5-1", 2025, appointment_id=store["appointment"]).id
        sheets.set_answers(s, sid, {"unit:name": "望京"})
    with db.read() as s:
        found = sheets.find_sheet(s, "5-1", 2025, appointment_id=store["appointment"])
    assert found is not None and found.answers == {"unit:name": "望京"}
