"""文件 → 导入交接包…: preview first, then one transaction.

The preview is ``import_package(dry_run=True)`` in a read session: who
signed (with a visible warning for an unknown signer, a changed key or a
package edited outside the program), how many sheets are added, changed, in
conflict or unchanged, and a table of the sheets with, for each conflict, the
choice 保留本机 / 采用交接包. A known sender with a new key cannot be
imported until the new key is accepted here (接受新密钥…, with a reason: it
is written with the import, in one transaction). A filled template is shown
as 人工录入 (manual entry): drafts only, a reason asked. The preview reads and 导入 writes through the
main window's action runner (one write transaction, its progress line, and a
``Change`` that refreshes every open page and dashboard); a refused package
is shown with every error line, and nothing is written. The report's
warnings and details are messages: the dialog decides by their ``code``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
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

from zeshi_desktop.domain.scores import item_name
from zeshi_desktop.messages import Message
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.handover import packages

from . import dialogs
from .actions import ActionRunner, Change
from .i18n import lang, tr

WARNING_STYLE = "color: #b00020; font-weight: bold;"
MANUAL_STYLE = "color: #7a4100; background: #fff3d6; font-weight: bold; padding: 6px;"   # the 人工录入 banner
EDITED = "handover.warning.edited_outside"     # said by the edited-outside line and its checkbox
KEY_CHANGED = "handover.warning.key_changed"   # said by the signer line when the key changed
SAID_ABOVE = {"handover.warning.unsigned", "handover.warning.manual_entry"}   # the signer line, the banner
DETAIL = "handover.detail.value"               # one field's difference: {field}: {old} → {new}
IMPORTED = Change(roster=True, weights=True, all_sheets=True)   # an import may touch anything


def list_separator() -> str:
    return ", " if lang() == "en" else "，"


def action_names() -> dict[str, str]:
    return {"added": tr("新增"), "changed": tr("更新"), "conflict": tr("冲突"), "unchanged": tr("未变")}


def signer_text(signer: dict[str, str]) -> tuple[str, bool]:
    """The signer line and whether it is a warning (anything but a key trusted here, or this computer's own)."""
    lines = {"known": (tr("已知发送方：{name}（指纹 {fp}，首次见到时名为 {known}）"), False),
             "own": (tr("本机自己的密钥：{name}（指纹 {fp}），这是本机导出的文件。"), False),
             "new": (tr("首次见到的发送方：{name}（指纹 {fp}）。请与对方核对指纹后再导入。"), True),
             "key_changed": (tr("发送方“{name}”的密钥已更换！新指纹 {fp}，原指纹 {old}（原名 {known}）。"
                                "请与对方核实后再导入。"), True)}
    line, warn = lines.get(signer["status"], (tr("没有签名的填报模板：无法确认发送方，只能作为人工录入导入。"), True))
    return line.format(name=signer["name"], fp=signer["fingerprint"], known=signer["known_as"],
                       old=signer.get("previous_fingerprint", "")), warn


def action_text(sheet: dict[str, Any]) -> str:
    """新增 / 更新 / 冲突（本机已定稿）: a conflict says why it is one."""
    name = action_names().get(sheet["action"], sheet["action"])
    why = {"final": tr("本机已定稿"), "edited": tr("本机草稿在上次导入后改过")}.get(sheet.get("why", ""))
    return tr("{action}（{why}）").format(action=name, why=why) if why else name


def item_detail(form_id: str, detail: dict[str, Any]) -> str:
    """``basic_contract: 2.5 → 1`` with the item's short name instead of its id, where there is one."""
    if detail["code"] != DETAIL:
        return str(detail["text"])
    params = detail["params"]
    field = params["field"]
    if field == "remarks":
        name = tr("意见建议")
    else:
        try:
            form = catalogue.form(form_id)
        except KeyError:
            return str(detail["text"])
        if not form.has_item(field):
            return str(detail["text"])
        name = item_name(form.item(field)).get(lang())
    return Message(DETAIL, field=name, old=params["old"], new=params["new"]).text(lang())


def said_above(warning: dict[str, Any], report: dict[str, Any]) -> bool:
    """Whether a warning has its own line in the preview (decided by its code)."""
    return (warning["code"] == EDITED or warning["code"] in SAID_ABOVE
            or (warning["code"] == KEY_CHANGED and report["signer"]["status"] == "key_changed"))


def ask_key_reason(parent: QWidget | None, name: str, fingerprint: str) -> str | None:
    """Why the new key is accepted (None: not accepted); a function, so that tests can answer it."""
    return dialogs.ask_text(parent, tr("接受新密钥"), tr("已与“{name}”核对新指纹 {fp}？请写明理由（写入审计记录）：")
                            .format(name=name, fp=fingerprint))


@dataclass(frozen=True)
class ImportChoice:
    """The user's answers in the preview: a side per conflict, consent to an edited package, a new key accepted."""

    keep: dict[str, str]
    accept_edited: bool
    reason: str = ""
    key_reason: str = ""      # the sender's new key accepted, and why (written with the import)


class ImportPreviewDialog(QDialog):
    """The dry run's report, the conflicts' choices, and the 导入 button."""

    def __init__(self, report: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(tr("导入预览") + " — " + Path(report["file"]).name)
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        info = QFormLayout()
        layout.addLayout(info)
        kind = packages.KINDS.get(report["kind"])
        kind_text = kind.name.text(lang()) if kind else report["kind_name"]
        if report["template"]:
            kind_text += tr("（填报模板）")
        info.addRow(tr("包类型："), QLabel(kind_text, self))
        info.addRow(tr("年度："), QLabel(str(report["year"]), self))
        origin = report["origin"]
        where = ("、" if lang() == "zh" else ", ").join(v for v in (origin.get("district_name"), origin.get("reviewer_name")) if v)
        info.addRow(tr("来自："), QLabel(origin.get("installation", "") + (tr("（{0}）").format(where) if where else ""),
                                       self))
        text, warn = signer_text(report["signer"])
        self.signer_label = QLabel(text, self)
        self.signer_label.setWordWrap(True)
        self.signer_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if warn:
            self.signer_label.setStyleSheet(WARNING_STYLE)
        info.addRow(tr("签名："), self.signer_label)
        self.key_button: QPushButton | None = None
        self.key_reason = ""
        if report["signer"]["status"] == "key_changed":   # refused until the new key is accepted, with a reason
            self.key_button = QPushButton(tr("接受新密钥…"), self)
            self.key_button.clicked.connect(self._ask_key)
            row = QHBoxLayout()
            row.addWidget(self.key_button)
            row.addStretch(1)
            info.addRow("", row)
        counts = report["counts"]
        names = action_names()
        self.counts_label = QLabel(list_separator().join(f"{names[a]} {counts[a]}" for a in names), self)
        info.addRow(tr("评审表："), self.counts_label)
        roster = [f"{sheet} +{c['added']} ~{c['changed']}" for sheet, c in report["roster"].items()
                  if c["added"] or c["changed"]]
        if roster:
            info.addRow(tr("名册："), QLabel("；".join(roster), self))
        for line in report.get("excellent", []):   # the district's nominations, or the city's decisions
            info.addRow(tr("优秀评选："), QLabel(line["text"], self))

        self.accept_edited: QCheckBox | None = None
        self.reason: QLineEdit | None = None
        self.manual = bool(report.get("manual_entry"))
        if self.manual:
            banner = QLabel(tr("人工录入：这是填报模板，填写的内容不在任何签名之内。只作为草稿导入（不会定稿，"
                               "也不会替换本机已定稿的评审表）；导入人和理由写入审计记录。"), self)
            banner.setWordWrap(True)
            banner.setStyleSheet(MANUAL_STYLE)
            layout.addWidget(banner)
        if report["edited_outside"]:
            edited = QLabel(tr("警告：该包在本程序之外被修改过（内容与清单中的哈希不符）。请向发送方核实，"
                               "或索取原包。"), self)
            edited.setWordWrap(True)
            edited.setStyleSheet(WARNING_STYLE)
            layout.addWidget(edited)
            self.accept_edited = QCheckBox(tr("我已核实，仍然导入这个被修改过的包"), self)
            layout.addWidget(self.accept_edited)
        if report["edited_outside"] or self.manual:
            self.reason = QLineEdit(self)
            self.reason.setPlaceholderText(tr("理由（写入审计记录，必填）"))
            self.reason.setEnabled(self.accept_edited is None)
            layout.addWidget(self.reason)
        notes = [w["text"] for w in report["warnings"] if not said_above(w, report)]
        if notes:
            note = QLabel("\n".join(notes), self)
            note.setWordWrap(True)
            layout.addWidget(note)

        sheets = report["sheets"]
        self.table = QTableWidget(len(sheets), 5, self)
        self.table.setHorizontalHeaderLabels([tr("评审表"), tr("对象"), tr("结果"), tr("变化"), tr("冲突处理")])
        self.keep_boxes: dict[str, QComboBox] = {}
        for row, s in enumerate(sheets):
            values = [s["key"], s["label"], action_text(s),
                      "；".join(item_detail(s["form"], d) for d in s["details"])]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if s["action"] == "conflict":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, col, item)
            if s["action"] == "conflict" and self.manual and s["keep"] == "mine":   # never replaces a final sheet
                kept = QTableWidgetItem(tr("保留本机（已定稿）"))
                kept.setFlags(kept.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, 4, kept)
            elif s["action"] == "conflict":
                box = QComboBox(self.table)
                box.addItem(tr("请选择…"), "")
                box.addItem(tr("保留本机"), "mine")
                box.addItem(tr("采用交接包"), "theirs")
                box.currentIndexChanged.connect(lambda _i: self._update())
                self.table.setCellWidget(row, 4, box)
                self.keep_boxes[s["key"]] = box
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(4, max(header.sectionSize(4), 130))
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)

        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #b00020;")
        layout.addWidget(self.hint)
        buttons, import_button = dialogs.dialog_buttons(self, tr("导入"))
        assert import_button is not None
        self.import_button = import_button
        layout.addWidget(buttons)
        if self.accept_edited is not None:
            self.accept_edited.toggled.connect(lambda _on: self._update())
        if self.reason is not None:
            self.reason.textChanged.connect(lambda _text: self._update())
        self._update()

    def _ask_key(self) -> None:
        signer = self.report["signer"]
        reason = ask_key_reason(self, signer["name"], signer["fingerprint"])
        if reason and reason.strip():
            self.accept_key(reason)

    def accept_key(self, reason: str) -> None:
        """The sender's new key accepted, with ``reason``: recorded when 导入 writes the package."""
        signer = self.report["signer"]
        self.key_reason = reason.strip()
        self.signer_label.setText(tr("已接受“{name}”的新密钥 {fp}（理由：{reason}），导入时写入审计记录。").format(
            name=signer["name"], fp=signer["fingerprint"], reason=self.key_reason))
        self.signer_label.setStyleSheet("")
        if self.key_button is not None:
            self.key_button.setEnabled(False)
        self._update()

    def keep_all(self, side: str) -> None:
        """Choose one side for every conflict (tests; a keyboard shortcut for many conflicts)."""
        for box in self.keep_boxes.values():
            box.setCurrentIndex(box.findData(side))

    def _update(self) -> None:
        """导入 only when a new key was accepted, every conflict has a side, an edited package was accepted,
        and a reason is given where one is needed (an edited package, manual entry that writes a sheet)."""
        open_conflicts = [k for k, box in self.keep_boxes.items() if not box.currentData()]
        edited = self.accept_edited is not None and self.accept_edited.isChecked()
        theirs = any(box.currentData() == "theirs" for box in self.keep_boxes.values())
        manual_reason = self.manual and (theirs or any(s["action"] in ("added", "changed")   # it writes a sheet
                                                       for s in self.report["sheets"]))
        has_reason = self.reason is not None and bool(self.reason.text().strip())
        edited_ok = self.accept_edited is None or (edited and has_reason)
        key_ok = self.key_button is None or bool(self.key_reason)
        if self.reason is not None:
            self.reason.setEnabled(self.accept_edited is None or edited or self.manual)
        if not key_ok:
            self.hint.setText(tr("请先与发送方核对新指纹，再点“接受新密钥…”。"))
        elif open_conflicts:
            self.hint.setText(tr("还有 {n} 个冲突：请为每一个冲突选择保留本机或采用交接包。").format(
                n=len(open_conflicts)))
        elif not edited_ok and self.accept_edited is not None and self.accept_edited.isChecked():
            self.hint.setText(tr("请写明为什么仍然导入这个被修改过的包（写入审计记录）。"))
        elif not edited_ok:
            self.hint.setText(tr("请先确认导入这个被修改过的包。"))
        elif manual_reason and not has_reason:
            self.hint.setText(tr("人工录入请写明理由（写入审计记录）。"))
        else:
            self.hint.clear()
        self.import_button.setEnabled(key_ok and not open_conflicts and edited_ok and (has_reason or not manual_reason))

    def choice(self) -> ImportChoice:
        return ImportChoice({k: str(box.currentData()) for k, box in self.keep_boxes.items()},
                            self.accept_edited is not None and self.accept_edited.isChecked(),
                            self.reason.text().strip() if self.reason is not None else "", self.key_reason)


