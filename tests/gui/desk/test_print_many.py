"""打印 → 批量打印与空白表…: a district's chosen annexes or blank forms in one PDF, named for what it holds."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from zeshi_desktop.gui import printing as gui_printing
from zeshi_desktop.gui.desk import print_many
from zeshi_desktop.services import roster
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.models import PrintedSheet


def test_a_district_s_annexes_are_previewed_under_their_name(window, demo_db: Database, demo_year: int,  # type: ignore[no-untyped-def]
                                                            monkeypatch) -> None:
    shown: list[tuple[bytes, str | None]] = []
    monkeypatch.setattr(gui_printing, "preview_and_print",
                        lambda parent, pdf, title, two_sided=None, file_name=None: shown.append((pdf, file_name)))
    with demo_db.read() as s:
        district = roster.districts(s)[1]
    window.select(district.id)
    dialog = print_many.PrintManyDialog(window.runner, window.selection, window)
    assert dialog.district_box.currentData() == district.id
    dialog.check_all(False)
    assert not dialog.preview_button.isEnabled() and dialog.message.text() == "请至少勾选一个附件。"
    dialog.forms["3-2"].setChecked(True)
    dialog.forms["3-3"].setChecked(True)
    dialog.preview_button.click()
    assert shown and shown[0][0].startswith(b"%PDF")
    assert shown[0][1] == f"评审材料_{district.name}_{date.today().isoformat()}.pdf"
    with demo_db.read() as s:   # the final sheets' codes were kept, as for every print
        assert s.scalar(select(func.count()).select_from(PrintedSheet)) > 0


def test_blank_forms_are_saved_with_their_name(window, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    offered: list[str] = []

    def save(parent, pdf, name):  # type: ignore[no-untyped-def]
        offered.append(name)
        (tmp_path / name).write_bytes(pdf)
        return str(tmp_path / name)

    monkeypatch.setattr(gui_printing, "save_pdf", save)
    dialog = print_many.PrintManyDialog(window.runner, window.selection, window)
    dialog.blank.setChecked(True)
    assert not dialog.district_box.isVisibleTo(dialog) and dialog.with_year.isVisibleTo(dialog)
    dialog.check_all(False)
    dialog.forms["5-1"].setChecked(True)
    dialog.two_sided.setChecked(True)
    assert dialog.save() is not None
    assert offered == [f"附件5-1_空白_{date.today().isoformat()}.pdf"]
    assert (tmp_path / offered[0]).read_bytes().startswith(b"%PDF")
