"""A sheet holding damaged data is never printed; ``verify`` still compares it, without showing the damaged value."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from zeshi_desktop.services.printing import content, verification
from zeshi_desktop.services.printing import jobs as printing
from zeshi_desktop.services.scoring import sheets


def _flip(db, sheet_id: int, item_id: str, tenths: int) -> None:  # type: ignore[no-untyped-def]
    """A stored score changed behind the program's back."""
    with db.write() as s:
        s.execute(text("UPDATE scores SET tenths = :t WHERE sheet_id = :s AND item_id = :i"),
                  {"t": tenths, "s": sheet_id, "i": item_id})


def test_a_sheet_with_damaged_data_is_refused_naming_it(demo_db, demo_year, forms):
    with demo_db.read() as s:
        view = sheets.sheets(s, demo_year, "3-1", status="final")[0]
        district = s.execute(text("SELECT u.district_id FROM appointments a JOIN units u ON u.id = a.unit_id "
                                  "WHERE a.id = :a"), {"a": view.appointment_id}).scalar_one()
    item = max(forms["3-1"].items, key=lambda i: i.max)
    _flip(demo_db, view.id, item.id, int(item.max * 10) + 236)
    for prepare in (lambda s: printing.prepare_sheet(s, view.id),
                    lambda s: printing.prepare_form(s, "3-1", printing.Selection(demo_year, district_id=district))):
        with pytest.raises(content.DamagedRefused) as refused, demo_db.read() as s:
            prepare(s)
        assert refused.value.code == "check.damaged.print" and refused.value.params["count"] == 1
        assert [d.sheet_id for d in refused.value.damaged] == [view.id]
        assert refused.value.message("zh").startswith("不能打印：1 张评审表含有损坏的数据（附件3-1 评审表 ")
        assert f"sheet {view.id} of annex 3-1" in refused.value.message("en")
    with demo_db.read() as s:   # the other district's sheets still print
        other = 2 if district != 2 else 1
        assert printing.prepare_form(s, "3-1", printing.Selection(demo_year, district_id=other)).planned


def test_verify_compares_a_damaged_sheet_without_showing_the_damaged_value(demo_db, demo_year, forms):
    with demo_db.write() as s:
        view = sheets.sheets(s, demo_year, "3-1", status="final")[0]
        code = printing.print_sheet(s, view.id).codes[0]
    item = forms["3-1"].items[0]
    _flip(demo_db, view.id, item.id, int(item.max * 10) + 1)
    with demo_db.read() as s:
        result = verification.verify(s, code)
        record = content.load(s, [view.id], damaged_ok=True)[view.id]
    assert not result.matches
    [change] = result.changes
    assert change.key == item.id and change.new in (None, "")
    assert record.damaged is not None and record.damaged.items == frozenset({item.id})
    assert item.id not in record.tenths and item.id not in record.scores
