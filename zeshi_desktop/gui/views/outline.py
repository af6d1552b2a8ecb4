"""4-1: the district's annual summary as an editor that follows the outline.

Sections, limits and the appendix list come from the form; texts are saved
as the 4-1 sheet's answers after a pause in typing; pictures are attachments
of a case; the appendix tables are read from the roster of the year.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from zeshi_desktop.services import roster
from zeshi_desktop.services.scoring import district_summary as summary
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.scoring.sheets import SheetView

from ..actions import ActionRunner, Change
from ..i18n import lang, tr
from ..selection import PrintRequest
from ..sheet_access import SheetKey, on_sheet
from ..sheet_bar import SheetBar
from .base import SheetFormView, placeholder, text_size
from .outline_parts import CaseBox, CountedText, fill_table


def choose_picture(parent: QWidget) -> str | None:
    """A picture file (tests replace this)."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("选择图片"), "", tr("图片 (*.png *.jpg *.jpeg)"))
    return path or None


class OutlineView(SheetFormView):
    form_id = "4-1"

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.sheet: SheetView | None = None
        self.root.addWidget(self.title_label())
        self.subject = QLabel(self)
        self.root.addWidget(self.subject)
        self.empty = placeholder(tr("请在左侧选择一个区。"), self)
        self.root.addWidget(self.empty)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.root.addWidget(self.scroll, 1)
        self.bar = SheetBar(runner, lambda: self.subject.text(), lambda: self.selection.actor if self.selection
                            else "", self.request_print, self)
        self.root.addWidget(self.bar)
        self.texts: dict[str, CountedText] = {}
        self.cases: list[CaseBox] = []
        self.case_section = next((s for s in self.form.outline if s.repeatable), None)  # type: ignore[union-attr]
        self.appendix_tables: dict[str, QTableWidget] = {}
        self._build()

    def _build(self) -> None:
        page = QWidget(self.scroll)
        layout = QVBoxLayout(page)
        for section in self.form.outline:  # type: ignore[union-attr]
            heading = QLabel(f"{section.number.get(lang())} {section.heading.get(lang())}", page)
            heading.setStyleSheet("margin-top: 8px;")
            text_size(heading, 1.2, bold=True)
            heading.setWordWrap(True)
            layout.addWidget(heading)
            if section.heading_only:
                continue
            if section.repeatable:
                self.cases_layout = QVBoxLayout()
                layout.addLayout(self.cases_layout)
                from PySide6.QtWidgets import QPushButton
                add = QPushButton(tr("添加案例"), page)
                add.clicked.connect(lambda: self._add_case(len(self.cases) + 1))
                self.add_case_button = add
                layout.addWidget(add)
                continue
            if section.appendix:
                for name in section.appendix:
                    table = QTableWidget(page)
                    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
                    table.verticalHeader().hide()
                    layout.addWidget(QLabel(self._appendix_title(name), page))
                    layout.addWidget(table)
                    self.appendix_tables[name] = table
                continue
            text = CountedText(section, lambda value, k=f"text:{section.id}": self._save(k, value), page)
            self.texts[section.id] = text
            layout.addWidget(text)
        layout.addStretch(1)
        self.scroll.setWidget(page)

    @staticmethod
    def _appendix_title(name: str) -> str:
        return {"teams": tr("责任团队一览表"), "members": tr("团队成员名单"), "contracts": tr("聘任合同落实情况"),
                "funds": tr("经费落实情况")}.get(name, name)

    def _add_case(self, number: int) -> CaseBox:
        assert self.case_section is not None
        key = f"cases#{number}"
        box = CaseBox(number, self.case_section, lambda v: self._save(f"title:{key}", v),
                      lambda v: self._save(f"text:{key}", v), lambda: self._add_picture(key),
                      self._remove_picture, self._set_caption, self)
        self.cases_layout.addWidget(box)
        self.cases.append(box)
        return box

    def load(self) -> None:
        sel = self.selection
        assert sel is not None
        if not self.show_key(SheetKey("4-1", sel.year, district_id=sel.district_id)
                             if sel.district_id is not None else None):
            return
        d = self.runner.read(lambda s: roster.district(s, sel.district_id))  # type: ignore[arg-type]
        self.subject.setText(tr("区：{0}    年度：{1}").format(d.name, sel.year))
        self.refresh()
        self._fill_appendix()

    def refresh(self) -> None:
        shown = self.reread()
        if shown is None:
            return
        answers, final = shown
        for section_id, text in self.texts.items():
            text.set_stored(answers.get(f"text:{section_id}", ""), final)
        pictures = (self.runner.read(lambda s: summary.pictures(s, self.sheet.id))  # type: ignore[union-attr]
                    if self.sheet else [])
        wanted = max(summary.case_numbers(answers, [p.key for p in pictures]), default=0)
        while len(self.cases) < wanted:
            self._add_case(len(self.cases) + 1)
        while len(self.cases) > wanted:
            self.cases.pop().deleteLater()
        figure = 1   # 图1, 图2 … through the summary, as printed
        for box in self.cases:
            key_name = f"cases#{box.number}"
            box.title.setText(answers.get(f"title:{key_name}", ""))
            box.title.setReadOnly(final)
            box.text.set_stored(answers.get(f"text:{key_name}", ""), final)
            shown = [p for p in pictures if p.key == key_name]
            box.show_pictures(shown, final, figure)
            figure += len(shown)
        if hasattr(self, "add_case_button"):
            self.add_case_button.setEnabled(not final)
        self.bar.show_sheet(self.sheet, locked=self.locked)

    def _fill_appendix(self) -> None:
        sel = self.selection
        assert sel is not None and sel.district_id is not None
        data = self.runner.read(lambda s: summary.appendix(s, sel.year, sel.district_id))  # type: ignore[arg-type]
        yes, no = tr("是"), tr("否")
        tables = {
            "teams": ([tr("责师"), tr("类型"), tr("所在单位"), tr("负责人"), tr("职称"), tr("责任单元"), tr("成员数"),
                       tr("核心成员")],
                      [[t.planner, tr("团队") if t.is_team else tr("个人"), t.organisation, t.leader, t.leader_title,
                        t.units, str(t.members), str(t.core_members)] for t in data.teams]),
            "members": ([tr("责师"), tr("姓名"), tr("专业"), tr("资质"), tr("核心成员")],
                        [[m.planner, m.name, m.discipline, m.qualification, yes if m.is_core else no]
                         for m in data.members]),
            "contracts": ([tr("责任单元"), tr("责师"), tr("聘期"), tr("合同已签订")],
                          [[c.unit, c.planner, c.term, yes if c.contract_signed else no] for c in data.contracts]),
            "funds": ([tr("责任单元"), tr("责师"), tr("经费已落实"), tr("金额（元）")],
                      [[c.unit, c.planner, yes if c.fee_paid else no,
                        f"{c.fee_amount:,}" if c.fee_amount is not None else ""] for c in data.contracts]),
        }
        for name, table in self.appendix_tables.items():
            headers, rows = tables.get(name, ([], []))
            fill_table(table, headers, rows)

    def _save(self, key: str, value: str) -> None:
        sheet_key = self.key
        if sheet_key is None:
            return
        actor = self.selection.actor if self.selection else ""
        self.runner.run(sheet_key.then(lambda s, sid: sheets.set_answers(s, sid, {key: value or None}, actor),
                                       self.runner.role),
                        lambda v: Change(sheets=frozenset({v.id}), source=self), self.bar.message.setText)

    def _add_picture(self, case_key: str) -> None:
        sheet_key = self.key
        path = choose_picture(self)
        if sheet_key is None or path is None:
            return
        file = Path(path)
        mime = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        try:
            data = file.read_bytes()
        except OSError as exc:
            self.bar.message.setText(tr("无法读取 {0}：{1}").format(file, exc.strerror or exc))
            return
        self.runner.run(sheet_key.then(lambda s, sid: summary.add_picture(s, sid, case_key, file.name, mime, data),
                                       self.runner.role),
                        Change(), self.bar.message.setText)
        self.refresh()

    def _set_caption(self, attachment_id: int, caption: str) -> None:
        if self.sheet is None:
            return
        self.runner.run(on_sheet(self.sheet.id, lambda s: summary.set_caption(s, attachment_id, caption),
                                 self.runner.role),
                        Change(), self.bar.message.setText)

    def _remove_picture(self, attachment_id: int) -> None:
        if self.sheet is None:
            return
        self.runner.run(on_sheet(self.sheet.id, lambda s: summary.remove_picture(s, attachment_id), self.runner.role),
                        Change(), self.bar.message.setText)
        self.refresh()

    def on_changed(self, change: Change) -> None:
        if change.source is self:
            self.sheet = self.runner.read(self.key.find) if self.key else None
            self.bar.show_sheet(self.sheet, locked=self.locked)
        elif self.key is not None and (self.sheet is None or change.touches_sheet(self.sheet.id)):
            self.refresh()
        if change.roster and self.key is not None:
            self._fill_appendix()

    def print_request(self) -> PrintRequest | None:
        key = self.key
        if key is None:
            return None
        return PrintRequest("sheet-4-1", "4-1", key.year, self.sheet.id if self.sheet else None, key.district_id)
