"""Drafts are never overwritten silently: listed old → new and audited; edited here since an import, a conflict.

The finding of issue 12: the same template filled again and imported as 草稿 overwrote a draft 7 → 2
without a word. Each test builds its files and checks the one refusal line and an unchanged store.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.packages.excel import cell_of
from tests.server.backends import content_digest, twin
from zeshi_desktop.services import roster
from zeshi_desktop.services.handover import packages
from zeshi_desktop.services.handover.importing import PackageImportRefused
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database

YEAR = 2025
UNIT, SUBJECT, KEY = "景山街道", "DC-U02/P002", "3-1:DC-U02/P002"
ITEM = "planning_research"          # a 3-1 item worth 10
MATRIX_ITEM = "professional_plan"   # a 3-2 item worth 15


def _digest(db: Database) -> str:
    return content_digest(db)   # the file's bytes, or a server's rows


def _refused(db: Database, path: Path, **options: object) -> PackageImportRefused:
    before = _digest(db)
    with pytest.raises(PackageImportRefused) as refused, db.write() as s:
        packages.import_package(s, path, **options)  # type: ignore[arg-type]
    assert _digest(db) == before
    assert len(refused.value.message("zh").splitlines()) == 1
    return refused.value


def _sheet(db: Database, form: str = "3-1", unit: str = UNIT, reviewer_id: int | None = None) -> sheets.SheetView:
    with db.read() as s:
        app = next(a.id for a in roster.appointments(s, YEAR) if a.unit == unit)
        return sheets.sheets(s, YEAR, form, appointment_id=app, reviewer_id=reviewer_id)[0]


def _street_sends(street: Database, score: str, path: Path) -> Path:
    """The street office's draft 3-1 with ``score``, sent to the district."""
    sheet = _sheet(street)
    with street.write() as s:
        if sheet.is_final:
            sheets.unlock(s, sheet.id, "还要补充", "街道")
        sheets.set_score(s, sheet.id, ITEM, score, "街道")
    with street.read() as s:
        packages.export_package(s, "street-district", YEAR, path, units=["DC-U02"])
    return path


@pytest.fixture
def street(demo_db: Database, tmp_path: Path) -> Database:
    copy = twin(demo_db, tmp_path / "street.sqlite3")
    yield copy
    copy.dispose()


def _details(report: packages.ImportReport) -> list[str]:
    change = next(c for c in report.sheets if c.key == KEY)
    return [d.text("zh") for d in change.details]


def test_a_draft_changed_by_a_later_package_is_listed_old_to_new_and_audited(street: Database, db: Database,
                                                                            tmp_path: Path) -> None:
    with db.write() as s:
        packages.import_package(s, _street_sends(street, "7", tmp_path / "first.xlsx"))
    assert str(_sheet(db).scores[ITEM]) == "7" and not _sheet(db).is_final
    second = _street_sends(street, "2", tmp_path / "second.xlsx")
    with db.read() as s:
        preview = packages.import_package(s, second, dry_run=True)
    change = next(c for c in preview.sheets if c.key == KEY)
    assert change.action == "changed" and _details(preview) == [f"{ITEM}: 7 → 2"]
    with db.write() as s:
        packages.import_package(s, second, actor="区专班")
    after = _sheet(db)
    assert str(after.scores[ITEM]) == "2"
    with db.read() as s:
        row = sheets.audit_log(s, after.id)[-1]
    assert (row.action, row.actor, row.new) == ("import", "区专班", f"{ITEM}: 7 → 2")
    assert "以包内版本更新" in row.reason


