"""``zeshi excellent``, ``zeshi print feedback|excellent`` and ``zeshi report renewals``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdf
from openpyxl import load_workbook

from tests.cli.conftest import Run


def _pages(path: Path) -> list[str]:
    return ["".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages]


def test_a_letter_prints_what_zeshi_rank_and_the_dashboard_say(zeshi: Run, db: str, tmp_path: Path) -> None:
    code, out, _ = zeshi("--db", db, "--json", "rank", "--district", "DC")
    assert code == 0
    ranked = json.loads(out)["rows"]
    code, out, _ = zeshi("--db", db, "--json", "dashboard", "--district", "DC")
    assert code == 0
    shown = json.loads(out)["ranking"]
    pdf = tmp_path / "dc.pdf"
    code, out, err = zeshi("--db", db, "--json", "print", "feedback", "--district", "DC", "-o", str(pdf))
    assert code == 0 and err == ""
    printed = json.loads(out)
    assert printed["documents"] == 4 and printed["drafts"] == 0 and len(printed["codes"]) == 4
    pages = _pages(pdf)
    assert len(pages) == 4   # one page each, in the ranking's order
    for page, row, same in zip(pages, ranked, shown, strict=True):
        assert {k: row[k] for k in ("unit", "total", "street_weighted", "district_weighted")} == \
               {k: same[k] for k in ("unit", "total", "street_weighted", "district_weighted")}
        assert row["unit"] in page and f"{row['rank']}/4" in page
        for key in ("street_score", "district_score", "street_weighted", "district_weighted", "total"):
            assert row[key] in page, (key, row[key])


def test_print_feedback_for_one_unit_in_english(zeshi: Run, db: str, tmp_path: Path) -> None:
    pdf = tmp_path / "one.pdf"
    code, out, _ = zeshi("--db", db, "--lang", "en", "print", "feedback", "--unit", "DC-U01", "-o", str(pdf))
    assert code == 0 and out.startswith(f"Written {pdf}: 1 documents")
    text = _pages(pdf)[0]
    assert "feedbackontheresults" in text and "Page1of1" in text and "Verificationcode" in text


def test_print_feedback_needs_a_unit_or_a_district(zeshi: Run, db: str, tmp_path: Path) -> None:
    code, _, err = zeshi("--db", db, "--json", "print", "feedback", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and json.loads(err)["error"]["code"] == "results.cli.feedback_needs"
    assert not (tmp_path / "x.pdf").exists()


def test_the_city_selects_and_prints_its_list(zeshi: Run, db: str, tmp_path: Path) -> None:
    for unit in ("DC-U01", "CY-U02", "YQ-U01"):
        assert zeshi("--db", db, "recommend", "--unit", unit)[0] == 0
    code, out, _ = zeshi("--db", db, "--json", "excellent", "--list")
    board = json.loads(out)
    assert code == 0 and board["pending"] == 3
    assert {n["unit"]: n["eligible"] for n in board["nominees"]} == {"东华门街道": True, "双井街道": True,
                                                                      "香水园街道": False}
    code, _, err = zeshi("--db", db, "--json", "excellent", "--select", "--unit", "DC-U01")
    assert code == 2 and json.loads(err)["error"]["code"] == "results.excellent.reason_needed"
    code, out, err = zeshi("--db", db, "excellent", "--select", "--unit", "DC-U01", "--reason", "成效突出",
                           "--actor", "市专班")
    assert code == 0 and out.strip() == "东城区 东华门街道（工业大学城市建设尹芳团队）：入选" and err == ""
    assert zeshi("--db", db, "excellent", "--reject", "--unit", "CY-U02")[0] == 0
    code, _, err = zeshi("--db", db, "excellent", "--select", "--unit", "YQ-U01", "--reason", "乡村振兴")
    assert code == 0 and "延庆区的聘用合同未全部签订" in err   # a warning, not a stop
    code, out, _ = zeshi("--db", db, "--json", "excellent", "--limit", "0")
    assert code == 0 and json.loads(out)["limit"] == 0
    code, out, err = zeshi("--db", db, "--lang", "en", "excellent")
    assert "has 1 selected, more than its limit of 0" in err and "selected" in out
    code, out, _ = zeshi("--db", db, "--json", "excellent", "--audit")
    actions = [(e["action"], e["new"]) for e in json.loads(out)]
    assert actions == [("nominate", "nominated")] * 3 + [("select", "selected"), ("select", "not_selected"),
                                                        ("select", "selected"), ("limit", "0")]
    pdf = tmp_path / "list.pdf"
    code, out, _ = zeshi("--db", db, "--json", "print", "excellent", "-o", str(pdf))
    result = json.loads(out)
    assert code == 0 and result["drafts"] == 0 and result["codes"][0].startswith("ZS-9")
    page = _pages(pdf)[0]
    assert "2025年度市级优秀责任规划师名单" in page and "成效突出" in page and "双井街道" not in page
    code, out, _ = zeshi("--db", db, "verify", result["codes"][0])
    assert code == 0 and "市级优秀责任规划师名单" in out
    assert zeshi("--db", db, "excellent", "--undecide", "--unit", "CY-U02")[0] == 0
    code, out, _ = zeshi("--db", db, "verify", result["codes"][0])
    assert code == 0   # a pending nominee is not on the list: the paper still says what the data says


def test_excellent_refuses_two_decisions_and_a_bad_limit(zeshi: Run, db: str) -> None:
    code, _, err = zeshi("--db", db, "--json", "excellent", "--select", "--reject", "--unit", "DC-U01")
    assert code == 2 and json.loads(err)["error"]["code"] == "results.cli.one_decision"
    code, _, err = zeshi("--db", db, "--json", "excellent", "--limit", "two")
    assert code == 2 and json.loads(err)["error"]["code"] == "results.cli.limit_not_whole"
    code, _, err = zeshi("--db", db, "--json", "excellent", "--select", "--unit", "DC-U01", "--reason", "x")
    assert code == 2 and json.loads(err)["error"]["code"] == "results.excellent.not_nominated"


def test_report_renewals(zeshi: Run, db: str, tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    assert zeshi("--db", db, "report", "renewals", "--district", "DC", "-o", str(xlsx))[0] == 0
    cells = [str(c.value) for row in load_workbook(xlsx).active.iter_rows() for c in row if c.value is not None]
    assert "东城区2025年度责任规划师续聘参考" in cells and "本年度聘期届满" in cells
    code, _out, _ = zeshi("--db", db, "--lang", "en", "report", "renewals", "--district", "DC", "-o", str(pdf))
    assert code == 0 and "renewalreference" in _pages(pdf)[0] and "Page1of1" in _pages(pdf)[0]
    code, _, err = zeshi("--db", db, "--json", "report", "renewals", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and json.loads(err)["error"]["code"] == "cli.report.needs_district"
    code, _, err = zeshi("--db", db, "--json", "report", "renewals", "--district", "DC", "-o",
                         str(tmp_path / "x.csv"))
    assert code == 2 and json.loads(err)["error"]["code"] == "meeting.file_type_either"
