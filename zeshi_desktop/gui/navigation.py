"""The tree on the left: districts → units → planners (one node per appointment), and its search box.

In a meeting the chair names a planner or a street: typing part of the name
in the box above the tree (Ctrl+F) keeps only the matching nodes (and what
lies under a matching district or unit); Enter opens the first planner found.
Alt+↓ / Alt+↑ step to the next / previous planner in the tree's order.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.domain.rules import term_span
from zeshi_desktop.services import catalogue, roster

from .actions import ActionRunner
from .i18n import lang, tr

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class NavigationTree(QTreeWidget):
    """Emits the ids under the chosen node: (district, unit, appointment)."""

    picked = Signal(object, object, object)

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setHeaderLabels([tr("区 / 责任单元 / 责师")])
        self.setUniformRowHeights(True)
        self.currentItemChanged.connect(self._current_changed)
        self._nodes: dict[tuple[str, int], QTreeWidgetItem] = {}
        self._filter_text = ""   # the search box's text, applied again after each load

    def load(self, year: int) -> None:
        """Rebuild from the roster of ``year`` (one read, three queries)."""
        def query(session):  # type: ignore[no-untyped-def]
            return roster.districts(session), roster.units(session), roster.appointments(session, year)
        districts, units, appointments = self.runner.read(query)
        self.blockSignals(True)
        self.clear()
        self._nodes.clear()
        circles = {c.zh: c.get(lang()) for c in catalogue.roster_terms().circles}
        for d in districts:
            circle = circles.get(d.circle, d.circle)
            node = QTreeWidgetItem([f"{d.name}（{circle}）" if lang() == "zh" else f"{d.name} ({circle})"])
            node.setToolTip(0, node.text(0))   # the whole name when the tree is too narrow for it
            node.setData(0, KIND_ROLE, "district")
            node.setData(0, ID_ROLE, (d.id, None, None))
            self.addTopLevelItem(node)
            self._nodes[("district", d.id)] = node
        for u in units:
            parent = self._nodes.get(("district", u.district_id))
            if parent is None:
                continue
            node = QTreeWidgetItem(parent, [u.name])
            node.setToolTip(0, u.name)
            node.setData(0, KIND_ROLE, "unit")
            node.setData(0, ID_ROLE, (u.district_id, u.id, None))
            self._nodes[("unit", u.id)] = node
        for a in appointments:
            parent = self._nodes.get(("unit", a.unit_id))
            if parent is None:
                continue
            label = a.planner + (tr("（团队）") if a.is_team else "")
            node = QTreeWidgetItem(parent, [label])
            node.setData(0, KIND_ROLE, "appointment")
            node.setData(0, ID_ROLE, (a.district_id, a.unit_id, a.id))
            node.setToolTip(0, label + "\n" + tr("{0} 年度，聘期 {1}").format(a.year, term_span(a.term_start,
                                                                                        a.term_years)))
            self._nodes[("appointment", a.id)] = node
        if self._filter_text:
            self.filter(self._filter_text)
        self.blockSignals(False)

    def select(self, district_id: int | None, unit_id: int | None, appointment_id: int | None) -> bool:
        """Select the deepest node that exists; False when none does."""
        for kind, ident in (("appointment", appointment_id), ("unit", unit_id), ("district", district_id)):
            node = self._nodes.get((kind, ident)) if ident is not None else None
            if node is not None:
                self.setCurrentItem(node)
                self.scrollToItem(node)
                return True
        return False

    def first_appointment(self) -> bool:
        for (kind, _ident), node in self._nodes.items():
            if kind == "appointment":
                self.setCurrentItem(node)
                return True
        return False

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        district_id, unit_id, appointment_id = current.data(0, ID_ROLE)
        self.picked.emit(district_id, unit_id, appointment_id)

    # ------------------------------------------------------------ search and stepping
    def filter(self, text: str) -> int:
        """Keep the nodes whose name holds ``text`` (and all under them); returns how many matched."""
        self._filter_text = text
        needle = text.strip().casefold()
        count = 0

        def walk(node: QTreeWidgetItem, inside_match: bool) -> bool:
            nonlocal count
            own = bool(needle) and needle in node.text(0).casefold()
            count += own
            below = [walk(node.child(i), inside_match or own) for i in range(node.childCount())]
            visible = not needle or inside_match or own or any(below)
            node.setHidden(not visible)
            if needle and any(below):
                node.setExpanded(True)
            return visible

        for index in range(self.topLevelItemCount()):
            walk(self.topLevelItem(index), False)
        return count

    def visible_nodes(self, kind: str | None = None) -> list[QTreeWidgetItem]:
        """The nodes not hidden by the search, in the tree's order (of ``kind`` when given)."""
        found = []
        iterator = QTreeWidgetItemIterator(self, QTreeWidgetItemIterator.IteratorFlag.NotHidden)
        while (node := iterator.value()) is not None:
            if kind is None or node.data(0, KIND_ROLE) == kind:
                found.append(node)
            iterator += 1
        return found

    def first_match(self, text: str) -> bool:
        """Choose the first planner (else the first node) whose name, or whose unit's or district's, holds ``text``."""
        needle = text.strip().casefold()
        nodes = self.visible_nodes()
        for wanted in ("appointment", None):
            for node in nodes:
                kind_fits = wanted is None or node.data(0, KIND_ROLE) == wanted
                if kind_fits and (not needle or needle in _path_text(node)):
                    self.setCurrentItem(node)
                    self.scrollToItem(node)
                    return True
        return False

    def step(self, delta: int) -> bool:
        """The next (``+1``) or previous (``-1``) planner in the tree's order; False at either end."""
        everything = self.visible_nodes()
        current = self.currentItem()
        at = everything.index(current) if current in everything else -1
        ahead = everything[at + 1:] if delta > 0 else list(reversed(everything[:max(at, 0)]))
        for node in ahead:
            if node.data(0, KIND_ROLE) == "appointment":
                self.setCurrentItem(node)
                self.scrollToItem(node)
                return True
        return False


def _path_text(node: QTreeWidgetItem | None) -> str:
    texts = []
    while node is not None:
        texts.append(node.text(0).casefold())
        node = node.parent()
    return "\n".join(texts)


class TreeSearch(QLineEdit):
    """The box over the tree: filters as one types, Enter opens the first match, ↓ goes into the tree, Esc clears."""

    def __init__(self, tree: NavigationTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = tree
        self.setObjectName("tree-search")
        self.setPlaceholderText(tr("查找区、责任单元或责师（Ctrl+F）"))
        self.setClearButtonEnabled(True)
        self.textChanged.connect(self._filter)
        self.returnPressed.connect(lambda: self.tree.first_match(self.text()))
        self.installEventFilter(self)

    def _filter(self, text: str) -> None:
        count = self.tree.filter(text)
        self.setToolTip(tr("找到 {0} 项").format(count) if text.strip() else "")
        self.setStyleSheet("" if count or not text.strip() else "QLineEdit { background: #fde2e1; }")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Down:
                self.tree.setFocus()
                return True
            if event.key() == Qt.Key.Key_Escape and self.text():
                self.clear()
                return True
        return super().eventFilter(watched, event)


def tree_panel(tree: NavigationTree, parent: QWidget | None = None) -> tuple[QWidget, TreeSearch]:
    """The left side of the window: the search box above the tree."""
    panel = QWidget(parent)
    panel.setObjectName("tree-panel")
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    search = TreeSearch(tree, panel)
    layout.addWidget(search)
    layout.addWidget(tree)
    return panel, search
