"""The first-run welcome: an empty store opens on what to do first, not on an empty tree.

A new database has no year, no district and no planner; the window would
show "请在左侧选择一位责师" beside nothing. Instead it shows this page, with
the ways a review year begins on a laptop:

- open the demo (a fictional year in its own file; this store is left as it is),
- import the roster workbook (a district office starting its year),
- import a hand-over package (a street office or a reviewer receiving its assignment),
- say what this installation is (the hand-over's routing; asked here rather
  than in a dialog over the window, see ``gui.installation.ask_first_run``),
- restore a backup, and where the store and its backups are.

As soon as an action brings a roster (``Change.roster``), the window shows
its pages; the menus stay the same throughout.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.locations import default_db_path
from zeshi_desktop.messages import Refused
from zeshi_desktop.services import installation, roster, trust

from .. import dialogs
from ..actions import ActionRunner, Change
from ..i18n import lang, tr

if TYPE_CHECKING:
    from ..main_window import MainWindow

WIDTH = 760   # the welcome's column: readable lines on a wide screen, all of it on 1280x720


def is_empty(runner: ActionRunner) -> bool:
    """Whether the store has no year and no district yet (a store that cannot be read is not 'empty')."""
    try:
        return runner.read(lambda s: not roster.years(s) and not roster.districts(s))
    except trust.STORE_FAILURES:
        return False


def demo_path() -> Path:
    """The demo's own file, beside the default store (as ``zeshi-desktop --demo`` uses it)."""
    return default_db_path().with_name("demo.sqlite3")


def prepare_demo(path: Path) -> str:
    """Fill the demo file the first time (a district office of its first district), then close it.

    Returns "" when the demo is ready, else why it could not be made (in the interface's language).
    """
    from zeshi_desktop.demo.fixture import load_demo

    try:
        db = trust.open_store(path)
    except Refused as refused:   # a demo file that cannot be opened: its reason
        return refused.message(lang())
    refused_texts: list[str] = []
    try:
        runner = ActionRunner(db)
        if not runner.read(roster.years):
            runner.run(load_demo, Change(), refused_texts.append)
        if not refused_texts and runner.read(installation.current) is None:
            runner.run(installation.set_demo_role, Change(), refused_texts.append)
    finally:
        db.dispose()
    return refused_texts[0] if refused_texts else ""


