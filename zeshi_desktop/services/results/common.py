"""What the results features share: their wording, the 3-3 rankings read once per batch, recusals, audit rows.

``Rankings`` reads ``meeting.ranking.all_unit_rankings`` — the function behind
``zeshi rank``, the dashboards and the years view — once per year and
district, so a district's letters or its renewal view cost one ranking per
year, and every figure equals the meeting's.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.domain.forms import Band
from zeshi_desktop.domain.ranking import UnitRankRow
from zeshi_desktop.domain.results.texts import (
    RESULTS_FILE,
    ResultTexts,
    load_result_texts,
)
from zeshi_desktop.locations import forms_dir
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.meeting.nominations import (
    LIMIT,
    NOMINATE,
    RESULT_EVENTS,
    SELECT,
    audit,
    item_of,
)
from zeshi_desktop.services.meeting.ranking import all_unit_rankings
from zeshi_desktop.store.models import Sheet

__all__ = ["LIMIT", "NOMINATE", "RESULT_EVENTS", "SELECT", "Rankings", "audit", "band_label", "first_sheet",
           "item_of", "recusal_counts", "texts"]


def texts() -> ResultTexts:
    """The papers' wording (``forms/results.toml``), read once per process."""
    return load_result_texts(forms_dir() / RESULTS_FILE)


@lru_cache(maxsize=1)
def _band_order() -> tuple[str, ...]:
    return tuple(b.id for b in catalogue.form("3-3").bands)


def band_label(band: Band | None, lang: str, missing: str = "") -> str:
    return band.label.get(lang) if band is not None else missing


class Rankings:
    """The 3-3 rows of each year and district, read once (``all_unit_rankings``, as ``zeshi rank``)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._rows: dict[tuple[int, int], list[UnitRankRow[int]]] = {}

    def rows(self, year: int, district_id: int) -> list[UnitRankRow[int]]:
        key = (year, district_id)
        if key not in self._rows:
            self._rows[key] = all_unit_rankings(self.session, year, district_id).get(district_id, [])
        return self._rows[key]

    def seed(self, year: int, district_id: int, rows: list[UnitRankRow[int]]) -> None:
        """Rows already read (a dashboard's ranking), so they are not read again."""
        self._rows[(year, district_id)] = rows

    def row(self, year: int, district_id: int, appointment_id: int) -> UnitRankRow[int] | None:
        return next((r for r in self.rows(year, district_id) if r.key == appointment_id), None)

    def ranked(self, year: int, district_id: int) -> int:
        return sum(1 for r in self.rows(year, district_id) if r.rank is not None)


def recusal_counts(session: Session, year: int, appointment_ids: Collection[int]) -> Mapping[int, int] | None:
    """How many district reviewers recused themselves (回避) from each appointment's 3-2.

    The one hook to issue 15 (recusal): the letter says "N 位评审人……（另有 M 人回避）"
    with what this returns (a ``None`` would leave the recusals unsaid). The
    active 3-2 recusals come from that issue's service
    (``services.fairness.recusals``); the recused reviewers' sheets are
    already out of the final score, so N counts the others.
    """
    from zeshi_desktop.services.fairness import recusals

    wanted = set(appointment_ids)
    if not wanted:
        return {}
    counts: dict[int, int] = {}
    for r in recusals.recusals(session, year, form_id="3-2"):
        if r.appointment_id in wanted:
            counts[r.appointment_id] = counts.get(r.appointment_id, 0) + 1
    return counts


def first_sheet(session: Session, year: int, form_id: str, appointment_ids: Collection[int]) -> dict[int, tuple[int, str]]:
    """(id, uid) of each appointment's sheet of a form without a reviewer (its 3-1): what a paper's code names."""
    if not appointment_ids:
        return {}
    q = select(Sheet.appointment_id, Sheet.id, Sheet.uid).where(
        Sheet.year == year, Sheet.form_id == form_id, Sheet.reviewer_id.is_(None),
        Sheet.appointment_id.in_(list(appointment_ids)))
    return {app: (sid, uid) for app, sid, uid in session.execute(q)}
