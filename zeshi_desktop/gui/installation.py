"""文件 → 本机角色…, and the same question at first run: what this computer is in the hand-over.

A street office (of which units), a district office (of which district), the
city, or a reviewer's laptop (which reviewer): packages are then taken only
where they are addressed (``services.handover.routing``). The question is
asked when the app starts on a store that has no role yet (a new laptop, or
a store older than roles), never on a read-only one; "以后再说" leaves the
store as it was, taking packages as before. The demo store is a district
office of its first district (``app.open_database``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.services import installation, trust

from . import dialogs
from .actions import ActionRunner, Change
from .i18n import lang, tr

CODE_ROLE = Qt.ItemDataRole.UserRole


def role_names() -> dict[str, str]:
    return {"street": tr("街道/乡镇/园区"), "district": tr("区级专班"), "city": tr("市级专班"),
            "reviewer": tr("评审人的电脑")}


def role_text(runner: ActionRunner) -> str:
    """This installation's role as the title bar shows it ("" when the store cannot say: damaged, too old)."""
    try:
        return runner.read(lambda s: installation.describe(s, installation.current(s)).text(lang()))
    except trust.STORE_FAILURES:
        return ""


class RoleDialog(QDialog):
    """The four roles and what each holds; 确定 sets the role through the runner (one write)."""

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None, first_run: bool = False) -> None:
        super().__init__(parent)
        self.runner = runner
        self.chosen: installation.Role | None = None
        self.setWindowTitle(tr("本机角色"))
        self.resize(620, 420)
        self.known = runner.read(installation.choices)
        current = runner.read(installation.current)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("这台电脑在评审中是什么角色？交接包只在它的目的地导入：区→街道的包只进该街道，"
                          "街道和区级评审人→区的包只进本区，区→市和市级评审人→市的包只进市级专班，"
                          "市→区的包只进它指明的区。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if first_run:
            note = QLabel(tr("本机尚未设定角色。选择“以后再说”，包照旧导入，但不核对是否发给本机。"), self)
            note.setWordWrap(True)
            layout.addWidget(note)

        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for role, name in role_names().items():
            button = QRadioButton(name, self)
            self.group.addButton(button)
            self.buttons[role] = button
            row.addWidget(button)
            button.toggled.connect(lambda _on: self._role_changed())
        row.addStretch(1)
        layout.addLayout(row)

        form = QFormLayout()
        layout.addLayout(form)
        self.district_box = _editable_box(self, [(c, f"{c}  {n}") for c, n in self.known.districts])
        self.district_label = QLabel(tr("区："), self)
        form.addRow(self.district_label, self.district_box)
        self.unit_list = QListWidget(self)
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setPlaceholderText(tr("编号或名称，多个用逗号分隔"))
        self.unit_label = QLabel(tr("责任单元："), self)
        units = QVBoxLayout()
        units.addWidget(self.unit_list)
        units.addWidget(self.unit_edit)
        form.addRow(self.unit_label, units)
        self.reviewer_box = _editable_box(self, [(c, f"{c}  {n}" + (f"（{d}）" if d else ""))
                                                 for c, n, d in self.known.reviewers])
        self.reviewer_label = QLabel(tr("评审人："), self)
        form.addRow(self.reviewer_label, self.reviewer_box)
        self.district_box.currentTextChanged.connect(lambda _t: self._fill_units())

        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)
        buttons, ok = dialogs.dialog_buttons(self, tr("确定"), self._accept)
        if first_run:   # leaving it unset is a choice at first run, said as such
            later = next(b for b in buttons.buttons() if b is not ok)
            later.setText(tr("以后再说"))
        layout.addWidget(buttons)
        self._show(current)

    def _show(self, current: installation.Role | None) -> None:
        """Start from the role already set, its district, units and reviewer; with none set, from a district
        office, of the store's district when its roster holds just one (a district's own store)."""
        self.buttons[current.role if current else "district"].setChecked(True)
        if current is not None:
            _set_box(self.district_box, current.district)
            _set_box(self.reviewer_box, current.reviewer)
        elif len(self.known.districts) == 1:
            self.district_box.setCurrentIndex(0)
        self._fill_units(current.units if current else ())
        self._role_changed()

    def role(self) -> str:
        return next((r for r, b in self.buttons.items() if b.isChecked()), "district")

    def _role_changed(self) -> None:
        role = self.role()
        for widgets, shown in (((self.district_box, self.district_label), role in ("street", "district", "reviewer")),
                               ((self.unit_list, self.unit_edit, self.unit_label), role == "street"),
                               ((self.reviewer_box, self.reviewer_label), role == "reviewer")):
            for widget in widgets:
                widget.setVisible(shown)
        if role == "street":
            self.unit_list.setVisible(self.unit_list.count() > 0)
            self.unit_edit.setVisible(not self.known.units)

    def _fill_units(self, checked: tuple[str, ...] | None = None) -> None:
        """The units of the district chosen, checkable (a store with no units yet: typed in the line)."""
        keep = set(checked) if checked is not None else set(self.units())
        district = _box_value(self.district_box)
        self.unit_list.clear()
        for code, name, of in self.known.units:
            if district and district not in (of, *[n for c, n in self.known.districts if c == of]):
                continue
            item = QListWidgetItem(f"{code}  {name}", self.unit_list)
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in keep or name in keep else Qt.CheckState.Unchecked)
        if not self.known.units and checked:
            self.unit_edit.setText(", ".join(checked))
        if self.role() == "street":
            self.unit_list.setVisible(self.unit_list.count() > 0)

    def units(self) -> list[str]:
        if not self.known.units:
            return [u.strip() for u in self.unit_edit.text().replace("，", ",").split(",") if u.strip()]
        return [str(self.unit_list.item(i).data(CODE_ROLE)) for i in range(self.unit_list.count())
                if self.unit_list.item(i).checkState() == Qt.CheckState.Checked]

    def choose(self) -> bool:
        """Set the role shown (one write, replacing a role already set); a refusal stays in the dialog."""
        role = self.role()
        district = _box_value(self.district_box) if role in ("street", "district", "reviewer") else None
        units = self.units() if role == "street" else []
        reviewer = _box_value(self.reviewer_box) if role == "reviewer" else None
        ok, chosen = self.runner.run(lambda s: installation.set_role(s, role, district=district or None,
                                                                     units=units, reviewer=reviewer, change=True),
                                     Change(), self.message.setText)
        if ok:
            self.chosen = chosen
        return ok

    def _accept(self) -> None:
        if self.choose():
            self.accept()


