"""What every page of the main window can do: show a selection, follow changes, name a print."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from zeshi_desktop.domain.forms import Form
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.scoring.sheets import SheetView

from ..actions import ActionRunner, Change
from ..i18n import lang
from ..selection import PrintRequest, Selection
from ..sheet_access import SheetKey
from ..sheet_bar import SheetBar

NOTICE_STYLE = "background: #fff4d6; color: #5d4200; border: 1px solid #e0c46c; padding: 6px;"


class AnnexView(QWidget):
    """A page: built once, told the selection, refreshed by the changes that concern it.

    Subclasses override :meth:`load` (read what the selection needs and fill
    the widgets) and :meth:`on_changed` (refresh after an action). A page
    whose reading is costly (a ranking, a dashboard) calls
    :meth:`reload_when_visible` from ``on_changed``: hidden, it only notes that
    it is stale and reads again when next shown.

    A page whose content the person may not change now (a sheet that is not
    their role's, a store open read-only) says why in :attr:`notice`, at the
    top, instead of only greying its controls: :meth:`locked_reason`.
    """

    form_id: str | None = None

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.selection: Selection | None = None
        self.form: Form | None = catalogue.form(self.form_id) if self.form_id else None
        self.root = QVBoxLayout(self)
        self.root.setContentsMargins(8, 8, 8, 8)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        self.root.addWidget(self.notice)
        self.locked = ""   # why the shown sheet may not be changed now ("" when it may)
        self._stale = False
        runner.changed.connect(self._follow)

    def title_label(self) -> QLabel:
        label = QLabel(self.form.title.get(lang()) if self.form else "", self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return text_size(label, 1.35, bold=True)

    def locked_reason(self, reviewer_id: int | None = None) -> str:
        """Why this page's sheet (of ``reviewer_id``) may not be changed now, shown in :attr:`notice`; "" if it may."""
        reason = self.runner.write_refusal_text(self.form_id, reviewer_id)
        self.locked = reason
        self.show_notice(reason)
        return reason

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_selection(self, selection: Selection) -> None:
        self.selection = selection
        self.load()

    def load(self) -> None:
        """Read what the current selection needs and show it."""

    def _follow(self, change: Change) -> None:
        """Every page hears the runner's one notification here.

        A roster change or a refresh may change the page's very subject (a
        unit added, a name corrected, a store written elsewhere), so the whole
        page reads again (:meth:`reload_when_visible`), after
        :meth:`roster_changed` has renewed the lists it chooses from; any other
        change goes to :meth:`on_changed`, which refreshes only what it touched.
        """
        if change.roster or change.reread:
            self.roster_changed()
            self.reload_when_visible()
        else:
            self.on_changed(change)

    def roster_changed(self) -> None:
        """Read again the lists the page chooses from (a district box); default: nothing."""

    def on_changed(self, change: Change) -> None:
        """Refresh what ``change`` touched; default: nothing."""

    def reload_when_visible(self) -> None:
        """Read again now if the page is on screen, else when it is next shown."""
        if self.selection is None:
            return
        if self.isVisible():
            self._stale = False
            self.load()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.selection is not None:
            self._stale = False
            self.load()

    def print_request(self) -> PrintRequest | None:
        return None

    def request_print(self) -> None:
        """The print dialog for what :meth:`print_request` names (nothing when it names nothing)."""
        from .. import printing  # imported when used (fast start)
        request = self.print_request()
        if request is not None:
            printing.open_print(self, self.runner, request)


class SheetFormView(AnnexView):
    """A page that is one scrolled form for one sheet (4-1, 5-1): a placeholder until a subject is chosen.

    Subclasses build ``empty`` (the placeholder), ``scroll`` (the form),
    ``subject`` (the line naming the subject) and ``bar`` (the sheet bar).
    """

    empty: QLabel
    scroll: QWidget
    subject: QLabel
    bar: SheetBar

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.key: SheetKey | None = None
        self.sheet: SheetView | None = None

    def show_key(self, key: SheetKey | None) -> bool:
        """Show the form for ``key``, or the placeholder when there is no subject; True when shown."""
        self.key = key
        self.empty.setVisible(key is None)
        self.scroll.setVisible(key is not None)
        if key is None:
            self.subject.clear()
            self.locked = ""
            self.show_notice("")
            self.bar.show_sheet(None, editable_subject=False)
        return key is not None

    def reread(self) -> tuple[dict[str, str], bool] | None:
        """Read the shown sheet again: its answers and whether it is locked (final, or not the role's to change).

        None when no subject is shown.
        """
        if self.key is None:
            return None
        self.sheet = self.runner.read(self.key.find)
        locked = bool(self.locked_reason(self.key.reviewer_id))
        return (dict(self.sheet.answers) if self.sheet else {}), locked or (self.sheet is not None
                                                                            and self.sheet.is_final)


def placeholder(text: str, parent: QWidget) -> QLabel:
    """The line a view shows when the selection does not give it a subject yet."""
    label = QLabel(text, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555; padding: 24px;")
    return text_size(label, 1.3)


def text_size(label: QLabel, scale: float, bold: bool = False) -> QLabel:
    """Set ``label``'s text ``scale`` times the application's size (a heading, a placeholder).

    Taken from the application's font, never the label's (which may already be
    zoomed), and set as a font rather than in a style sheet: the zoom
    (``gui.shell.zoom``) scales fonts a page set, not sizes in style sheets.
    """
    font = QFont(QApplication.font())
    font.setPointSizeF(QApplication.font().pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    return label