class WelcomePage(QWidget):
    """The first steps, one button each; the installation's role shown as it is now."""

    demo_requested = Signal(str)   # the demo file, filled: the window asks the application to open it

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.runner: ActionRunner = window.runner
        self.setObjectName("welcome")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        inner = QWidget(scroll)
        scroll.setWidget(inner)
        row = QHBoxLayout(inner)
        column = QWidget(inner)
        column.setMaximumWidth(WIDTH)
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setSpacing(6)

        title = QLabel(tr("欢迎使用责师评审"), column)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        where = str(window.db.path or window.db.url)
        intro = QLabel(tr("这个数据库还是空的（{0}）。一个评审年度可以从下面任一项开始：").format(where), column)
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)

        writable = not self.runner.read_only
        self.buttons: dict[str, QCommandLinkButton] = {}
        for name, text, note, slot, enabled in (
                ("demo", tr("打开演示数据"),
                 tr("一个虚构的评审年度（4 个区、15 个责任单元），可随意试用；在单独的文件中，不改动这个数据库。"),
                 self.open_demo, True),
                ("roster", tr("导入名册…"),
                 tr("区级专班：从 Excel 名册（区、责任单元、责师、聘任、评审人）开始本年度，导入前先预览。"),
                 self.import_roster, writable),
                ("package", tr("导入交接包…"),
                 tr("街道或评审人：导入区级专班发来的交接包，本机即得到需要评审的责师和评审表。"),
                 self.import_package, writable),
                ("role", tr("设定本机角色…"), "", self.choose_role, writable),
                ("restore", tr("从备份恢复…"),
                 tr("用以前的备份替换这个数据库（恢复前先检查备份是否完好）。"), self.restore,
                 window.db.path is not None)):
            button = QCommandLinkButton(text, note, column)
            button.setObjectName(f"welcome-{name}")
            button.clicked.connect(lambda _c=False, do=slot: do())
            button.setEnabled(enabled)
            self.buttons[name] = button
            layout.addWidget(button)
        self.show_role()

        links = QHBoxLayout()
        for text, slot in ((tr("备份…"), self.backup), (tr("检查数据"), self.check), (tr("数据位置…"), self.where)):
            link = QPushButton(text, column)
            link.setFlat(True)
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.clicked.connect(lambda _c=False, do=slot: do())
            links.addWidget(link)
        links.addStretch(1)
        layout.addLayout(links)
        hint = QLabel(tr("以后也可以在“文件”菜单中找到这些操作。"), column)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        layout.addStretch(1)

    def show_role(self) -> None:
        """The role button says what this installation is now (or that it is not set yet)."""
        from ..installation import role_text
        try:
            unset = self.runner.read(installation.current) is None
        except trust.STORE_FAILURES:
            unset = True
        self.buttons["role"].setDescription(
            tr("尚未设定。街道、区级专班、市级专班或评审人的电脑：决定本机接收哪些交接包。") if unset else
            tr("本机是{0}。交接包只在它的目的地导入。").format(role_text(self.runner)))

    # ------------------------------------------------------------ the steps
    def open_demo(self) -> None:
        path = demo_path()
        with self.runner.working(tr("正在准备演示数据…")):
            refused = prepare_demo(path)
        if refused:
            dialogs.show_error(self, refused)
            return
        self.demo_requested.emit(str(path))

    def import_roster(self) -> None:
        from . import roster_files
        roster_files.import_roster(self.window_, self.runner, self.window_.selection.year)

    def import_package(self) -> None:
        from .. import handover_import
        handover_import.import_file(self.window_, self.runner)   # the installation imports, not a 评分人

    def choose_role(self) -> None:
        from .. import installation as role_dialog
        if role_dialog.choose_role(self.window_, self.runner) is not None:
            self.show_role()
            self.window_.update_title()

    def restore(self) -> None:
        from .. import safekeeping
        source = safekeeping.choose_restore(self.window_, self.runner)
        if source is not None:
            self.window_.restore_requested.emit(str(source))

    def backup(self) -> None:
        from .. import safekeeping
        safekeeping.backup(self.window_, self.runner)

    def check(self) -> None:
        from .. import safekeeping
        safekeeping.check(self.window_, self.runner)

    def where(self) -> None:
        from .. import safekeeping
        safekeeping.show_locations(self.window_, self.runner)


def put_in_front(window: MainWindow) -> WelcomePage:
    """The welcome in front of the window's pages; the year and reviewer boxes hidden (an empty store has none)."""
    content = window.takeCentralWidget()
    stack = QStackedWidget(window)
    stack.setObjectName("welcome-stack")
    page = WelcomePage(window)
    stack.addWidget(page)
    stack.addWidget(content)
    window.setCentralWidget(stack)
    chooser = getattr(window, "chooser", None)
    if isinstance(chooser, QWidget):
        chooser.hide()
    window.welcome = page   # type: ignore[attr-defined]
    return page


def take_away(window: MainWindow) -> None:
    """The window's pages again, with the year and reviewer boxes."""
    stack = window.centralWidget()
    if not (isinstance(stack, QStackedWidget) and stack.objectName() == "welcome-stack"):
        return
    content = stack.widget(1)
    window.takeCentralWidget()
    window.setCentralWidget(content)
    content.show()   # a stack hides the page it does not show; as the central widget it must be seen
    stack.deleteLater()
    window.welcome = None   # type: ignore[attr-defined]
    chooser = getattr(window, "chooser", None)
    if isinstance(chooser, QWidget):
        chooser.show()


def install(window: MainWindow) -> WelcomePage | None:
    """On an empty store, put the welcome in front of the window's pages until a roster arrives."""
    if not is_empty(window.runner):
        return None
    page = put_in_front(window)
    page.demo_requested.connect(window.database_requested)

    def changed(change: Change) -> None:
        if getattr(window, "welcome", None) is page and change.roster and not is_empty(window.runner):
            take_away(window)
    window.runner.changed.connect(changed)
    return page
