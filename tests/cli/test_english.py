"""`--lang en`: nothing printed is Chinese except names and what people typed (the demo's data)."""

from __future__ import annotations

import re
import sqlite3

import pytest

CJK = re.compile(r"[\u3400-\u9fff]+")
# Tables whose texts are names or what people typed: districts, units, planners and their members, reviewers,
# answers and remarks on the sheets, reasons in the audit log.
DATA_TABLES = ("districts", "units", "planners", "members", "reviewers", "answers", "sheets", "audit_log")

COMMANDS = [
    ("forms",), ("forms", "3-1"), ("--json", "forms", "4-2"),
    ("show", "--form", "3-1", "--unit", "景山街道"), ("show", "--form", "4-2", "--district", "东城区"),
    ("--json", "show", "--form", "3-1", "--unit", "景山街道"), ("audit", "--form", "3-1", "--unit", "景山街道"),
    ("sheets", "--form", "4-2"), ("weights", "--district", "东城区"),
    ("rank", "--district", "东城区"), ("--json", "rank", "--district", "东城区"),
    ("rank", "--districts"), ("--json", "rank", "--districts"),
    ("dashboard", "--district", "东城区"), ("--json", "dashboard", "--district", "东城区"),
    ("dashboard", "--city"), ("--json", "dashboard", "--city"),
    ("questionnaires",), ("--json", "questionnaires"),
    ("history", "--district", "东城区"), ("--json", "history", "--district", "东城区"),
    ("recommend", "--unit", "景山街道"), ("recommend",),
    ("backups",), ("backup",), ("backup", "--list"), ("check",), ("--json", "check"),
    # refusals
    ("weights", "--district", "东城区", "--street-weight", "15", "--district-weight", "85"),
    ("rank", "--district", "火星区"), ("rank",), ("dashboard", "--district", "东城区", "--tolerance", "x"),
    ("score", "--form", "3-1", "--unit", "景山街道", "basic_contract=3"),
    ("--json", "rank", "--district", "火星区"), ("restore", "nothing-here.sqlite3"),
    ("score", "--form", "4-2", "--district", "东城区", "--answer", "foo=bar"),
]


def _names(db: str) -> list[str]:
    """Every text with Chinese in the demo's data tables, longest first (so a name inside another goes after it)."""
    connection = sqlite3.connect(db)
    found = set()
    for table in DATA_TABLES:
        for row in connection.execute(f"SELECT * FROM {table}"):
            found |= {v for v in row if isinstance(v, str) and CJK.search(v)}
    connection.close()
    return sorted(found, key=len, reverse=True)


def _chinese_left(text: str, names: list[str]) -> list[str]:
    for name in names:
        text = text.replace(name, "")
    return CJK.findall(text)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_english_output_has_no_chinese_but_names(zeshi, db, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    code, out, err = zeshi("--db", db, "--lang", "en", *args)
    typed = [a for a in args if CJK.search(a)]   # what the user typed comes back in a refusal
    assert code in (0, 2) and out + err
    assert _chinese_left(out + err, _names(db) + typed) == []


def test_english_files_and_packages(zeshi, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ZESHI_KEY_DIR", str(tmp_path / "keys"))
    names = _names(db)
    runs = [("print", "3-1", "--unit", "景山街道", "-o", str(tmp_path / "a.pdf")),
            ("export", "district-street", "--unit", "DC-U01", "-o", str(tmp_path / "p.xlsx")),
            ("import", str(tmp_path / "p.xlsx"), "--dry-run"),
            ("roster", "export", str(tmp_path / "r.xlsx"), "--year", "2025"),
            ("roster", "import", str(tmp_path / "r.xlsx"), "--year", "2025", "--dry-run"),
            ("report", "city", "-o", str(tmp_path / "c.pdf"))]
    for args in runs:
        code, out, err = zeshi("--db", db, "--lang", "en", *args)
        assert code == 0, err
        assert _chinese_left(out + err, names) == [], args


def test_chinese_stays_as_it_was(zeshi, db) -> None:  # type: ignore[no-untyped-def]
    """The catalogue keeps the Chinese texts word for word."""
    code, out, _ = zeshi("--db", db, "weights", "--district", "东城区")
    assert code == 0 and out == "2025 年度权重：责任片区行政主体 40%，区级评审组 60%；算术平均\n"
    code, out, _ = zeshi("--db", db, "rank", "--districts")
    assert code == 0 and "优秀（合同未全部签订，不可评优）" in out
    assert out.splitlines()[0].split() == ["排名", "区", "圈层", "市级评审", "自评", "合同全部签订", "等级"]
    code, _, err = zeshi("--db", db, "dashboard", "--district", "东城区", "--tolerance", "x")
    assert code == 2 and err == "zeshi: 宽严容差“x”不是数字\n"


def test_the_district_ranking_has_the_shared_headings(zeshi, db) -> None:  # type: ignore[no-untyped-def]
    """`zeshi rank` and the dashboard take their headings from services/meeting/columns.py, as the GUI does."""
    from zeshi_desktop.services.meeting.columns import headings

    for lang in ("zh", "en"):
        rank = zeshi("--db", db, "--lang", lang, "rank", "--district", "东城区")[1].splitlines()[0]
        board = zeshi("--db", db, "--lang", lang, "dashboard", "--district", "东城区")[1].splitlines()[1]
        columns = ("rank", "unit", "planner", "street_weighted", "district_weighted", "total", "band")
        assert re.split(r"\s{2,}", rank) == headings(columns, lang)
        assert re.split(r"\s{2,}", board) == headings(columns + ("recommended",), lang)
