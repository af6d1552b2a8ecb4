"""The desk's pictures for ``zeshi-desktop --screenshots``: welcome.png, backup.png, roster-import.png.

Each function puts on screen what a clerk sees, from the demo store the
screenshots are made with, and changes nothing in it: the welcome is shown
over the window as an empty store would show it; the backup's closing
message names the newest backup (or where one would go); the roster preview
reads a copy of the demo's roster with a district renamed, one added and a
unit moved, written to a temporary file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from zeshi_desktop.packages import roster_workbook as rw
from zeshi_desktop.services import trust
from zeshi_desktop.services.roster import workbook
from zeshi_desktop.store.backup import folder_for

from ..i18n import tr
from . import roster_files, saved
from . import welcome as welcome_page

if TYPE_CHECKING:
    from ..main_window import MainWindow


def welcome(window: MainWindow) -> QWidget:
    """The window as an empty store opens it (put in front of the pages; :func:`leave_welcome` takes it away)."""
    welcome_page.put_in_front(window)
    return window


def leave_welcome(window: MainWindow) -> None:
    welcome_page.take_away(window)


def backup(window: MainWindow) -> QWidget:
    """What 文件 → 备份… says when it is done: where the copy went, and a button to its folder."""
    path = window.db.path
    found = trust.list_backups(path) if path is not None else []
    made = found[0].path if found else (folder_for(path) / f"{path.stem}-backup.sqlite3" if path else Path("backup"))
    box, _folder = saved.saved_box(window, tr("已备份到：\n{0}").format(made))
    return box


def roster_import(window: MainWindow) -> QWidget:
    """The roster preview of a changed copy of the store's roster (the copy deleted once it is read).

    The copy moves a unit to another district, signs a contract, appoints a
    planner to a second unit and adds a year to a team leader's experience.
    """
    year = window.selection.year
    rows = window.runner.read(lambda s: workbook.roster_rows(s, year))
    units, apps, planners = rows[rw.UNITS.sheet], rows[rw.APPOINTMENTS.sheet], rows[rw.PLANNERS.sheet]
    districts = [d["code"] for d in rows[rw.DISTRICTS.sheet]]
    if len(districts) > 1 and len(units) > 1 and apps and planners:
        units[-1] = {**units[-1], "district": next(d for d in districts if d != units[-1]["district"])}
        apps[0] = {**apps[0], "contract_signed": workbook.NO if apps[0]["contract_signed"] == workbook.YES
                   else workbook.YES}
        taken = {a["unit"] for a in apps if a["planner"] == apps[0]["planner"]}
        free = next((u["code"] for u in units if u["code"] not in taken), None)
        if free is not None:
            apps.append({**apps[0], "unit": free, "renewal": workbook.NO})
        years = planners[0]["leader_experience_years"]
        planners[0] = {**planners[0], "leader_experience_years": (years or 0) + 1}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.xlsx"
        rw.write_roster(path, rows)
        return roster_files.RosterImportDialog(window.runner, year, window, str(path))
