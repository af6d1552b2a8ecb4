"""Around a scored sheet: 意见建议 (saved as you go), the heading fields, and the 4-2 contract question."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.domain.forms import ContractRule, HeaderField

from ..i18n import lang, tr


class RemarksEdit(QPlainTextEdit):
    """意见建议: saved when the cursor leaves and after a pause in typing."""

    def __init__(self, save: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(800)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)
        self._loading = False

    def set_stored(self, text: str) -> None:
        self._loading = True
        if self.toPlainText() != text:
            self.setPlainText(text)
        self._timer.stop()
        self._loading = False

    def flush(self) -> None:
        self._timer.stop()
        if not self._loading:
            self._save(self.toPlainText())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._timer.isActive():
            self.flush()
        super().focusOutEvent(event)


class HeaderFields(QWidget):
    """The heading fields the sheet's maker writes in (3-1's 评审单位, 4-2's 单位), as on the paper's first line.

    Empty, a field shows what the print writes instead (its placeholder: the
    unit, 区规自分局); a change is saved when the cursor leaves the field, as
    ``header:<field id>``.
    """

    edited = Signal(str, str)   # answer key (header:<id>), the text typed ("" clears it)

    def __init__(self, fields: tuple[HeaderField, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QLineEdit] = {}
        for field in fields:
            key = f"header:{field.id}"
            layout.addWidget(QLabel(field.label.get(lang()), self))
            edit = QLineEdit(self)
            edit.setProperty("stored", "")
            edit.editingFinished.connect(lambda k=key, e=edit: self._done(k, e))
            layout.addWidget(edit)
            self.edits[key] = edit
        self.setVisible(bool(fields))

    def show_values(self, answers: dict[str, str], defaults: dict[str, str], read_only: bool) -> None:
        """What is stored (else the print's own text as the placeholder); read-only on a sheet that is locked."""
        for key, edit in self.edits.items():
            stored = answers.get(key, "")
            edit.setProperty("stored", stored)
            if edit.text() != stored:
                edit.setText(stored)
            edit.setPlaceholderText(defaults.get(key, ""))
            edit.setToolTip(tr("空着则打印“{0}”").format(defaults[key]) if defaults.get(key) else "")
            edit.setReadOnly(read_only)
            shown = max((stored, defaults.get(key, "")), key=len)   # wide enough for the name, within reason
            edit.setFixedWidth(max(200, min(360, edit.fontMetrics().horizontalAdvance(shown) + 24)))

    def _done(self, key: str, edit: QLineEdit) -> None:
        """Save a field that changed (editingFinished also fires when the cursor merely leaves)."""
        text = edit.text().strip()
        if edit.isReadOnly() or text == edit.property("stored"):
            return
        edit.setProperty("stored", text)
        self.edited.emit(key, text)


class ContractBox(QWidget):
    """4-2: 是/否 for "all contracts signed", and the consequence in red when the answer is 否."""

    answered = Signal(str)  # "yes" / "no"

    def __init__(self, rule: ContractRule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        question = QLabel(rule.question.get(lang()), self)
        question.setWordWrap(True)
        question.setStyleSheet("font-weight: bold;")
        layout.addWidget(question)
        row = QHBoxLayout()
        self.yes = QRadioButton(rule.yes if lang() == "zh" else tr("是"), self)
        self.no = QRadioButton(rule.no if lang() == "zh" else tr("否"), self)
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        row.addWidget(self.yes)
        row.addWidget(self.no)
        row.addStretch(1)
        layout.addLayout(row)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #ffffff; background: #b00020; padding: 6px; font-weight: bold;")
        layout.addWidget(self.warning)
        self.yes.clicked.connect(lambda: self.answered.emit("yes"))
        self.no.clicked.connect(lambda: self.answered.emit("no"))

    def show_answer(self, value: str | None, final: bool) -> None:
        self.group.setExclusive(False)
        self.yes.setChecked(value == "yes")
        self.no.setChecked(value == "no")
        self.group.setExclusive(True)
        self.yes.setEnabled(not final)
        self.no.setEnabled(not final)

    def update_warning(self, band_zh: str) -> None:
        """Shown while the answer is 否; says so plainly when the score would otherwise be excluded."""
        if not self.no.isChecked():
            self.warning.hide()
            return
        text = self.rule.consequence.get(lang())
        if band_zh == self.rule.excluded_band:
            text += tr("（本表得分已达“{0}”，但因合同未全部签订，本区不能入选。）").format(self.rule.excluded_band)
        self.warning.setText("⚠ " + text)
        self.warning.show()