# The modal steps, as functions so that tests can answer them (Vorta's style).
def choose_file(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, tr("导入交接包"), "", tr("Excel 工作簿 (*.xlsx);;所有文件 (*)"))
    return path or None


def confirm_preview(parent: QWidget | None, report: dict[str, Any]) -> ImportChoice | None:
    dialog = ImportPreviewDialog(report, parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def show_refusal(parent: QWidget | None, lines: list[str]) -> None:
    from .desk.import_outcome import RefusalDialog
    RefusalDialog(lines, parent).exec()


def refusal_lines(text: str) -> list[str]:
    """The refusal's head and, one per line, every error it lists (the runner gives them in one text)."""
    return [line for line in text.splitlines() if line.strip()]


def import_file(parent: QWidget | None, runner: ActionRunner, actor: str = "", path: str | None = None
                ) -> packages.ImportReport | None:
    """The menu action: pick, preview, choose, import; returns the written report or None.

    Both steps go through ``runner``; a refusal (a bad cell, a bad signature)
    reaches :func:`show_refusal` from the runner, with every line it lists.
    """
    path = path or choose_file(parent)
    if not path:
        return None

    def refused(text: str) -> None:
        show_refusal(parent, refusal_lines(text))

    try:
        ok, preview = runner.attempt(lambda s: packages.import_package(s, Path(path), dry_run=True,
                                                                       accept_edited=True),
                                     refused, progress=tr("正在导入…"))
    except OSError as error:
        dialogs.show_error(parent, tr("无法读取 {0}：{1}").format(path, error.strerror or error))
        return None
    if not ok or preview is None:
        return None
    if preview.already_imported:
        dialogs.show_info(parent, tr("该包已经导入过，本次没有任何改动。"))
        return None
    choice = confirm_preview(parent, packages.report_dict(preview, lang()))
    if choice is None:
        return None

    def run(session):  # type: ignore[no-untyped-def]
        if choice.key_reason:   # the new key accepted in the preview: with the import, or not at all
            packages.trust_key(session, preview.signer.fingerprint, preview.signer.name, choice.key_reason,
                               actor, preview.package_id)
        return packages.import_package(session, Path(path), keep=choice.keep, accept_edited=choice.accept_edited,
                                       actor=actor, reason=choice.reason)

    ok, report = runner.run(run, IMPORTED, refused, progress=tr("正在导入…"))
    if not ok:
        return None
    assert report is not None
    if report.already_imported:
        dialogs.show_info(parent, tr("该包已经导入过，本次没有任何改动。"))
    else:
        from .desk.import_outcome import result_text
        dialogs.show_info(parent, tr("已导入：{0}").format(result_text(report)))
    return report

