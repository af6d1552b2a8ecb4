"""A district's nominations (推荐 区级优秀责任规划师), each mark written to the audit log.

Article 24: each district task force nominates its excellent planners and
reports them to the city. The mark is ``Appointment.recommended`` (the
dashboard's ★); setting or clearing it leaves an audit row, like every
decision of a review. Nominations and the city's selection are no sheet, so
their rows name sheet ``RESULT_EVENTS`` (0: sheet ids start at 1), as key
events do, with the appointment named in ``item_id`` by its year and codes
(``excellent:2025:DC-U01/P001``) and ``old``/``new`` as codes, never words.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.services.errors import NotFound
from zeshi_desktop.store.models import Appointment, AuditEntry, Planner, Unit

RESULT_EVENTS = 0                                   # the sheet id of their audit rows: none
NOMINATE, SELECT, LIMIT = "nominate", "select", "limit"   # their actions
NOMINATED = "nominated"                              # old/new of a nomination row ("" when not)


def audit(session: Session, action: str, item: str, old: str | None, new: str | None, actor: str,
          reason: str = "", package_id: str | None = None, signer: str | None = None) -> None:
    """One audit row of a nomination, a selection or a limit, sealed into the chain with the rest."""
    session.add(AuditEntry(sheet_id=RESULT_EVENTS, actor=actor, action=action, item_id=item[:64], old=old, new=new,
                           reason=reason, package_id=package_id, signer=signer))


def item_of(session: Session, appointment_id: int) -> str:
    """How an audit row names an appointment: ``excellent:<year>:<unit code>/<planner code>``."""
    row = session.execute(select(Appointment.year, Unit.code, Planner.code)
                          .join(Unit, Unit.id == Appointment.unit_id).join(Planner, Planner.id == Appointment.planner_id)
                          .where(Appointment.id == appointment_id)).first()
    if row is None:
        raise NotFound("meeting.no_appointment", appointment_id=appointment_id)
    return f"excellent:{row[0]}:{row[1]}/{row[2]}"


def nominate(session: Session, appointment_id: int, on: bool, actor: str = "", *, reason: str = "",
             package_id: str | None = None, signer: str | None = None) -> bool:
    """Set or clear the district's nomination of an appointment; an audit row when it changes. Returns whether it did."""
    a = session.get(Appointment, appointment_id)
    if a is None:
        raise NotFound("meeting.no_appointment", appointment_id=appointment_id)
    if bool(a.recommended) == bool(on):
        return False
    audit(session, NOMINATE, item_of(session, appointment_id), NOMINATED if a.recommended else "",
          NOMINATED if on else "", actor, reason, package_id, signer)
    a.recommended = bool(on)
    session.flush()
    return True
