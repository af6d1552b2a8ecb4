"""The `zeshi` command line: output, exit codes, one-line errors, nothing written on error."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from zeshi_desktop.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_file(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    code, _, _ = run(capsys, "--db", str(path), "demo")
    assert code == 0
    return path


def _digest(path):
    import sqlite3
    con = sqlite3.connect(path)
    rows = [con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    con.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_demo_fills_every_sheet(demo_file, capsys):
    code, out, _ = run(capsys, "--db", str(demo_file), "--json", "sheets")
    assert code == 0
    sheets = json.loads(out)
    by_form = {}
    for s in sheets:
        by_form.setdefault(s["form"], set()).add(s["status"])
    assert set(by_form) == {"3-1", "3-2", "4-1", "4-2", "4-3", "5-1"}
    assert all(statuses == {"final"} for statuses in by_form.values())


def test_demo_refuses_a_non_empty_database(demo_file, capsys):
    code, _, err = run(capsys, "--db", str(demo_file), "demo")
    assert code != 0 and err.count("\n") == 1 and "zeshi:" in err


def test_forms_json_lists_the_annexes(capsys):
    code, out, _ = run(capsys, "--json", "forms")
    assert code == 0
    data = json.loads(out)
    assert [f["id"] for f in data] == ["3-1", "3-2", "3-3", "4-1", "4-2", "4-3", "5-1"]
    assert {f["id"]: f["total"] for f in data}["3-1"] == "125"


def test_score_refusal_is_one_line_and_writes_nothing(demo_file, capsys):
    run(capsys, "--db", str(demo_file), "unlock", "--form", "3-1", "--unit", "景山街道", "--reason", "复核")
    before = _digest(demo_file)
    code, out, err = run(capsys, "--db", str(demo_file), "score", "--form", "3-1", "--unit", "景山街道",
                         "basic_contract=3", "planning_coordination=11")
    assert code != 0 and out == ""
    assert err == "zeshi: 11 超过单项满分 10 (助力规划统筹)\n"
    assert _digest(demo_file) == before


def test_score_finalize_unlock_audit_round(demo_file, capsys):
    db = ["--db", str(demo_file)]
    sel = ["--form", "3-2", "--unit", "景山街道", "--reviewer", "DC-R1"]
    code, _, err = run(capsys, *db, "score", *sel, "other_tasks=9")
    assert code != 0 and "已定稿" in err
    assert run(capsys, *db, "unlock", *sel, "--reason", "评审人更正", "--actor", "王")[0] == 0
    code, out, _ = run(capsys, *db, "--json", "score", *sel, "other_tasks=9", "--actor", "王")
    assert code == 0 and json.loads(out)["scores"]["other_tasks"] == "9"
    assert run(capsys, *db, "finalize", *sel, "--actor", "王")[0] == 0
    code, out, _ = run(capsys, *db, "--json", "audit", *sel)
    actions = [e["action"] for e in json.loads(out)]
    assert actions[-3:] == ["unlock", "change", "finalize"]


def test_score_from_json_file(demo_file, tmp_path, capsys):
    db = ["--db", str(demo_file)]
    sel = ["--form", "4-3", "--district", "东城区", "--reviewer", "CITY-R1"]
    run(capsys, *db, "unlock", *sel, "--reason", "x")
    f = tmp_path / "s.json"
    f.write_text(json.dumps({"plan": 18, "implementation": "27.5"}), encoding="utf-8")
    code, out, _ = run(capsys, *db, "--json", "score", *sel, "--file", str(f))
    assert code == 0
    data = json.loads(out)
    assert data["scores"]["plan"] == "18" and data["scores"]["implementation"] == "27.5"


def test_rank_json_and_table(demo_file, capsys):
    code, out, _ = run(capsys, "--db", str(demo_file), "--json", "rank", "--year", "2025", "--district", "东城区")
    data = json.loads(out)
    assert code == 0 and data["street_weight"] == "40" and len(data["rows"]) == 4
    assert [r["rank"] for r in data["rows"]] == sorted(r["rank"] for r in data["rows"])
    code, out, _ = run(capsys, "--db", str(demo_file), "rank", "--year", "2025", "--districts")
    assert code == 0 and "延庆区" in out and "合同未全部签订" in out


def test_weights_refused(demo_file, capsys):
    code, _, err = run(capsys, "--db", str(demo_file), "weights", "--district", "东城区", "--street", "15",
                       "--group", "85")
    assert code != 0 and "低于20%" in err


def test_weights_refused_in_english(demo_file, capsys):
    """The issue's example: the same refusal, in English, with the old option spellings."""
    code, out, err = run(capsys, "--db", str(demo_file), "--lang", "en", "weights", "--district", "东城区",
                         "--street", "15", "--group", "85")
    assert code == 2 and out == "" and err == "zeshi: Office review weight 15% is below 20%\n"


def test_unknown_district_is_one_line(demo_file, capsys):
    code, _, err = run(capsys, "--db", str(demo_file), "rank", "--district", "火星区")
    assert code != 0 and err.strip() == "zeshi: 没有区“火星区”"


def test_console_script_runs(tmp_path):
    """The installed entry point, as a user types it."""
    result = subprocess.run([sys.executable, "-m", "zeshi_desktop.cli", "--db", str(tmp_path / "x.sqlite3"),
                             "rank", "--district", "东城区"], capture_output=True, text=True, check=False)
    assert result.returncode != 0 and result.stdout == "" and result.stderr.startswith("zeshi: ")
