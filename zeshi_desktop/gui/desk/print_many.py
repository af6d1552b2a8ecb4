"""打印 → 批量打印与空白表…: a district's filled sheets, or empty forms to hand out, in one PDF.

What ``zeshi print`` does for one annex or all of them, as one dialog:
the filled sheets of the chosen annexes for a district (or all districts),
each reviewer's 3-2 matrix and each city reviewer's 4-3 included; or the
empty forms, the year written in their heading or left to write by hand.
Two-sided pads every document to an even page count. The PDF is previewed
(and printed from there) or saved straight away under a name that says what
it holds. Filled sheets go through the runner like every print: planning
may be refused, drawing shows its progress, final sheets' codes are kept.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.printing import batches, names
from zeshi_desktop.services.printing import jobs as printing

from .. import dialogs
from .. import printing as gui_printing
from ..actions import REFUSALS, ActionRunner, Change, refusal_text
from ..i18n import lang, tr
from ..selection import Selection

ALL_DISTRICTS = -1


class PrintManyDialog(QDialog):
    """Filled or blank, which district, which annexes, one- or two-sided; then preview or save."""

    def __init__(self, runner: ActionRunner, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.year = selection.year
        self.setWindowTitle(tr("批量打印与空白表"))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        kinds = QHBoxLayout()
        self.filled = QRadioButton(tr("已填的评审表"), self)
        self.blank = QRadioButton(tr("空白表（发放或手填）"), self)
        group = QButtonGroup(self)
        for button in (self.filled, self.blank):
            group.addButton(button)
            kinds.addWidget(button)
        kinds.addStretch(1)
        self.filled.setChecked(True)
        layout.addLayout(kinds)

        form = QFormLayout()
        layout.addLayout(form)
        form.addRow(tr("年度："), QLabel(str(self.year), self))
        self.district_box = QComboBox(self)
        for d in runner.read(roster.districts):
            self.district_box.addItem(d.name, d.id)
        self.district_box.addItem(tr("全部区"), ALL_DISTRICTS)
        shown = self.district_box.findData(selection.district_id) if selection.district_id is not None else 0
        self.district_box.setCurrentIndex(max(shown, 0))
        self.district_label = QLabel(tr("区："), self)
        form.addRow(self.district_label, self.district_box)
        self.with_year = QCheckBox(tr("表头填入年度 {0}").format(self.year), self)
        self.with_year.setChecked(True)
        form.addRow("", self.with_year)

        layout.addWidget(QLabel(tr("附件："), self))
        grid = QGridLayout()
        self.forms: dict[str, QCheckBox] = {}
        for n, form_id in enumerate(catalogue.ANNEXES):
            box = QCheckBox(catalogue.form(form_id).title.get(lang()), self)
            box.setChecked(True)
            box.toggled.connect(lambda _on: self._update())
            self.forms[form_id] = box
            grid.addWidget(box, n, 0)
        layout.addLayout(grid)
        choose = QHBoxLayout()
        for text, on in ((tr("全选"), True), (tr("全不选"), False)):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, checked=on: self.check_all(checked))
            choose.addWidget(button)
        choose.addStretch(1)
        layout.addLayout(choose)
        self.two_sided = QCheckBox(tr("双面打印（每份补足偶数页）"), self)
        layout.addWidget(self.two_sided)
        layout.addStretch(1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)

        buttons = QDialogButtonBox(self)
        buttons.addButton(tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button = buttons.addButton(tr("保存为 PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button = buttons.addButton(tr("预览和打印…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.preview_button.clicked.connect(self.preview)
        layout.addWidget(buttons)
        self.filled.toggled.connect(lambda _on: self._update())
        self._update()

    def chosen_forms(self) -> list[str]:
        return [f for f, box in self.forms.items() if box.isChecked()]

    def check_all(self, checked: bool) -> None:
        for box in self.forms.values():
            box.setChecked(checked)

    def _update(self) -> None:
        filled = self.filled.isChecked()
        self.district_box.setVisible(filled)
        self.district_label.setVisible(filled)
        self.with_year.setVisible(not filled)
        any_form = bool(self.chosen_forms())
        self.save_button.setEnabled(any_form)
        self.preview_button.setEnabled(any_form)
        self.message.setText("" if any_form else tr("请至少勾选一个附件。"))

    def make(self) -> tuple[bytes, str] | None:
        """The PDF asked for and the name to offer it under; None (said in the dialog) when refused."""
        self.message.clear()
        forms = self.chosen_forms()
        two_sided = self.two_sided.isChecked()
        if not forms:
            self.message.setText(tr("请至少勾选一个附件。"))
            return None
        if self.blank.isChecked():
            year = self.year if self.with_year.isChecked() else 0
            ok, job = self.runner.attempt(lambda _s: batches.print_blanks(forms, year, two_sided=two_sided),
                                          self.message.setText, progress=tr("正在生成 PDF…"))
            return (job.pdf, names.blank_name(forms, lang())) if ok and job is not None else None
        district = self.district_box.currentData()
        sel = printing.Selection(self.year, None if district == ALL_DISTRICTS else int(district))
        ok, prepared = self.runner.attempt(lambda s: batches.prepare_forms(s, forms, sel), self.message.setText,
                                           progress=tr("正在准备打印…"))
        if not ok or prepared is None:
            return None
        try:
            with self.runner.working(tr("正在生成 PDF…")):
                job = printing.render(prepared, two_sided=two_sided)
        except REFUSALS as error:   # no document of the batch can be printed: said here
            self.message.setText(refusal_text(error))
            return None
        ok, _ = self.runner.run(lambda s: printing.record(s, prepared, job), Change(), self.message.setText)
        if not ok:
            return None
        if job.refused:   # a batch printed what it could: name what it left out, and why
            dialogs.show_warning(self, tr("有 {0} 份未能打印").format(len(job.refused)),
                                 "\n".join(job.refused_lines(lang())))
        return job.pdf, gui_printing.printed_name(prepared, job)

    def preview(self) -> None:
        made = self.make()
        if made is not None:
            pdf, name = made
            gui_printing.preview_and_print(self, pdf, name.removesuffix(".pdf"), file_name=name)

    def save(self) -> str | None:
        made = self.make()
        if made is None:
            return None
        pdf, name = made
        return gui_printing.save_pdf(self, pdf, name)


def open_print_many(parent: QWidget | None, runner: ActionRunner, selection: Selection) -> None:
    """The dialog stays open after a preview or a save, for the next batch."""
    PrintManyDialog(runner, selection, parent).exec()
