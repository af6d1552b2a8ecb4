"""The audit log names what each row changed as the form does (an item, 意见建议, a question), not by its id."""

from __future__ import annotations

from zeshi_desktop.domain.forms import Label
from zeshi_desktop.domain.scores import item_name
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.scoring.views import field_name
from zeshi_desktop.store.database import Database


def test_every_kind_of_key_has_its_forms_name() -> None:
    f31, f42, f51 = catalogue.form("3-1"), catalogue.form("4-2"), catalogue.form("5-1")
    item = f31.items[0]
    assert field_name(f31, item.id) == item_name(item) and field_name(f31, item.id).en
    assert field_name(f31, "remarks") == f31.remarks
    assert field_name(f42, "contracts_signed").zh == f42.contract_rule.question.zh.rstrip("：")
    assert field_name(f42, "header:org") == Label("单位", "Organisation")
    statement = f51.questionnaire.statements[0]
    assert field_name(f51, f"choice:{statement.id}") == statement.text
    assert field_name(f31, "no_such_key") is None and field_name(f31, None) is None
    assert field_name(None, item.id) is None


def test_the_audit_log_names_the_changed_item(demo_db: Database, demo_year: int) -> None:
    form = catalogue.form("3-2")
    with demo_db.write() as s:
        district = roster.districts(s)[0]
        reviewer = roster.reviewers(s, demo_year, "district", district_id=district.id)[0]
        app = roster.appointments(s, demo_year, district.id)[0]
        sid = sheets.find_sheet_id(s, "3-2", demo_year, appointment_id=app.id, reviewer_id=reviewer.id)
        assert sid is not None and sheets.view(s, sid).is_final
        sheets.unlock(s, sid, "复核", "审计测试")
        sheets.set_score(s, sid, "management_reports", 5, "审计测试")
    with demo_db.read() as s:
        log = sheets.audit_log(s, sid)
    change = log[-1]
    assert change.action == "change" and change.item_id == "management_reports"
    assert change.item == item_name(form.item("management_reports"))
    assert change.item.zh.startswith("及时上报年度计划") and change.item.en.startswith("Submits the annual plan")
    assert log[-2].action == "unlock" and log[-2].item is None
