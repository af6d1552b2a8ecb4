"""Finalise refusals follow the language: 5-1 and 3-1 name what is missing in English."""

from __future__ import annotations

from zeshi_desktop.gui import i18n
from zeshi_desktop.gui.actions import Change
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.scoring import sheets


def test_questionnaire_refusal_in_english(qapp, window, fresh_appointment):  # type: ignore[no-untyped-def]
    i18n.install_language(qapp, "en")
    window.runner.changed.emit(Change(roster=True))
    window.select(fresh_appointment["district"], fresh_appointment["unit"], fresh_appointment["appointment"])
    page = window.show_page("sheet-5-1")
    q = catalogue.form("5-1").questionnaire
    statements = list(q.statements)
    page.groups[f"yes_no:{q.yes_no[0].id}"].buttons()[0].click()
    for st in statements[:-1]:
        page.groups[f"choice:{st.id}"].buttons()[0].click()
    page.bar.finalize_button.click()
    text = page.bar.message.text()
    assert text.startswith("Cannot finalise: ") and statements[-1].text.en in text
    assert "every row is required" in text and "每行必填" not in text


def test_scored_sheet_refusal_in_english(qapp, window, fresh_appointment):  # type: ignore[no-untyped-def]
    i18n.install_language(qapp, "en")
    window.runner.changed.emit(Change(roster=True))
    window.select(fresh_appointment["district"], fresh_appointment["unit"], fresh_appointment["appointment"])
    page = window.show_page("sheet-3-1")
    first = catalogue.form("3-1").items[0]
    ok, _ = page.runner.run(page.key.then(lambda s, sid: sheets.set_score(s, sid, first.id, "1"), page.runner.role),
                            lambda v: Change(sheets=frozenset({v.id})))
    assert ok and page.sheet is not None
    page.bar.finalize_button.click()
    text = page.bar.message.text()
    assert text.startswith("Cannot finalise: ") and "has no score" in text and "尚未评分" not in text
