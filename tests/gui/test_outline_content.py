"""The 4-1 editor: writing hints beside the editors with a live count, captions typed for pictures, warnings at 定稿."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from zeshi_desktop.gui import dialogs
from zeshi_desktop.services import roster
from zeshi_desktop.services.scoring import district_summary as summary
from zeshi_desktop.services.scoring import sheets


def _open_summary(window, demo_db, demo_year):  # type: ignore[no-untyped-def]
    """The first district's 4-1 summary, unlocked, on screen: (sheet id, page)."""
    with demo_db.read() as s:
        district = roster.districts(s)[0]
        sid = sheets.find_sheet_id(s, "4-1", demo_year, district_id=district.id)
    with demo_db.write() as s:
        sheets.unlock(s, sid, "补充")
    window.select(district.id)
    return sid, window.show_page("sheet-4-1")


def test_hints_stand_beside_the_editors_not_in_the_headings(window, demo_db, demo_year):
    _sid, page = _open_summary(window, demo_db, demo_year)
    headings = [label.text() for label in page.findChildren(QLabel) if label.text()[:1].isdigit()]
    assert "1. 整体介绍" in headings and "2. 工作重点与特色" in headings and "4. 优秀案例" in headings
    assert not [h for h in headings if "（300字）" in h or "（500字）" in h or "有则填写" in h]
    overview = page.texts["overview"]
    assert overview.hint.text() == "300字"
    assert page.texts["focus"].hint.text() == "500字"
    assert page.cases[0].text.hint.text() == "有则填写，每个500-1000字，有图有文"
    assert page.texts["taskforce_building"].hint.text() == ""
    overview.edit.setPlainText("字" * 120)
    assert overview.count.text() == "120 / 300 字"
    overview.edit.setPlainText("字" * 320)                       # counted as typed, before anything is saved
    assert "320 / 300" in overview.count.text() and "超出" in overview.count.text()


def test_a_caption_is_typed_under_its_picture_and_saved(window, demo_db, demo_year):
    sid, page = _open_summary(window, demo_db, demo_year)
    box = page.cases[0]
    with demo_db.read() as s:
        pictures = summary.pictures(s, sid, "cases#1")
    assert len(box.captions) == len(pictures) >= 2
    labels = [label.text() for label in box.findChildren(QLabel)]
    assert "图1" in labels and "图2" in labels                     # numbered as the print numbers them
    edit = box.captions[pictures[0].id]
    edit.setText("整治前的胡同入口")
    edit.editingFinished.emit()
    with demo_db.read() as s:
        assert summary.pictures(s, sid, "cases#1")[0].caption == "整治前的胡同入口"
    edit.editingFinished.emit()                                    # unchanged: nothing written twice
    with demo_db.read() as s:
        assert summary.pictures(s, sid, "cases#1")[0].caption == "整治前的胡同入口"


def test_finalising_a_long_text_warns_and_lets_the_person_go_on(window, demo_db, demo_year, monkeypatch):
    sid, page = _open_summary(window, demo_db, demo_year)
    with demo_db.write() as s:
        sheets.set_answers(s, sid, {"text:overview": "字" * 1000})
    page.refresh()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or True)
    page.bar.finalize()
    assert asked and "请注意" in asked[0] and "“整体介绍”1000字，超过要求的300字" in asked[0]
    with demo_db.read() as s:
        assert sheets.view(s, sid).is_final
