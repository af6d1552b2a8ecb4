"""What every page of the main window can do: show a selection, follow changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.services import catalogue

from ..actions import ActionRunner, Change
from ..i18n import lang
from ..print_hooks import PrintRequest
from ..selection import Selection


class AnnexView(QWidget):
    """A page: built once, told the selection, refreshed by the changes that concern it.

    Subclasses override :meth:`load` (read what the selection needs and fill
    the widgets) and :meth:`on_changed` (refresh after an action). Pages added
    by other modules only need ``show_selection`` and, if they care,
    ``on_changed``.
    """

    form_id: str | None = None

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.selection: Selection | None = None
        self.form: Form | None = catalogue.form(self.form_id) if self.form_id else None
        self.root = QVBoxLayout(self)
        self.root.setContentsMargins(8, 8, 8, 8)
        runner.changed.connect(self.on_changed)

    def title_label(self) -> QLabel:
        label = QLabel(self.form.title.get(lang()) if self.form else "", self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        label.setFont(font)
        return label

    def show_selection(self, selection: Selection) -> None:
        self.selection = selection
        self.load()

    def load(self) -> None:
        """Read what the current selection needs and show it."""

    def on_changed(self, change: Change) -> None:
        """Refresh what ``change`` touched; default: nothing."""

    def print_request(self) -> PrintRequest | None:
        return None


def placeholder(text: str, parent: QWidget) -> QLabel:
    """The line a view shows when the selection does not give it a subject yet."""
    label = QLabel(text, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555; font-size: 13pt; padding: 24px;")
    return label
