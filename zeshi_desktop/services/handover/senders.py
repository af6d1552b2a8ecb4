"""Who sent a package, and whether this store trusts their key: trust on first use, like SSH's known hosts.

Every package the program makes is signed with its installation's Ed25519
key (``packages.signing``); the receiver remembers each key it imported from
with the name it came with (``KnownSigner``). The first package of a name
never seen is trusted on first use, with a clear "first seen" notice. A known
name arriving with a *new* key is refused until someone here accepts the new
key with a reason (:func:`trust_key`: ``zeshi key trust``, or the button in
the app's import preview), after checking it with the sender on the phone;
accepting it replaces the name's older keys, as a new host key replaces the
old line in ``known_hosts``. :func:`forget_key` takes a key (or every key of
a name) off the list, so the name's next package is "first seen" again.

Accepting and forgetting a key each leave an audit row. The audit log is kept per sheet,
and a key is no sheet: its rows name sheet ``KEY_EVENTS`` (0, which no sheet
ever has: sheet ids start at 1), with ``action`` ``key``, the name in
``item_id``, the replaced keys in ``old``, the trusted key in ``new`` and in
``signer``, and the reason. They are sealed into the same hash chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from zeshi_desktop.messages import Message
from zeshi_desktop.packages.signing import own_fingerprint
from zeshi_desktop.services import installation
from zeshi_desktop.services.errors import ActionRefused, NotFound
from zeshi_desktop.store.models import AuditEntry, KnownSigner, utcnow

KEY_EVENTS = 0          # the sheet id of the audit rows of key events: none (sheet ids start at 1)
KEY_ACTION = "key"      # their action
FINGERPRINT = re.compile(r"^[0-9a-f]{4}(?::[0-9a-f]{4}){7}$")   # packages.signing.fingerprint's shape


@dataclass
class SignerView:
    """A package's sender as this store sees it.

    ``status``: ``known`` (this key was trusted here before), ``own`` (a
    template made here with this installation's own key, coming back filled), ``new`` (a name never seen: trusted on first use when imported),
    ``key_changed`` (a known name with another key: refused until the key is
    accepted) or ``unsigned`` (a fill-in template whose signature was never
    there or was removed: manual entry).
    """

    status: str
    fingerprint: str = ""
    name: str = ""
    known_as: str = ""
    previous_fingerprint: str = ""   # key_changed: the key this name is trusted with here


@dataclass(frozen=True)
class Sender:
    """One trusted key, for ``zeshi key list``: how it came to be trusted (``accepted_by`` empty: on first use)."""

    name: str
    fingerprint: str
    origin: str
    first_seen: datetime
    accepted_by: str
    reason: str

    @property
    def how(self) -> Message:
        if self.reason:
            return Message("handover.key.how_accepted", actor=self.accepted_by or "-", reason=self.reason)
        return Message("handover.key.how_first_use")


def classify(session: Session, fingerprint: str, name: str, template: bool = False) -> SignerView:
    """What this store knows of a verified signature's key and name (nothing is written).

    ``template``: a fill-in template signed with this installation's own key
    is one made here, coming back filled (``own``).
    """
    if template and fingerprint == own_fingerprint():
        return SignerView("own", fingerprint, name, name)
    known = session.get(KnownSigner, fingerprint)
    if known is not None:
        return SignerView("known", fingerprint, name, known.name)
    same_name = session.scalars(select(KnownSigner).where(KnownSigner.name == name)
                                .order_by(KnownSigner.first_seen.desc())).first()
    if same_name is not None:
        return SignerView("key_changed", fingerprint, name, same_name.name, same_name.fingerprint)
    return SignerView("new", fingerprint, name)


def remember_first_use(session: Session, signer: SignerView, origin: str) -> None:
    """A package of a name never seen was imported: its key is trusted from now on (when: ``first_seen``).

    No audit row: the sheets the package wrote carry its key in theirs, and
    the decision was the rule's, not a person's.
    """
    if signer.status != "new" or not signer.fingerprint or session.get(KnownSigner, signer.fingerprint) is not None:
        return
    session.add(KnownSigner(fingerprint=signer.fingerprint, name=signer.name, origin=origin[:128]))
    session.flush()


def importer(session: Session) -> str:
    """Who imports when the caller names nobody: this installation's office (区级专班（东城区）).

    A package is received by the installation, whoever is chosen as 评分人 in
    the app at the time; the audit rows of the import name the office. Stored
    in Chinese, as every audit row's text is.
    """
    role = installation.current(session)
    return (installation.describe(session, role) if role is not None
            else Message("handover.audit.this_installation")).text("zh")


def trust_key(session: Session, fingerprint: str, name: str, reason: str, actor: str = "",
              package_id: str = "") -> list[str]:
    """Accept ``fingerprint`` as ``name``'s key, with a reason; returns the keys of that name it replaces.

    The fingerprint is the one read out by the sender (or shown in the
    preview). Trusting a key already trusted for that name changes nothing
    but is refused as such, so a typo is not mistaken for success.
    """
    fingerprint, name, reason = fingerprint.strip().lower(), name.strip(), reason.strip()
    actor = actor.strip() or importer(session)   # nobody named: the office that receives the packages
    if not reason:
        raise ActionRefused("handover.key.reason_needed")
    if not FINGERPRINT.match(fingerprint):
        raise ActionRefused("handover.key.not_a_fingerprint", value=fingerprint)
    if not name:
        raise ActionRefused("handover.key.name_needed")
    held = session.get(KnownSigner, fingerprint)
    if held is not None and held.name == name:
        raise ActionRefused("handover.key.already_trusted", name=name, fingerprint=fingerprint)
    replaced = [fp for fp in session.scalars(select(KnownSigner.fingerprint).where(KnownSigner.name == name))
                if fp != fingerprint]
    session.execute(delete(KnownSigner).where(KnownSigner.fingerprint.in_([*replaced, fingerprint])))
    session.add(KnownSigner(fingerprint=fingerprint, name=name, origin=held.origin if held else "",
                            accepted_by=actor[:64], reason=reason))
    _audit(session, actor, name, ", ".join(replaced), fingerprint,
           Message("handover.key.audit_trusted", name=name, reason=reason), package_id)
    session.flush()
    return replaced


def forget_key(session: Session, who: str, reason: str, actor: str = "") -> list[Sender]:
    """Take a key (by fingerprint) or every key of a name off the list; returns what was forgotten."""
    who, reason = who.strip(), reason.strip()
    actor = actor.strip() or importer(session)
    if not reason:
        raise ActionRefused("handover.key.reason_needed")
    rows = list(session.scalars(select(KnownSigner).where((KnownSigner.fingerprint == who.lower())
                                                          | (KnownSigner.name == who))))
    if not rows:
        raise NotFound("handover.key.unknown", who=who)
    gone = [_sender(r) for r in rows]
    session.execute(delete(KnownSigner).where(KnownSigner.fingerprint.in_([r.fingerprint for r in rows])))
    for s in gone:
        _audit(session, actor, s.name, s.fingerprint, "", Message("handover.key.audit_forgotten", name=s.name,
                                                                   reason=reason), "")
    session.flush()
    return gone


def senders(session: Session) -> list[Sender]:
    """Every key trusted here, by name."""
    return [_sender(r) for r in session.scalars(select(KnownSigner).order_by(KnownSigner.name,
                                                                             KnownSigner.first_seen))]


def _sender(row: KnownSigner) -> Sender:
    return Sender(row.name, row.fingerprint, row.origin, row.first_seen, row.accepted_by, row.reason)


def _audit(session: Session, actor: str, name: str, old: str, new: str, what: Message, package_id: str) -> None:
    """A key event's audit row (kept in Chinese, like every audit row the program writes)."""
    session.execute(insert(AuditEntry), [{
        "sheet_id": KEY_EVENTS, "at": utcnow(), "actor": actor[:64], "action": KEY_ACTION, "item_id": name[:64],
        "old": old or None, "new": new or None, "reason": what.text("zh"), "package_id": package_id or None,
        "signer": (new or old)[:96] or None}])


def key_events(session: Session) -> list[AuditEntry]:
    """The audit rows of key events, oldest first."""
    return list(session.scalars(select(AuditEntry).where(AuditEntry.sheet_id == KEY_EVENTS,
                                                         AuditEntry.action == KEY_ACTION).order_by(AuditEntry.id)))
