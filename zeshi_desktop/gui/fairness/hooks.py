"""Where the fair-panel screens meet the sheet views: a few calls, so each view changes by a line or two.

* :func:`add_sheet_tools` puts 复核录入 ▾ (the blind second entry, and both
  entries side by side) on a sheet's bar, and 回避… on the 3-2 matrix and the
  4-3 sheet;
* :func:`recused_rows` and :func:`show_recused_row`: the 3-2 matrix greys a
  planner its reviewer recused from and says 回避 with the reason across the
  row, which takes no typing;
* :func:`recusal_notice`: the 4-3 sheet of a city reviewer recused from the
  district says so at the top and takes no typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QMenu, QPushButton, QTableWidgetItem, QWidget

from zeshi_desktop.services.fairness import recusals as service
from zeshi_desktop.services.scoring import entries

from ..actions import ActionRunner, Change
from ..i18n import lang, tr
from ..selection import Selection
from ..sheet_access import SheetKey

RECUSED_BG = QColor("#e6e6e6")
RECUSED_FG = QColor("#5d4200")


def _insert(bar: Any, button: QWidget) -> None:
    """A button on a sheet bar, just before 打印… (or at the end)."""
    layout = bar.layout()
    index = layout.indexOf(bar.print_button)
    layout.insertWidget(index if index >= 0 else layout.count(), button)


def add_sheet_tools(view: Any, current_key: Any, subject: Any, *, recusal_forms: tuple[str, ...] = ()) -> None:
    """复核录入 ▾ (and, with ``recusal_forms``, 回避…) on ``view.bar``.

    ``current_key()`` is the shown sheet's ``SheetKey`` (None: nothing shown),
    ``subject()`` how the dialogs name it.
    """
    bar = view.bar
    entry = QPushButton(tr("复核录入"), bar)
    entry.setToolTip(tr("纸质表的第二次录入（隐藏第一次录入）与两次录入的核对、裁定"))
    menu = QMenu(entry)
    menu.addAction(tr("复核录入（第二次录入）…"), lambda: open_second_entry(view, current_key(), subject()))
    menu.addAction(tr("核对两次录入…"), lambda: open_compare(view, current_key(), subject()))
    entry.setMenu(menu)
    _insert(bar, entry)
    view.fairness_entry_button = entry
    if recusal_forms:
        recuse = QPushButton(tr("回避…"), bar)
        recuse.setToolTip(tr("登记或撤回评审人的回避，查看系统提示的可能冲突"))
        recuse.clicked.connect(lambda: open_recusals_for(view, recusal_forms))
        _insert(bar, recuse)
        view.fairness_recusal_button = recuse


def _actor(view: Any) -> str:
    selection: Selection | None = getattr(view, "selection", None)
    return selection.actor if selection is not None else ""


def open_second_entry(view: Any, key: SheetKey | None, subject: str) -> Any:
    from .second_entry import SecondEntryDialog

    if key is None:
        view.bar.message.setText(tr("请先选择要复核录入的评审表。"))
        return None
    dialog = SecondEntryDialog(view.runner, key, subject, parent=view)
    dialog.exec()
    return dialog


def open_compare(view: Any, key: SheetKey | None, subject: str) -> Any:
    from .compare import CompareDialog

    found = view.runner.read(key.find) if key is not None else None
    if found is None or not view.runner.read(lambda s: entries.has_second_entry(s, found.id)):
        view.bar.message.setText(tr("该评审表还没有第二次录入：请先用“复核录入”录入一遍。"))
        return None
    dialog = CompareDialog(view.runner, found.id, subject, parent=view)
    dialog.exec()
    return dialog


def open_recusals_for(view: Any, forms: tuple[str, ...]) -> Any:
    from .recusals import open_recusals

    selection: Selection | None = view.selection
    if selection is None:
        return None
    return open_recusals(view, view.runner, selection.year, selection.district_id, forms, _actor(view))


# ------------------------------------------------------------------ the 3-2 matrix

def recused_rows(runner: ActionRunner, selection: Selection, appointment_ids: Sequence[int]) -> dict[int, str]:
    """Row index → the reason, for the rows of the chosen reviewer's matrix the reviewer recused from."""
    if selection.reviewer_id is None:
        return {}
    year, reviewer = selection.year, selection.reviewer_id
    found = runner.read(lambda s: service.recusals(s, year, form_id="3-2", reviewer_id=reviewer))
    reasons = {r.appointment_id: r.reason_text.text(lang()) for r in found}
    return {i: reasons[a] for i, a in enumerate(appointment_ids) if a in reasons}


def show_recused_row(table: Any, row: int, first: int, last: int, reason: str | None) -> None:
    """Columns ``first``..``last`` of ``row`` as one grey 回避 cell (``reason``), or back to cells when None."""
    spanned = table.columnSpan(row, first) > 1
    if reason is None:
        if spanned:
            table.setSpan(row, first, 1, 1)
        return
    if not spanned:
        table.setSpan(row, first, 1, last - first + 1)
    cell = table.item(row, first)
    if cell is None:
        cell = QTableWidgetItem()
        table.setItem(row, first, cell)
    cell.setText(tr("回避：{0}").format(reason))
    cell.setToolTip(tr("该评审人已对此责师回避：本行不评分，也不计入最终得分。"))
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    cell.setBackground(QBrush(RECUSED_BG))
    cell.setForeground(QBrush(RECUSED_FG))
    for col in range(first + 1, last + 1):
        other = table.item(row, col)
        if other is not None:
            other.setFlags(Qt.ItemFlag.ItemIsEnabled)


def recusal_notice(view: Any) -> str:
    """For a 4-3 sheet: why the chosen city reviewer may not score this district ("" when they may)."""
    key: SheetKey | None = getattr(view, "key", None)
    if key is None or key.reviewer_id is None or key.district_id is None:
        return ""
    found = view.runner.read(lambda s: service.find(s, key.form_id, key.year, reviewer_id=key.reviewer_id,
                                                    district_id=key.district_id))
    if found is None:
        return ""
    return tr("{0} 已对{1}回避（{2}）：本表不填写，也不计入最终得分。").format(
        found.reviewer, found.district, found.reason_text.text(lang()))


def follows(change: Change) -> bool:
    """Whether a view showing recusals must read again after ``change``."""
    return bool(getattr(change, "recusals", False))


def row_key(view: Any, header_rows: int) -> SheetKey | None:
    """The sheet of the matrix row the cursor is on (None above the rows)."""
    index = view.table.currentRow() - header_rows
    return view.key(index) if 0 <= index < len(view.rows) else None


def recusal_lock(view: Any) -> str:
    """A 4-3 sheet whose city reviewer recused from the district: said at the top, and no typing ("" if not)."""
    why = recusal_notice(view)
    if why:
        view.locked = why
        view.show_notice(why)
    return why
