"""The strip under a sheet: its status, 定稿, 解锁…, 审计记录 and 打印…."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from zeshi_desktop.services.scoring import problems as sheet_problems
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.scoring.sheets import SheetView

from . import dialogs
from .actions import ActionRunner, Change
from .i18n import lang, tr
from .sheet_access import on_sheet


def problems_text(problems: list[sheet_problems.Problem], shown: int = 3) -> str:
    """“不能定稿：A；B；C……” in the user's language."""
    sep = "; " if lang() == "en" else "；"
    return (tr("不能定稿：") + sep.join(p.text(lang()) for p in problems[:shown])
            + ("……" if len(problems) > shown else ""))


class SheetBar(QWidget):
    """Lifecycle buttons for the sheet a view shows; the view says which one it is."""

    def __init__(self, runner: ActionRunner, title: Callable[[], str], actor: Callable[[], str],
                 on_print: Callable[[], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.title = title
        self.actor = actor
        self.sheet: SheetView | None = None
        self.locked = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.status = QLabel(self)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.finalize_button = QPushButton(tr("定稿"), self)
        self.unlock_button = QPushButton(tr("解锁…"), self)
        self.audit_button = QPushButton(tr("审计记录"), self)
        self.print_button = QPushButton(tr("打印…"), self)
        layout.addWidget(self.status)
        layout.addWidget(self.message, 1)
        for button in (self.finalize_button, self.unlock_button, self.audit_button, self.print_button):
            layout.addWidget(button)
        self.finalize_button.clicked.connect(self.finalize)
        self.unlock_button.clicked.connect(self.unlock)
        self.audit_button.clicked.connect(self.show_audit)
        if on_print is not None:
            self.print_button.clicked.connect(on_print)
        else:
            self.print_button.hide()
        self.show_sheet(None)

    def show_sheet(self, sheet: SheetView | None, editable_subject: bool = True, locked: str = "") -> None:
        """Show ``sheet``'s status; ``locked`` (why it may not be changed now) disables 定稿 and 解锁…."""
        self.sheet = sheet
        self.locked = locked
        final = sheet is not None and sheet.is_final
        if sheet is None:
            self.status.setText(tr("状态：未填写") if editable_subject else "")
        elif final:
            when = dialogs.local_time(sheet.finalized_at) if sheet.finalized_at else ""
            self.status.setText(tr("状态：已定稿（锁定）") + f"  {when}")
        elif sheet.reopened_reason:
            self.status.setText(tr("状态：已解锁，修改将记入审计记录"))
        else:
            self.status.setText(tr("状态：草稿（每项输入即已保存）"))
        self.status.setStyleSheet("color: #1b5e20; font-weight: bold;" if final else "")
        self.finalize_button.setEnabled(sheet is not None and not final and not locked)
        self.unlock_button.setEnabled(final and not locked)
        for button in (self.finalize_button, self.unlock_button):
            button.setToolTip(locked)
        self.audit_button.setEnabled(sheet is not None)
        self.message.clear()

    def why_no_typing(self) -> str:
        """What someone typing on this sheet's cells is told: why it takes no change now, and how it would."""
        if self.locked:
            return self.locked
        if self.sheet is not None and self.sheet.is_final:
            return tr("本表已定稿（锁定），不能直接修改。如需修改，请点“解锁…”并说明理由（记入审计记录）。")
        return ""

    def _refuse_locked(self) -> bool:
        """A locked sheet is refused with its reason, even if a button is pressed some other way."""
        if self.locked:
            self.message.setText(self.locked)
        return bool(self.locked)

    def finalize(self) -> None:
        sheet = self.sheet
        if sheet is None or self._refuse_locked():
            return
        problems = self.runner.read(lambda s: sheets.problems(s, sheet.id))
        if problems:
            self.message.setText(problems_text(problems))
            return
        question = tr("定稿后评审表将被锁定，修改须说明理由解锁。确定定稿“{0}”吗？").format(self.title())
        notes = self.runner.read(lambda s: sheets.warnings(s, sheet.id))   # worth a look, no refusal
        if notes:
            question = "\n".join([tr("请注意："), *(f"• {n.text(lang())}" for n in notes), "", question])
        if not dialogs.confirm(self, tr("定稿"), question):
            return
        actor = self.actor()
        self.runner.run(on_sheet(sheet.id, lambda s: sheets.finalize(s, sheet.id, actor), self.runner.role),
                        Change(sheets=frozenset({sheet.id})), self.message.setText)

    def unlock(self) -> None:
        sheet = self.sheet
        if sheet is None or self._refuse_locked():
            return
        title = self.title()
        reason = dialogs.ask_text(self, tr("解锁") + (f" — {title}" if title else ""),
                                  tr("解锁“{0}”。\n解锁理由（将记入审计记录）：").format(title) if title
                                  else tr("解锁理由（将记入审计记录）："))
        if reason is None:
            return
        actor = self.actor()
        self.runner.run(on_sheet(sheet.id, lambda s: sheets.unlock(s, sheet.id, reason, actor), self.runner.role),
                        Change(sheets=frozenset({sheet.id})), self.message.setText)

    def show_audit(self) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        entries = self.runner.read(lambda s: sheets.audit_log(s, sheet.id))
        dialogs.show_audit(self, entries, self.title())
