"""The district dashboard's tabs on trust: reviewer spread, reviewer offsets, item shares, trimmed-mean impact.

Each tab is a widget with ``fill(board)``: it draws what one
``analysis.district_dashboard`` result says, and reads nothing itself, so the
dashboard reads once per refresh and fills a tab only when it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.gui.i18n import lang, tr
from zeshi_desktop.services.meeting import dashboards as analysis

from .charts import chart_view, horizontal_bars
from .common import (
    ALERT,
    ALERT_BG,
    BAR,
    SECOND,
    big,
    fill,
    item,
    note_label,
    num,
    number_item,
    percent,
    signed,
    table_view,
)
from .names import item_label, item_text
from .spread_chart import draw_spreads


def leaning_text(leaning: str) -> str:
    return {"strict": tr("偏严"), "lenient": tr("偏松"), "in_line": tr("一致")}[leaning]


class SpreadTab(QWidget):
    """How far apart the reviewers of each unit are, and who is an outlier at the chosen distance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(big(QLabel(tr("离群距离（与其他评审人平均分相差超过）："), self)))
        self.distance = big(QDoubleSpinBox(self))  # type: ignore[assignment]
        self.distance.setRange(0.5, 50)
        self.distance.setDecimals(1)
        self.distance.setSingleStep(1)
        self.distance.setSuffix(tr(" 分"))
        self.distance.setValue(float(analysis.DEFAULT_OUTLIER_DISTANCE))
        bar.addWidget(self.distance)
        bar.addStretch(1)
        self.outlier_label = big(QLabel(self), 1.0, True)
        bar.addWidget(self.outlier_label)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.chart = chart_view(split)
        split.addWidget(self.chart)
        self.model = QStandardItemModel(self)
        self.view, _ = table_view(self.model, split)
        self.view.setWordWrap(True)
        split.addWidget(self.view)
        split.setSizes([600, 750])
        layout.addWidget(split, 1)

    def fill(self, board: analysis.DistrictDashboard) -> None:
        self.outlier_label.setText(tr("离群 {n} 处").format(n=board.outlier_count))
        self.outlier_label.setStyleSheet(f"color: {ALERT.name()}" if board.outlier_count else "")
        draw_spreads(self.chart, board.spreads)
        rows = []
        for s in board.spreads:
            bg = ALERT_BG if s.spread.outliers else None
            outliers = tr("；").join(tr("{reviewer} {total}（{distance}）").format(
                reviewer=s.reviewer(o.reviewer), total=num(o.total), distance=signed(o.distance))
                for o in s.spread.outliers)
            unit, _, planner = s.label.partition(" — ")
            rows.append([item(unit, background=bg, tooltip=planner), number_item(len(s.spread.totals), background=bg),
                         number_item(s.spread.min, background=bg), number_item(s.spread.max, background=bg),
                         number_item(s.spread.mean, background=bg), number_item(s.spread.std, background=bg),
                         item(outliers, background=bg, foreground=ALERT if outliers else None)])
        fill(self.model, [tr("责任片区"), tr("人数"), tr("最低"), tr("最高"), tr("平均"), tr("标准差"),
                          tr("离群评审人")], rows)


