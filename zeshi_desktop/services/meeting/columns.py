"""The district ranking's columns (3-3), named once for the dashboard, the reports and ``zeshi rank``.

Each column is a catalogue code; a caller picks the columns it shows in this
order and renders them in its language, so the three tables cannot drift.
"""

from __future__ import annotations

from zeshi_desktop.messages import Message

# In table order. ``street_score``/``district_score`` are the unweighted 3-1 and 3-2 finals.
DISTRICT_RANKING = ("rank", "unit", "planner", "street_score", "district_score", "street_weighted",
                    "district_weighted", "total", "band", "recommended")
# What a screen or a narrow table shows: the weighted scores, not the raw finals.
DISTRICT_RANKING_SHORT = ("rank", "unit", "planner", "street_weighted", "district_weighted", "total", "band",
                          "recommended")


def heading(column: str) -> Message:
    """The heading of one column of the district ranking."""
    if column not in DISTRICT_RANKING:
        raise KeyError(column)
    return Message(f"meeting.column.{column}")


def headings(columns: tuple[str, ...] = DISTRICT_RANKING_SHORT, lang: str = "zh") -> list[str]:
    """The headings of ``columns`` in ``lang``."""
    return [heading(c).text(lang) for c in columns]