def test_a_draft_edited_here_since_its_import_is_a_conflict(street: Database, db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        packages.import_package(s, _street_sends(street, "7", tmp_path / "first.xlsx"))
    with db.write() as s:
        sheets.set_score(s, _sheet(db).id, ITEM, "5", "区专班")       # typed here after the import
    second = _street_sends(street, "2", tmp_path / "second.xlsx")
    with db.read() as s:
        preview = packages.import_package(s, second, dry_run=True)
    conflict = next(c for c in preview.sheets if c.key == KEY)
    assert (conflict.action, conflict.why) == ("conflict", "edited") and _details(preview) == [f"{ITEM}: 5 → 2"]
    refused = _refused(db, second)
    assert refused.code == "handover.import.unresolved_edited" and KEY in refused.message("zh")
    assert "上次导入后又修改过" in refused.message("zh") and "edited here since" in refused.message("en")
    with db.write() as s:
        packages.import_package(s, second, keep={KEY: "mine"}, actor="区专班")
    assert str(_sheet(db).scores[ITEM]) == "5"
    with db.read() as s:
        assert "保留本机" in sheets.audit_log(s, _sheet(db).id)[-1].reason
    third = _street_sends(street, "3", tmp_path / "third.xlsx")
    assert _refused(db, third).code == "handover.import.unresolved_edited"   # still edited here: still a conflict
    with db.write() as s:
        packages.import_package(s, third, keep_all="theirs", actor="区专班")
    assert str(_sheet(db).scores[ITEM]) == "3" and not _sheet(db).is_final
    with db.read() as s:
        row = sheets.audit_log(s, _sheet(db).id)[-1]
    assert row.action == "conflict" and "采用包内" in row.reason and row.new == f"{ITEM}: 5 → 3"
    fourth = _street_sends(street, "4", tmp_path / "fourth.xlsx")   # nothing typed here since: simply changed
    with db.read() as s:
        assert next(c for c in packages.import_package(s, fourth, dry_run=True).sheets if c.key == KEY).action == \
            "changed"


def test_a_finalised_then_reopened_imported_sheet_counts_as_edited_here(street: Database, db: Database,
                                                                         tmp_path: Path) -> None:
    with db.write() as s:
        packages.import_package(s, _street_sends(street, "7", tmp_path / "first.xlsx"))
    sid = _sheet(db).id
    with db.write() as s:
        sheets.set_score(s, sid, ITEM, "8", "区专班")
        sheets.finalize(s, sid, "区专班")
        sheets.unlock(s, sid, "再看看", "区专班")
    with db.read() as s:
        preview = packages.import_package(s, _street_sends(street, "2", tmp_path / "second.xlsx"), dry_run=True)
    assert next(c for c in preview.sheets if c.key == KEY).why == "edited"


def _template(demo_db: Database, path: Path) -> Path:
    with demo_db.read() as s:
        packages.export_package(s, "reviewer-district", YEAR, path, reviewer="DC-R1", template=True)
    return path


def _fill(template: Path, out: Path, value: int) -> Path:
    wb = load_workbook(template)
    ws = next(w for w in wb.worksheets if w.title.startswith("3-2"))
    ws[cell_of(ws, SUBJECT, MATRIX_ITEM)] = value
    ws[cell_of(ws, SUBJECT, "status")] = "草稿"
    wb.save(out)
    return out


def test_the_same_template_filled_again_never_overwrites_a_draft_silently(demo_db: Database, db: Database,
                                                                          tmp_path: Path) -> None:
    """The finding itself: a template filled 7, imported as 草稿; filled again 2, imported again."""
    template = _template(demo_db, tmp_path / "t.xlsx")
    first = _fill(template, tmp_path / "first.xlsx", 7)
    with db.write() as s:
        packages.import_package(s, first, reason="评审人在 Excel 中填写", actor="区专班")
    with db.read() as s:
        reviewer = next(r.id for r in roster.reviewers(s, YEAR) if r.code == "DC-R1")
    assert str(_sheet(db, "3-2", reviewer_id=reviewer).scores[MATRIX_ITEM]) == "7"
    second = _fill(template, tmp_path / "second.xlsx", 2)
    with db.read() as s:
        preview = packages.import_package(s, second, dry_run=True)
    change = next(c for c in preview.sheets if c.subject == SUBJECT)
    assert change.action == "changed" and [d.text("en") for d in change.details] == [f"{MATRIX_ITEM}: 7 → 2"]
    refused = _refused(db, second)                     # manual entry says why
    assert refused.code == "handover.import.manual_reason_needed"
    with db.write() as s:
        sid = _sheet(db, "3-2", reviewer_id=reviewer).id
        sheets.set_score(s, sid, MATRIX_ITEM, "6", "区专班")     # and typed here since: a conflict
    assert _refused(db, second, reason="第二次填写").code == "handover.import.unresolved_edited"
    with db.write() as s:
        packages.import_package(s, second, reason="评审人改了主意，电话确认", keep_all="theirs", actor="区专班")
    view = _sheet(db, "3-2", reviewer_id=reviewer)
    assert str(view.scores[MATRIX_ITEM]) == "2" and not view.is_final
    with db.read() as s:
        row = sheets.audit_log(s, view.id)[-1]
    assert row.new == f"{MATRIX_ITEM}: 6 → 2" and row.reason.startswith("人工录入")
    assert row.reason.endswith("理由：评审人改了主意，电话确认")


def test_what_the_stores_rules_refuse_is_one_refusal_and_nothing_written(street: Database, db: Database,
                                                                         tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The fuzzer's lesson: a package the checks let through but a rule trigger refuses ends in one refusal."""
    from sqlalchemy.exc import IntegrityError

    from zeshi_desktop.services.handover import importing
    path = _street_sends(street, "7", tmp_path / "to-district.xlsx")

    def refused_by_a_trigger(*_args: object, **_kwargs: object) -> list[int]:
        raise IntegrityError("INSERT INTO sheets …", {}, Exception("zeshi: a 3-1 sheet names an appointment"))

    monkeypatch.setattr(importing, "apply_sheets", refused_by_a_trigger)
    refusal = _refused(db, path)
    assert refusal.code == "handover.import.store_refused"
    assert refusal.message("en") == ("to-district.xlsx: this store's rules refused what the package holds "
                                     "(a 3-1 sheet names an appointment); nothing was written")
