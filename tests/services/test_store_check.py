"""zeshi check's engine: a sound store has no findings; each kind of damage is found and named."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from zeshi_desktop.services import store_check
from zeshi_desktop.store.database import Database, StoreError

pytestmark = pytest.mark.sqlite_only   # a file's check; a server's: tests/server/test_server_store.py


def _raw(db: Database) -> sqlite3.Connection:
    assert db.path is not None
    return sqlite3.connect(db.path, isolation_level=None)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_demo_store_is_sound_and_checking_it_writes_nothing(demo_db: Database) -> None:
    assert demo_db.path is not None
    demo_db.dispose()
    before = _digest(demo_db.path)
    report = store_check.check_store(demo_db.path)
    assert report.sound, [f.message.text("en") for f in report.findings]
    assert store_check.check_store(demo_db.path, quick=True).sound
    assert _digest(demo_db.path) == before


def test_a_score_above_its_maximum_is_damaged_data(demo_db: Database) -> None:
    raw = _raw(demo_db)
    raw.execute("UPDATE scores SET tenths = 386 WHERE rowid = (SELECT min(rowid) FROM scores)")
    raw.close()
    assert demo_db.path is not None
    report = store_check.check_store(demo_db.path)
    kinds = {f.message.params["problem"].code for f in report.findings if "problem" in f.message.params}
    assert "check.value.out_of_range" in kinds
    assert any(f.message.code == "check.value.sheet_changed" for f in report.findings)
    english = " ".join(f.message.text("en") for f in report.findings)
    assert "38.6" in english and "not between 0 and" in english


def test_an_item_the_form_does_not_have_and_an_edited_audit_row_are_found(demo_db: Database) -> None:
    with demo_db.write() as session:
        from zeshi_desktop.store.models import AuditEntry
        session.add(AuditEntry(sheet_id=1, actor="张三", action="change", reason="复核"))
    raw = _raw(demo_db)
    raw.execute("INSERT INTO scores (sheet_id, item_id, tenths) SELECT sheet_id, 'no_such_item', 10 FROM scores LIMIT 1")
    for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log'").fetchall():
        raw.execute(f"DROP TRIGGER {name}")
    raw.execute("UPDATE audit_log SET reason = '改过' WHERE id = (SELECT max(id) FROM audit_log)")
    raw.close()
    assert demo_db.path is not None
    codes = {f.message.code for f in store_check.check_store(demo_db.path).findings}
    assert {"check.value.in_sheet", "check.audit.edited", "check.value.sheet_changed"} <= codes


def test_a_damaged_page_is_reported_not_raised(demo_db: Database) -> None:
    assert demo_db.path is not None
    with demo_db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = _raw(demo_db)
    size = raw.execute("PRAGMA page_size").fetchone()[0]
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'scores'").fetchone()[0]
    raw.close()
    demo_db.dispose()
    data = bytearray(demo_db.path.read_bytes())
    data[(root - 1) * size:(root - 1) * size + 8] = b"\xff" * 8
    demo_db.path.write_bytes(bytes(data))
    report = store_check.check_store(demo_db.path, quick=True)
    assert not report.sound and report.findings[0].kind == "pages"


def test_no_store_is_a_refusal_naming_the_path(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        store_check.check_store(tmp_path / "none.sqlite3")
    assert "none.sqlite3" in caught.value.message("en")
    assert list(tmp_path.iterdir()) == []


def _problems(report: store_check.CheckReport) -> list[object]:
    return [f.message.params["problem"] for f in report.findings if "problem" in f.message.params]


def test_every_stored_answer_is_checked_against_its_question(demo_db: Database) -> None:
    raw = _raw(demo_db)
    raw.execute("UPDATE answers SET value = 'maybe' WHERE key = 'contracts_signed'")   # every district's 4-2
    raw.execute("INSERT INTO answers (sheet_id, key, value) SELECT min(sheet_id), 'foo', 'bar' FROM answers")
    holders = sorted(r[0] for r in raw.execute("SELECT sheet_id FROM answers WHERE key = 'contracts_signed'"))
    raw.close()
    assert demo_db.path is not None and len(holders) == 4
    for quick in (False, True):
        report = store_check.check_store(demo_db.path, quick=quick)
        problems = _problems(report)
        codes = sorted(p.code for p in problems)   # type: ignore[attr-defined]
        assert codes == ["scoring.damaged.answer_key"] + ["scoring.damaged.answer_value"] * 4
        assert sorted(f.message.params["sheet"] for f in report.findings if "problem" in f.message.params
                      and f.message.params["problem"].code == "scoring.damaged.answer_value") == holders
        english = " ".join(f.message.text("en") for f in report.findings)
        assert '"maybe" is not an answer this question takes' in english and 'no question "foo"' in english


def test_the_answer_check_says_what_the_rule_says(forms) -> None:  # type: ignore[no-untyped-def]
    from zeshi_desktop.domain.answers import key_list, stored_problem

    check = store_check.AnswerCheck()
    for form in forms.values():
        keys = [k.replace("#N", "#3") for k in key_list(form)] + ["foo", "title:cases#0"]
        for key in keys:
            for value in ("yes", "no", "是", "maybe", "", "同意", "不同意", "不了解"):
                for _ in range(2):   # asked twice: the remembered verdict is the rule's
                    assert check.problem(form, key, value) == stored_problem(form, key, value), (form.id, key, value)


def test_a_stored_role_is_shown_in_either_language() -> None:
    from zeshi_desktop.services.trust import COMMAND_LINE, role_label

    assert role_label("district:DC-R1:王芳", "en") == "District reviewer 王芳 (DC-R1)"
    assert role_label("district:DC-R1:王芳", "zh") == "区级评审人 王芳 (DC-R1)"
    assert role_label(COMMAND_LINE, "en") == "command line" and role_label(COMMAND_LINE, "zh") == "命令行"
    assert role_label("office", "en") == "Office / district task force"
    assert role_label(None, "en") == "" and role_label("一段旧文字", "en") == "一段旧文字"
