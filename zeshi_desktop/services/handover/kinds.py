"""The six hand-overs of a review year, and the tables a package may carry.

See DOMAIN.md, "How a year's review flows". A kind sent *down* by the body
that owns the roster (district → street, district → city, city → district)
adds and updates the roster of the receiver; a kind sent *up* to that body
(street → district, reviewer → district, city reviewer → city) must refer to
units, planners and reviewers the receiver already has — except on a laptop
whose store is still empty, which takes the package as its assignment.
"""

from __future__ import annotations

from dataclasses import dataclass

from zeshi_desktop.messages import Message
from zeshi_desktop.packages import roster_workbook as rw
from zeshi_desktop.packages.tables import Column, TableSpec
from zeshi_desktop.packages.words import written
from zeshi_desktop.services.handover.excellent_tables import EXCELLENT_TABLES


@dataclass(frozen=True)
class Kind:
    """One hand-over; its name is the catalogue's ``handover.kind.<id>``, in either language."""

    id: str
    authority: bool          # sent by the roster's owner: the receiver takes its roster
    needs: str               # which selector the export needs: units | reviewer | district | none

    @property
    def name(self) -> Message:
        return Message("handover.kind." + self.id.replace("-", "_"))

    @property
    def zh(self) -> str:
        """The name in Chinese (with ``en``, a kind renders as a message parameter in either language)."""
        return self.name.text("zh")

    @property
    def en(self) -> str:
        return self.name.text("en")


KINDS: dict[str, Kind] = {k.id: k for k in (
    Kind("district-street", True, "units"),
    Kind("street-district", False, "units"),
    Kind("reviewer-district", False, "reviewer"),
    Kind("district-city", True, "district"),
    Kind("reviewer-city", False, "reviewer"),
    Kind("city-district", True, "district"),   # always for one district: routing refuses it elsewhere
)}


def _column(key: str, width: int = 14, header: str = "") -> Column:
    """A column whose header is the catalogue's ``handover.table.<key>``, as the file holds it."""
    return Column(key, header or written(f"handover.table.{key}"), width)


WEIGHTS = TableSpec(written("handover.table.weights"), (
    _column("district"), _column("street_weight", 20), _column("district_weight", 20), _column("trimmed")),
    required=False)

# The pictures of the 4-1 cases travel as text (a cell holds at most 32,767 characters, so a
# picture takes as many rows as it needs); they are part of the hashed and signed content.
PICTURES = TableSpec(written("handover.table.pictures"), (
    _column("district"), _column("case"), _column("position", 8), _column("name", 24), _column("mime", 12),
    _column("sha256", 24, header="SHA-256"), _column("part", 8), _column("data", 40)),
    required=False, hidden=True)

TABLE_SPECS: dict[str, TableSpec] = {spec.sheet: spec for spec in (*rw.ROSTER_TABLES, WEIGHTS, PICTURES,
                                                                    *EXCELLENT_TABLES)}
