"""Who is scoring has consequences: only the role's sheets can be changed, the reason is shown, the audit records it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from zeshi_desktop.gui import dialogs, i18n
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.gui.sheet_access import SheetKey
from zeshi_desktop.gui.views.sheet_table import COL_SCORE
from zeshi_desktop.services import roster, trust
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.models import AuditEntry


def _first_appointment(db, year):  # type: ignore[no-untyped-def]
    with db.read() as s:
        district = roster.districts(s)[0]
        a = roster.appointments(s, year, district.id)[0]
        reviewer = roster.reviewers(s, year, "district", district.id)[0]
        sheet_id = sheets.find_sheet_id(s, "3-1", year, appointment_id=a.id)
    return a, reviewer, sheet_id


def _status(db, sheet_id):  # type: ignore[no-untyped-def]
    with db.read() as s:
        return sheets.view(s, sheet_id).status


def test_a_reviewer_sees_the_office_sheets_read_only_and_is_told_why(window, demo_db, demo_year, monkeypatch):  # type: ignore[no-untyped-def]
    a, reviewer, sheet_id = _first_appointment(demo_db, demo_year)
    assert _status(demo_db, sheet_id) == "final"
    window.select(a.district_id, a.unit_id, a.id, reviewer_id=reviewer.id)
    page = window.show_page("sheet-3-1")
    assert page.notice.isVisible()
    assert "附件3-1" in page.notice.text() and reviewer.name in page.notice.text() and "只能查看" in page.notice.text()
    assert not page.bar.unlock_button.isEnabled() and not page.bar.finalize_button.isEnabled()
    cell = page.table.item(page.row_of_item[page.form.items[0].id], COL_SCORE)
    assert not cell.flags() & Qt.ItemFlag.ItemIsEditable
    # pressed some other way (a shortcut, a script), 解锁… still refuses with the reason and asks nothing
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: (_ for _ in ()).throw(AssertionError("asked")))
    page.bar.unlock()
    assert page.bar.message.text() == page.notice.text()
    assert _status(demo_db, sheet_id) == "final"
    for name in ("sheet-4-1", "sheet-4-2", "sheet-5-1", "sheet-3-3"):
        assert "只能查看" in window.show_page(name).notice.text(), name
    # the office may unlock it again
    window.select(a.district_id, a.unit_id, a.id)
    page = window.show_page("sheet-3-1")
    assert not page.notice.isVisible() and page.bar.unlock_button.isEnabled()


def test_a_write_to_a_sheet_not_the_roles_is_refused_and_writes_nothing(window, demo_db, demo_year, no_modal_dialogs):  # type: ignore[no-untyped-def]
    a, reviewer, sheet_id = _first_appointment(demo_db, demo_year)
    window.select(a.district_id, a.unit_id, a.id, reviewer_id=reviewer.id)
    runner = window.runner
    key = SheetKey("3-1", demo_year, appointment_id=a.id)
    ok, _ = runner.run(key.then(lambda s, sid: sheets.set_remarks(s, sid, "改", "x"), runner.role), Change())
    assert not ok and "只能查看" in no_modal_dialogs[-1]
    # the office cannot write into a reviewer's 3-2 row either
    window.select(a.district_id, a.unit_id, a.id)
    row = SheetKey("3-2", demo_year, appointment_id=a.id, reviewer_id=reviewer.id)
    ok, _ = runner.run(row.then(lambda s, sid: sheets.set_remarks(s, sid, "改", "x"), runner.role), Change())
    assert not ok and "属于另一位评审人" in no_modal_dialogs[-1]
    with demo_db.read() as s:
        assert sheets.view(s, sheet_id).remarks != "改"


def test_every_write_records_the_role_in_the_audit(window, demo_db, demo_year, monkeypatch):  # type: ignore[no-untyped-def]
    a, reviewer, _ = _first_appointment(demo_db, demo_year)
    monkeypatch.setattr(dialogs, "ask_text", lambda *args: "会上复核")
    window.select(a.district_id, reviewer_id=reviewer.id)
    matrix = window.show_page("sheet-3-2")
    matrix.table.setCurrentCell(2, 3)
    assert matrix.bar.unlock_button.isEnabled()
    matrix.bar.unlock()
    with demo_db.read() as s:
        roles = s.scalars(select(AuditEntry.role).where(AuditEntry.action == "unlock")).all()
    assert roles == [f"district:{reviewer.code}:{reviewer.name}"]
    window.select(a.district_id, a.unit_id, a.id)
    page = window.show_page("sheet-3-1")
    page.bar.unlock()
    with demo_db.read() as s:
        roles = s.scalars(select(AuditEntry.role).where(AuditEntry.action == "unlock")).all()
    assert roles[-1] == "office"


def test_the_role_is_on_screen_in_either_language(qapp, window, demo_db, demo_year):  # type: ignore[no-untyped-def]
    a, reviewer, _ = _first_appointment(demo_db, demo_year)
    assert window.role_label.text() == "评分人：街乡镇 / 区专班"
    window.select(a.district_id, reviewer_id=reviewer.id)
    assert window.role_label.text() == f"评分人：区级评审人 {reviewer.name} ({reviewer.code})"
    assert window.role_label.isVisible()
    i18n.install_language(qapp, "en")
    window.set_role(window.runner.role)
    assert window.role_label.text() == f"Who is scoring: District reviewer {reviewer.name} ({reviewer.code})"
    window.select(a.district_id, a.unit_id, a.id, reviewer_id=reviewer.id)
    notice = window.show_page("sheet-3-1").notice.text()
    assert notice.startswith("Annex 3-1 is filled in by the office") and "view only" in notice


def test_the_rules_of_who_changes_what() -> None:
    district = trust.Role("district", 7, "王芳", "DC-R1")
    city = trust.Role("city", 9, "李", "C-R1")
    for form in ("3-1", "3-3", "4-1", "4-2", "5-1"):
        assert trust.sheet_refusal(trust.OFFICE, form, None) is None
        assert trust.sheet_refusal(district, form, None).code == "trust.office_form"  # type: ignore[union-attr]
        assert trust.sheet_refusal(city, form, None) is not None
    assert trust.sheet_refusal(district, "3-2", 7) is None
    assert trust.sheet_refusal(district, "3-2", 8).code == "trust.reviewer_form"  # type: ignore[union-attr]
    assert trust.sheet_refusal(city, "3-2", 9) is not None
    assert trust.sheet_refusal(trust.OFFICE, "3-2", 7) is not None
    assert trust.sheet_refusal(city, "4-3", 9) is None
    assert trust.sheet_refusal(district, "4-3", 7) is not None
    assert district.audit_text() == "district:DC-R1:王芳" and district.text("en") == "District reviewer 王芳 (DC-R1)"
    assert trust.role_label(district.audit_text(), "zh") == district.text("zh") == "区级评审人 王芳 (DC-R1)"
