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

from zeshi_desktop.packages import roster_workbook as rw
from zeshi_desktop.packages.tables import Column, TableSpec


@dataclass(frozen=True)
class Kind:
    id: str
    zh: str
    en: str
    authority: bool          # sent by the roster's owner: the receiver takes its roster
    needs: str               # which selector the export needs: units | reviewer | district | none


KINDS: dict[str, Kind] = {k.id: k for k in (
    Kind("district-street", "区→街道：待评责师与空白 3-1、5-1", "district → street: planners to score, blank 3-1/5-1",
         True, "units"),
    Kind("street-district", "街道→区：3-1 评审表与 5-1 问卷", "street → district: the office's 3-1 and 5-1",
         False, "units"),
    Kind("reviewer-district", "区级评审人→区：3-2 评审表", "reviewer → district: one member's 3-2 matrix",
         False, "reviewer"),
    Kind("district-city", "区→市：名册、3-3 结果、4-2、4-1、5-1 及 3-1/3-2", "district → city: roster, 3-3, 4-2, 4-1, 5-1",
         True, "district"),
    Kind("reviewer-city", "市级评审人→市：4-3 评审表", "city reviewer → city: one reviewer's 4-3 sheets",
         False, "reviewer"),
    Kind("city-district", "市→区：评审结果（备案）", "city → district: the results, for the record", True, "none"),
)}

WEIGHTS = TableSpec("3-3权重", (Column("district", "区编号"), Column("street_weight", "责任片区行政主体评审权重（%）", 20),
                               Column("district_weight", "区级评审组评审权重（%）", 20),
                               Column("trimmed", "去掉最高最低分", 14)), required=False)

# The pictures of the 4-1 cases travel as text (a cell holds at most 32,767 characters, so a
# picture takes as many rows as it needs); they are part of the hashed and signed content.
PICTURES = TableSpec("4-1图片", (Column("district", "区编号"), Column("case", "案例"), Column("position", "序号", 8),
                                Column("name", "文件名", 24), Column("mime", "类型", 12), Column("sha256", "SHA-256", 24),
                                Column("part", "分段", 8), Column("data", "内容（base64，供程序读取）", 40)),
                     required=False, hidden=True)

TABLE_SPECS: dict[str, TableSpec] = {spec.sheet: spec for spec in (*rw.ROSTER_TABLES, WEIGHTS, PICTURES)}
