"""The dashboards' 回避与透镜 tab: every recusal with its reason, short panels, and the reviewer lens.

The lens (``domain.lens``) is information for the panel, never the official
rule, and the tab says so above its tables. Left: the recusals (with
管理回避… for the dialog) and each reviewer's offset and spread; right: the
official ranking beside the what-if ranking from normalised scores, every
rank change marked, and each total as a z-score within its reviewer's own
totals. Read when the tab is first shown after a refresh (``fill``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.messages import text
from zeshi_desktop.services.fairness.recusals import panel_size, recusals, short_panels
from zeshi_desktop.services.meeting.dashboards import leaning_text
from zeshi_desktop.services.meeting.lens import (
    FairnessBoard,
    city_fairness,
    district_fairness,
)

from ..actions import ActionRunner
from ..dashboards.common import (
    ALERT,
    ALERT_BG,
    GOOD_BG,
    big,
    fill,
    item,
    note_label,
    number_item,
    signed,
    table_view,
)
from ..i18n import lang, tr


def _short(label: str) -> str:
    """A 3-2 subject by its unit alone (责任片区 — 责师 in the tooltip); a district as it is."""
    return label.split(" — ", 1)[0]


def _moved(places: int | None) -> str:
    return f"{'↑' if places > 0 else '↓'}{abs(places)}" if places else ""


def _titled(title: str, model: QStandardItemModel, parent: QWidget) -> tuple[QWidget, Any]:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(title, box)
    label.setWordWrap(True)   # a long title must not widen the dashboard past a 1280-pixel screen
    big(label, 1.0, True)
    layout.addWidget(label)
    view, _ = table_view(model, box)
    view.setMinimumHeight(56)   # the tab is no taller, at least, than the dashboard's other tabs
    layout.addWidget(view, 1)
    return box, view


class FairnessTab(QWidget):
    """回避与透镜 of a district (3-2 and its 3-3 ranking) or of the city (4-3 and the ranking of districts)."""

    def __init__(self, runner: ActionRunner, level: str = "district", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.level = runner, level
        self.board: FairnessBoard | None = None
        self.year: int | None = None
        self.district_id: int | None = None
        root = QVBoxLayout(self)
        self.note = note_label(text("fairness.lens.not_official", lang()), self)
        self.note.setStyleSheet("color: #5d4200; background: #fff4d6; padding: 4px;")
        root.addWidget(self.note)
        self.warning = note_label("", self)
        self.warning.setStyleSheet(f"color: {ALERT.name()}; font-weight: bold;")
        root.addWidget(self.warning)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.recusal_model = QStandardItemModel(self)
        box, self.recusal_view = _titled(tr("已登记的回避"), self.recusal_model, left)
        column.addWidget(box, 2)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.manage = QPushButton(tr("管理回避…"), left)
        self.manage.clicked.connect(self.open_recusals)
        bar.addWidget(self.manage)
        column.addLayout(bar)
        self.reviewer_model = QStandardItemModel(self)
        box, self.reviewer_view = _titled(tr("评审人宽严与离散"), self.reviewer_model, left)
        column.addWidget(box, 3)
        right = QWidget(split)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.rank_model = QStandardItemModel(self)
        box, self.rank_view = _titled(tr("正式排名与假设排名（仅供参考）"), self.rank_model, right)
        column.addWidget(box, 3)
        self.z_model = QStandardItemModel(self)
        box, self.z_view = _titled(tr("各总分的标准分 z（按评审人自身）"), self.z_model, right)
        column.addWidget(box, 2)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([540, 560])
        root.addWidget(split, 1)

    # ------------------------------------------------------------ reading

    def fill(self, board: Any) -> None:
        """Read the lens for the dashboard's year (and district) and show it."""
        year = board.year
        district_id = board.district.id if self.level == "district" else None
        self.year, self.district_id = year, district_id
        if district_id is not None:
            self.board = self.runner.read(lambda s: district_fairness(s, year, district_id))
        else:
            self.board = self.runner.read(lambda s: city_fairness(s, year))
        self.show_board(self.board)

    def show_board(self, b: FairnessBoard) -> None:
        warnings = [p.message.text(lang()) for p in b.short_panels]
        self.warning.setText("\n".join("⚠ " + w for w in warnings))
        self.warning.setVisible(bool(warnings))
        fill(self.recusal_model, [tr("评审人"), tr("回避对象"), tr("理由")],
             [[item(r.reviewer, tooltip=r.organisation), item(_short(r.subject), tooltip=r.subject),
               item(r.reason_text.text(lang()), tooltip=tr("登记人：") + r.declared_by)] for r in b.recusals])
        lens = b.lens
        fill(self.reviewer_model, [tr("评审人"), tr("平均总分", "lens"), tr("标准差", "lens"), tr("平均偏差", "lens"),
                                   tr("倾向")],
             [[item(b.reviewer(r.reviewer), tooltip=tr("评审对象数：") + str(r.subjects)), number_item(r.mean),
               number_item(r.std),
               number_item(r.offset, text=signed(r.offset),
                           foreground=ALERT if r.leaning != "in_line" else None),
               item(leaning_text(r.leaning, lang()))] for r in lens.reviewers])
        rows = []
        for s in lens.ranking:
            bg = ALERT_BG if s.changed and s.moved is not None and s.moved < 0 else GOOD_BG if s.changed else None
            rows.append([item(_short(s.label), tooltip=s.label, background=bg),
                         number_item(s.official_rank, background=bg), number_item(s.what_if_rank, background=bg),
                         item(_moved(s.moved), background=bg,
                              tooltip=tr("假设排名比正式排名高 {0} 名").format(s.moved) if s.moved and s.moved > 0
                              else tr("假设排名比正式排名低 {0} 名").format(-s.moved) if s.moved else ""),
                         number_item(s.official_score, background=bg), number_item(s.what_if_score, background=bg)])
        fill(self.rank_model, [tr("评审对象"), tr("正式排名"), tr("假设排名"), tr("变化", "lens"), tr("正式得分"),
                               tr("标准化得分")], rows)
        ordered = sorted(lens.reviewers, key=lambda r: b.reviewer(r.reviewer))
        fill(self.z_model, [tr("评审对象"), *(b.reviewer(r.reviewer) for r in ordered)],
             [[item(_short(label), tooltip=label), *(self._z(r.z, key) for r in ordered)]
              for key, label in b.subjects.items()])

    @staticmethod
    def _z(z: Any, key: int) -> Any:
        if key not in z:
            return item("", tooltip=tr("未评（回避或无定稿表）"))
        value: Decimal | None = z[key]
        if value is None:
            return item("—", tooltip=tr("该评审人各总分相同"))
        return number_item(value, text=signed(value), foreground=ALERT if abs(value) >= 2 else None)

    def flag(self, tabs: QTabWidget, year: int, district_id: int | None) -> None:
        """Mark this tab ⚠ when recusals leave a subject with fewer than three reviewers (two small reads).

        Called at every refresh of the dashboard, so the warning is seen
        before the tab is opened; the lens itself is read only when it is.
        """
        forms = ("3-2",) if self.level == "district" else ("4-3",)

        def query(session):  # type: ignore[no-untyped-def]
            found = [r for r in recusals(session, year, district_id=district_id) if r.form_id in forms]
            return short_panels(found, panel_size(session, year))
        short = self.runner.read(query)
        index = tabs.indexOf(self)
        tabs.setTabText(index, tr("回避与透镜") + (" ⚠" if short else ""))
        tabs.setTabToolTip(index, "\n".join(p.message.text(lang()) for p in short))

    def open_recusals(self) -> None:
        from .recusals import open_recusals

        if self.year is None:
            return
        open_recusals(self, self.runner, self.year, self.district_id,
                      ("3-2", "4-3") if self.level == "district" else ("4-3",))
