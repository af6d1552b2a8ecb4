"""The fields of a form sheet, generated from the form definition.

Nothing about an annex's wording is written here: labels, groups, maxima and
options all come from the ``Form`` object loaded from ``forms/*.toml``.
"""

from __future__ import annotations

from zeshi_desktop.domain.forms import Form

from .model import DRAFT_TEXT, FINAL_TEXT, STATUS_FIELD, FieldSpec
from .words import written

STATUS_OPTIONS = ((FINAL_TEXT, "final"), (DRAFT_TEXT, "draft"))


def fields_for(form: Form, cases: int = 1) -> list[FieldSpec]:
    """Every field a package carries for ``form``; ``cases``: how many 4-1 cases to lay out."""
    fields = [FieldSpec(STATUS_FIELD, written("package.sheet.status"), "", "choice", options=STATUS_OPTIONS,
                        required=True)]
    fields += [FieldSpec(f"header:{h.id}", h.label.zh.rstrip("：:"), "", "text") for h in form.header_fields]
    for section in form.sections:
        for item in section.items:
            label = f"{item.number} {item.text.zh}" if item.number else item.text.zh
            fields.append(FieldSpec(item.id, label, section.title.zh, "score", item=item, required=True))
    if form.contract_rule is not None:
        rule = form.contract_rule
        fields.append(FieldSpec(rule.id, rule.question.zh, "", "choice", options=((rule.yes, "yes"), (rule.no, "no")),
                                required=True))
    q = form.questionnaire
    if q is not None:
        fields.append(FieldSpec("unit:district", written("package.sheet.unit_district"), q.unit_question.section.zh,
                                "text"))
        fields.append(FieldSpec("unit:name", written("package.sheet.unit_name"), q.unit_question.section.zh, "text"))
        for yn in q.yes_no:
            fields.append(FieldSpec(f"yes_no:{yn.id}", yn.text.zh, yn.section.zh, "choice",
                                    options=((yn.yes, "yes"), (yn.no, "no")), required=True))
        options = tuple((o.zh, o.zh) for o in q.options)
        for group in q.groups:
            for s in group.statements:
                fields.append(FieldSpec(f"choice:{s.id}", s.text.zh, group.section.zh, "choice", options=options,
                                        required=True))
                fields.append(FieldSpec(f"reason:{s.id}", q.reason_label.zh, group.section.zh, "text",
                                        reason_for=f"choice:{s.id}", reason_option=q.reason_option))
        fields.append(FieldSpec(f"free_text:{q.free_text.id}", q.free_text.text.zh, q.free_text.section.zh, "text"))
    for section in form.outline:
        if section.heading_only or section.appendix:
            continue
        title = f"{section.number.zh} {section.title.zh}".strip()
        if section.repeatable:
            for n in range(1, max(cases, 1) + 1):
                fields.append(FieldSpec(f"title:{section.id}#{n}", written("package.sheet.case_title", section=title, n=n),
                                        title, "text"))
                fields.append(FieldSpec(f"text:{section.id}#{n}", f"{title} {n}", title, "text"))
        else:
            fields.append(FieldSpec(f"text:{section.id}", title, title, "text"))
    if form.remarks is not None:
        fields.append(FieldSpec("remarks", form.remarks.zh, "", "text"))
    return fields


def orientation_for(form: Form) -> str:
    return "matrix" if form.layout == "matrix" else "vertical"