def _editable_box(parent: QWidget, items: list[tuple[str, str]]) -> QComboBox:
    """A list to pick from that also takes a code or name typed in (a new laptop knows no roster yet)."""
    box = QComboBox(parent)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for code, label in items:
        box.addItem(label, code)
    box.setCurrentIndex(-1)
    box.setEditText("")
    return box


def _box_value(box: QComboBox) -> str:
    """The code of the entry picked, or what was typed."""
    index = box.currentIndex()
    text = box.currentText().strip()
    if index >= 0 and text == box.itemText(index):
        return str(box.itemData(index))
    return text


def _set_box(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)
    else:
        box.setEditText(value)


# The modal steps, as functions so that tests can answer them.
def choose_role(parent: QWidget | None, runner: ActionRunner, first_run: bool = False) -> installation.Role | None:
    """Ask for this installation's role; the role set, or None when the dialog was left."""
    dialog = RoleDialog(runner, parent, first_run)
    return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_first_run(window: QWidget, runner: ActionRunner) -> installation.Role | None:
    """At start: a writable store with no role yet is asked for one (once per start; "以后再说" leaves it).

    An empty store is not asked: its window opens on the welcome (``gui.desk.welcome``), where the role
    is one of the first steps, beside the demo and the roster, instead of a dialog over it.
    """
    if runner.db.readonly:
        return None
    from .desk.welcome import is_empty
    try:
        if runner.read(installation.current) is not None or is_empty(runner):
            return None
    except trust.STORE_FAILURES:
        return None
    return choose_role(window, runner, first_run=True)
