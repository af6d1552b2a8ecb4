"""What the verification code of a letter and of the city's list covers: every name and figure on the paper.

Language-neutral (band ids, not their labels; numbers as the paper writes
them), so the Chinese and the English paper of the same result carry the same
code; no reviewer's name is on the letter, so none is here. Kept apart from
the wording (``feedback_paper``, ``honours_paper``) so ``zeshi verify`` loads
no renderer.
"""

from __future__ import annotations

from decimal import Decimal

from zeshi_desktop.domain import verification as vdomain
from zeshi_desktop.messages import number_text
from zeshi_desktop.services.results.common import texts
from zeshi_desktop.services.results.feedback import FeedbackLetter
from zeshi_desktop.services.results.honours import HonoursList

FEEDBACK, HONOURS = "feedback", "honours"   # the code's mark of each paper (domain.verification.FORM_MARKS)
VERSION = 1                                  # of their wording in forms/results.toml


def _figure(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return number_text(value) if isinstance(value, Decimal) else str(value)


def feedback_content(letter: FeedbackLetter, ref_uid: str) -> vdomain.SheetContent:
    """What the letter's code covers: every name and figure printed, keyed so a change names its line."""
    printed: dict[str, str] = {
        "year": str(letter.year), "name:district": letter.district, "name:unit": letter.unit,
        "name:planner": letter.planner, "name:office": letter.office,
        "term": f"{letter.term_start}+{letter.term_years}{'R' if letter.renewal else ''}"
                f"|{int(letter.contract_signed)}{int(letter.fee_paid)}",
        "figure:street_score": _figure(letter.street_score),
        "figure:street_band": letter.street_band.id if letter.street_band else "",
        "figure:district_score": _figure(letter.district_score), "figure:reviewers": str(letter.reviewers),
        "figure:recusals": _figure(letter.recusals), "figure:trimmed": str(int(letter.trimmed_mean)),
        "figure:street_weight": _figure(letter.street_weight), "figure:district_weight": _figure(letter.district_weight),
        "figure:street_weighted": _figure(letter.street_weighted),
        "figure:district_weighted": _figure(letter.district_weighted), "figure:total": _figure(letter.total),
        "figure:rank": f"{_figure(letter.rank)}/{letter.ranked}", "figure:band": letter.band.id if letter.band else "",
        "remark:office": letter.office_remarks, "remark:reviewers": "\n".join(letter.reviewer_remarks),
        "excellent": f"{int(letter.nominated)}|{'' if letter.selected is None else int(letter.selected)}",
    }
    for i in letter.items:
        printed[f"item:{i.item_id}"] = f"{_figure(i.mine)}|{_figure(i.district)}"
    for e in letter.earlier:
        printed[f"earlier:{e.year}:{e.unit}"] = (f"{_figure(e.rank)}/{e.ranked}|{_figure(e.total)}|"
                                                 f"{e.band.id if e.band else ''}|{int(e.nominated)}|"
                                                 f"{'' if e.selected is None else int(e.selected)}")
    label = f"{letter.district} {letter.unit}（{letter.planner}）"
    return vdomain.SheetContent(ref_uid, FEEDBACK, VERSION, {"unit": letter.unit_code, "planner": letter.planner_code},
                                {}, {}, printed=printed, label=label)


def honours_content(found: HonoursList, ref_uid: str) -> vdomain.SheetContent:
    """What the list's code covers: the year and each row (district, unit, planner, rank, 总分, reason)."""
    printed = {"year": str(found.year)}
    for n in found.rows:
        printed[f"row:{n.district}/{n.unit}/{n.planner}"] = (
            f"{'' if n.rank is None else n.rank}/{n.ranked}|{'' if n.total is None else number_text(n.total)}|"
            f"{n.reason}")
    return vdomain.SheetContent(ref_uid, HONOURS, VERSION, {"year": str(found.year)}, {}, {}, printed=printed,
                                label=texts().honours["title"].fill("zh", year=found.year))
