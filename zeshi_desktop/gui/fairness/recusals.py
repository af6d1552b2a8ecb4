"""回避 in the window: the conflicts the roster suggests, the recusals declared, and declaring or withdrawing one.

One dialog for a district (its review group's 3-2, and its row of the city's
4-3) or for the city (every 4-3). A suggestion is declared with one click
(its reason filled in); any other conflict through 新增回避…; a withdrawal
asks why. Each is one action through the runner, which reports
``Change(recusals=True)``: the matrix shows its 回避 rows, the rankings and
dashboards read again.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.domain.recusal import REASONS, reason_label
from zeshi_desktop.services import roster
from zeshi_desktop.services.fairness import recusals as service
from zeshi_desktop.services.fairness.suggestions import (
    SuggestionView,
    conflict_suggestions,
)

from .. import dialogs
from ..actions import ActionRunner, Change
from ..i18n import lang, tr

WARN = "color: #b00020; font-weight: bold;"


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = QTableWidgetItem(value)
            cell.setToolTip(value)
            table.setItem(r, c, cell)
    table.resizeColumnsToContents()
    for column in range(table.columnCount() - 1):
        table.setColumnWidth(column, min(table.columnWidth(column), 260))
    table.horizontalHeader().setSectionResizeMode(table.columnCount() - 1, QHeaderView.ResizeMode.Stretch)


class DeclareDialog(QDialog):
    """新增回避: reviewer, subject, reason (and words), who records it; prefilled from a suggestion."""

    def __init__(self, runner: ActionRunner, year: int, district_id: int | None, forms: tuple[str, ...],
                 actor: str = "", suggestion: SuggestionView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.year, self.district_id = runner, year, district_id
        self.setWindowTitle(tr("登记回避"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.form_box = QComboBox(self)
        for form_id in forms:
            self.form_box.addItem(tr("附件3-2 区级评审组") if form_id == "3-2" else tr("附件4-3 市级评审组"), form_id)
        self.reviewer = QComboBox(self)
        self.subject = QComboBox(self)
        self.reason = QComboBox(self)
        for kind in REASONS:
            self.reason.addItem(reason_label(kind).text(lang()), kind)
        self.detail = QLineEdit(self)
        self.detail.setPlaceholderText(tr("如：同为北京建筑大学；选“其他”时必填"))
        self.actor = QLineEdit(actor, self)
        self.actor.setPlaceholderText(tr("登记人姓名（记入审计记录）"))
        form.addRow(tr("附件："), self.form_box)
        form.addRow(tr("评审人："), self.reviewer)
        form.addRow(tr("回避对象："), self.subject)
        form.addRow(tr("理由："), self.reason)
        form.addRow(tr("说明："), self.detail)
        form.addRow(tr("登记人："), self.actor)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setStyleSheet(WARN)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons, self.ok = dialogs.dialog_buttons(self, tr("登记回避"), self.declare)
        layout.addWidget(self.buttons)
        self.form_box.currentIndexChanged.connect(lambda _i: self._choices())
        self._choices()
        if suggestion is not None:
            self.form_box.setCurrentIndex(max(0, self.form_box.findData(suggestion.form_id)))
            self.reviewer.setCurrentIndex(max(0, self.reviewer.findData(suggestion.reviewer_id)))
            self.subject.setCurrentIndex(max(0, self.subject.findData(
                suggestion.appointment_id if suggestion.form_id == "3-2" else suggestion.district_id)))
            self.reason.setCurrentIndex(max(0, self.reason.findData(suggestion.reason)))
            self.detail.setText(suggestion.detail)
        self.resize(560, self.sizeHint().height())

    def _choices(self) -> None:
        """The reviewers and subjects the chosen form allows: the district's group and units, or the city's."""
        form_id, year, did = self.form_box.currentData(), self.year, self.district_id
        self.reviewer.clear()
        self.subject.clear()
        if form_id == "3-2":
            people = self.runner.read(lambda s: roster.reviewers(s, year, "district", did))
            subjects = [(f"{a.unit} — {a.planner}", a.id)
                        for a in self.runner.read(lambda s: roster.appointments(s, year, did))]
        else:
            people = self.runner.read(lambda s: roster.reviewers(s, year, "city"))
            subjects = [(d.name, d.id) for d in self.runner.read(roster.districts) if did is None or d.id == did]
        for r in people:
            self.reviewer.addItem(tr("{0}（{1}）").format(r.name, r.organisation) if r.organisation else r.name, r.id)
        for label, key in subjects:
            self.subject.addItem(label, key)

    def declare(self) -> None:
        form_id, reviewer, subject = self.form_box.currentData(), self.reviewer.currentData(), self.subject.currentData()
        if reviewer is None or subject is None:
            self.message.setText(tr("请选择评审人和回避对象。"))
            return
        reason, detail, actor, year = self.reason.currentData(), self.detail.text(), self.actor.text(), self.year
        key = {"appointment_id": subject} if form_id == "3-2" else {"district_id": subject}
        ok, _ = self.runner.run(lambda s: service.declare(s, form_id, year, reviewer_id=reviewer, reason=reason,
                                                          detail=detail, actor=actor, **key),
                                Change(recusals=True, source=self), self.message.setText)
        if ok:
            self.accept()


class RecusalDialog(QDialog):
    """回避: the suggested conflicts and the declared recusals of a district (or of the city's 4-3)."""

    def __init__(self, runner: ActionRunner, year: int, district_id: int | None, *,
                 forms: tuple[str, ...] = ("3-2", "4-3"), actor: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.year, self.district_id, self.forms, self.actor = runner, year, district_id, forms, actor
        self.suggestions: list[SuggestionView] = []
        self.declared: list[service.RecusalView] = []
        where = self.runner.read(lambda s: roster.district(s, district_id).name) if district_id else tr("全市")
        self.setWindowTitle(tr("回避与利益冲突") + f" — {where} {year}")
        layout = QVBoxLayout(self)
        intro = QLabel(tr("系统根据名册提示可能的利益冲突：评审人的单位与责师所在单位或团队成员的单位相同，"
                          "或市级评审人来自被评审的区。是否回避由评审组决定：回避的评审人不为该对象评分，"
                          "其评审表不计入，该对象的最终得分取其余评审人总分的平均分（或去掉最高最低分后的平均分）。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.warning = QLabel(self)
        self.warning.setStyleSheet(WARN)
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        box = QGroupBox(tr("系统提示的可能冲突"), self)
        inner = QVBoxLayout(box)
        self.suggested = _table([tr("附件"), tr("评审人"), tr("单位"), tr("评审对象"), tr("状态"), tr("提示依据")], box)
        inner.addWidget(self.suggested)
        row = QHBoxLayout()
        self.from_suggestion = QPushButton(tr("按提示登记回避…"), box)
        self.from_suggestion.clicked.connect(self.declare_suggested)
        row.addStretch(1)
        row.addWidget(self.from_suggestion)
        inner.addLayout(row)
        layout.addWidget(box, 1)
        box = QGroupBox(tr("已登记的回避"), self)
        inner = QVBoxLayout(box)
        self.table = _table([tr("附件"), tr("评审人"), tr("单位"), tr("回避对象"), tr("登记人"), tr("登记时间"),
                             tr("理由")], box)
        inner.addWidget(self.table)
        row = QHBoxLayout()
        self.message = QLabel(box)
        self.message.setStyleSheet(WARN)
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        self.add_button = QPushButton(tr("新增回避…"), box)
        self.withdraw_button = QPushButton(tr("撤回回避…"), box)
        self.add_button.clicked.connect(lambda: self.declare())
        self.withdraw_button.clicked.connect(self.withdraw)
        row.addWidget(self.add_button)
        row.addWidget(self.withdraw_button)
        inner.addLayout(row)
        layout.addWidget(box, 1)
        layout.addWidget(dialogs.dialog_buttons(self)[0])
        self.resize(1100, 640)
        self.load()

    def load(self) -> None:
        year, did, forms = self.year, self.district_id, self.forms

        def query(session):  # type: ignore[no-untyped-def]
            found = [s for s in conflict_suggestions(session, year, district_id=did) if s.form_id in forms]
            declared = [r for r in service.recusals(session, year, district_id=did) if r.form_id in forms]
            return found, declared, service.short_panels(declared, service.panel_size(session, year))
        self.suggestions, self.declared, short = self.runner.read(query)
        done, open_ = tr("已回避"), tr("未回避")
        _fill(self.suggested, [[s.form_id, s.reviewer, s.organisation, s.subject, done if s.declared else open_,
                                s.why.text(lang())] for s in self.suggestions])
        for r, s in enumerate(self.suggestions):
            if not s.declared:
                self.suggested.item(r, 4).setForeground(QColor("#b00020"))
        _fill(self.table, [[r.form_id, r.reviewer, r.organisation, r.subject, r.declared_by,
                            dialogs.local_time(r.declared_at), r.reason_text.text(lang())] for r in self.declared])
        self.warning.setText("\n".join("⚠ " + p.message.text(lang()) for p in short))
        self.warning.setVisible(bool(short))
        self.from_suggestion.setEnabled(any(not s.declared for s in self.suggestions))
        self.withdraw_button.setEnabled(bool(self.declared))

    def declare(self, suggestion: SuggestionView | None = None) -> bool:
        dialog = DeclareDialog(self.runner, self.year, self.district_id, self.forms, self.actor, suggestion, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.load()
        return True

    def declare_suggested(self) -> bool:
        row = self.suggested.currentRow()
        if not 0 <= row < len(self.suggestions):
            row = next((i for i, s in enumerate(self.suggestions) if not s.declared), -1)
        if row < 0:
            return False
        return self.declare(self.suggestions[row])

    def withdraw(self) -> bool:
        row = self.table.currentRow()
        if not 0 <= row < len(self.declared):
            self.message.setText(tr("请先在“已登记的回避”中选择一项。"))
            return False
        found = self.declared[row]
        reason = dialogs.ask_text(self, tr("撤回回避"), tr("撤回 {0} 对“{1}”的回避。\n理由（记入审计记录）：")
                                  .format(found.reviewer, found.subject))
        if reason is None:
            return False
        actor = self.actor
        ok, _ = self.runner.run(lambda s: service.withdraw(s, found.id, reason, actor),
                                Change(recusals=True, source=self), self.message.setText)
        if ok:
            self.load()
        return ok


def open_recusals(parent: QWidget, runner: ActionRunner, year: int, district_id: int | None,
                  forms: tuple[str, ...] = ("3-2", "4-3"), actor: str = "") -> RecusalDialog:
    """Show the dialog (modal); returned for tests and screenshots, which show it themselves."""
    dialog = RecusalDialog(runner, year, district_id, forms=forms, actor=actor, parent=parent)
    dialog.exec()
    return dialog
