"""The 3-3 result file in Excel: the seed's columns verbatim, numbers as numbers, the recommendation mark."""

from __future__ import annotations

from decimal import Decimal

import openpyxl

from zeshi_desktop.services import lookup
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.meeting import result_file


def test_result_workbook_matches_the_dashboard(demo_db, demo_year, tmp_path, forms) -> None:
    with demo_db.write() as s:
        did = lookup.district_id(s, "通州区")
        app = lookup.appointment_id(s, demo_year, "潞城镇")
        analysis.set_recommended(s, app, True)
    with demo_db.read() as s:
        board = analysis.district_dashboard(s, demo_year, did)
        result_file.export_district_results(s, demo_year, did, tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    header = [c.value for c in ws[4]]
    assert header[:5] == [c.zh for c in forms["3-3"].columns]
    assert "通州区" in [c.value for c in ws[2]] and "40%" in [c.value for c in ws[2]]
    rows = {r[1]: r for r in ws.iter_rows(min_row=5, max_row=4 + len(board.ranking.rows), values_only=True)}
    for row in board.ranking.rows:
        got = rows[row.unit]
        assert got[0] == row.rank
        assert abs(Decimal(str(got[4])) - row.total) < Decimal("0.005")     # rounded to 2 places, as shown
        assert got[5] == row.planner and got[6] == row.band.label.zh
        assert got[7] == ("是" if row.key == app else None)
    notes = [ws.cell(row=r, column=1).value for r in range(5 + len(board.ranking.rows), ws.max_row + 1)]
    assert forms["3-3"].notes[0].zh in notes
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]   # no temporary file left
