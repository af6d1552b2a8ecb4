"""The two tables that carry the excellent-planner decisions between district and city (their sheet and columns).

``区级推荐`` rides district → city: each nomination with the district's 3-3
figures and its 4-2 answer on contracts. ``市级评选`` rides city → district:
the city's decision on each of that district's nominees. Both are plain
tables read through the checked boundary like every other (``packages.tables``,
each cell checked by ``handover.excellent``); their Chinese names are the
file's format (``results.table.*`` in the catalogue, English beside them).
"""

from __future__ import annotations

from zeshi_desktop.packages.tables import Column, TableSpec
from zeshi_desktop.packages.words import written


def _column(key: str, width: int = 14) -> Column:
    return Column(key, written(f"results.table.{key}"), width)


NOMINATIONS = TableSpec(written("results.table.nominations"), (
    _column("district", 10), _column("unit", 12), _column("unit_name", 18), _column("planner", 12),
    _column("planner_name", 24), _column("rank", 10), _column("ranked", 10), _column("total", 12),
    _column("band", 8), _column("contracts", 16)), required=False)

SELECTIONS = TableSpec(written("results.table.selections"), (
    _column("district", 10), _column("unit", 12), _column("unit_name", 18), _column("planner", 12),
    _column("planner_name", 24), _column("outcome", 10), _column("reason", 40)), required=False)

EXCELLENT_TABLES = (NOMINATIONS, SELECTIONS)
