"""Printing in the app: preview, print to a printer, save as PDF, and the verification field.

The PDF made by the services is the document of record; the preview and the
printer get its pages rendered by QtPdf, so what is printed from the app is
exactly what ``zeshi print`` writes, and "save as PDF" saves those same bytes.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.printing import jobs as printing
from zeshi_desktop.services.printing import verification
from zeshi_desktop.store.database import Database

from . import dialogs
from .i18n import lang, tr

MAX_DPI = 300  # enough for a signed A4 sheet; keeps a 40-page batch within memory


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


def save_pdf(parent: QWidget | None, pdf_bytes: bytes, suggested: str) -> str | None:
    """Ask where to save and write the PDF bytes unchanged; returns the path or None if cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, tr("另存为 PDF"), suggested, tr("PDF 文件 (*.pdf)"))
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    with open(path, "wb") as handle:
        handle.write(pdf_bytes)
    return path


def preview_dialog(parent: QWidget | None, pdf_bytes: bytes, title: str) -> QPrintPreviewDialog:
    """The print preview with a "save as PDF" button; built separately so tests can look at it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(printer.pageLayout().pageSize())
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(tr("打印预览 — ") + title)
    document = load_pdf(pdf_bytes, dialog)
    dialog.paintRequested.connect(lambda p: paint_pdf(p, document))
    toolbar = dialog.findChild(QToolBar)
    if toolbar is not None:
        toolbar.addSeparator()
        toolbar.addAction(tr("另存为 PDF…"), lambda: save_pdf(dialog, pdf_bytes, f"{title}.pdf"))
    dialog._zeshi_printer = printer  # type: ignore[attr-defined]  # keep the printer alive with the dialog
    return dialog


def preview_and_print(parent: QWidget | None, pdf_bytes: bytes, title: str) -> None:
    """Show the preview; its print button sends the pages to a printer chosen by the user."""
    preview_dialog(parent, pdf_bytes, title).exec()


def _selection(db: Database, request) -> printing.Selection:  # type: ignore[no-untyped-def]
    unit_id = planner_id = None
    if request.appointment_id is not None:
        with db.read() as session:
            app = roster.appointment(session, request.appointment_id)
        unit_id, planner_id = app.unit_id, app.planner_id
    return printing.Selection(request.year, request.district_id, unit_id, planner_id, request.reviewer_id)


def open_print(parent: QWidget, db: Database, request) -> None:  # type: ignore[no-untyped-def]
    """What ``print_hooks`` calls: print the sheet or the selection a view names."""
    try:
        selection = None if request.sheet_id is not None else _selection(db, request)
        with db.read() as session:
            if request.sheet_id is not None:
                prepared = printing.prepare_sheet(session, request.sheet_id)
            elif request.form_id:
                prepared = printing.prepare_form(session, request.form_id, selection)
            else:
                prepared = printing.prepare_all(session, selection)
        job = printing.render(prepared)
        with db.write() as session:  # the codes are kept once the PDF exists
            printing.record(session, prepared)
    except ActionRefused as refusal:
        dialogs.show_error(parent, refusal.message(lang()))
        return
    title = f"附件{request.form_id}" if request.form_id else tr("评审材料")
    preview_and_print(parent, job.pdf, title)


class VerifyDialog(QDialog):
    """Type (or scan) the code printed under the QR code and see whether the data still matches."""

    def __init__(self, parent: QWidget | None, db: Database) -> None:
        super().__init__(parent)
        self.db = db
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
        try:
            with self.db.read() as session:
                self.result = verification.verify(session, self.code.text())
        except ActionRefused as refusal:
            self.status.setText(refusal.message(lang()))
            self.status.setStyleSheet("color: #b00020;")
            self.details.clear()
            return
        ok = self.result.matches
        self.status.setText(tr("一致：打印件与数据库相符。") if ok else tr("不一致：打印后已有改动。"))
        self.status.setStyleSheet("color: #1b5e20; font-weight: bold;" if ok else "color: #b00020; font-weight: bold;")
        self.details.setPlainText(self.result.summary())


def open_verify(parent: QWidget, db: Database) -> None:
    VerifyDialog(parent, db).exec()
