"""A change made with `zeshi` says so in the audit, and the day's backup is taken before it (never for a read)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from zeshi_desktop.store import backup

SEL = ("--form", "3-1", "--unit", "景山街道")


def _roles(db: str) -> list[tuple[str, str | None]]:
    connection = sqlite3.connect(db)
    rows = connection.execute("SELECT action, role FROM audit_log ORDER BY id").fetchall()
    connection.close()
    return rows


def _backups(db: str) -> list[str]:
    return sorted(b.reason for b in backup.backups(Path(db)))


def test_every_change_names_the_command_line_in_the_audit(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    known = len(_roles(db))
    assert zeshi("--db", db, "unlock", *SEL, "--reason", "复核", "--actor", "王")[0] == 0
    assert zeshi("--db", db, "score", *SEL, "basic_contract=3", "--actor", "王")[0] == 0
    assert zeshi("--db", db, "finalize", *SEL, "--actor", "王")[0] == 0
    assert _roles(db)[known:] == [("unlock", "command-line"), ("change", "command-line"), ("finalize", "command-line")]


def test_a_write_takes_the_days_backup_first(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    known = len(_roles(db))
    assert zeshi("--db", db, "unlock", *SEL, "--reason", "复核")[0] == 0
    assert _backups(db) == ["daily", "unlock"]
    daily = next(b.path for b in backup.backups(Path(db)) if b.reason == "daily")
    connection = sqlite3.connect(daily)   # taken before the change
    assert connection.execute("SELECT count(*) FROM audit_log").fetchone()[0] == known < len(_roles(db))
    connection.close()
    assert zeshi("--db", db, "weights", "--district", "东城区", "--trimmed-mean", "no")[0] == 0
    assert _backups(db) == ["daily", "unlock"]   # one a day


def test_a_day_later_another(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    yesterday = datetime.now() - timedelta(days=1, minutes=1)
    backup.make_backup(Path(db), "daily", now=yesterday)
    assert zeshi("--db", db, "recommend", "--unit", "景山街道")[0] == 0
    assert _backups(db) == ["daily", "daily"]


def test_reads_take_no_backup(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    for command in (("show", *SEL), ("rank", "--districts"), ("sheets",), ("weights", "--district", "东城区"),
                    ("check",), ("backups",)):
        assert zeshi("--db", db, *command)[0] == 0, command
    assert not (Path(db).parent / "backups").exists()


def test_a_new_store_takes_no_backup_of_its_emptiness(zeshi, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "new" / "x.sqlite3")
    assert zeshi("--db", db, "demo")[0] == 0
    assert _backups(db) == []


def test_a_damaged_store_is_not_copied_over_sound_backups(zeshi, demo_db, db: str) -> None:  # type: ignore[no-untyped-def]
    demo_db.dispose()
    connection = sqlite3.connect(db)
    connection.execute("UPDATE scores SET tenths = tenths - 1 WHERE rowid = (SELECT min(rowid) FROM scores)")
    connection.commit()
    connection.close()
    zeshi("--db", db, "weights", "--district", "东城区", "--trimmed-mean", "yes")
    assert _backups(db) == []


def test_a_backup_that_cannot_be_written_refuses_the_change(zeshi, db: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import errno

    def full(source: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "copy_database", full)
    known = _roles(db)
    code, out, err = zeshi("--db", db, "unlock", *SEL, "--reason", "复核")
    assert (code, out) == (2, "") and err.startswith("zeshi: 无法写入备份 ") and err.endswith("：磁盘空间已满\n")
    assert _roles(db) == known


def test_accepting_an_edited_package_needs_a_reason_and_records_it(demo_db, demo_year, tmp_path, capsys):  # type: ignore[no-untyped-def]
    """`zeshi import --accept-edited` without --reason is refused; with one, the reason is in the audit."""
    from openpyxl import load_workbook
    from sqlalchemy import select

    from tests.packages.excel import cell_of
    from zeshi_desktop.cli import main
    from zeshi_desktop.store.models import AuditEntry

    db = ["--db", str(demo_db.path)]
    demo_db.dispose()
    package = tmp_path / "p.xlsx"
    assert main([*db, "export", "street-district", "--unit", "DC-U01", "-o", str(package)]) == 0
    wb = load_workbook(package)
    ws = next(w for w in wb.worksheets if w.title.startswith("3-1"))
    ws[cell_of(ws, "DC-U01/P001", "remarks")] = "在表格软件中改过"
    wb.save(package)
    capsys.readouterr()
    assert main([*db, "--lang", "en", "import", str(package), "--accept-edited", "--keep", "theirs"]) == 2
    assert "reason" in capsys.readouterr().err
    assert main([*db, "import", str(package), "--accept-edited", "--keep", "theirs", "--reason", "电话核实"]) == 0
    again = type(demo_db).open(demo_db.path)
    with again.read() as s:
        reasons = s.scalars(select(AuditEntry.reason).where(AuditEntry.package_id.is_not(None))).all()
    again.dispose()
    assert any("电话核实" in r for r in reasons)
