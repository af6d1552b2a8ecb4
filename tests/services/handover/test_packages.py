"""The import report as plain data, and the hand-over's messages: codes to decide by, texts in either language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.packages.excel import cell_of
from zeshi_desktop.messages import catalogue
from zeshi_desktop.services.handover import packages
from zeshi_desktop.services.handover.importing import PackageImportRefused
from zeshi_desktop.store.database import Database

CJK = re.compile(r"[\u3400-\u9fff]")


def _export(db: Database, year: int, path: Path, kind: str = "street-district", **selectors: object) -> Path:
    if kind == "street-district":
        selectors.setdefault("units", ["DC-U01", "DC-U02"])
    with db.read() as s:
        packages.export_package(s, kind, year, path, **selectors)  # type: ignore[arg-type]
    return path


def test_warnings_weights_and_details_are_messages_in_plain_data(demo_db: Database, db: Database, demo_year: int,
                                                                 tmp_path: Path) -> None:
    path = _export(demo_db, demo_year, tmp_path / "city.xlsx", "district-city", district="东城区")
    wb = load_workbook(path)       # edited in Excel: the import warns by code, not by words
    ws = wb["3-1"]
    ws[cell_of(ws, "DC-U01/P001", "remarks")] = "在表格软件中改过"
    wb.save(path)
    with db.read() as s:
        report = packages.import_package(s, path, dry_run=True, accept_edited=True)
    data = packages.report_dict(report, "en")
    json.dumps(data)                                  # JSON-safe, Decimal weights included
    codes = [w["code"] for w in data["warnings"]]
    assert codes == ["handover.warning.edited_outside"]
    assert data["warnings"][0]["text"] == catalogue().entry(codes[0]).en
    weights = data["weights"]
    assert len(weights) == 1 and weights[0]["code"] in ("handover.weights.line", "handover.weights.line_trimmed")
    assert weights[0]["params"]["district"] == "DC" and isinstance(weights[0]["params"]["street"], str)
    assert weights[0]["text"].startswith("DC: ") and not CJK.search(weights[0]["text"])
    assert data["kind"] == "district-city" and data["kind_name"] == packages.KINDS["district-city"].en
    assert data["kind_zh"] == packages.KINDS["district-city"].zh


def test_a_conflict_detail_names_its_field_by_code(demo_db: Database, demo_year: int, tmp_path: Path) -> None:
    from zeshi_desktop.services import roster
    from zeshi_desktop.services.scoring import sheets

    path = _export(demo_db, demo_year, tmp_path / "p.xlsx")
    with demo_db.write() as s:
        app = next(a.id for a in roster.appointments(s, demo_year) if a.unit == "景山街道")
        sid = sheets.sheets(s, demo_year, "3-1", appointment_id=app)[0].id
        sheets.unlock(s, sid, "复核", "区专班")
        sheets.set_score(s, sid, "basic_contract", "1", "区专班")
        sheets.finalize(s, sid, "区专班")
    with demo_db.read() as s:
        data = packages.report_dict(packages.import_package(s, path, dry_run=True))
    conflict = next(x for x in data["sheets"] if x["action"] == "conflict")
    detail = next(d for d in conflict["details"] if d["params"]["field"] == "basic_contract")
    assert detail["code"] == "handover.detail.value" and detail["params"]["old"] == "1"
    assert detail["text"] == f"basic_contract: 1 → {detail['params']['new']}"


def test_refusals_in_english_have_no_chinese_but_data(demo_db: Database, db: Database, demo_year: int,
                                                      tmp_path: Path) -> None:
    path = _export(demo_db, demo_year, tmp_path / "p.xlsx")
    wb = load_workbook(path)
    ws = wb["3-1"]
    ws[cell_of(ws, "DC-U01/P001", "planning_coordination")] = "=5+5"
    ws[cell_of(ws, "DC-U02/P002", "basic_contract")] = "9O"
    wb.save(path)
    with pytest.raises(PackageImportRefused) as refused, db.read() as s:
        packages.import_package(s, path, dry_run=True)
    english = refused.value.message("en")
    assert refused.value.code == "handover.import.errors" and "2 error(s); nothing was written" in english
    assert "formula refused (=5+5)" in english and "'9O' is not a number" in english
    chinese = {p.where: p.message("zh") for p in refused.value.problems}
    assert any("不接受公式" in text for text in chinese.values())
    for problem in refused.value.problems:       # the field is named in English too: no Chinese left
        assert not CJK.search(problem.message("en")), problem.message("en")


@pytest.mark.parametrize(("kind", "selectors", "code"), [
    ("nonsense", {}, "handover.export.unknown_kind"),
    ("street-district", {"units": []}, "handover.export.units_needed"),
    ("street-district", {"units": ["NOPE"]}, "handover.export.unknown_units"),
    ("reviewer-city", {"reviewer": "DC-R1"}, "handover.export.no_city_reviewer"),   # a district reviewer
])
def test_export_refusals_carry_codes_and_english(demo_db: Database, demo_year: int, tmp_path: Path, kind: str,
                                                 selectors: dict[str, object], code: str) -> None:
    from zeshi_desktop.services.errors import ActionRefused

    with pytest.raises(ActionRefused) as refused, demo_db.read() as s:
        packages.export_package(s, kind, demo_year, tmp_path / "x.xlsx", **selectors)  # type: ignore[arg-type]
    assert refused.value.code == code and not CJK.search(refused.value.message("en"))
    assert not (tmp_path / "x.xlsx").exists()


def test_every_kind_has_a_name_in_both_languages() -> None:
    for kind in packages.KINDS.values():
        assert kind.zh and kind.en and not CJK.search(kind.en)
        assert kind.name.code == "handover.kind." + kind.id.replace("-", "_")
