"""5-1: the questionnaire of one planner team for one unit.

Every Likert row needs a choice and a 不同意 needs a reason: the rows still
missing are marked as the user goes, and 定稿 is refused (by the service,
through ``domain.questionnaire``) until they are answered.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.domain import questionnaire as qdomain
from zeshi_desktop.domain.forms import UnitQuestion
from zeshi_desktop.services import roster
from zeshi_desktop.services.scoring import problems as sheet_problems
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.scoring.sheets import SheetView

from ..actions import ActionRunner, Change
from ..i18n import lang, tr
from ..selection import PrintRequest
from ..sheet_access import SheetKey
from ..sheet_bar import SheetBar
from .base import SheetFormView, placeholder, text_size

MISSING_STYLE = "color: #b00020;"
BLANK = "___"   # how the English question marks its blanks


def unit_line(uq: UnitQuestion, district: str, unit: str) -> str:
    """Question 1 filled in as on paper: the district and unit in its blanks, the unit's kind marked (rich text).

    Chinese writes "东城" before the form's own 区 and "东华门" with ■街道
    (``UnitQuestion.written``); English puts the names whole in its blanks.
    """
    def blank(value: str) -> str:
        return f"<u>&nbsp;{escape(value)}&nbsp;</u>" if value else "<u>" + "&nbsp;" * 12 + "</u>"

    values = {"district": district, "unit": unit}
    if lang() == "en" and uq.text.en:
        parts = uq.text.en.split(BLANK)
        filled = [values.get(name, "") for name in uq.blanks]
        if len(parts) != len(filled) + 1:
            return escape(uq.text.en)
        return escape(parts[0]) + "".join(blank(v) + escape(p) for v, p in zip(filled, parts[1:], strict=True))
    pieces = uq.pieces()
    if len(pieces) != len(uq.blanks) + 1:
        return escape(uq.text.zh)
    written, kind = uq.written(values)
    out = escape(pieces[0]) + "".join(blank(v) + escape(p) for v, p in zip(written, pieces[1:-1] + [""],
                                                                            strict=True))
    listed = "/".join(uq.kinds)
    last = pieces[-1]
    if uq.kinds and last.startswith(listed):
        marks = "&nbsp;&nbsp;".join(("■" if i == kind else "□") + escape(k) for i, k in enumerate(uq.kinds))
        return out + marks + escape(last[len(listed):])
    return out + escape(last)


class QuestionnaireView(SheetFormView):
    form_id = "5-1"

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.q = self.form.questionnaire  # type: ignore[union-attr]
        assert self.q is not None
        self.sheet: SheetView | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.reasons: dict[str, QLineEdit] = {}
        self.row_labels: dict[str, QLabel] = {}
        self.root.addWidget(self.title_label())
        self.subject = QLabel(self)
        self.root.addWidget(self.subject)
        self.empty = placeholder(tr("请在左侧选择一位责师（责任单元下的责师）。"), self)
        self.root.addWidget(self.empty)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.root.addWidget(self.scroll, 1)
        self.bar = SheetBar(runner, lambda: self.subject.text(),
                            lambda: self.selection.actor if self.selection else "", self.request_print, self)
        self.root.addWidget(self.bar)
        self._build()

    def _build(self) -> None:
        q = self.q
        page = QWidget(self.scroll)
        layout = QVBoxLayout(page)
        self.unit_answer = QLabel(page)
        self.unit_answer.setStyleSheet("color: #555;")
        self.roster_unit = ("", "")   # the appointment's district and unit, as the roster has them
        layout.addWidget(self._heading(q.unit_question.section.get(lang()), page))
        self.unit_line = self._wrap("", page)
        self.unit_line.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.unit_line)
        layout.addWidget(self.unit_answer)
        hint = self._wrap(q.unit_question.hint.get(lang()), page)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        for yn in q.yes_no:
            layout.addWidget(self._heading(yn.section.get(lang()), page))
            label = self._wrap(yn.text.get(lang()), page)
            layout.addWidget(label)
            self.row_labels[f"yes_no:{yn.id}"] = label
            group = QButtonGroup(page)
            grid = QGridLayout()
            for col, (value, text) in enumerate((("yes", yn.yes if lang() == "zh" else tr("是")),
                                                 ("no", yn.no if lang() == "zh" else tr("否")))):
                button = QRadioButton(text, page)
                button.setProperty("value", value)
                group.addButton(button)
                grid.addWidget(button, 0, col)
            grid.setColumnStretch(2, 1)
            layout.addLayout(grid)
            group.buttonClicked.connect(lambda b, k=f"yes_no:{yn.id}": self._save({k: b.property("value")}))
            self.groups[f"yes_no:{yn.id}"] = group
        options = [o.get(lang()) for o in q.options]
        for g in q.groups:
            layout.addWidget(self._heading(g.section.get(lang()), page))
            layout.addWidget(self._wrap(g.prompt.get(lang()), page))
            grid = QGridLayout()
            grid.addWidget(QLabel("", page), 0, 0)
            for col, text in enumerate(options, start=1):
                grid.addWidget(QLabel(f"<b>{text}</b>", page), 0, col)
            grid.addWidget(QLabel(f"<b>{q.reason_label.get(lang())}</b>", page), 0, len(options) + 1)
            for row, st in enumerate(g.statements, start=1):
                label = self._wrap(st.text.get(lang()), page)
                grid.addWidget(label, row, 0)
                self.row_labels[f"choice:{st.id}"] = label
                group = QButtonGroup(page)
                for col, option in enumerate(q.options, start=1):
                    button = QRadioButton("", page)
                    button.setProperty("value", option.zh)
                    button.setToolTip(option.get(lang()))
                    group.addButton(button)
                    grid.addWidget(button, row, col)
                group.buttonClicked.connect(lambda b, s=st.id: self._choose(s, b.property("value")))
                self.groups[f"choice:{st.id}"] = group
                reason = QLineEdit(page)
                reason.setPlaceholderText(tr("选择“不同意”时必填"))
                reason.editingFinished.connect(lambda s=st.id, w=reason: self._save({f"reason:{s}": w.text() or None}))
                grid.addWidget(reason, row, len(options) + 1)
                self.reasons[st.id] = reason
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(len(options) + 1, 2)
            layout.addLayout(grid)
        ft = q.free_text
        layout.addWidget(self._heading(ft.section.get(lang()), page))
        layout.addWidget(self._wrap(ft.text.get(lang()), page))
        self.free_text = QPlainTextEdit(page)
        self.free_text.setMaximumHeight(90)
        self.free_text.setPlaceholderText(ft.label.get(lang()))
        layout.addWidget(self.free_text)
        self.free_text_key = f"free_text:{ft.id}"
        self._free_text_stored = ""
        layout.addStretch(1)
        self.scroll.setWidget(page)
        self.free_text.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent
        if watched is self.free_text and event.type() == QEvent.Type.FocusOut:
            text = self.free_text.toPlainText()
            if text != self._free_text_stored:
                self._save({self.free_text_key: text or None})
        return super().eventFilter(watched, event)

    @staticmethod
    def _heading(text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setStyleSheet("margin-top: 10px;")
        return text_size(label, 1.2, bold=True)

    @staticmethod
    def _wrap(text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setWordWrap(True)
        return label

    # ------------------------------------------------------------ data
    def load(self) -> None:
        sel = self.selection
        assert sel is not None
        if not self.show_key(SheetKey("5-1", sel.year, appointment_id=sel.appointment_id)
                             if sel.appointment_id is not None else None):
            return
        a = self.runner.read(lambda s: roster.appointment(s, sel.appointment_id))  # type: ignore[arg-type]
        self.subject.setText(tr("责师：{0}    责任单元：{1} {2}    年度：{3}").format(a.planner, a.district, a.unit,
                                                                           sel.year))
        self.roster_unit = (a.district, a.unit)
        self.refresh()

    def refresh(self) -> None:
        shown = self.reread()
        if shown is None:
            return
        answers, final = shown
        self._show_unit(answers)
        for k, group in self.groups.items():
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(answers.get(k) == button.property("value"))
                button.setEnabled(not final)
            group.setExclusive(True)
        for sid, edit in self.reasons.items():
            edit.setText(answers.get(f"reason:{sid}", ""))
            edit.setReadOnly(final)
        self._free_text_stored = answers.get(self.free_text_key, "")
        self.free_text.setPlainText(self._free_text_stored)
        self.free_text.setReadOnly(final)
        self._mark_problems(answers)
        self.bar.show_sheet(self.sheet, locked=self.locked)

    def _show_unit(self, answers: dict[str, str]) -> None:
        """Question 1 as the team answered it, else as the roster has the unit; the roster beside it when they differ."""
        district, unit = self.roster_unit
        said = (answers.get("unit:district") or district, answers.get("unit:name") or unit)
        self.unit_line.setText(unit_line(self.q.unit_question, *said))
        differs = said != (district, unit)
        self.unit_answer.setText(tr("（按名册：{0} {1}）").format(district, unit) if differs else "")
        self.unit_answer.setVisible(differs)

    def _mark_problems(self, answers: dict[str, str]) -> None:
        """Rows still missing (or a 不同意 without reason) in red, as the user goes."""
        problems = qdomain.problems(self.form, sheet_problems.questionnaire_answers(self.form, answers))  # type: ignore[arg-type]
        bad = {p.question_id for p in problems}
        for key, label in self.row_labels.items():
            label.setStyleSheet(MISSING_STYLE if key.split(":", 1)[1] in bad and self.sheet is not None else "")
        for sid, edit in self.reasons.items():
            needed = answers.get(f"choice:{sid}") == self.q.reason_option
            edit.setStyleSheet("border: 1px solid #b00020;" if needed and not edit.text().strip() else "")

    def _choose(self, statement_id: str, option: str) -> None:
        self._save({f"choice:{statement_id}": option})
        if option == self.q.reason_option and not self.reasons[statement_id].text().strip():
            self.reasons[statement_id].setFocus()

    def _save(self, values: dict[str, str | None]) -> None:
        key = self.key
        if key is None:
            return
        actor = self.selection.actor if self.selection else ""
        self.runner.run(key.then(lambda s, sid: sheets.set_answers(s, sid, values, actor), self.runner.role),
                        lambda v: Change(sheets=frozenset({v.id})), self.bar.message.setText)

    def on_changed(self, change: Change) -> None:
        if self.key is not None and (self.sheet is None and change.any_sheet or
                                     self.sheet is not None and change.touches_sheet(self.sheet.id)):
            self.refresh()

    def print_request(self) -> PrintRequest | None:
        key = self.key
        if key is None:
            return None
        return PrintRequest("sheet-5-1", "5-1", key.year, self.sheet.id if self.sheet else None,
                            appointment_id=key.appointment_id)
