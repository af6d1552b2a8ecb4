"""The year's data as typed SQLAlchemy models.

Scores are stored as whole tenths (9.5 → 95) so that every database stores
them exactly; the domain turns them back into ``Decimal``. Nothing here is
SQLite-specific, so a shared PostgreSQL server can take the same schema.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Year(Base):
    """A review year; the city's own aggregation setting lives here."""

    __tablename__ = "years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    city_trimmed_mean: Mapped[bool] = mapped_column(Boolean, default=False)


class District(Base):
    __tablename__ = "districts"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    circle: Mapped[str] = mapped_column(String(32))
    units: Mapped[list[Unit]] = relationship(back_populates="district", cascade="all, delete-orphan")


class Unit(Base):
    """A 责任单元 / 责任片区: one or more streets, towns or parks."""

    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("district_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16), default="街道")  # 街道 / 镇 / 乡 / 园区 / 片区
    district: Mapped[District] = relationship(back_populates="units")


class Planner(Base):
    """A responsible planner: one person or a team."""

    __tablename__ = "planners"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    is_team: Mapped[bool] = mapped_column(Boolean, default=False)
    organisation: Mapped[str] = mapped_column(String(128), default="")
    full_time: Mapped[bool] = mapped_column(Boolean, default=False)
    leader: Mapped[str] = mapped_column(String(64), default="")
    leader_title: Mapped[str] = mapped_column(String(64), default="")
    leader_senior_title: Mapped[bool] = mapped_column(Boolean, default=False)
    leader_registered: Mapped[bool] = mapped_column(Boolean, default=False)
    leader_experience_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    members: Mapped[list[Member]] = relationship(back_populates="planner", cascade="all, delete-orphan",
                                                 order_by="Member.id")


class Member(Base):
    __tablename__ = "members"
    id: Mapped[int] = mapped_column(primary_key=True)
    planner_id: Mapped[int] = mapped_column(ForeignKey("planners.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    discipline: Mapped[str] = mapped_column(String(32), default="")
    qualification: Mapped[str] = mapped_column(String(64), default="")
    is_core: Mapped[bool] = mapped_column(Boolean, default=True)
    organisation: Mapped[str] = mapped_column(String(128), default="", server_default="")  # 单位, for 回避
    planner: Mapped[Planner] = relationship(back_populates="members")


class Appointment(Base):
    """A planner serving a unit in a year: the subject of 3-1, 3-2 and 5-1."""

    __tablename__ = "appointments"
    __table_args__ = (UniqueConstraint("year", "unit_id", "planner_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(ForeignKey("years.year"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    planner_id: Mapped[int] = mapped_column(ForeignKey("planners.id", ondelete="CASCADE"), index=True)
    term_start: Mapped[int] = mapped_column(Integer)
    term_years: Mapped[int] = mapped_column(Integer, default=1)
    renewal: Mapped[bool] = mapped_column(Boolean, default=False)
    contract_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    fee_paid: Mapped[bool] = mapped_column(Boolean, default=False)
    fee_amount: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 元
    recommended: Mapped[bool] = mapped_column(Boolean, default=False)  # 区级优秀责师推荐
    unit: Mapped[Unit] = relationship()
    planner: Mapped[Planner] = relationship()


class Reviewer(Base):
    """A panel member of a district review group or the city review group."""

    __tablename__ = "reviewers"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    year: Mapped[int] = mapped_column(ForeignKey("years.year"), index=True)
    level: Mapped[str] = mapped_column(String(16))  # district | city
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id", ondelete="CASCADE"),
                                                    nullable=True, index=True)
    name: Mapped[str] = mapped_column(String(64))
    organisation: Mapped[str] = mapped_column(String(128), default="")


class DistrictYear(Base):
    """Per district and year: the 3-3 weights and the aggregation choice."""

    __tablename__ = "district_years"
    __table_args__ = (UniqueConstraint("year", "district_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(ForeignKey("years.year"))
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id", ondelete="CASCADE"))
    street_weight_tenths: Mapped[int] = mapped_column(Integer)  # 40 % → 400
    district_weight_tenths: Mapped[int] = mapped_column(Integer)
    trimmed_mean: Mapped[bool] = mapped_column(Boolean, default=False)


class Sheet(Base):
    """One filled form: a 3-1 of an office, a reviewer's 3-2 row, a 4-2, a 4-3, a 5-1, a 4-1.

    ``slot`` makes "one sheet per form, subject and reviewer" a plain unique
    constraint that works the same on every database.
    """

    __tablename__ = "sheets"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    slot: Mapped[str] = mapped_column(String(96), unique=True)
    form_id: Mapped[str] = mapped_column(String(8), index=True)
    form_version: Mapped[int] = mapped_column(Integer, default=1)
    year: Mapped[int] = mapped_column(ForeignKey("years.year"), index=True)
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"),
                                                       nullable=True, index=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id", ondelete="CASCADE"),
                                                    nullable=True, index=True)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("reviewers.id", ondelete="CASCADE"),
                                                    nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft | final
    remarks: Mapped[str] = mapped_column(Text, default="")
    reopened_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finalized_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    finalized_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    content_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)  # store.sheet_seal


class Score(Base):
    __tablename__ = "scores"
    sheet_id: Mapped[int] = mapped_column(ForeignKey("sheets.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(48), primary_key=True)
    tenths: Mapped[int] = mapped_column(Integer)


class Answer(Base):
    """Non-numeric content of a sheet: 5-1 choices and reasons, 4-2's 是/否, 4-1 texts, header fields."""

    __tablename__ = "answers"
    sheet_id: Mapped[int] = mapped_column(ForeignKey("sheets.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Attachment(Base):
    """A picture attached to a 4-1 case."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("sheets.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    position: Mapped[int] = mapped_column(Integer, default=0)
    caption: Mapped[str] = mapped_column(String(255), default="", server_default="")   # printed "图N caption"


class AuditEntry(Base):
    """Who changed a sheet, when, from what to what, and why: append-only, a hash chain.

    ``sheet_id`` is deliberately not a foreign key: the record of a change
    outlives the sheet (a unit removed from the roster takes its sheets, never
    their history). Rows are sealed into the chain by ``store.audit.seal`` at
    the end of each write; triggers refuse UPDATE and DELETE of sealed rows.
    """

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(Integer, index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))  # finalize | unlock | change | import | conflict | key
    item_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    old: Mapped[str | None] = mapped_column(Text, nullable=True)
    new: Mapped[str | None] = mapped_column(Text, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    package_id: Mapped[str | None] = mapped_column(String(36), nullable=True)   # an import: which package
    signer: Mapped[str | None] = mapped_column(String(96), nullable=True)       # and its sender's key
    role: Mapped[str | None] = mapped_column(String(64), nullable=True)         # who the actor acted as
    prev_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    row_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)


class KnownSigner(Base):
    """A sender's key trusted here: its fingerprint, the name it came with, and how it came to be trusted.

    Like SSH's known hosts: the first package of an unknown name is trusted on
    first use (``accepted_by`` and ``reason`` empty); a known name arriving
    with another key is refused until someone accepts the new key with a
    reason (``services.handover.senders.trust_key``), which replaces the
    name's older keys. Every such event also leaves an audit row.
    """

    __tablename__ = "known_signers"
    fingerprint: Mapped[str] = mapped_column(String(96), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    origin: Mapped[str] = mapped_column(String(128), default="")
    first_seen: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    accepted_by: Mapped[str] = mapped_column(String(64), default="", server_default="")   # by hand: who
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")              # and why


class ImportedSheet(Base):
    """What the last import wrote into a sheet: the sheet's content hash right after it (``store.sheet_seal``).

    A draft whose hash differs now was edited here since that import; a later
    import that would change it is a conflict, decided like one on a
    finalised sheet.
    """

    __tablename__ = "imported_sheets"
    sheet_id: Mapped[int] = mapped_column(ForeignKey("sheets.id", ondelete="CASCADE"), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    package_id: Mapped[str] = mapped_column(String(36))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ImportedPackage(Base):
    """Each package imported, so that importing it again is recognised as a no-op."""

    __tablename__ = "imported_packages"
    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    summary: Mapped[str] = mapped_column(Text, default="")


class PrintedSheet(Base):
    """A final sheet (or a reviewer's 3-2 matrix) as it was printed, under its verification code.

    The code alone tells whether a stored sheet still matches its paper; the
    content kept here tells *which* items changed since (``zeshi verify``).
    """

    __tablename__ = "printed_sheets"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("sheets.id", ondelete="CASCADE"), index=True)
    form_id: Mapped[str] = mapped_column(String(8))
    content_hash: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)
    printed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Installation(Base):
    """What this installation is in the hand-over, so a package reaches only its destination.

    One row (``id`` 1), or none in a store made before roles existed. The
    district, units and reviewer are kept as typed (a code or a name): a
    street laptop is set up before the district's package has brought it any
    roster, so they cannot be foreign keys. ``units`` is a JSON list.
    """

    __tablename__ = "installation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    role: Mapped[str] = mapped_column(String(16))                          # street | district | city | reviewer
    district: Mapped[str] = mapped_column(String(64), default="")          # street, district, a district reviewer
    units: Mapped[str] = mapped_column(Text, default="[]")                 # street: the office's units
    reviewer: Mapped[str] = mapped_column(String(64), default="")          # reviewer: whose laptop
    set_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Recusal(Base):
    """A reviewer's 回避 for one subject: a unit on 3-2 (``appointment_id``) or a district on 4-3.

    ``slot`` is the slot the reviewer's sheet has or would have
    (``services.scoring.views.slot_for``), so "not counted" is one indexed
    lookup beside the sheets. A withdrawn recusal keeps its row (``active``
    false, who, when and why); declaring again reactivates it. Each
    declaration and withdrawal also leaves an audit row.
    """

    __tablename__ = "recusals"
    id: Mapped[int] = mapped_column(primary_key=True)
    slot: Mapped[str] = mapped_column(String(96), unique=True)
    year: Mapped[int] = mapped_column(ForeignKey("years.year"), index=True)
    form_id: Mapped[str] = mapped_column(String(8))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id", ondelete="CASCADE"), index=True)
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"),
                                                       nullable=True, index=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id", ondelete="CASCADE"),
                                                    nullable=True, index=True)
    reason: Mapped[str] = mapped_column(String(24))        # same_institution | former_employer | relative | other
    detail: Mapped[str] = mapped_column(Text, default="")  # the words typed with it
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    declared_by: Mapped[str] = mapped_column(String(64), default="")
    declared_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    withdrawn_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    withdrawn_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class SheetEntry(Base):
    """Who typed a paper sheet in, for each entry (1: the first clerk, 2: the second, blind).

    A sheet with an entry 2 has two entries: it is finalised only when they
    agree item by item or a third person resolved each difference.
    """

    __tablename__ = "sheet_entries"
    sheet_id: Mapped[int] = mapped_column(ForeignKey("sheets.id", ondelete="CASCADE"), primary_key=True)
    entry: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    typist: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class EntryScore(Base):
    """An item as the second entry typed it (the first entry is the sheet's own ``Score``), in tenths."""

    __tablename__ = "entry_scores"
    sheet_id: Mapped[int] = mapped_column(ForeignKey("sheets.id", ondelete="CASCADE"), primary_key=True)
    entry: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    item_id: Mapped[str] = mapped_column(String(48), primary_key=True)
    tenths: Mapped[int] = mapped_column(Integer)


class EntryResolution(Base):
    """A third person's decision on an item where the two entries differed: the value kept, and why."""

    __tablename__ = "entry_resolutions"
    sheet_id: Mapped[int] = mapped_column(ForeignKey("sheets.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(48), primary_key=True)
    tenths: Mapped[int | None] = mapped_column(Integer, nullable=True)     # None: the item left blank
    first_tenths: Mapped[int | None] = mapped_column(Integer, nullable=True)
    second_tenths: Mapped[int | None] = mapped_column(Integer, nullable=True)
    resolver: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    resolved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
