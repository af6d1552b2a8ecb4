"""Printing in the app: preview, print to a printer, save as PDF, and the verification field.

The PDF made by the services is the document of record; the preview and the
printer get its pages rendered by QtPdf, so what is printed from the app is
exactly what ``zeshi print`` writes, and "save as PDF" saves those same bytes.

The preview opens large (nine tenths of the screen it is on) at a readable
zoom (the page's width), and remembers its size and whether it was maximised
in the main window's settings. "Save as PDF" offers a name that says what
the file holds (``services.printing.names``: 附件3-2_朝阳区_张三_2026-11-30.pdf)
in the folder last saved to, and then says where the file went.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRectF,
    QSettings,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QGuiApplication, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.messages import text
from zeshi_desktop.services import roster
from zeshi_desktop.services.printing import jobs as printing
from zeshi_desktop.services.printing import names, verification
from zeshi_desktop.store.database import Session

from . import dialogs
from .actions import ActionRunner, Change
from .desk import saved
from .i18n import lang, tr
from .selection import PrintRequest

MAX_DPI = 300  # enough for a signed A4 sheet; keeps a 40-page batch within memory
SCREEN_SHARE = 0.9   # a preview opened for the first time takes this much of the available screen
GEOMETRY_KEY, MAXIMISED_KEY, FOLDER_KEY = "print/preview_geometry", "print/preview_maximised", "print/folder"


def load_pdf(pdf_bytes: bytes, parent: QWidget | None = None) -> QPdfDocument:
    """A QtPdf document reading from memory (the buffer is kept alive by the document)."""
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf_bytes))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise ValueError(f"PDF cannot be read: {document.error()}")
    return document


def paint_pdf(printer: QPrinter, document: QPdfDocument) -> int:
    """Paint every page onto the printer, turning the paper for landscape pages; returns pages painted."""
    painter = QPainter()
    pages = document.pageCount()
    for index in range(pages):
        size = document.pagePointSize(index)
        orientation = (QPageLayout.Orientation.Landscape if size.width() > size.height()
                       else QPageLayout.Orientation.Portrait)
        if index == 0:
            printer.setPageOrientation(orientation)
            if not painter.begin(printer):
                raise OSError(tr("无法开始打印"))
        else:
            printer.setPageOrientation(orientation)
            printer.newPage()
        target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
        target.moveTo(0, 0)
        dpi = min(printer.resolution(), MAX_DPI)
        image = document.render(index, QSize(int(size.width() / 72 * dpi), int(size.height() / 72 * dpi)))
        painter.drawImage(target, image)
    if pages:
        painter.end()
    return pages


def settings_of(widget: QObject | None) -> QSettings | None:
    """The main window's settings, found up the parents (None for a preview without a window: tests)."""
    while widget is not None:
        found = getattr(widget, "settings", None)
        if isinstance(found, QSettings):
            return found
        widget = widget.parent()
    return None


def suggested_path(parent: QWidget | None, name: str) -> str:
    """``name`` in the folder a PDF was last saved to (the home folder the first time)."""
    settings = settings_of(parent)
    folder = str(settings.value(FOLDER_KEY) or "") if settings is not None else ""
    return str(Path(folder) / name) if folder and Path(folder).is_dir() else str(Path.home() / name)


def save_pdf(parent: QWidget | None, pdf_bytes: bytes, suggested: str) -> str | None:
    """Ask where to save, write the PDF bytes unchanged and say where they went; the path, or None."""
    path = dialogs.ask_save_path(parent, tr("另存为 PDF"), suggested_path(parent, suggested), tr("PDF 文件 (*.pdf)"),
                                 ".pdf")
    if path is None:
        return None
    try:
        with open(path, "wb") as handle:
            handle.write(pdf_bytes)
    except OSError as error:   # a folder that cannot be written, a full disk: a sentence naming the file
        dialogs.show_error(parent, tr("无法写入 {0}：{1}").format(path, error.strerror or error))
        return None
    settings = settings_of(parent)
    if settings is not None:
        settings.setValue(FOLDER_KEY, str(Path(path).parent))
    saved.show_saved(parent, Path(path))
    return path


