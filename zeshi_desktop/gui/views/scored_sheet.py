"""3-1, 4-2 and 4-3: one subject on one sheet, laid out like the paper.

The view keeps the stored scores in memory and recomputes the sums with the
domain (``domain.sheet.totals``) on every keystroke, so the totals follow the
typing without touching the store; each accepted cell is one
``sheets.set_score`` through the action runner (and one undo step).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from zeshi_desktop.domain.forms import subject_fields
from zeshi_desktop.domain.scores import ScoreRefused, display, parse_score
from zeshi_desktop.domain.sheet import totals
from zeshi_desktop.services import roster
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.services.scoring.sheets import SheetView

from ..actions import ActionRunner, Change
from ..fairness import hooks as fairness
from ..i18n import lang, tr
from ..selection import PrintRequest
from ..sheet_access import SheetKey
from ..sheet_bar import SheetBar
from ..undo import ScoreCommand, describe
from .base import AnnexView, placeholder
from .sheet_table import PaperTable
from .sheet_widgets import ContractBox, HeaderFields, RemarksEdit

BAND_COLOURS = {"excellent": "#1b5e20", "pass": "#0d47a1"}   # by band id; any other band is red


class ScoredSheetView(AnnexView):
    """A scored form with one subject: items down the page, sums and band beside and below."""

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        assert self.form is not None and self.form.is_scored
        form = self.form
        self.key: SheetKey | None = None
        self.sheet: SheetView | None = None
        self.scores: dict[str, Decimal] = {}
        self.preview: tuple[str, Decimal] | None = None

        self.heading_title = self.title_label()
        self.title_fields: dict[str, str] = {}   # what the subject writes into the title's {office} / {district}
        self.title_parts: list[str] = []         # the subject line's parts (year, unit or district, planner …)
        self.root.addWidget(self.heading_title)
        self.subject = QLabel(self)
        self.subject.setWordWrap(True)
        self.header_fields = HeaderFields(form.header_fields, self)
        self.header_fields.edited.connect(self._save_header)
        subject_row = QHBoxLayout()
        subject_row.addWidget(self.subject, 1)
        subject_row.addWidget(self.header_fields)
        self.root.addLayout(subject_row)
        self.stack = QStackedLayout()
        self.empty = placeholder("", self)
        self.body = QWidget(self)
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.body)
        self.root.addLayout(self.stack, 1)

        self.table = PaperTable(form, self.body)
        body.addWidget(self.table, 1)
        side = QWidget(self.body)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(side)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        side_layout.addWidget(self.summary)
        self.contract: ContractBox | None = None
        if form.contract_rule is not None:
            self.contract = ContractBox(form.contract_rule, side)
            self.contract.answered.connect(self._save_contract)
            side_layout.addWidget(self.contract)
        self.remarks: RemarksEdit | None = None
        if form.remarks is not None:
            side_layout.addWidget(QLabel(form.remarks.get(lang()) + tr("："), side))
            self.remarks = RemarksEdit(self._save_remarks, side)
            self.remarks.setPlaceholderText(tr("在此填写意见建议（自动保存）"))
            side_layout.addWidget(self.remarks, 1)
        for note in form.notes:
            label = QLabel(note.get(lang()), side)
            label.setWordWrap(True)
            label.setStyleSheet("color: #444;")
            side_layout.addWidget(label)
        if form.remarks is None:
            side_layout.addStretch(1)
        side.setFixedWidth(290)
        body.addWidget(side)

        self.bar = SheetBar(runner, self.sheet_title, self.actor, self.request_print, self)
        self.root.addWidget(self.bar)
        if form.id in ("3-1", "4-3"):   # paper sheets typed twice; a city reviewer's 回避 (gui.fairness)
            fairness.add_sheet_tools(self, lambda: self.key, self.sheet_title,
                                     recusal_forms=("4-3",) if form.id == "4-3" else ())
        self.table.check = self._refusal
        self.table.previewed.connect(self._on_preview)
        self.table.committed.connect(self._on_commit)
        self.table.blocked.connect(self._typing_blocked)

    @property
    def row_of_item(self) -> dict[str, int]:
        return self.table.row_of_item

    @property
    def total_row(self) -> int:
        return self.table.total_row

    # ------------------------------------------------------------ selection
    def actor(self) -> str:
        return self.selection.actor if self.selection else ""

    def sheet_title(self) -> str:
        """The sheet as a dialog names it (解锁, 审计记录): the annex and the subject line's parts."""
        if self.form is None or not self.title_parts:
            return ""
        return " · ".join([tr("附件{0}").format(self.form.id), *self.title_parts])

    def _subject_key(self) -> tuple[SheetKey | None, str]:
        """The sheet the selection points at, or why there is none."""
        form, sel = self.form, self.selection
        assert form is not None and sel is not None
        reviewer = None
        if form.filled_by == "city_reviewer":
            reviewer = sel.reviewer_id
            if reviewer is None or self.runner.read(lambda s: roster.reviewer(s, reviewer)).level != "city":
                return None, tr("请在上方“评分人”中选择一位市级评审人。")
        if form.subject == "appointment":
            if sel.appointment_id is None:
                return None, tr("请在左侧选择一位责师（责任单元下的责师）。")
            return SheetKey(form.id, sel.year, appointment_id=sel.appointment_id), ""
        if sel.district_id is None:
            return None, tr("请在左侧选择一个区。")
        return SheetKey(form.id, sel.year, district_id=sel.district_id, reviewer_id=reviewer), ""

    def _subject_text(self, key: SheetKey) -> str:
        form = self.form
        assert form is not None
        parts: list[str] = [tr("年度：{0}").format(key.year)]
        if key.appointment_id is not None:
            a = self.runner.read(lambda s: roster.appointment(s, key.appointment_id))  # type: ignore[arg-type]
            parts += [tr("责任单元：{0}").format(f"{a.district} {a.unit}"), tr("责师：{0}").format(a.planner)]
            self.title_fields = {"unit": a.unit, "district": a.district}
        elif key.district_id is not None:
            d = self.runner.read(lambda s: roster.district(s, key.district_id))  # type: ignore[arg-type]
            self.title_fields = {"district": d.name}
            parts.append(tr("区：{0}（{1}）").format(d.name, d.circle))
        if key.reviewer_id is not None:
            r = self.runner.read(lambda s: roster.reviewer(s, key.reviewer_id))  # type: ignore[arg-type]
            parts.append(tr("评审人：{0}（{1}）").format(r.name, r.organisation))
        self.title_parts = parts
        return "    ".join(parts)

    def _show_title(self, office: str = "") -> None:
        """The title with its {office} / {district} filled as the print fills them; a placeholder without a subject."""
        assert self.form is not None
        fields = subject_fields(office=office, **self.title_fields) if self.key is not None else {}
        self.heading_title.setText(self.form.title.fill(lang(), **fields))

    def _header_defaults(self) -> dict[str, str]:
        """What the print writes in each heading field nobody typed: the field's own text, else the subject."""
        assert self.form is not None
        fields = subject_fields(**self.title_fields)
        subject = self.title_fields.get("unit") or self.title_fields.get("district", "")
        return {f"header:{f.id}": f.value.fill(lang(), **fields) if f.value else subject
                for f in self.form.header_fields}

    def load(self) -> None:
        self.table.discard_edit()   # a half-typed value belongs to the subject shown before
        key, why = self._subject_key()
        self.key = key
        if key is None:
            self.empty.setText(why)
            self.locked = ""
            self.show_notice("")
            self.subject.setText("")
            self.header_fields.hide()
            self.title_parts = []
            self._show_title()
            self.stack.setCurrentWidget(self.empty)
            self.bar.show_sheet(None, editable_subject=False)
            return
        self.subject.setText(self._subject_text(key))
        self.header_fields.setVisible(bool(self.form and self.form.header_fields))
        self.stack.setCurrentWidget(self.body)
        for row in self.row_of_item.values():
            self.table.set_hint(row, "")
        self.refresh()

    def refresh(self) -> None:
        """Re-read the sheet and show it (after a load or a change to it)."""
        key = self.key
        if key is None:
            return
        self.sheet = self.runner.read(key.find)
        self._show_title(self.sheet.answers.get("header:office", "") if self.sheet else "")
        self.scores = dict(self.sheet.scores) if self.sheet else {}
        self.preview = None
        locked = self.locked_reason(key.reviewer_id) or fairness.recusal_lock(self)
        final = self.sheet is not None and self.sheet.is_final or bool(locked)
        self.table.show_scores(self.scores, editable=not final)
        self.header_fields.show_values(self.sheet.answers if self.sheet else {}, self._header_defaults(), final)
        if self.remarks is not None:
            self.remarks.set_stored(self.sheet.remarks if self.sheet else "")
            self.remarks.setReadOnly(final)
        if self.contract is not None:
            answers = self.sheet.answers if self.sheet else {}
            self.contract.show_answer(answers.get(self.contract.rule.id), final)
        self.update_totals()
        self.bar.show_sheet(self.sheet, locked=locked)

    def on_changed(self, change: Change) -> None:
        if self.key is None:
            return
        if fairness.follows(change):
            return self.refresh()
        if self.sheet is None and change.any_sheet or self.sheet is not None and change.touches_sheet(self.sheet.id):
            self.refresh()

    # ------------------------------------------------------------ totals
    def update_totals(self) -> None:
        """Section, part and grand totals from the in-memory scores (plus the value being typed)."""
        form = self.form
        assert form is not None
        scores = self.scores
        if self.preview is not None:
            scores = {**scores, self.preview[0]: self.preview[1]}
        sums = totals(form, scores)
        self.table.show_sums(sums)
        band = sums.band.label.get(lang())
        if not sums.complete:
            band += tr("（暂定）")
        colour = BAND_COLOURS.get(sums.band.id, "#b00020") if sums.complete else "#777"
        labelled = tr("{0}：{1}")   # “总分：82.5”, “Total score: 82.5”
        total = labelled.format(form.total_label.get(lang()), display(sums.total))
        lines = [f"<p style='font-size:x-large'><b>{total}</b>&nbsp;&nbsp;<span style='color:{colour}'>{band}</span></p>"]
        if len(form.parts) > 1:
            lines.append("<p>" + "<br>".join(labelled.format(p.total_label.get(lang()), display(sums.part_sums[p.id]))
                                             + f" / {display(p.max)}" for p in form.parts) + "</p>")
        lines.append("<p>" + (tr("全部 {0} 项已评").format(sums.expected) if sums.complete
                              else tr("已评 {0} / {1} 项").format(sums.filled, sums.expected)) + "</p>")
        self.summary.setText("".join(lines))
        if self.contract is not None:
            self.contract.update_warning(sums.band.label.zh)

    # ------------------------------------------------------------ entry
    def _refusal(self, row: int, col: int, text: str) -> str:
        """Why ``text`` cannot be the score of the item in ``row`` (the table keeps the cursor there); "" if it can."""
        item_id = self.table.item_id_at(row, col)
        if item_id is None or self.form is None:
            return ""
        try:
            parse_score(self.form.item(item_id), text)
        except ScoreRefused as refused:
            return refused.message(lang())
        return ""

    def _typing_blocked(self, row: int, col: int) -> None:
        """Typing on a sheet that takes none: say why beside the cell and under the sheet, and how to unlock."""
        why = self.bar.why_no_typing()
        self.table.tip.show_at(row, col, why, "locked")
        self.bar.message.setText(why)

    def _on_preview(self, row: int, col: int, text: object) -> None:
        item_id = self.table.item_id_at(row, col)
        if item_id is None or self.form is None:
            return
        self.preview = None
        if isinstance(text, str) and text.strip():
            try:
                self.preview = (item_id, parse_score(self.form.item(item_id), text))
                self.table.set_hint(row, "")
            except ScoreRefused as refused:
                self.table.set_hint(row, refused.message(lang()))
        elif text is None:
            self.table.set_hint(row, "")
        self.update_totals()

    def _on_commit(self, row: int, col: int, text: str) -> None:
        item_id = self.table.item_id_at(row, col)
        key = self.key
        if item_id is None or key is None or self.form is None:
            return
        item = self.form.item(item_id)
        self.preview = None
        old = self.scores.get(item.id)
        new: Decimal | None = None
        if text.strip():
            try:
                new = parse_score(item, text)
            except ScoreRefused as refused:
                self.table.set_hint(row, refused.message(lang()))
                self.table.show_score(item.id, display(old))  # the stored value stays
                self.update_totals()
                return
        self.table.set_hint(row, "")
        self.table.show_score(item.id, display(new))
        if new == old:
            self.update_totals()
            return
        if new is None:
            self.scores.pop(item.id, None)
        else:
            self.scores[item.id] = new
        self.update_totals()
        command = ScoreCommand(self.runner, key, item.id, old, new, self.actor(), describe(item.short, old, new),
                               lambda why: self._refused(row, why))
        self.runner.undo_stack.push(command)

    def _refused(self, row: int, why: str) -> None:
        self.table.set_hint(row, why)
        self.refresh()

    # ------------------------------------------------------------ other fields
    def _save_header(self, key: str, value: str) -> None:
        sheet = self.sheet
        if self.key is None or (sheet is None and not value):
            return
        actor = self.actor()
        self.runner.run(self.key.then(lambda s, sid: sheets.set_answers(s, sid, {key: value or None}, actor),
                                      self.runner.role),
                        lambda v: Change(sheets=frozenset({v.id})), self.bar.message.setText)

    def _save_remarks(self, text: str) -> None:
        key = self.key
        if key is None or (self.sheet is None and not text) or (self.sheet and self.sheet.remarks == text):
            return
        actor = self.actor()
        self.runner.run(key.then(lambda s, sid: sheets.set_remarks(s, sid, text, actor), self.runner.role),
                        lambda v: Change(sheets=frozenset({v.id})), self.bar.message.setText)

    def _save_contract(self, value: str) -> None:
        key = self.key
        if key is None or self.contract is None:
            return
        rule_id, actor = self.contract.rule.id, self.actor()
        self.runner.run(key.then(lambda s, sid: sheets.set_answers(s, sid, {rule_id: value}, actor),
                                 self.runner.role),
                        lambda v: Change(sheets=frozenset({v.id})), self.bar.message.setText)

    def print_request(self) -> PrintRequest | None:
        key = self.key
        if key is None or self.form is None:
            return None
        return PrintRequest(f"sheet-{self.form.id}", self.form.id, key.year, self.sheet.id if self.sheet else None,
                            key.district_id, key.appointment_id, key.reviewer_id)


class Sheet31View(ScoredSheetView):
    form_id = "3-1"


class Sheet42View(ScoredSheetView):
    form_id = "4-2"


class Sheet43View(ScoredSheetView):
    form_id = "4-3"
    reviewer_level = "city"
