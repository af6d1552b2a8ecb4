"""The main window: year, who is scoring, the roster tree, one tab per page.

Pages are built the first time they are shown and load only when visible, so
that starting and switching stay fast on a city-sized database. Actions go
through the shared :class:`ActionRunner`, whose ``changed`` signal tells each
page what to refresh.

Who is scoring (评分人) is the role the person works as: it is shown in the
status bar, given to the runner (every write records it in the audit) and
decides which sheets the pages let them change. A store found damaged when
it was opened is shown read-only under a banner that offers its newest
sound backup.

The shell around the pages lives in ``gui/shell/``: the size on each screen
(``geometry``), the selection remembered as it changes (``memory``), the
year and reviewer boxes (``chooser``), the meeting's keys, presentation mode
and zoom, help, about and the recent databases.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTabWidget, QWidget

from zeshi_desktop.services import trust
from zeshi_desktop.services.trust import OpenCheck
from zeshi_desktop.store.database import Database

from . import desk
from .actions import ActionRunner, Change
from .i18n import LANGUAGES, lang, language_name, tr
from .navigation import NavigationTree, tree_panel
from .pages import PAGES, PageHolder, PageSpec
from .safekeeping import DamageBanner, StoreMenu, under_banner
from .selection import PrintRequest, Selection
from .shell import geometry, memory, recent, server_dialog, shortcuts
from .shell.chooser import LEVEL_ROLE, OFFICE, Chooser
from .shell.presentation import Presentation
from .shell.zoom import Zoom
from .undo import undo_actions

__all__ = ["LEVEL_ROLE", "OFFICE", "MainWindow"]


class MainWindow(QMainWindow):
    """The application window for one database."""

    language_requested = Signal(str)
    database_requested = Signal(str)
    restore_requested = Signal(str)   # a checked and confirmed file to put in place of the store

    def __init__(self, db: Database, settings: QSettings | None = None, parent: QWidget | None = None,
                 opened: OpenCheck | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.opened = opened or OpenCheck()
        self.settings = settings or QSettings()
        self.runner = ActionRunner(db, self)
        self.runner.refused.connect(self._show_refusal)
        self.runner.changed.connect(self._on_changed)
        self.runner.busy.connect(self._show_busy)
        self.update_title()
        self.selection = Selection(year=date.today().year)
        self._building = True

        self.chooser = Chooser(self.runner, self)
        self.year_box, self.reviewer_box = self.chooser.year_box, self.chooser.reviewer_box
        self.addToolBar(self.chooser)

        self.tree = NavigationTree(self.runner, self)
        self.tree_panel, self.search = tree_panel(self.tree, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)   # every tab reachable on a narrow screen
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.zoom = Zoom(self.tabs)
        self.presentation = Presentation(self, self.zoom, self.settings, [self.chooser, self.tree_panel])
        self.holders: dict[str, PageHolder] = {}
        for spec in PAGES:
            self.add_page(spec)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree_panel)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 1100])
        self.splitter = splitter
        self._build_menus()
        self.banner = DamageBanner(self.opened, db.path, self) if self.opened.damaged else None
        if self.banner is not None:
            self.banner.restore_requested.connect(self.restore_requested)
            self.banner.other_requested.connect(self.store_menu.restore)
            self.banner.check_requested.connect(self.store_menu.check)
        self.setCentralWidget(under_banner(self.banner, splitter))
        self._build_status()

        self.year_box.currentIndexChanged.connect(self._year_changed)
        self.reviewer_box.currentIndexChanged.connect(self._reviewer_changed)
        self.tree.picked.connect(self._picked)
        self.tabs.currentChanged.connect(lambda _i: self._show_current())
        self.runner.changed.connect(lambda _change: self.zoom.soon())
        recent.remember(self.settings, db.path or (db.url if db.is_server else None))
        self._restore()
        self._building = False
        self._show_current()
        desk.show_welcome_if_empty(self)   # an empty store opens on its first steps (gui/desk/welcome)

    # ------------------------------------------------------------ pages
    def add_page(self, spec: PageSpec) -> PageHolder:
        """Add a page (``pages.PAGES`` lists them all)."""
        holder = PageHolder(spec, self.runner, self.tabs)
        holder.setObjectName(spec.name)
        self.holders[spec.name] = holder
        self.tabs.addTab(holder, spec.title())
        return holder

    def page_names(self) -> list[str]:
        return list(self.holders)

    def show_page(self, name: str) -> QWidget:
        holder = self.holders[name]
        self.tabs.setCurrentWidget(holder)
        holder.show_selection(self.selection)
        return holder.ensure()

    def current_page(self) -> QWidget | None:
        holder = self.tabs.currentWidget()
        return holder.ensure() if isinstance(holder, PageHolder) else None

    def _show_current(self) -> None:
        if self._building:
            return
        holder = self.tabs.currentWidget()
        if isinstance(holder, PageHolder):
            holder.show_selection(self.selection)
        self._remember()
        self.zoom.soon()

    def _build_status(self) -> None:
        """Who is working, always in view; a store that cannot be changed says so beside it."""
        bar = self.statusBar()
        if self.db.readonly:
            read_only = QLabel(tr("只读"), self)
            read_only.setStyleSheet("color: #b00020; font-weight: bold; padding: 0 6px;")
            read_only.setToolTip(self.runner.write_refusal_text(None) or tr("数据库以只读方式打开，不能修改"))
            bar.addPermanentWidget(read_only)
        self.role_label = QLabel(self)
        self.role_label.setObjectName("role")
        self.role_label.setStyleSheet("padding: 0 6px;")
        bar.addPermanentWidget(self.role_label)
        bar.setFixedHeight(bar.sizeHint().height())   # a message coming and going never moves the page
        if self.opened.backup_refused is not None:   # the daily backup failed: a warning, never a failed start
            bar.showMessage(tr("今日备份未完成：") + self.opened.backup_refused.message(lang()), 20000)

    # ------------------------------------------------------------ menus
    def _action(self, menu, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None
                ) -> QAction:  # type: ignore[no-untyped-def]
        return shortcuts.action(self, menu, text, slot, [shortcut] if shortcut is not None else [])

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("文件(&F)"))
        self._action(file_menu, tr("打开数据库…"), self._open_database, QKeySequence.StandardKey.Open)
        server_dialog.add_action(self, file_menu)   # 连接服务器…: a store on the office's server (docs/server.md)
        self.recent_menu = recent.RecentMenu(
            self.settings, self.db.path or (self.db.url if self.db.is_server else None), self.database_requested.emit,
            self, open_server=lambda url: server_dialog.connect(self, url))
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        self.store_menu = StoreMenu(self.runner, file_menu, self)
        self.store_menu.restore_requested.connect(self.restore_requested)
        file_menu.addSeparator()
        self._action(file_menu, tr("导出交接包…"), lambda: self._export(template=False))
        self._action(file_menu, tr("导出填报模板…"), lambda: self._export(template=True))
        self._action(file_menu, tr("导入交接包…"), self._import)
        self._action(file_menu, tr("本机角色…"), self._choose_installation_role)
        file_menu.addSeparator()
        desk.add_file_actions(self, file_menu)   # 导入名册… / 导出名册… / 开始新年度… (gui/desk)
        file_menu.addSeparator()
        self._action(file_menu, tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        edit_menu = bar.addMenu(tr("编辑(&E)"))
        undo, redo = undo_actions(self.runner.undo_stack, self)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        print_menu = bar.addMenu(tr("打印(&P)"))
        self._action(print_menu, tr("打印…"), self._print, QKeySequence.StandardKey.Print)
        desk.add_print_actions(self, print_menu)   # 批量打印与空白表…
        self._action(print_menu, tr("核验打印件…"), self._verify)
        view_menu = bar.addMenu(tr("视图(&V)"))
        shortcuts.action(self, view_menu, tr("刷新"), self.runner.refresh, ["F5"])   # every page reads again
        view_menu.addSeparator()
        shortcuts.add_view_actions(self, view_menu)   # pages (Ctrl+1…9), planners (Alt+↓/↑), search, F11, zoom
        lang_menu = bar.addMenu(tr("语言(&L)"))
        for language in LANGUAGES:
            self._action(lang_menu, language_name(language), lambda code=language: self.language_requested.emit(code))
        shortcuts.add_help_menu(self, bar)   # 键盘快捷键 (F1), 关于

    def _print(self) -> None:
        page = self.current_page()
        request = page.print_request() if page is not None and hasattr(page, "print_request") else None
        if request is None:
            request = PrintRequest(self.tabs.currentWidget().objectName(), None, self.selection.year,
                                   district_id=self.selection.district_id,
                                   appointment_id=self.selection.appointment_id,
                                   reviewer_id=self.selection.reviewer_id)
        from . import printing  # imported when used (fast start)
        printing.open_print(self, self.runner, request)

    def _verify(self) -> None:
        from . import printing
        printing.open_verify(self, self.runner)

    def _export(self, template: bool) -> None:
        from . import handover_export  # imported when used (fast start)
        handover_export.export(self, self.runner, self.selection, template)

    def _import(self) -> None:
        from . import handover_import
        handover_import.import_file(self, self.runner)   # the installation imports, not the chosen 评分人

    def update_title(self) -> None:
        """The title bar: the program, this installation's role (which packages it takes), the store."""
        from .installation import role_text
        parts = [tr("责师评审"), role_text(self.runner), str(self.db.path or self.db.url)]
        self.setWindowTitle(" — ".join(p for p in parts if p) + (tr("（只读）") if self.db.readonly else ""))

    def _choose_installation_role(self) -> None:
        from . import installation
        if installation.choose_role(self, self.runner) is not None:
            self.update_title()

    def _open_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog
        path, _ = QFileDialog.getOpenFileName(self, tr("打开数据库"), str(self.db.path or ""),
                                              tr("责师评审数据库 (*.sqlite3 *.db);;所有文件 (*)"))
        if path:
            self.database_requested.emit(path)

    # ------------------------------------------------------------ selection
    def _load_years(self, wanted: int | None) -> None:
        self.selection = self.selection.with_(year=self.chooser.load_years(wanted))

    def _load_reviewers(self, wanted: int | None) -> None:
        self.chooser.load_reviewers(self.selection, wanted)
        self._set_reviewer_from_box()

    def _set_reviewer_from_box(self) -> None:
        reviewer_id, actor = self.chooser.reviewer()
        self.selection = self.selection.with_(reviewer_id=reviewer_id, actor=actor)
        self.set_role(self.runner.read(lambda s: trust.role_of(s, reviewer_id)))

    def set_role(self, role: trust.Role) -> None:
        """Who the person works as: the runner writes it into the audit; the status bar shows it."""
        self.runner.role = role
        self.role_label.setText(tr("评分人：{0}").format(role.text(lang())))

    def _year_changed(self, _index: int) -> None:
        self.selection = self.selection.with_(year=int(self.year_box.currentData()))
        self.tree.load(self.selection.year)
        self._load_reviewers(self.selection.reviewer_id)
        self._show_current()

    def _reviewer_changed(self, _index: int) -> None:
        self._set_reviewer_from_box()
        self._show_current()

    def _picked(self, district_id: int | None, unit_id: int | None, appointment_id: int | None) -> None:
        district_changed = district_id != self.selection.district_id
        self.selection = self.selection.with_(district_id=district_id, unit_id=unit_id,
                                              appointment_id=appointment_id)
        if district_changed:
            self._load_reviewers(self.selection.reviewer_id)
        self._show_current()

    def select(self, district_id: int | None = None, unit_id: int | None = None,
               appointment_id: int | None = None, reviewer_id: int | None = None) -> None:
        """Programmatic selection (tests, benchmark, restoring the last session)."""
        self.tree.select(district_id, unit_id, appointment_id)
        if reviewer_id is not None or self.reviewer_box.currentData() != OFFICE:
            self.chooser.choose_id(reviewer_id)

    def choose_reviewer(self, level: str | None) -> bool:
        """Switch "who is scoring" to the first reviewer of ``level`` (None: the office)."""
        return self.chooser.choose_level(level)

    def _on_changed(self, change: Change) -> None:
        if change.roster:
            year = self.selection.year
            self._load_years(year)   # an import may bring the first (or a new) year
            self.tree.load(self.selection.year)
            self.tree.select(self.selection.district_id, self.selection.unit_id, self.selection.appointment_id)
            self._load_reviewers(self.selection.reviewer_id)
            if self.selection.year != year:
                self._show_current()
        self.statusBar().showMessage(tr("已刷新") if change.reread else tr("已保存"), 2000)

    def _show_busy(self, text: str) -> None:
        """The runner's progress line: what a long action is doing, cleared when it is done."""
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _show_refusal(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)
        from . import dialogs
        dialogs.show_error(self, text)

    # ------------------------------------------------------------ settings
    def _restore(self) -> None:
        """The splitters as left on this screen, then the year, node, reviewer and page as last remembered."""
        geometry.restore_splitters(self, self.settings, self._splitters())
        last = memory.recall(self.settings)
        self._load_years(last.year)
        self.tree.load(self.selection.year)
        if not self.tree.select(last.district_id, last.unit_id, last.appointment_id):
            self.tree.first_appointment()
        item = self.tree.currentItem()
        if item is not None:
            self._picked(*item.data(0, Qt.ItemDataRole.UserRole + 2))
        self._load_reviewers(last.reviewer_id)
        if last.page in self.holders:
            self.tabs.setCurrentWidget(self.holders[last.page])

    def _splitters(self) -> dict[str, QSplitter]:
        return {"splitter": self.splitter}

    def show_fitted(self) -> None:
        """Show the window as last left on this screen, or fitted to it (the application's first show)."""
        geometry.restore(self, self.settings)
        self.show()

    def _remember(self) -> None:
        """The selection and page, written as they change (a crash loses nothing)."""
        if not self._building:
            memory.remember(self.settings, self.selection, self.tabs.currentWidget().objectName())

    def save_settings(self) -> None:
        s = self.settings
        if not self.presentation.active:   # a full screen and its hidden tree are not the arrangement to keep
            geometry.save(self, s, self._splitters())
        self._remember()
        s.setValue("language", lang())
        if self.db.path is not None:
            s.setValue("database", str(self.db.path))
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        focus = self.focusWidget()
        if focus is not None:
            focus.clearFocus()  # flush a half-typed remark / cell before leaving
        self.save_settings()
        super().closeEvent(event)
