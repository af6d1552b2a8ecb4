"""Reads never write: every command that only looks leaves the store's bytes and its folder as they were.

The store holds the demo year (every sheet final, a print recorded) and a
second year with its roster only, so that the reads meet sheets nobody has
written yet: a read shows them blank and creates none.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from zeshi_desktop.cli import main

NEXT = "2026"   # the year with a roster and no sheet (the newest: what a command without --year takes)
THIS = ("--year", "2025")   # the demo year, every sheet final
UNIT = ("--unit", "景山街道")

READS: list[tuple[str, ...]] = [
    ("forms",), ("forms", "3-1"),
    ("show", *THIS, "--form", "3-1", *UNIT), ("--json", "show", *THIS, "--form", "3-2", *UNIT, "--reviewer", "DC-R1"),
    ("show", "--form", "3-1", *UNIT),
    ("show", "--year", NEXT, "--form", "3-1", *UNIT),
    ("--json", "show", "--year", NEXT, "--form", "3-2", *UNIT, "--reviewer", "N-DC-R1"),
    ("show", "--year", NEXT, "--form", "4-2", "--district", "东城区"),
    ("show", "--year", NEXT, "--form", "4-3", "--district", "东城区", "--reviewer", "N-CITY-R1"),
    ("show", "--year", NEXT, "--form", "5-1", *UNIT),
    ("audit", *THIS, "--form", "3-1", *UNIT), ("audit", "--year", NEXT, "--form", "3-1", *UNIT),
    ("sheets", *THIS), ("sheets",), ("weights", *THIS, "--district", "东城区"), ("weights", "--district", "东城区"),
    ("rank", *THIS, "--district", "东城区"), ("rank", *THIS, "--districts"), ("rank", "--district", "东城区"),
    ("dashboard", *THIS, "--district", "东城区"), ("dashboard", *THIS, "--city"), ("dashboard", "--district", "东城区"),
    ("questionnaires", *THIS), ("history", "--district", "东城区"), ("history", "--planner", "P001"),
    ("recommend", *THIS),
    ("verify", "{code}"), ("verify", "ZS-0000-0000-0000-0000"),
    ("print", "3-1", *THIS, *UNIT, "-o", "{out}/a.pdf"),   # printed before: its code is known, nothing to record
    ("print", "all", "--year", NEXT, "--district", "东城区", "-o", "{out}/b.pdf"),
    ("print", "5-1", "--blank", "-o", "{out}/c.pdf"),
    ("export", "street-district", *THIS, *UNIT, "-o", "{out}/p.xlsx"),
    ("template", "street-district", *THIS, *UNIT, "-o", "{out}/t.xlsx"),
    ("roster", "export", "{out}/r.xlsx", "--year", "2025"),
    ("roster", "import", "{roster}", "--year", "2027", "--dry-run"),
    ("import", "{package}", "--dry-run"),
    ("report", "result", *THIS, "--district", "东城区", "-o", "{out}/r.xlsx"),
    ("report", "city", *THIS, "-o", "{out}/c.pdf"),
    ("check",), ("backups",), ("backup", "--list"), ("key",),
    # refusals: nothing written either
    ("rank", "--district", "火星区"), ("show", "--year", "2031", "--form", "3-1", *UNIT),
    ("show", "--year", NEXT, "--form", "3-2", *UNIT, "--reviewer", "N-CITY-R1"),
]


def next_year_roster(db: str, folder: Path) -> Path:
    """This year's roster as next year's: its reviewers under new codes (a code belongs to one year)."""
    from openpyxl import load_workbook

    path = folder / "next-roster.xlsx"
    assert main(["--db", db, "roster", "export", str(path), "--year", "2025"]) == 0
    book = load_workbook(path)
    sheet = book["评审人"]
    for row in sheet.iter_rows(min_row=2, max_col=1):
        if row[0].value:
            row[0].value = f"N-{row[0].value}"
    book.save(path)
    return path


def state(path: Path) -> tuple[str, list[str]]:
    """The store's bytes once its WAL is checkpointed, and the names in its folder (SQLite's own files aside)."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    names = sorted(str(p.relative_to(path.parent)) for p in path.parent.rglob("*")
                   if not p.name.endswith(("-wal", "-shm")))
    return hashlib.sha256(path.read_bytes()).hexdigest(), names