class OffsetsTab(QWidget):
    """Which reviewers score stricter or more leniently than the others, on average."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.note = note_label("", self)
        layout.addWidget(self.note)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.chart = chart_view(split)
        split.addWidget(self.chart)
        self.model = QStandardItemModel(self)
        self.view, _ = table_view(self.model, split, elastic=(1,))   # the reviewer's organisation
        split.addWidget(self.view)
        split.setSizes([620, 720])
        layout.addWidget(split, 1)

    def fill(self, board: analysis.DistrictDashboard) -> None:
        self.note.setText(tr("平均偏差 = 该评审人总分减去其他评审人平均分，再对所评各责任片区取平均。"
                             "负数为偏严，正数为偏松；±{tol} 分以内视为一致。").format(tol=num(board.offset_tolerance)))
        horizontal_bars(self.chart, tr("评审人平均偏差（分）"), [o.reviewer.name for o in board.offsets],
                        [(tr("平均偏差"), [float(o.offset.offset) for o in board.offsets], BAR)])
        rows = []
        for o in board.offsets:
            fg = ALERT if o.offset.leaning != "in_line" else None
            rows.append([item(o.reviewer.name), item(o.reviewer.organisation, tooltip=o.reviewer.organisation), number_item(o.offset.subjects),
                         number_item(o.offset.offset, text=signed(o.offset.offset), foreground=fg),
                         item(leaning_text(o.offset.leaning), foreground=fg), number_item(o.offset.outliers)])
        fill(self.model, [tr("评审人"), tr("单位"), tr("评审数"), tr("平均偏差"), tr("倾向"), tr("离群次数")], rows)


class ItemsTab(QWidget):
    """The share of the maximum each item of 3-1 and 3-2 got across the district."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        self.street_chart = chart_view(self)
        self.group_chart = chart_view(self)
        layout.addWidget(self.street_chart, 1)
        layout.addWidget(self.group_chart, 1)

    def fill(self, board: analysis.DistrictDashboard) -> None:
        for view, form_id, items, title, colour in (
                (self.street_chart, "3-1", board.street_items, tr("附件3-1 各项得分率（%）"), SECOND),
                (self.group_chart, "3-2", board.group_items, tr("附件3-2 各项得分率（%）"), BAR)):
            horizontal_bars(view, title, [item_label(form_id, i.item_id, i.text) for i in items],
                            # one decimal, as the tooltip's percentages
                            [(tr("得分率"), [round(float(i.share or 0) * 100, 1) for i in items], colour)],
                            value_min=0, value_max=110, label_chars=12 if lang() == "zh" else 24, tick_interval=20)
            view.setToolTip("\n".join(tr("{item}：{share}（{mean}/{max}）").format(
                item=item_text(form_id, i.item_id, i.text), share=percent(i.share), mean=num(i.mean), max=num(i.max))
                for i in items))


class ImpactTab(QWidget):
    """What the ranking would be if the highest and lowest 3-2 totals were dropped (or kept)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.label = note_label("", self)
        big(self.label, 1.05, True)
        layout.addWidget(self.label)
        self.model = QStandardItemModel(self)
        self.view, _ = table_view(self.model, self, elastic=(1,), wrap=True)   # the planner
        layout.addWidget(self.view, 1)

    def fill(self, board: analysis.DistrictDashboard) -> None:
        impact = board.impact
        self.label.setText(
            tr("改用去掉一个最高分和一个最低分后的平均分：{changed} 个责任片区的排名会改变（最多 {max} 位）；"
               "{trim} 个责任片区有不少于 5 位评审人。当前采用：{now}。")
            .format(changed=impact.changed, max=impact.max_move, trim=impact.trimmable,
                    now=tr("去掉最高最低分") if board.ranking.trimmed_mean else tr("算术平均")))
        rows = []
        for c in impact.rows:
            bg = ALERT_BG if c.moved else None
            moved = "" if not c.moved else ("↑" if c.moved > 0 else "↓") + str(abs(c.moved))
            rows.append([item(c.unit, background=bg), item(c.planner, background=bg, tooltip=c.planner),
                         number_item(c.rank_mean, background=bg), number_item(c.total_mean, background=bg),
                         number_item(c.rank_trimmed, background=bg), number_item(c.total_trimmed, background=bg),
                         item(moved, c.moved or 0, background=bg)])
        fill(self.model, [tr("责任片区"), tr("责任规划师"), tr("平均分排名"), tr("总分（平均）"),
                          tr("去高低后排名"), tr("总分（去高低）"), tr("变化", "how far a unit's rank moves")], rows)
