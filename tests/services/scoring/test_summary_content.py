"""4-1: texts outside their length are warned about at finalise (never refused); pictures carry captions."""

from __future__ import annotations

import sqlite3

import pytest

from tests.server.backends import location
from zeshi_desktop.cli import main
from zeshi_desktop.messages import Message
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.errors import ActionRefused, SheetLocked
from zeshi_desktop.services.printing import jobs
from zeshi_desktop.services.scoring import district_summary as summary
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.scoring.problems import form_warnings
from zeshi_desktop.store.database import Database

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def _summary(db: Database, year: int) -> tuple[roster.DistrictView, int]:
    with db.read() as s:
        district = roster.districts(s)[0]
        sid = sheets.find_sheet_id(s, "4-1", year, district_id=district.id)
    with db.write() as s:
        sheets.unlock(s, sid, "补充")
    return district, sid


def test_texts_outside_the_outline_lengths_are_warnings_in_both_languages():
    form = catalogue.form("4-1")
    found = form_warnings(form, {"text:overview": "字" * 1000, "text:focus": "字" * 500, "text:cases#1": "短",
                                 "title:cases#2": "只有标题", "text:cases#3": "字" * 700,
                                 "text:taskforce_building": "字" * 5000})
    assert [m.code for m in found] == ["scoring.warning.too_long", "scoring.warning.too_short",
                                       "scoring.warning.too_short"]
    assert [m.text("zh") for m in found] == ["“整体介绍”1000字，超过要求的300字",
                                             "“优秀案例（案例1）”1字，少于要求的500字",
                                             "“优秀案例（案例2）”0字，少于要求的500字"]
    assert found[0].text("en") == '"Overview" has 1000 characters, more than the 300 asked for'
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in m.text("en")) for m in found)
    assert form_warnings(form, {}) == []                       # an empty summary: nothing to warn about
    assert form_warnings(catalogue.form("3-1"), {"text:overview": "字" * 1000}) == []


def test_a_long_overview_is_finalised_with_a_warning_not_refused(demo_db: Database, demo_year: int):
    _district, sid = _summary(demo_db, demo_year)
    with demo_db.write() as s:
        sheets.set_answers(s, sid, {"text:overview": "字" * 1000})
    with demo_db.read() as s:
        warned = sheets.warnings(s, sid)
        assert sheets.problems(s, sid) == []
    assert warned == [Message("scoring.warning.too_long", section=catalogue.form("4-1").outline[0].heading,
                              count=1000, limit=300)]
    with demo_db.write() as s:
        assert sheets.finalize(s, sid).is_final


def test_the_command_line_prints_the_warnings_when_it_finalises(demo_db: Database, demo_year: int, capsys):
    district, sid = _summary(demo_db, demo_year)
    with demo_db.write() as s:
        sheets.set_answers(s, sid, {"text:focus": "字" * 600})
    capsys.readouterr()
    code = main(["--db", location(demo_db), "--json", "finalize", "--form", "4-1", "--district", district.name])
    out, err = capsys.readouterr()
    assert code == 0 and out.lstrip().startswith("{")           # --json stays one document on stdout
    assert "注意：“工作重点与特色”600字，超过要求的500字" in err


def test_a_caption_is_typed_kept_and_printed(demo_db: Database, demo_year: int):
    district, sid = _summary(demo_db, demo_year)
    with demo_db.write() as s:
        new = summary.add_picture(s, sid, "cases#1", "IMG_0042.png", "image/png", PNG, caption=" 社区 花园\n")
        first = summary.pictures(s, sid, "cases#1")[0]
        changed = summary.set_caption(s, first.id, "整治前的胡同入口")
    assert changed.caption == "整治前的胡同入口"
    with demo_db.read() as s:
        captions = {p.id: p.caption for p in summary.pictures(s, sid)}
        planned = jobs.prepare_form(s, "4-1", jobs.Selection(demo_year, district_id=district.id))
    assert captions[new] == "社区 花园" and captions[first.id] == "整治前的胡同入口"   # one line, trimmed
    printed = planned.planned[0].doc.cases[0].pictures
    assert printed[0].caption == "整治前的胡同入口" and printed[-1].caption == "社区 花园"


def test_a_caption_is_refused_on_a_finalised_summary_and_when_too_long(demo_db: Database, demo_year: int):
    _district, sid = _summary(demo_db, demo_year)
    with demo_db.read() as s:
        picture = summary.pictures(s, sid)[0]
    with demo_db.write() as s, pytest.raises(ActionRefused) as refused:
        summary.set_caption(s, picture.id, "长" * (summary.CAPTION_MAX + 1))
    assert refused.value.code == "scoring.picture.caption_too_long"
    assert str(summary.CAPTION_MAX) in refused.value.message("en")
    with demo_db.write() as s:
        sheets.finalize(s, sid)
    with demo_db.write() as s, pytest.raises(SheetLocked) as locked:
        summary.set_caption(s, picture.id, "改")
    assert locked.value.code == "scoring.picture.summary_locked"


@pytest.mark.sqlite_only   # SQLite's own description of the table
def test_the_store_has_the_caption_column_and_old_pictures_have_none(demo_db: Database):
    connection = sqlite3.connect(demo_db.path)
    try:
        columns = {row[1]: row for row in connection.execute("PRAGMA table_info(attachments)")}
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()
    assert "caption" in columns and columns["caption"][3] == 1      # NOT NULL, '' for pictures of before
    assert revision >= "0005"                                      # 0005 or a later revision
