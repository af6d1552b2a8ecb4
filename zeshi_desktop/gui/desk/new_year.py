"""文件 → 开始新年度…: the next review year, starting from the roster of the last one.

What comes along is said before anything is written, from the service's own
dry run (``services.roster.new_year``): the appointments still in term, the
ones whose term ended (left out and named, or carried as renewals when the
clerk says so), the review groups and the 3-3 weights. 开始 makes a backup,
writes the new year in one transaction and shows it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.services import roster
from zeshi_desktop.services.roster import new_year
from zeshi_desktop.services.scoring.backups import backup_before

from .. import dialogs
from ..actions import ActionRunner, Change
from ..i18n import lang, tr

ERROR_STYLE = "color: #b00020;"


class NewYearDialog(QDialog):
    """From which year, to which, what comes along; the dry run's figures follow every choice."""

    def __init__(self, runner: ActionRunner, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.report: new_year.NewYearReport | None = None
        self.setWindowTitle(tr("开始新年度"))
        self.resize(700, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("新年度从上一年度的名册开始：聘期未满的聘任、评审组成员和 3-3 权重随之带入，"
                          "评审表和分数不带入。带入后仍可在名册中修改。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        years = runner.read(roster.years)
        self.from_box = QComboBox(self)
        for y in years:
            self.from_box.addItem(str(y), y)
        shown = self.from_box.findData(year)
        self.from_box.setCurrentIndex(shown if shown >= 0 else self.from_box.count() - 1)
        form.addRow(tr("从年度："), self.from_box)
        self.to_spin = QSpinBox(self)
        self.to_spin.setRange(2000, 2100)
        self.to_spin.setValue(max(years, default=year) + 1)
        form.addRow(tr("新年度："), self.to_spin)
        self.reviewers = QCheckBox(tr("带入评审组成员（编号改为新年度的编号）"), self)
        self.reviewers.setChecked(True)
        self.weights = QCheckBox(tr("带入各区 3-3 权重与汇总方式"), self)
        self.weights.setChecked(True)
        renew = QHBoxLayout()
        self.renew = QCheckBox(tr("聘期已满的责师按续聘带入，续聘"), self)
        self.renew_years = QSpinBox(self)
        self.renew_years.setRange(min(new_year.RENEWAL_YEARS), max(new_year.RENEWAL_YEARS))
        self.renew_years.setSuffix(tr(" 年（合同待签）"))
        renew.addWidget(self.renew)
        renew.addWidget(self.renew_years)
        renew.addStretch(1)
        form.addRow("", self.reviewers)
        form.addRow("", self.weights)
        form.addRow("", renew)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.ended = QListWidget(self)
        layout.addWidget(self.ended, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.message)
        buttons, self.start_button = dialogs.dialog_buttons(self, tr("开始新年度"), self.start)
        layout.addWidget(buttons)
        for signal in (self.from_box.currentIndexChanged, self.to_spin.valueChanged, self.renew_years.valueChanged):
            signal.connect(lambda _v: self.preview())
        for box in (self.reviewers, self.weights, self.renew):
            box.toggled.connect(lambda _on: self.preview())
        self.preview()

    def options(self) -> dict[str, object]:
        return {"renew_ended": self.renew.isChecked(), "renewal_years": self.renew_years.value(),
                "reviewers": self.reviewers.isChecked(), "weights": self.weights.isChecked()}

    def _refused(self, text: str) -> None:
        self.message.setText(text)
        self.summary.clear()
        self.ended.clear()
        self.ended.hide()
        assert self.start_button is not None
        self.start_button.setEnabled(False)

    def preview(self) -> new_year.NewYearReport | None:
        """What starting the new year would carry over (nothing written)."""
        self.message.clear()
        self.renew_years.setEnabled(self.renew.isChecked())
        source, target, options = self.from_box.currentData(), self.to_spin.value(), self.options()
        if source is None:
            self._refused(tr("还没有任何年度：请先导入名册。"))
            return None
        ok, report = self.runner.attempt(lambda s: new_year.start_year(s, int(source), target, dry_run=True,
                                                                       **options),  # type: ignore[arg-type]
                                         self._refused)
        if not ok or report is None:
            return None
        self.summary.setText(summary_text(report))
        self.ended.clear()
        self.ended.addItems([m.text(lang()) for m in report.ended])
        self.ended.setVisible(bool(report.ended))
        assert self.start_button is not None
        self.start_button.setEnabled(not self.runner.read_only)
        return report

    def start(self) -> None:
        """A backup, then the new year in one write; a refusal stays in the dialog."""
        source, target, options = int(self.from_box.currentData()), self.to_spin.value(), self.options()

        def run(session):  # type: ignore[no-untyped-def]
            backup_before(session, "new-year")
            return new_year.start_year(session, source, target, **options)  # type: ignore[arg-type]

        ok, report = self.runner.run(run, Change(roster=True), self._refused, progress=tr("正在开始新年度…"))
        if ok:
            self.report = report
            self.accept()


def summary_text(report: new_year.NewYearReport) -> str:
    """将带入 12 个聘任（其中续聘 3 个）、23 位评审人、4 个区的权重; the ended terms listed under it."""
    lines = [tr("{0} 年度将从 {1} 年度带入：{2} 个聘任（其中续聘 {3} 个）、{4} 位评审人、{5} 个区的 3-3 权重。").format(
        report.to_year, report.from_year, report.appointments, report.renewed, report.reviewers, report.weights)]
    if report.ended:
        lines.append(tr("以下 {0} 项不带入：").format(len(report.ended)))
    return "\n".join(lines)


def choose_start(parent: QWidget | None, runner: ActionRunner, year: int) -> new_year.NewYearReport | None:
    """The dialog (tests replace this): the report of the year started, or None."""
    dialog = NewYearDialog(runner, year, parent)
    return dialog.report if dialog.exec() == QDialog.DialogCode.Accepted else None


def start_year(window: QWidget, runner: ActionRunner, year: int) -> new_year.NewYearReport | None:
    """文件 → 开始新年度…: ask, start, say what came along, and show the new year."""
    report = choose_start(window, runner, year)
    if report is None:
        return None
    year_box = getattr(window, "year_box", None)   # the main window's 年度 choice: the new year is shown
    if isinstance(year_box, QComboBox) and year_box.findData(report.to_year) >= 0:
        year_box.setCurrentIndex(year_box.findData(report.to_year))
    dialogs.show_info(window, tr("已开始 {0} 年度。").format(report.to_year) + "\n" + summary_text(report).split("\n")[0])
    return report
