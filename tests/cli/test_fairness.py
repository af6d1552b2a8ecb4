"""The command line of a fair panel: zeshi recuse, score --entry 2, entries, resolve, finalize, dashboard keys."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

UNIT = ("--form", "3-2", "--unit", "景山街道", "--reviewer", "DC-R4")
PAPER = ("--form", "3-1", "--unit", "东四街道")


def _bytes(db: str) -> str:
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return hashlib.sha256(Path(db).read_bytes()).hexdigest()


def _district_score(zeshi, db: str, unit: str) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    code, out, _ = zeshi("--db", db, "--json", "rank", "--district", "东城区")
    assert code == 0
    row = next(r for r in json.loads(out)["rows"] if r["unit"] == unit)
    return row["district_score"], row["rank"]


def test_recuse_list_withdraw_and_the_mean(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    before, _ = _district_score(zeshi, db, "景山街道")
    code, out, err = zeshi("--db", db, "recuse", *UNIT, "--reason", "同单位", "--actor", "张三")
    assert code == 0, err
    assert "回避" in out and "不再计入" in out            # the demo's sheet was filled: kept, not counted
    after, _ = _district_score(zeshi, db, "景山街道")
    assert after != before
    code, out, _ = zeshi("--db", db, "--json", "recuse", "--list", "--district", "东城区")
    (listed,) = json.loads(out)
    assert (listed["reason"], listed["reason_text"], listed["unit"], listed["declared_by"]) == \
        ("same_institution", "同单位", "景山街道", "张三")
    code, _, err = zeshi("--db", db, "recuse", *UNIT, "--reason", "同单位")
    assert code == 2 and "已对该对象回避" in err
    code, _, err = zeshi("--db", db, "--json", "recuse", *UNIT, "--withdraw")
    assert code == 2 and json.loads(err)["error"]["code"] == "fairness.recusal.withdraw_no_reason"
    assert zeshi("--db", db, "recuse", *UNIT, "--withdraw", "--reason", "核实无关", "--actor", "李四")[0] == 0
    assert _district_score(zeshi, db, "景山街道")[0] == before
    code, out, _ = zeshi("--db", db, "--lang", "en", "recuse", "--list", "--all")
    assert "withdrawn" in out.lower() and "same institution" in out


def test_recuse_a_city_reviewer_from_a_district_and_suggestions(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = zeshi("--db", db, "recuse", "--form", "4-3", "--district", "东城区", "--reviewer", "CITY-R1",
                           "--reason", "来自东城区", "--actor", "市专班")
    assert code == 0, err
    code, out, _ = zeshi("--db", db, "--json", "recuse", "--list", "--form", "4-3")
    assert json.loads(out)[0]["reason"] == "other" and json.loads(out)[0]["detail"] == "来自东城区"
    code, out, _ = zeshi("--db", db, "--json", "recuse", "--suggest")
    found = json.loads(out)
    assert found and {s["basis"] for s in found} >= {"planner_organisation", "member_organisation"}
    assert any(s["form"] == "4-3" for s in found)


def test_the_second_entry_blocks_finalize_naming_the_item_until_resolved(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    assert zeshi("--db", db, "unlock", *PAPER, "--reason", "纸质表复核", "--actor", "王")[0] == 0
    code, out, _ = zeshi("--db", db, "--json", "show", *PAPER)
    first = json.loads(out)["scores"]
    typed = {**first, "planning_coordination": "9.5" if first["planning_coordination"] != "9.5" else "9"}
    pairs = [f"{k}={v}" for k, v in typed.items()]
    code, out, err = zeshi("--db", db, "score", *PAPER, "--entry", "2", "--actor", "赵", *pairs)
    assert code == 0, err
    assert "1 项不一致" in out and "助力规划统筹" in out
    assert first["planning_coordination"] not in out.split("助力规划统筹")[0][-8:]   # entry 1's value not shown
    code, _, err = zeshi("--db", db, "--json", "finalize", *PAPER, "--actor", "王")
    error = json.loads(err)["error"]
    assert code == 2 and error["code"] == "fairness.entry.differs" and "助力规划统筹" in error["message"]
    code, _, err = zeshi("--db", db, "resolve", *PAPER, f"planning_coordination={first['planning_coordination']}",
                         "--reason", "核对纸质表", "--actor", "赵")
    assert code == 2 and "第三人" in err
    code, out, err = zeshi("--db", db, "--json", "resolve", *PAPER,
                           f"planning_coordination={first['planning_coordination']}", "--reason", "核对纸质表",
                           "--actor", "孙")
    assert code == 0, err
    assert json.loads(out)["agree"] is True
    code, out, _ = zeshi("--db", db, "entries", *PAPER)
    assert "核对纸质表" in out and "已裁定" in out
    assert zeshi("--db", db, "finalize", *PAPER, "--actor", "王")[0] == 0
    code, out, _ = zeshi("--db", db, "audit", *PAPER)
    assert "entry2" in out and "resolve" in out and "孙" in out and "赵" in out


def test_score_entry_2_needs_a_typist_and_no_remarks(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    assert zeshi("--db", db, "unlock", *PAPER, "--reason", "复核", "--actor", "王")[0] == 0
    code, _, err = zeshi("--db", db, "--json", "score", *PAPER, "--entry", "2", "basic_contract=3")
    assert code == 2 and json.loads(err)["error"]["code"] == "fairness.entry.needs_typist"
    code, _, err = zeshi("--db", db, "--json", "score", *PAPER, "--entry", "2", "--actor", "赵", "--remarks", "x",
                         "basic_contract=3")
    assert code == 2 and json.loads(err)["error"]["code"] == "fairness.entry.scores_only"


def test_dashboard_json_has_the_lens_and_the_recusals(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    assert zeshi("--db", db, "recuse", *UNIT, "--reason", "relative")[0] == 0
    _code, out, _ = zeshi("--db", db, "--json", "dashboard", "--district", "东城区")
    data = json.loads(out)
    lens = data["reviewer_lens"]
    assert lens["official"] is False and "不是正式规则" in lens["note"]
    assert {r["reviewer_code"] for r in lens["reviewers"]} == {f"DC-R{i}" for i in range(1, 6)}
    assert all({"official_rank", "what_if_rank", "moved"} <= set(r) for r in lens["ranking"])
    (recusal,) = data["recusals"]
    assert recusal["reason"] == "relative" and recusal["unit"] == "景山街道"
    _code, out, _ = zeshi("--db", db, "--json", "dashboard", "--city")
    assert {"reviewer_lens", "recusals"} <= set(json.loads(out))
    _code, out, _ = zeshi("--db", db, "--lang", "en", "dashboard", "--district", "东城区")
    assert "Reviewer lens" in out and "not the official rule" in out


def test_reads_leave_the_store_as_it_was(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    before = _bytes(db)
    for args in (("recuse", "--list"), ("recuse", "--suggest"), ("recuse", "--list", "--all"),
                 ("entries", *PAPER), ("--json", "dashboard", "--district", "东城区")):
        zeshi("--db", db, *args)
    assert _bytes(db) == before
