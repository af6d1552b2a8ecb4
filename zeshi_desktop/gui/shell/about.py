"""帮助 → 关于: the version, this installation's role, where its data and backups are, and the libraries' licences.

A clerk asked "which version, which file, where are the backups" reads it
here; the libraries shipped with the program are listed with their licences
as their own metadata states them (``importlib.metadata``: the
``License-Expression`` field, else a short ``License`` field, else the
trove classifiers), found by walking the program's requirements, so the
list follows what is installed or bundled.
"""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop import __version__
from zeshi_desktop.locations import (
    cjk_fallback_font_path,
    cjk_font_path,
    default_db_path,
)
from zeshi_desktop.store.backup import folder_for

from ..actions import ActionRunner
from ..i18n import tr

DISTRIBUTION = "zeshi-desktop"
FONT_LICENCES = {   # the fonts the program bundles or finds (``locations``), by file name
    "wqy-microhei.ttc": ("WenQuanYi Micro Hei", "Apache-2.0 OR GPL-3.0-or-later WITH Font-exception-2.0"),
    "DroidSansFallbackFull.ttf": ("Droid Sans Fallback", "Apache-2.0"),
}


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str


def _name(requirement: str) -> str | None:
    """The distribution a requirement names, None when it only applies to an extra ("pytest>=8; extra == 'test'")."""
    spec, _, marker = requirement.partition(";")
    if "extra" in marker:
        return None
    found = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
    return found.group(1) if found else None


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if expression := meta.get("License-Expression"):
        return str(expression)
    text = str(meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 60 and text.upper() != "UNKNOWN":
        return text
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    return text.splitlines()[0][:60] if text else "—"


def bundled_libraries(root: str = DISTRIBUTION) -> list[Library]:
    """Every distribution the program needs to run, directly or not, with its version and licence (by name)."""
    seen: dict[str, Library] = {}
    queue = [root]
    while queue:
        name = queue.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = Library(str(dist.metadata["Name"]), dist.version, licence_of(dist))
        queue.extend(n for n in (_name(r) for r in dist.requires or []) if n is not None)
    own = re.sub(r"[-_.]+", "-", root).lower()
    return sorted((lib for key, lib in seen.items() if key != own), key=lambda lib: lib.name.lower())


def fonts_used() -> list[Library]:
    """The CJK fonts in use, when they are ones whose licence is known (a system's own font is not listed)."""
    found = []
    for path in (cjk_font_path(), cjk_fallback_font_path()):
        if path is not None and path.name in FONT_LICENCES:
            name, licence = FONT_LICENCES[path.name]
            found.append(Library(name, tr("字体"), licence))
    return found


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AboutDialog(QDialog):
    def __init__(self, runner: ActionRunner, settings: QSettings, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(tr("关于责师评审"))
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{tr('责师评审')} {__version__}</h2><p>{tr('北京市责任规划师年度考核评优：评分、排名、打印与离线交接。')}"
                         f"<br>{tr('本程序以 Apache-2.0 许可发布。')}</p>")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        db_path = runner.db.path
        self.backups = folder_for(db_path) if db_path is not None else None
        rows = [(tr("本机角色："), role or tr("（未设置）")),
                (tr("数据库："), str(db_path) if db_path is not None else str(runner.db.url)),
                (tr("备份文件夹："), str(self.backups) if self.backups is not None else tr("（内存中的数据库没有备份）")),
                (tr("数据文件夹："), str(default_db_path().parent)),
                (tr("设置文件："), settings.fileName()),
                (tr("运行环境："), f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.system()}")]
        for label, value in rows:
            form.addRow(label, _selectable(value))
        layout.addLayout(form)
        layout.addWidget(QLabel(f"<b>{tr('随附的程序库及其许可')}</b>"))
        libraries = bundled_libraries() + fonts_used()
        table = QTableWidget(len(libraries), 3, self)
        table.setObjectName("licences")
        table.setHorizontalHeaderLabels([tr("程序库"), tr("版本"), tr("许可")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, lib in enumerate(libraries):
            for col, text in enumerate((lib.name, lib.version, lib.licence)):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table = table
        layout.addWidget(table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        folder = QPushButton(tr("打开备份文件夹"), self)
        folder.setEnabled(self.backups is not None and Path(self.backups).is_dir())
        folder.clicked.connect(self._open_backups)
        buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 600)

    def _open_backups(self) -> None:
        if self.backups is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.backups)))


def show_about(parent: QWidget, runner: ActionRunner, settings: QSettings, role: str) -> None:
    AboutDialog(runner, settings, role, parent).exec()