def fit_to_screen(dialog: QDialog, settings: QSettings | None) -> None:
    """The preview's size as last left (maximised or not), else most of the screen it opens on."""
    geometry = settings.value(GEOMETRY_KEY) if settings is not None else None
    if isinstance(geometry, QByteArray) and dialog.restoreGeometry(geometry):
        pass
    else:
        parent = dialog.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            dialog.resize(int(area.width() * SCREEN_SHARE), int(area.height() * SCREEN_SHARE))
            frame = dialog.frameGeometry()
            frame.moveCenter(area.center())
            dialog.move(frame.topLeft())
    if settings is not None and str(settings.value(MAXIMISED_KEY, "false")).lower() == "true":
        dialog.setWindowState(dialog.windowState() | Qt.WindowState.WindowMaximized)


def remember_size(dialog: QDialog, settings: QSettings | None) -> None:
    """Keep the preview's size and whether it was maximised, for the next preview."""
    if settings is None:
        return
    settings.setValue(MAXIMISED_KEY, dialog.isMaximized())
    if not dialog.isMaximized():
        settings.setValue(GEOMETRY_KEY, dialog.saveGeometry())


def fit_width(dialog: QPrintPreviewDialog) -> None:
    """Zoom to the page's width (the dialog's own 适合宽度 button, so its toolbar shows it chosen)."""
    action = dialog.findChild(QAction, "fitWidthAction")
    if action is not None:
        action.trigger()


def preview_dialog(parent: QWidget | None, pdf_bytes: bytes, title: str,
                   two_sided: Callable[[], bytes] | None = None, file_name: str | None = None
                   ) -> QPrintPreviewDialog:
    """The print preview with a "save as PDF" button; built separately so tests can look at it.

    ``two_sided`` (a batch) adds a check "双面打印" that shows, prints and saves
    the PDF with every document padded to an even page count, and asks the
    printer for two-sided output. ``file_name`` is the name "save as PDF"
    offers (``title``.pdf when not given).
    """
    file_name = file_name or f"{title}.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(Path(file_name).stem)
    printer.setPageSize(printer.pageLayout().pageSize())
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(tr("打印预览 — ") + Path(file_name).stem)
    settings = settings_of(parent)
    fit_to_screen(dialog, settings)
    dialog.finished.connect(lambda _result: remember_size(dialog, settings))
    shown = {"pdf": pdf_bytes, "document": load_pdf(pdf_bytes, dialog)}
    dialog.paintRequested.connect(lambda p: paint_pdf(p, shown["document"]))
    toolbar = dialog.findChild(QToolBar)
    added: dict[str, QAction] = {}
    if toolbar is not None:
        toolbar.addSeparator()
        added["save"] = toolbar.addAction(tr("另存为 PDF…"), lambda: save_pdf(dialog, shown["pdf"], file_name))
        if two_sided is not None:
            def switch(on: bool) -> None:
                shown["pdf"] = two_sided() if on else pdf_bytes
                shown["document"] = load_pdf(shown["pdf"], dialog)
                printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide if on else QPrinter.DuplexMode.DuplexNone)
                preview = dialog.findChild(QPrintPreviewWidget)
                if preview is not None:
                    preview.updatePreview()
            check = toolbar.addAction(tr("双面打印（每份补足偶数页）"))
            check.setCheckable(True)
            check.toggled.connect(switch)
            added["two_sided"] = check
    fit_width(dialog)
    dialog.zeshi_actions = added  # type: ignore[attr-defined]  # what preview_actions() returns
    dialog._zeshi_printer = printer  # type: ignore[attr-defined]  # keep the printer alive with the dialog
    return dialog


def preview_actions(dialog: QPrintPreviewDialog) -> dict[str, QAction]:
    """The actions the program added to a preview's toolbar ("save", and "two_sided" for a batch), by name.

    Held from when they were made: walking the toolbar's ``actions()`` meets
    Qt's own widget actions too, whose wrappers a test should not need.
    """
    return dict(getattr(dialog, "zeshi_actions", {}))


