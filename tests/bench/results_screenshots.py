"""Render the results screens and papers for docs/screenshots (issue 18), in Chinese and English.

Run: python tests/bench/results_screenshots.py [OUT_DIR]   (default docs/screenshots)

The store is the demo year plus an earlier year (``dashboard_screenshots.add_earlier_year``);
four districts nominate, the city decides some nominees (one from 延庆区, whose
contracts are not all signed), a limit of one per district is exceeded, one
reviewer's remark is written on a 3-2 sheet, and one hiring body has noted its
renewal decision. Written: the district dashboard's 推荐与结果反馈 and 续聘参考
tabs and the city dashboard's 优秀责师评选 tab at 1366x768 and 1280x720 in both
languages (``results-<tab>[-en][-1280].png``), and the first page of a
feedback letter, the city's list and the renewal report (``print-<paper>[-en].png``,
``pdftoppm -r 80``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTabWidget

from tests.bench.dashboard_screenshots import add_earlier_year
from zeshi_desktop.demo import fixture as demo
from zeshi_desktop.gui import i18n
from zeshi_desktop.gui.main_window import MainWindow
from zeshi_desktop.gui.screenshots import _save, _size
from zeshi_desktop.services import lookup
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.results import excellent, papers, renewal_report, renewals
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database

YEAR = demo.DEMO_YEAR
NOMINEES = ("东华门街道", "东四街道", "双井街道", "望京街道", "玉桥街道", "香水园街道")
TABS = {"district-dashboard": {"推荐与结果反馈": "results-outcomes", "续聘参考": "results-renewals"},
        "city-dashboard": {"优秀责师评选": "results-nominations"}}


def build(db: Database) -> None:
    """The demo year, an earlier year, nominations from every district, some of the city's decisions."""
    with db.write() as s:
        demo.load_demo(s)
    add_earlier_year(db, YEAR)
    with db.write() as s:
        for unit in NOMINEES:
            analysis.set_recommended(s, lookup.appointment_id(s, YEAR, unit), True, actor="区专班")
        app = lookup.appointment_id(s, YEAR, "东四街道")
        excellent.decide(s, YEAR, app, True, "街区更新与公众参与成效突出，群众评价高", actor="市专班")
        excellent.decide(s, YEAR, lookup.appointment_id(s, YEAR, "东华门街道"), True, "老城保护工作扎实",
                         actor="市专班")
        excellent.decide(s, YEAR, lookup.appointment_id(s, YEAR, "双井街道"), False, "", actor="市专班")
        excellent.decide(s, YEAR, lookup.appointment_id(s, YEAR, "香水园街道"), True, "乡村风貌保护有特色",
                         actor="市专班")
        for unit in ("望京街道", "玉桥街道"):
            excellent.decide(s, YEAR, lookup.appointment_id(s, YEAR, unit), False, "", actor="市专班")
        excellent.set_limit(s, YEAR, None, 1, actor="市专班")
        reviewer = lookup.reviewer_id(s, YEAR, "DC-R2")
        sid = sheets.find_sheet_id(s, "3-2", YEAR, appointment_id=app, reviewer_id=reviewer)
        sheets.unlock(s, sid, "补写意见")
        sheets.set_remarks(s, sid, "建议进一步加强与社区规划师的协同，形成可复制的经验。")
        sheets.finalize(s, sid)
        renewals.set_note(s, lookup.appointment_id(s, YEAR, "东华门街道"), "聘任主体拟续聘 2 年（待街道工委会议确定）",
                          actor="东华门街道办")


def screens(db: Database, out: Path, settings: Path) -> list[Path]:
    written = []
    for language in ("zh", "en"):
        i18n.install_language(QApplication.instance(), language)  # type: ignore[arg-type]
        window = MainWindow(db, QSettings(str(settings), QSettings.Format.IniFormat))
        with db.read() as s:
            window.select(lookup.district_id(s, "东城区"))
        for size, tag in (((1366, 768), ""), ((1280, 720), "-1280")):
            _size(window, size)
            for page_name, tabs in TABS.items():
                holder = window.holders[page_name]
                window.tabs.setCurrentWidget(holder)
                page = holder.ensure()
                window.show_page(page_name)
                bar: QTabWidget = page.tabs  # type: ignore[attr-defined]
                for title, name in tabs.items():
                    index = next(i for i in range(bar.count()) if bar.tabText(i) == i18n.tr(title))
                    bar.setCurrentIndex(index)
                    suffix = ("-en" if language == "en" else "") + tag
                    written.append(_save(window, out / f"{name}{suffix}.png"))
        window.close()
    return written


def prints(db: Database, out: Path, tmp: Path) -> list[Path]:
    written = []
    for language in ("zh", "en"):
        suffix = "-en" if language == "en" else ""
        with db.write() as s:
            did = lookup.district_id(s, "东城区")
            letters = papers.prepare_feedback(s, YEAR, language, appointment_ids=[lookup.appointment_id(s, YEAR,
                                                                                                       "东四街道")])
            honours = papers.prepare_honours(s, YEAR, language)
            renewal_pdf = tmp / f"renewals{suffix}.pdf"
            renewal_report.write_renewals(s, YEAR, did, renewal_pdf, language)
        for name, prepared in (("feedback", letters), ("honours", honours)):
            pdf = tmp / f"{name}{suffix}.pdf"
            pdf.write_bytes(papers.render(prepared).pdf)
            written.append(_png(pdf, out / f"print-{name}{suffix}"))
            if name == "feedback":   # its last page: the earlier years, the signature, seal space and code
                written.append(_png(pdf, out / f"print-{name}-last{suffix}", page=-1))
        written.append(_png(renewal_pdf, out / f"print-renewals{suffix}"))
    return written


def _png(pdf: Path, stem: Path, page: int = 1) -> Path:
    """One page of ``pdf`` (-1: its last) as ``stem``.png at 80 dpi."""
    if page < 0:
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        page = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(stem)], check=True)
    return stem.with_suffix(".png")


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    i18n.install_cjk_font(app)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "demo.sqlite3")
        build(db)
        for path in [*screens(db, out, Path(tmp) / "settings.ini"), *prints(db, out, Path(tmp))]:
            print(path)
        db.dispose()


if __name__ == "__main__":
    main()