@pytest.fixture(scope="module")
def prepared(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The demo year, a roster-only year, a recorded print, a package and a roster file to preview."""
    root = tmp_path_factory.mktemp("reads")
    store = root / "store" / "demo.sqlite3"
    store.parent.mkdir()
    shutil.copy(_demo_template, store)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ZESHI_KEY_DIR", str(root / "keys"))
        db = ["--db", str(store)]
        roster = next_year_roster(str(store), root)
        assert main([*db, "roster", "import", str(roster), "--year", NEXT]) == 0
        assert main([*db, "export", "street-district", *THIS, *UNIT, "-o", str(root / "package.xlsx")]) == 0
        assert main([*db, "print", "3-1", *THIS, *UNIT, "-o", str(root / "printed.pdf")]) == 0
        yield {"store": str(store), "roster": str(roster), "package": str(root / "package.xlsx")}


@pytest.fixture
def store(prepared: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
          capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """A private copy of the prepared store, an output folder and the code printed."""
    monkeypatch.setenv("ZESHI_KEY_DIR", str(tmp_path / "keys"))
    state(Path(prepared["store"]))
    copy = tmp_path / "store" / "demo.sqlite3"
    shutil.copytree(Path(prepared["store"]).parent, copy.parent, ignore=shutil.ignore_patterns("*-wal", "*-shm"))
    (tmp_path / "out").mkdir()
    capsys.readouterr()
    assert main(["--db", str(copy), "--json", "print", "3-1", *THIS, *UNIT, "-o", str(tmp_path / "out" / "a.pdf")]) == 0
    code = json.loads(capsys.readouterr().out)["codes"][0]
    return {**prepared, "store": str(copy), "out": str(tmp_path / "out"), "code": code}


@pytest.mark.parametrize("command", READS, ids=lambda c: " ".join(c))
def test_a_read_leaves_the_store_as_it_was(store: dict[str, str], command: tuple[str, ...]) -> None:
    path = Path(store["store"])
    before = state(path)
    main(["--db", str(path), *(part.format(**store) for part in command)])
    assert state(path) == before


def test_a_first_print_records_its_codes_and_nothing_else(_demo_template: Path, tmp_path: Path) -> None:
    """Printing keeps what a final sheet was printed with, for `zeshi verify`: no sheet, no score, no backup."""
    path = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_template, path)
    tables = ("sheets", "scores", "answers", "audit_log")

    def content() -> list[object]:
        connection = sqlite3.connect(path)
        rows = [connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables]
        connection.close()
        return rows

    before = content()
    assert main(["--db", str(path), "print", "3-1", "--district", "东城区", "-o", str(tmp_path / "x.pdf")]) == 0
    assert content() == before and not (tmp_path / "backups").exists()


CREATE_NOTHING = [
    ("rank",), ("rank", "--districts"), ("show", "--form", "3-1", *UNIT), ("audit", "--form", "3-1", *UNIT),
    ("sheets",), ("weights", "--district", "东城区"), ("dashboard", "--city"), ("history", "--district", "东城区"),
    ("questionnaires",), ("recommend",), ("verify", "ZS-0000-0000-0000-0000"), ("check",), ("backups",),
    ("backup",), ("print", "3-1", *UNIT, "-o", "{tmp}/x.pdf"), ("export", "street-district", "-o", "{tmp}/p.xlsx"),
    ("report", "city", "-o", "{tmp}/c.pdf"), ("roster", "export", "{tmp}/r.xlsx", "--year", "2025"),
    # writes that need data a new store cannot have: refused the same way, nothing made
    ("score", "--form", "3-1", *UNIT, "basic_contract=3"), ("finalize", "--form", "3-1", *UNIT),
    ("unlock", "--form", "3-1", *UNIT, "--reason", "x"), ("weights", "--district", "东城区", "--trimmed-mean", "yes"),
    ("recommend", "--unit", "景山街道"),
]


@pytest.mark.parametrize("command", CREATE_NOTHING, ids=lambda c: " ".join(c))
def test_no_database_is_refused_and_nothing_is_made(zeshi, tmp_path: Path, command: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "no" / "such" / "dir" / "x.sqlite3"
    code, out, err = zeshi("--db", str(path), *(part.format(tmp=tmp_path) for part in command))
    assert (code, out) == (2, "")
    assert err == (f"zeshi: 没有数据库文件：{path}（用 zeshi demo、zeshi roster import 或 zeshi import 新建，"
                   "或用 --db 指定已有的文件）\n")
    assert list(tmp_path.iterdir()) == []


def test_the_issue_example_in_english(zeshi, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = zeshi("--db", "no/such/dir/x.sqlite3", "--lang", "en", "rank")
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert err.startswith("zeshi: No database file: no/such/dir/x.sqlite3 (create one with zeshi demo")
    assert not Path("no").exists()


def test_a_preview_of_a_creating_command_makes_no_store(zeshi, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roster = tmp_path / "r.xlsx"
    assert zeshi("--db", db, "roster", "export", str(roster), "--year", "2025")[0] == 0
    new = tmp_path / "new" / "x.sqlite3"
    code, out, _ = zeshi("--db", str(new), "--json", "roster", "import", str(roster), "--year", "2025", "--dry-run")
    assert code == 0 and json.loads(out)["written"] is False and not new.parent.exists()


def test_show_audit_and_unlock_create_no_sheet(zeshi, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert zeshi("--db", db, "roster", "import", str(next_year_roster(db, tmp_path)), "--year", NEXT)[0] == 0
    sel = ("--year", NEXT, "--form", "3-1", *UNIT)
    code, out, _ = zeshi("--db", db, "--json", "show", *sel)
    shown = json.loads(out)
    assert code == 0 and shown["sheet_id"] is None and shown["scores"] == {}
    assert zeshi("--db", db, "show", *sel)[1].rstrip().endswith("(尚未填写)")
    assert zeshi("--db", db, "--json", "audit", *sel)[:2] == (0, "[]\n")
    assert zeshi("--db", db, "unlock", *sel, "--reason", "复核") == (2, "", "zeshi: 该评审表尚未定稿，无需解锁\n")
    assert json.loads(zeshi("--db", db, "--json", "sheets", "--year", NEXT)[1]) == []
    # `print 3-3` counts no draft that a read made (the issue's finding)
    zeshi("--db", db, "print", "3-1", "--year", NEXT, "--district", "东城区", "-o", str(tmp_path / "x.pdf"))
    assert json.loads(zeshi("--db", db, "--json", "sheets", "--year", NEXT)[1]) == []


@pytest.mark.parametrize("command", [("import", "{tmp}/none.xlsx"), ("roster", "import", "{tmp}/none.xlsx",
                                                                      "--year", "2025")], ids=" ".join)
def test_a_refused_creating_command_leaves_no_store(zeshi, tmp_path: Path, command: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "new" / "folder" / "x.sqlite3"
    code, out, err = zeshi("--db", str(path), *(part.format(tmp=tmp_path) for part in command))
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []
