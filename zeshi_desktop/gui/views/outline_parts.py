"""Widgets of the 4-1 editor: a text with its writing hint and a live count, a case with captioned pictures."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.domain.forms import OutlineSection, char_count
from zeshi_desktop.services.scoring.district_summary import CAPTION_MAX, PictureView

from ..i18n import lang, tr
from .sheet_widgets import RemarksEdit


def hint_text(section: OutlineSection) -> str:
    """The outline's writing hint in the user's language, without its brackets: "300字", "有则填写，…"."""
    return section.hint.get(lang()).strip().removeprefix("（").removesuffix("）").removeprefix("(").removesuffix(")")


class CountedText(QWidget):
    """A text box with the section's writing hint beside it and a live count against its limits.

    The hint is the annex's own ("（300字）"), moved out of the heading: it tells
    the writer how much to write and is no heading of the finished summary.

    The editor is the one 意见建议 uses (``RemarksEdit``): saved after a pause in
    typing and when the cursor leaves, so closing the window or switching district
    right after typing loses nothing.
    """

    def __init__(self, section: OutlineSection, save: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self._save = save
        self._stored = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = RemarksEdit(self._save_if_changed, self)
        self.edit.setMinimumHeight(90)
        self.edit.setMaximumHeight(150)
        self.hint = QLabel(hint_text(section), self)
        self.hint.setStyleSheet("color: #555; font-style: italic;")
        self.hint.setWordWrap(True)
        self.count = QLabel(self)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        below = QHBoxLayout()
        below.addWidget(self.hint, 1)
        below.addWidget(self.count)
        layout.addWidget(self.edit)
        layout.addLayout(below)
        self.edit.textChanged.connect(self._update_count)

    def set_stored(self, text: str, read_only: bool) -> None:
        self._stored = text
        self.edit.set_stored(text)
        self.edit.setReadOnly(read_only)
        self._update_count()

    def flush(self) -> None:
        self.edit.flush()

    def _save_if_changed(self, text: str) -> None:
        if text != self._stored:
            self._stored = text
            self._save(text)

    def _update_count(self) -> None:
        n = char_count(self.edit.toPlainText())
        low, high = self.section.min_chars, self.section.max_chars
        if high is not None and low is not None:
            text = tr("{0} 字（要求 {1}–{2} 字）").format(n, low, high)
        elif high is not None:
            text = tr("{0} / {1} 字").format(n, high)
        else:
            text = tr("{0} 字").format(n)
        bad = (high is not None and n > high) or (low is not None and 0 < n < low)
        if bad:
            text += tr("  超出字数要求") if high is not None and n > high else tr("  不足字数要求")
        self.count.setText(text)
        self.count.setStyleSheet("color: #b00020; font-weight: bold;" if bad else "color: #555;")


class CaseBox(QWidget):
    """One 优秀案例: title, text, pictures, each with the caption printed under it ("图N caption")."""

    def __init__(self, number: int, section: OutlineSection, save_title: Callable[[str], None],
                 save_text: Callable[[str], None], add_picture: Callable[[], None],
                 remove_picture: Callable[[int], None], save_caption: Callable[[int, str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 0, 8)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("案例 {0}：").format(number), self))
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(tr("案例标题"))
        self.title.editingFinished.connect(lambda: save_title(self.title.text()))
        row.addWidget(self.title, 1)
        layout.addLayout(row)
        self.text = CountedText(section, save_text, self)
        layout.addWidget(self.text)
        self.pictures_row = QHBoxLayout()
        self.add_button = QPushButton(tr("添加图片…"), self)
        self.add_button.clicked.connect(add_picture)
        self._remove = remove_picture
        self._save_caption = save_caption
        self.captions: dict[int, QLineEdit] = {}
        self.pictures_row.addWidget(self.add_button)
        self.pictures_row.addStretch(1)
        layout.addLayout(self.pictures_row)
        self._thumbs: list[QWidget] = []

    def show_pictures(self, pictures: list[PictureView], read_only: bool, first_figure: int = 1) -> None:
        """The case's pictures, numbered from ``first_figure`` as the print numbers them through the summary."""
        for thumb in self._thumbs:
            thumb.deleteLater()
        self._thumbs = []
        self.captions = {}
        for figure, pic in enumerate(pictures, start=first_figure):
            box = QWidget(self)
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            image = QLabel(box)
            pixmap = QPixmap()
            pixmap.loadFromData(QByteArray(pic.data))
            image.setPixmap(pixmap.scaled(120, 90, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))
            image.setToolTip(pic.name)
            col.addWidget(image)
            col.addWidget(self._caption_row(box, figure, pic, read_only))
            remove = QPushButton(tr("移除"), box)
            remove.setEnabled(not read_only)
            remove.clicked.connect(lambda _c=False, i=pic.id: self._remove(i))
            col.addWidget(remove)
            self.pictures_row.insertWidget(self.pictures_row.count() - 2, box)
            self._thumbs.append(box)
        self.add_button.setEnabled(not read_only)

    def _caption_row(self, parent: QWidget, figure: int, pic: PictureView, read_only: bool) -> QWidget:
        """"图N" and the caption typed for it, saved when the cursor leaves; empty prints the file name."""
        row = QWidget(parent)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(QLabel(tr("图{0}").format(figure), row))
        edit = QLineEdit(pic.caption, row)
        edit.setMaxLength(CAPTION_MAX)
        edit.setMinimumWidth(150)
        edit.setPlaceholderText(tr("图片说明"))
        edit.setToolTip(tr("打印在图片下方：图{0} 说明。不填则印文件名“{1}”。").format(figure, pic.name))
        edit.setReadOnly(read_only)
        edit.setProperty("stored", pic.caption)
        edit.editingFinished.connect(lambda e=edit, i=pic.id: self._caption_done(e, i))
        line.addWidget(edit, 1)
        self.captions[pic.id] = edit
        return row

    def _caption_done(self, edit: QLineEdit, attachment_id: int) -> None:
        """Save a caption that changed (editingFinished also fires when the cursor merely leaves)."""
        if edit.isReadOnly() or edit.text() == edit.property("stored"):
            return
        edit.setProperty("stored", edit.text())
        self._save_caption(attachment_id, edit.text())


def fill_table(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeColumnsToContents()
    table.setFixedHeight(min(320, 32 + 30 * max(1, len(rows))))