def preview_and_print(parent: QWidget | None, pdf_bytes: bytes, title: str,
                      two_sided: Callable[[], bytes] | None = None, file_name: str | None = None) -> None:
    """Show the preview; its print button sends the pages to a printer chosen by the user."""
    preview_dialog(parent, pdf_bytes, title, two_sided, file_name).exec()


def printed_name(prepared: printing.Prepared, job: printing.PrintJob) -> str:
    """The file name a print is offered under: its form, district, unit or reviewer, and today."""
    left_out = {r.index for r in job.refused}
    return names.pdf_name([p.doc for n, p in enumerate(prepared.planned) if n not in left_out], lang())


def _prepare(session: Session, request: PrintRequest) -> printing.Prepared:
    """The documents ``request`` names, planned (and refused when there is nothing to print)."""
    if request.sheet_id is not None:
        return printing.prepare_sheet(session, request.sheet_id)
    unit_id = planner_id = None
    if request.appointment_id is not None:
        appointment = roster.appointment(session, request.appointment_id)
        unit_id, planner_id = appointment.unit_id, appointment.planner_id
    selection = printing.Selection(request.year, request.district_id, unit_id, planner_id, request.reviewer_id)
    if request.form_id:
        return printing.prepare_form(session, request.form_id, selection)
    return printing.prepare_all(session, selection)


def open_print(parent: QWidget, runner: ActionRunner, request: PrintRequest) -> None:
    """Print the sheet or the selection a view names, through the runner like every action.

    Planning is a look that may be refused; drawing the PDF is the long part
    (the runner shows it working); the verification codes are kept once the
    PDF exists, in one write.
    """
    ok, prepared = runner.attempt(lambda session: _prepare(session, request), progress=tr("正在准备打印…"))
    if not ok or prepared is None:
        return
    with runner.working(tr("正在生成 PDF…")):
        job = printing.render(prepared)
    ok, _ = runner.run(lambda session: printing.record(session, prepared, job), Change())
    if not ok:
        return
    if job.refused:   # a batch printed what it could: name what it left out, and why
        dialogs.show_warning(parent, text("printing.batch.refused_title", lang(), count=len(job.refused)),
                             "\n".join(job.refused_lines(lang())))
    title = tr("附件{form}").format(form=request.form_id) if request.form_id else tr("评审材料")
    name = printed_name(prepared, job)
    if job.documents == 1:
        preview_and_print(parent, job.pdf, title, file_name=name)
    else:   # a batch: the preview offers two-sided printing, each document padded to an even page count
        preview_and_print(parent, job.pdf, title, lambda: printing.render(prepared, two_sided=True).pdf, name)


class VerifyDialog(QDialog):
    """Type (or scan) the code printed under the QR code and see whether the data still matches."""

    def __init__(self, parent: QWidget | None, runner: ActionRunner) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(tr("核验打印件"))
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("ZS-XXXX-XXXX-XXXX-XXXX")
        self.check = QPushButton(tr("核验"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("核验码："), self))
        row.addWidget(self.code, 1)
        row.addWidget(self.check)
        buttons, _ = dialogs.dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.check.clicked.connect(self.run)
        self.code.returnPressed.connect(self.run)
        self.resize(560, 320)
        self.result: verification.VerifyResult | None = None

    def run(self) -> None:
        self.result = None
        code = self.code.text()
        ok, result = self.runner.attempt(lambda session: verification.verify(session, code), self._refused)
        if not ok or result is None:
            return
        self.result = result
        matches = result.matches
        self.status.setText(tr("一致：打印件与数据库相符。") if matches else tr("不一致：打印后已有改动。"))
        self.status.setStyleSheet("color: #1b5e20; font-weight: bold;" if matches
                                  else "color: #b00020; font-weight: bold;")
        self.details.setPlainText(result.summary())

    def _refused(self, text: str) -> None:
        """A code that is not one of ours is answered in the dialog, where it was typed."""
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;")
        self.details.clear()


def open_verify(parent: QWidget, runner: ActionRunner) -> None:
    VerifyDialog(parent, runner).exec()
