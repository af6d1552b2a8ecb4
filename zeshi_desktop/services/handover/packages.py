"""The hand-over between street, district and city as Excel packages: one entry point for the GUI and CLI.

Export (``export_package``, also fill-in templates), import with preview
(``import_package`` with ``dry_run``), and this installation's signing
identity. The work is done in ``package_export``, ``package_import``,
``package_plan`` and ``package_apply``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zeshi_desktop.packages.signing import installation
from zeshi_desktop.services.handover.export import ExportResult, export_package
from zeshi_desktop.services.handover.importing import (
    ImportReport,
    PackageImportRefused,
    import_package,
)
from zeshi_desktop.services.handover.kinds import KINDS, Kind


@dataclass(frozen=True)
class Identity:
    name: str
    fingerprint: str


def identity(name: str | None = None) -> Identity:
    """This installation's name and key fingerprint (made the first time), to read out to a receiver."""
    me = installation(name)
    return Identity(me.name, me.fingerprint)


def report_dict(report: ImportReport) -> dict[str, Any]:
    """An import report as plain data (for --json and the GUI's preview dialog)."""
    return {
        "file": report.file, "package_id": report.package_id, "kind": report.kind, "kind_zh": report.kind_zh,
        "year": report.year, "template": report.template, "origin": report.origin,
        "signer": {"status": report.signer.status, "fingerprint": report.signer.fingerprint,
                   "name": report.signer.name, "known_as": report.signer.known_as,
                   "previous_fingerprint": report.signer.previous_fingerprint},
        "dry_run": report.dry_run, "written": report.written, "already_imported": report.already_imported,
        "edited_outside": report.edited_outside,
        "counts": {a: report.count(a) for a in ("added", "changed", "conflict", "unchanged")},
        "roster": {k: {"added": v.added, "changed": v.changed, "unchanged": v.unchanged}
                   for k, v in report.roster.items()},
        "weights": report.weights,
        "sheets": [{"key": s.key, "form": s.form, "subject": s.subject, "label": s.label, "reviewer": s.reviewer,
                    "action": s.action, "keep": s.keep, "status": s.status, "details": s.details}
                   for s in report.sheets],
        "warnings": report.warnings,
    }


__all__ = ["ExportResult", "Identity", "ImportReport", "KINDS", "Kind", "PackageImportRefused", "export_package",
           "identity", "import_package", "report_dict"]
