"""The tree on the left: districts → units → planners (one node per appointment)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from zeshi_desktop.services import roster

from .actions import ActionRunner
from .i18n import tr

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

    def load(self, year: int) -> None:
        """Rebuild from the roster of ``year`` (one read, three queries)."""
        def query(session):  # type: ignore[no-untyped-def]
            return roster.districts(session), roster.units(session), roster.appointments(session, year)
        districts, units, appointments = self.runner.read(query)
        self.blockSignals(True)
        self.clear()
        self._nodes.clear()
        for d in districts:
            node = QTreeWidgetItem([f"{d.name}（{d.circle}）"])
            node.setData(0, KIND_ROLE, "district")
            node.setData(0, ID_ROLE, (d.id, None, None))
            self.addTopLevelItem(node)
            self._nodes[("district", d.id)] = node
        for u in units:
            parent = self._nodes.get(("district", u.district_id))
            if parent is None:
                continue
            node = QTreeWidgetItem(parent, [u.name])
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
            node.setToolTip(0, label + "\n" + tr("{0} 年度，聘期 {1} 年").format(a.year, a.term_years))
            self._nodes[("appointment", a.id)] = node
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
