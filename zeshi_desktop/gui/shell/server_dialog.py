"""文件 → 连接服务器…: open a store on the office's PostgreSQL server instead of a file (docs/server.md).

The dialog asks for the server, its port, the database, the user and,
when the server wants one and no ``.pgpass`` holds it, the password. The
window does not open the store itself: it asks the application, as for a
file (``MainWindow.database_requested``), which says in a sentence why a
server could not be reached. The password travels in the address only in
memory: the title bar, the settings and every message show the address
without it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.store.addresses import StoreError, server_address, server_parts

from ..i18n import tr

DEFAULT_PORT = 5432
DEFAULT_DATABASE = "zeshi"


class ServerDialog(QDialog):
    """Server, port, database, user, password; :meth:`address` is the URL to open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("连接服务器"))
        self.setObjectName("server-dialog")
        layout = QVBoxLayout(self)
        intro = QLabel(tr("打开办公室服务器（PostgreSQL）上的数据库：大家同时评分，排名总是全组的。"
                          "服务器由管理员设置，见 docs/server.md。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(tr("例如 review-server 或 192.168.1.20"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(DEFAULT_DATABASE, self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("已存在 .pgpass 中时留空"))
        for label, field in ((tr("服务器："), self.host), (tr("端口："), self.port), (tr("数据库："), self.database),
                             (tr("用户："), self.user), (tr("密码："), self.password)):
            form.addRow(label, field)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("连接"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for field in (self.host, self.database, self.user):
            field.textChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(460)

    def fill_from(self, url: str) -> None:
        """The parts of a server used before (its address has no password): only the password left to type."""
        try:
            host, port, database, user = server_parts(url)
        except StoreError:
            return
        self.host.setText(host)
        self.port.setValue(port or DEFAULT_PORT)
        self.database.setText(database or DEFAULT_DATABASE)
        self.user.setText(user)
        self.password.setFocus()

    def _update(self) -> None:
        ready = all(f.text().strip() for f in (self.host, self.database, self.user))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def address(self) -> str:
        """The URL of the store as typed: ``postgresql+psycopg://user@host:port/database``."""
        return server_address(self.host.text(), self.database.text(), self.user.text(), self.password.text(),
                              self.port.value())


def ask(parent: QWidget | None, known: str = "") -> str | None:
    """The address of the server's store the person chose (from ``known``'s parts), or None (tests replace this)."""
    dialog = ServerDialog(parent)
    if known:
        dialog.fill_from(known)
    return dialog.address() if dialog.exec() == QDialog.DialogCode.Accepted else None


def connect(window, known: str = "") -> bool:  # type: ignore[no-untyped-def]
    """Ask (from a server used before, ``known``), then have the application open the store
    (``window.database_requested``); True when asked to."""
    address = ask(window, known)
    if address is None:
        return False
    window.database_requested.emit(address)
    return True


def add_action(window, menu):  # type: ignore[no-untyped-def]
    """The menu entry 连接服务器… (the main window's File menu, after 打开数据库…)."""
    return window._action(menu, tr("连接服务器…"), lambda: connect(window, last_server(window.settings)))


def last_server(settings) -> str:  # type: ignore[no-untyped-def]
    """The server opened last (its address without the password), to start the dialog from; "" if none."""
    from .recent import recent
    return next((location for location in recent(settings) if isinstance(location, str)), "")
