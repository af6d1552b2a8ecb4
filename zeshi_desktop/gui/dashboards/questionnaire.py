"""The 5-1 summary: answers per statement as stacked bars, share agreeing, reasons, difficulties and suggestions."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QWidget,
)

from zeshi_desktop.gui.actions import ActionRunner
from zeshi_desktop.gui.i18n import lang, tr
from zeshi_desktop.gui.views.damaged import DamagedNotice
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.meeting import questionnaire as dashboard

from .charts import chart_view, short, stacked_bars
from .common import (
    LIKERT,
    Dashboard,
    big,
    fill,
    item,
    note_label,
    number_item,
    percent,
    tab_widget,
    table_view,
    title_label,
)
from .names import circle_name

NUMBER = re.compile(r"^\s*\d+\s*[、.．]\s*")   # "1、" / "1. " before a yes/no question


def groups() -> dict[str, str]:
    """Each statement's group heading (基层政府工作保障情况 …) in the interface language, by statement id."""
    q = catalogue.form(dashboard.QUESTIONNAIRE).questionnaire
    assert q is not None
    return {st.id: g.section.get(lang()) for g in q.groups for st in g.statements}


class QuestionnaireSummary(Dashboard):
    """How the planner teams rate the support they got, filtered by district and circle."""

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.summary: dashboard.QuestionnaireSummary | None = None
        root = self.root
        top = QHBoxLayout()
        top.addWidget(title_label(tr("调查问卷汇总（附件5-1）"), self))
        top.addStretch(1)
        top.addWidget(big(QLabel(tr("区："), self)))
        self.district = big(QComboBox(self))  # type: ignore[assignment]
        top.addWidget(self.district)
        top.addWidget(big(QLabel(tr("圈层："), self)))
        self.circle = big(QComboBox(self))  # type: ignore[assignment]
        top.addWidget(self.circle)
        root.addLayout(top)
        self.count = note_label("", self)
        big(self.count, 1.0, True)
        root.addWidget(self.count)
        self.damaged = DamagedNotice(self)   # finalised questionnaires not counted
        big(self.damaged, 0.95)
        root.addWidget(self.damaged)
        self.tabs = tab_widget(self)
        root.addWidget(self.tabs, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.chart = chart_view(split)
        split.addWidget(self.chart)
        self.share_model = QStandardItemModel(self)
        self.share_view, _ = table_view(self.share_model, split, elastic=(0,))   # the statement
        split.addWidget(self.share_view)
        self.share_view.setMinimumWidth(420)   # 观点 · 认可比例 · 回答 · 不同意, whole, inside the main window
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([900, 450])
        self.tabs.addTab(split, tr("回答分布"))
        self.reason_model = QStandardItemModel(self)
        self.reason_view, _ = table_view(self.reason_model, self)
        self.reason_view.setWordWrap(True)
        self.tabs.addTab(self.reason_view, tr("不同意的理由"))
        self.text_model = QStandardItemModel(self)
        self.text_view, self.text_proxy = table_view(self.text_model, self)
        self.text_view.setWordWrap(True)
        self.tabs.addTab(self.text_view, tr("难点与建议"))
        self._load_districts()
        self.circle.addItem(tr("全部"), None)
        for c in roster.CIRCLES:
            self.circle.addItem(circle_name(c), c)
        self.district.currentIndexChanged.connect(lambda _i: self.refresh())
        self.circle.currentIndexChanged.connect(lambda _i: self.refresh())
        self._filled: set[int] = set()
        self.tabs.currentChanged.connect(self._fill_tab)

    def roster_changed(self) -> None:
        self._load_districts()

    def _load_districts(self) -> None:
        """The district filter, again after a roster change; the chosen district stays chosen (else 全部)."""
        chosen = self.district.currentData()
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(tr("全部"), None)
        for d in self.runner.read(roster.districts):
            self.district.addItem(d.name, d.id)
        self.district.setCurrentIndex(max(0, self.district.findData(chosen)) if chosen is not None else 0)
        self.district.blockSignals(False)

    def set_filters(self, district_id: int | None = None, circle: str | None = None) -> None:
        for combo, value in ((self.district, district_id), (self.circle, circle)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
            combo.blockSignals(False)
        self.refresh()

    def draw(self) -> None:
        did, circle, year = self.district.currentData(), self.circle.currentData(), self.year
        self.summary = s = self.runner.read(lambda session: dashboard.questionnaire_summary(session, year, did, circle))
        yes_no = tr("；").join(tr("{q}：是 {yes}，否 {no}").format(q=NUMBER.sub("", y.text_in(lang())).rstrip("?？ "),
                                                                  yes=y.yes, no=y.no) for y in s.yes_no)
        self.count.setText(tr("{year} 年度 · 已定稿问卷 {n} 份 · {yn}").format(year=s.year, n=s.questionnaires, yn=yes_no))
        self.damaged.show_damaged(s.damaged)
        self._filled = set()
        self._fill_tab(self.tabs.currentIndex())

    def _fill_tab(self, index: int) -> None:
        """The visible tab now, the others when first shown (the suggestions list is long city-wide)."""
        if self.summary is None or index in self._filled:
            return
        self._filled.add(index)
        [self._fill_answers, self._fill_reasons, self._fill_texts][index]()

    def _fill_answers(self) -> None:
        s = self.summary
        assert s is not None
        english = lang() != "zh"
        heads = groups()
        labels = [st.label_in(lang()) for st in s.statements]
        stacked_bars(self.chart, tr("各观点的回答分布（份）"), labels,
                     [(s.option(o).get(lang()), [st.summary.counts[o] for st in s.statements], LIKERT[i % len(LIKERT)])
                      for i, o in enumerate(s.options)], label_chars=30 if english else 16)
        fill(self.share_model, [tr("观点"), tr("认可比例"), tr("回答"), tr("不同意")],
             [[item(label, tooltip=f"{heads.get(st.statement_id, st.group)}\n{label}"),
               number_item(st.summary.agree_share, text=percent(st.summary.agree_share)),
               number_item(st.summary.answered), number_item(st.summary.counts.get(s.reason_option, 0))]
              for st, label in zip(s.statements, labels, strict=True)])

    def _fill_reasons(self) -> None:
        s = self.summary
        assert s is not None
        heads = groups()
        fill(self.reason_model, [tr("观点"), tr("不同意理由")],
             [[item(short(st.label_in(lang()), 22 if lang() == "zh" else 44),
                    tooltip=f"{heads.get(st.statement_id, st.group)}\n{st.label_in(lang())}"),
               item(reason, tooltip=reason)] for st in s.statements for reason in st.summary.reasons])

    def _fill_texts(self) -> None:
        s = self.summary
        assert s is not None
        fill(self.text_model, [tr("区"), tr("责任单元"), tr("责任规划师"), tr("难点/建议")],
             [[item(f.district), item(f.unit), item(f.planner), item(f.text, tooltip=f.text)] for f in s.free_texts])
