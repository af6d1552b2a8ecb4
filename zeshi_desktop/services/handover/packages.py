"""The hand-over between street, district and city as Excel packages: one entry point for the GUI and CLI.

Export (``export_package``, also fill-in templates), import with preview
(``import_package`` with ``dry_run``), this installation's signing
identity, and the senders' keys trusted here (``trust_key``, ``forget_key``,
``senders``). The work is done in ``export``, ``importing``, ``plan`` and
``apply``; every message they give is a code of the catalogue (``handover.*``,
``package.*``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from zeshi_desktop.messages import Message, Refused, number_text, render
from zeshi_desktop.packages.signing import installation
from zeshi_desktop.services.handover.export import ExportResult, export_package
from zeshi_desktop.services.handover.importing import (
    ImportReport,
    PackageImportRefused,
    import_package,
    importer,
)
from zeshi_desktop.services.handover.kinds import KINDS, Kind
from zeshi_desktop.services.handover.plan import SheetChange
from zeshi_desktop.services.handover.routing import route_dict
from zeshi_desktop.services.handover.senders import (
    Sender,
    forget_key,
    senders,
    trust_key,
)


@dataclass(frozen=True)
class Identity:
    name: str
    fingerprint: str


def identity(name: str | None = None) -> Identity:
    """This installation's name and key fingerprint (made the first time), to read out to a receiver."""
    me = installation(name)
    return Identity(me.name, me.fingerprint)


def message_dict(message: Message, lang: str = "zh") -> dict[str, Any]:
    """A message as plain data: its ``code`` (what a caller decides by), JSON-safe ``params`` and ``text`` in ``lang``."""
    return {"code": message.code, "params": {k: _plain(v, lang) for k, v in message.params.items()},
            "text": message.text(lang)}


def _plain(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return message_dict(value, lang)
    if isinstance(value, Refused):
        return message_dict(value.msg, lang)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v, lang) for v in value]
    return render(value, lang)   # a form's label, or anything else: its text in ``lang``


def report_dict(report: ImportReport, lang: str = "zh") -> dict[str, Any]:
    """An import report as plain data (for --json and the GUI's preview dialog).

    Warnings, weights and the details of each sheet are messages
    (:func:`message_dict`): callers decide by ``code``, people read ``text``.
    """
    return {
        "file": report.file, "package_id": report.package_id, "kind": report.kind, "kind_zh": report.kind_zh,
        "kind_name": KINDS[report.kind].name.text(lang),
        "year": report.year, "template": report.template, "manual_entry": report.manual_entry,
        "origin": report.origin,
        "signer": {"status": report.signer.status, "fingerprint": report.signer.fingerprint,
                   "name": report.signer.name, "known_as": report.signer.known_as,
                   "previous_fingerprint": report.signer.previous_fingerprint},
        "dry_run": report.dry_run, "written": report.written, "already_imported": report.already_imported,
        "edited_outside": report.edited_outside,
        "counts": {a: report.count(a) for a in ("added", "changed", "conflict", "unchanged")},
        "roster": {k: {"added": v.added, "changed": v.changed, "unchanged": v.unchanged}
                   for k, v in report.roster.items()},
        "weights": [message_dict(w, lang) for w in report.weights],
        "excellent": [message_dict(m, lang) for m in report.excellent],   # nominations or the city's decisions
        "sheets": [{"key": s.key, "form": s.form, "subject": s.subject, "label": s.label, "reviewer": s.reviewer,
                    "action": s.action, "why": s.why, "keep": s.keep, "status": s.status,
                    "details": [message_dict(d, lang) for d in s.details]}
                   for s in report.sheets],
        "warnings": [message_dict(w, lang) for w in report.warnings],
        "route": route_dict(report.route, lang),   # this installation's role and the roster changes (routing)
    }


__all__ = [
    "KINDS",
    "ExportResult",
    "Identity",
    "ImportReport",
    "Kind",
    "PackageImportRefused",
    "Sender",
    "SheetChange",
    "export_package",
    "forget_key",
    "identity",
    "import_package",
    "importer",
    "message_dict",
    "report_dict",
    "senders",
    "trust_key",
]
