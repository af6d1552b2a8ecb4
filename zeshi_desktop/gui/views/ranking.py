"""3-3: the district's two weights and the ranking they produce.

Weights are checked by the domain (sum 100 %, each at least 20 %, one
decimal); a refused pair is explained beside the fields and nothing is stored.
The table is recomputed by ``services.ranking`` from finalised sheets only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from zeshi_desktop.domain.scores import display
from zeshi_desktop.services import trust
from zeshi_desktop.services.meeting import ranking

from ..actions import ActionRunner, Change
from ..i18n import lang, tr
from ..selection import PrintRequest
from .base import AnnexView, placeholder
from .damaged import DamagedNotice


class RankingView(AnnexView):
    form_id = "3-3"

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        form = self.form
        assert form is not None and form.weights is not None
        rule = form.weights
        self.root.addWidget(self.title_label())
        self.district_label = QLabel(self)
        self.trimmed = QCheckBox(tr("区级评审组去掉一个最高分和一个最低分（至少 5 位评审人）"), self)
        top = QHBoxLayout()   # the rule of the mean beside 区/年度: the weights' line stays short at 1280 px
        top.addWidget(self.district_label)
        top.addStretch(1)
        top.addWidget(self.trimmed)
        self.root.addLayout(top)

        row = QHBoxLayout()
        self.street = QLineEdit(self)
        self.district = QLineEdit(self)
        for label, edit in ((rule.street_label, self.street), (rule.district_label, self.district)):
            edit.setMaximumWidth(80)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            row.addWidget(QLabel(label.get(lang()) + tr("："), self))
            row.addWidget(edit)
            row.addWidget(QLabel("%", self))
            row.addSpacing(16)
        self.apply = QPushButton(tr("设定权重"), self)
        row.addWidget(self.apply)
        row.addStretch(1)
        self.root.addLayout(row)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.root.addWidget(self.message)
        self.damaged = DamagedNotice(self)   # the 3-1 and 3-2 sheets the ranking left out
        self.root.addWidget(self.damaged)

        headers = [c.get(lang()) for c in form.columns]
        headers.insert(2, tr("责师"))
        headers.insert(4, tr("3-1 总得分"))
        headers.insert(6, tr("3-2 最终得分"))
        headers.append(tr("等级"))
        self.headers = headers
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty = placeholder(tr("请在左侧选择一个区。"), self)
        self.root.addWidget(self.empty)
        self.root.addWidget(self.table, 1)
        for note in form.notes:
            label = QLabel(note.get(lang()), self)
            label.setWordWrap(True)
            label.setStyleSheet("color: #444;")
            self.root.addWidget(label)
        self.apply.clicked.connect(self.set_weights)
        self.street.returnPressed.connect(self.set_weights)
        self.district.returnPressed.connect(self.set_weights)
        self.trimmed.clicked.connect(self.set_trimmed)

    def load(self) -> None:
        sel = self.selection
        assert sel is not None
        has_district = sel.district_id is not None
        self.empty.setVisible(not has_district)
        self.table.setVisible(has_district)
        locked = self.locked_reason() if has_district else ""   # the weights are the district task force's
        for w in (self.street, self.district, self.apply, self.trimmed):
            w.setEnabled(has_district and not locked)
        if not has_district:
            self.damaged.show_damaged(())
            return
        result = self.runner.read(lambda s: ranking.district_ranking(s, sel.year, sel.district_id))  # type: ignore[arg-type]
        self.district_label.setText(tr("区：{0}    年度：{1}").format(result.district, sel.year))
        self.street.setText(display(result.weights.street))
        self.district.setText(display(result.weights.district))
        self.trimmed.setChecked(result.trimmed_mean)
        if not result.weights_set:
            self.message.setStyleSheet("color: #8a6d00;")
            self.message.setText(tr("本区尚未设定权重，暂按默认值计算；请确认后点击“设定权重”。"))
        else:
            self.message.setStyleSheet("")
            self.message.clear()
        self.damaged.show_damaged(result.damaged)
        t = self.table
        t.setRowCount(len(result.rows))
        for r, row in enumerate(result.rows):
            values = [str(row.rank) if row.rank is not None else "—", row.unit, row.planner,
                      display(row.street_weighted), display(row.street_score),
                      display(row.district_weighted), display(row.district_score), display(row.total),
                      row.band.label.get(lang()) if row.band else tr("待评")]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c != 1 and c != 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                t.setItem(r, c, cell)

    def set_weights(self) -> None:
        sel = self.selection
        if sel is None or sel.district_id is None:
            return
        street, district = self.street.text(), self.district.text()

        def refused(why: str) -> None:
            self.message.setStyleSheet("color: #b00020; font-weight: bold;")
            self.message.setText("⚠ " + why)
        role = self.runner.role

        def action(s):  # type: ignore[no-untyped-def]
            trust.check_key(role, "3-3", None)
            return ranking.set_weights(s, sel.year, sel.district_id, street, district)
        ok, _ = self.runner.run(action, Change(weights=True), refused)
        if ok:
            self.load()
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(tr("权重已设定。"))

    def set_trimmed(self) -> None:
        sel = self.selection
        if sel is None or sel.district_id is None:
            return
        on, role = self.trimmed.isChecked(), self.runner.role

        def action(s):  # type: ignore[no-untyped-def]
            trust.check_key(role, "3-3", None)
            return ranking.set_trimmed_mean(s, sel.year, sel.district_id, on)
        self.runner.run(action, Change(weights=True), self.message.setText)
        self.load()

    def on_changed(self, change: Change) -> None:
        """A sheet, the weights or a recusal (a roster change or a refresh reads the page anyway: ``AnnexView``)."""
        if change.any_sheet or change.weights or change.recusals:
            self.reload_when_visible()

    def print_request(self) -> PrintRequest | None:
        sel = self.selection
        if sel is None or sel.district_id is None:
            return None
        return PrintRequest("sheet-3-3", "3-3", sel.year, district_id=sel.district_id)
