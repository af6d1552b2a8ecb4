"""The questions the results tabs ask: the city's decision with its reason, the hiring body's note.

Kept apart so tests can answer them (monkeypatch ``ask_decision`` and ``ask_note``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.gui.dialogs import dialog_buttons
from zeshi_desktop.gui.i18n import tr


@dataclass(frozen=True)
class DecisionAnswer:
    selected: bool | None      # 入选 / 未入选 / 待定
    reason: str


class DecisionDialog(QDialog):
    """入选 / 未入选 / 待定 for one nominee, and why (a reason is needed to select)."""

    def __init__(self, who: str, selected: bool | None, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("市级优秀评选"))
        layout = QVBoxLayout(self)
        label = QLabel(who, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.choices: dict[bool | None, QRadioButton] = {}
        for value, text in ((True, tr("评为市级优秀")), (False, tr("不入选")), (None, tr("待定"))):
            button = QRadioButton(text, self)
            self.group.addButton(button)
            self.choices[value] = button
            row.addWidget(button)
        self.choices[selected if selected is not None else True].setChecked(True)
        layout.addLayout(row)
        layout.addWidget(QLabel(tr("理由（评为市级优秀时必填，写入审计记录和名单）："), self))
        self.reason = QPlainTextEdit(reason, self)
        self.reason.setMinimumHeight(90)
        layout.addWidget(self.reason)
        self.warning = QLabel("", self)
        self.warning.setStyleSheet("color: #b00020;")
        layout.addWidget(self.warning)
        buttons, _ = dialog_buttons(self, tr("确定"), self._check)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def answer(self) -> DecisionAnswer:
        chosen = next(value for value, button in self.choices.items() if button.isChecked())
        return DecisionAnswer(chosen, self.reason.toPlainText().strip())

    def _check(self) -> None:
        if self.answer().selected and not self.answer().reason:
            self.warning.setText(tr("评为市级优秀需写明理由"))
            return
        self.accept()


def ask_decision(parent: QWidget | None, who: str, selected: bool | None, reason: str) -> DecisionAnswer | None:
    dialog = DecisionDialog(who, selected, reason, parent)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None


class NoteDialog(QDialog):
    """The hiring body's decision on a renewal, in its own words."""

    def __init__(self, who: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("聘任主体意见"))
        layout = QVBoxLayout(self)
        label = QLabel(who, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        hint = QLabel(tr("记录聘任主体的续聘意见（例如：同意续聘 2 年；待属地意见）。本程序不作续聘判断。"), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.note = QPlainTextEdit(note, self)
        layout.addWidget(self.note)
        buttons, _ = dialog_buttons(self, tr("保存"))
        layout.addWidget(buttons)
        self.resize(520, 280)


def ask_note(parent: QWidget | None, who: str, note: str) -> str | None:
    dialog = NoteDialog(who, note, parent)
    return dialog.note.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None
