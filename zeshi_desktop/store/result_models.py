"""What the results reaching people keep (issue 18): nominations, the city's selection, limits, renewal notes.

Beside ``models.py`` (same ``Base``, so one schema and one migration chain),
kept apart because none of it is a sheet: a district's 推荐 stays the
``Appointment.recommended`` mark; what the city received with it and what
the city decided are rows here. Every table is keyed by the appointment it
speaks for and goes with it (``ondelete`` CASCADE); nothing is dialect-specific.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from zeshi_desktop.store.models import Base, utcnow


class ExcellentNomination(Base):
    """A district's nomination (区级优秀推荐) as the city received it, with the district's own 3-3 result.

    Written by the import of a district → city package: the figures are the
    ones the district's result file shows (rank of ``ranked``, 总分 as exact
    decimal text, the band's id) and its 4-2 answer on contracts (``None``:
    no finalised 4-2 yet). The city's board shows them and checks them
    against its own computation of the same sheets.
    """

    __tablename__ = "excellent_nominations"
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"),
                                                primary_key=True, autoincrement=False)
    rank: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ranked: Mapped[int | None] = mapped_column(Integer, nullable=True)
    total: Mapped[str] = mapped_column(String(40), default="")      # Decimal as text: exact, any database
    band: Mapped[str] = mapped_column(String(16), default="")       # the 3-3 band's id (excellent, pass, fail)
    contracts_signed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    package_id: Mapped[str] = mapped_column(String(36), default="")
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ExcellentSelection(Base):
    """The city's decision on a nominee: 市级优秀 (``selected``) or not, with the reason given.

    Made at the city (``decided_by``); at a district the same row arrives
    with the city → district package (``package_id`` names it). No row: not
    decided yet (待定).
    """

    __tablename__ = "excellent_selections"
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"),
                                                primary_key=True, autoincrement=False)
    selected: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    package_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class ExcellentLimit(Base):
    """How many 市级优秀 a district may have in a year: a warning when exceeded, never a stop.

    ``district_id`` ``None`` is the city's limit for every district without
    one of its own (the service keeps one such row per year).
    """

    __tablename__ = "excellent_limits"
    __table_args__ = (UniqueConstraint("year", "district_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(ForeignKey("years.year"), index=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id", ondelete="CASCADE"), nullable=True)
    most: Mapped[int] = mapped_column(Integer)     # at most this many selected


class RenewalNote(Base):
    """The hiring body's decision on renewal, in its own words: a note beside the figures, never computed."""

    __tablename__ = "renewal_notes"
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"),
                                                primary_key=True, autoincrement=False)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
