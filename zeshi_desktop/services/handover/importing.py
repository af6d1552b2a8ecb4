"""Importing a package: check everything first, show the preview, then write it in one transaction.

The order matters: the file is checked before it is opened (size, zip,
macros, rows), then its manifest (kind, year, form versions), its signature
(refused when it does not verify), every cell (all bad values at once), the
content hash (a package edited outside the program is refused unless the user
accepts it, and accepting it takes a reason), the roster and subjects against
this store, every answer against its question (``domain.answers.read_answer``),
and only then the sheets are compared. Nothing is written until all of that
passed; then the store is backed up (a backup that cannot be made refuses the
import) and everything is written in the caller's ``Database.write()``
transaction, each changed sheet with an audit row naming the package, the
sender's key, who imported and why.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from zeshi_desktop.domain.forms import Label
from zeshi_desktop.messages import Message
from zeshi_desktop.packages import roster_workbook as rw
from zeshi_desktop.packages.canonical import content_hash
from zeshi_desktop.packages.errors import CellProblem, PackageRefused
from zeshi_desktop.packages.manifest import check_signature, decoded
from zeshi_desktop.packages.package_workbook import ReadPackage, read_package
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.handover import excellent, routing, senders
from zeshi_desktop.services.handover.apply import (
    ImportAudit,
    apply_sheets,
    apply_weights,
    plan_weights,
    record_imported,
)
from zeshi_desktop.services.handover.kinds import KINDS, PICTURES, TABLE_SPECS, WEIGHTS
from zeshi_desktop.services.handover.pictures import read_pictures
from zeshi_desktop.services.handover.plan import Resolver, SheetChange, plan_sheets
from zeshi_desktop.services.handover.senders import SignerView, importer
from zeshi_desktop.services.roster import workbook as roster_io
from zeshi_desktop.services.scoring.backups import backup_before
from zeshi_desktop.store.models import District, ImportedPackage, Year

KEEP = ("mine", "theirs")


class PackageImportRefused(ActionRefused):
    """A package that cannot be imported; ``problems`` lists every bad cell, one line each after the reason."""

    def __init__(self, code: str | Message, /, *, problems: list[CellProblem] | None = None, **params: Any) -> None:
        super().__init__(code, **params)
        self.problems = list(problems or [])

    def message(self, lang: str = "zh") -> str:
        return "\n".join([super().message(lang), *(p.message(lang) for p in self.problems)])


@dataclass
class ImportReport:
    file: str
    package_id: str
    kind: str
    year: int
    template: bool
    origin: dict[str, str]
    signer: SignerView
    dry_run: bool
    edited_outside: bool = False
    already_imported: bool = False
    written: bool = False
    roster: dict[str, roster_io.SheetCount] = field(default_factory=dict)
    weights: list[Message] = field(default_factory=list)
    excellent: list[Message] = field(default_factory=list)    # results.import.*: nominations, the city's decisions
    sheets: list[SheetChange] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)     # handover.warning.*: callers decide by code
    route: routing.Route = field(default_factory=routing.Route)   # this installation's role; roster changes

    @property
    def kind_zh(self) -> str:
        return KINDS[self.kind].zh

    @property
    def manual_entry(self) -> bool:
        """A fill-in template: what was typed into it is signed by nobody, so it comes in as drafts only."""
        return self.template

    def count(self, action: str) -> int:
        return sum(1 for s in self.sheets if s.action == action)

    @property
    def conflicts(self) -> list[SheetChange]:
        return [s for s in self.sheets if s.action == "conflict"]


def _signer(session: Session, rp: ReadPackage, warnings: list[Message], dry_run: bool) -> SignerView:
    """The sender: a package made by the program carries a valid signature, else it is refused.

    An unsigned file is taken only as a fill-in template (the manifest says
    so, and a template is manual entry: a stripped package that calls itself
    a template gains nothing a template does not have). A known name with a
    new key is shown by the preview and refused by the import until the key
    is accepted (``senders.trust_key``).
    """
    check = check_signature(rp.manifest)
    if rp.template:
        warnings.append(Message("handover.warning.manual_entry"))
    if not check.signed:
        if not rp.template:
            raise PackageImportRefused("handover.import.unsigned")
        warnings.append(Message("handover.warning.unsigned"))
        return SignerView("unsigned")
    if not check.valid:
        raise PackageImportRefused("handover.import.bad_signature")
    view = senders.classify(session, check.fingerprint, check.name, rp.template)
    if view.status == "key_changed":
        if not dry_run:
            raise PackageImportRefused("handover.import.key_changed", name=check.name,
                                       old=view.previous_fingerprint, new=check.fingerprint)
        warnings.append(Message("handover.warning.key_changed", name=check.name, old=view.previous_fingerprint,
                                new=check.fingerprint))
    return view


def _check_year(session: Session, year: int, wanted: int | None) -> None:
    if wanted is not None and wanted != year:
        raise PackageImportRefused("handover.import.year_option", year=year, wanted=wanted)
    years = list(session.scalars(select(Year.year)))
    if years and year not in years:
        raise PackageImportRefused("handover.import.year_not_here", year=year, years=years)


def _check_district(kind: str, origin: dict[str, str], districts: dict[str, int]) -> None:
    code = origin.get("district", "")
    if not code or not districts:
        return
    if kind in ("district-street", "street-district", "reviewer-district", "city-district") and code not in districts:
        raise PackageImportRefused("handover.import.district_not_here", name=origin.get("district_name", code),
                                   code=code)


def _check_honours_district(origin: dict[str, str], resolver: Resolver) -> None:
    """Nominations and the city's decisions belong to the district the manifest names: one known here."""
    code = origin["district"]
    if code not in resolver.districts:
        raise PackageImportRefused("handover.import.district_not_here", name=origin.get("district_name", code),
                                   code=code)


def import_package(session: Session, path: Path, *, dry_run: bool = False, keep_all: str | None = None,
                   keep: dict[str, str] | None = None, accept_edited: bool = False, year: int | None = None,
                   actor: str = "", reason: str = "") -> ImportReport:
    """Preview (``dry_run``) or import a package in the caller's transaction.

    ``actor``: who imports (none: this installation's office, :func:`importer`);
    ``reason``: why, written in the audit row of every sheet the import
    changes. Accepting a package edited outside the
    program (``accept_edited``) needs a reason unless it is a preview
    (``handover.import.reason_needed``, nothing read or written), and so does
    manual entry (a filled template) that writes a sheet
    (``handover.import.manual_reason_needed``). Whatever the
    package layer refuses, wherever in the import (the workbook, a damaged
    manifest entry), reaches the caller as one ``PackageImportRefused``; a
    backup that cannot be made before writing, as ``BackupRefused``.
    """
    if accept_edited and not dry_run and not reason.strip():
        raise PackageImportRefused("handover.import.reason_needed")
    try:
        return _import_package(session, path, dry_run=dry_run, keep_all=keep_all, keep=keep,
                               accept_edited=accept_edited, year=year, actor=actor, reason=reason.strip())
    except PackageRefused as exc:
        raise PackageImportRefused(exc.msg, problems=exc.problems) from exc
    except IntegrityError as exc:
        # the store's own rules (CHECKs, the rule triggers of migration 0004) are the last line: what the checks
        # before them missed is still one refusal, and the caller's transaction is rolled back
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else exc.__class__.__name__
        raise PackageImportRefused("handover.import.store_refused", file=path.name,
                                   reason=reason.removeprefix("zeshi: ")) from exc


def _import_package(session: Session, path: Path, *, dry_run: bool, keep_all: str | None,
                    keep: dict[str, str] | None, accept_edited: bool, year: int | None, actor: str,
                    reason: str) -> ImportReport:
    path = Path(path)
    rp = read_package(path, catalogue.forms(), TABLE_SPECS)
    manifest = rp.manifest
    kind = KINDS.get(manifest["kind"])
    if kind is None:
        raise PackageImportRefused("handover.import.unknown_kind", kind=manifest["kind"])
    try:
        package_year = int(manifest["year"])
    except ValueError:
        raise PackageImportRefused("handover.import.invalid_year", year=manifest["year"]) from None
    origin = {str(k): str(v) for k, v in (decoded(manifest, "origin", {}) or {}).items()}
    warnings: list[Message] = []
    signer = _signer(session, rp, warnings, dry_run)
    report = ImportReport(str(path), manifest["package_id"], kind.id, package_year, rp.template, origin,
                          signer, dry_run, warnings=warnings)
    _check_year(session, package_year, year)
    if rp.problems:
        raise PackageImportRefused("handover.import.errors", problems=rp.problems, file=path.name,
                                   count=len(rp.problems))
    actual = content_hash(rp.data.content(blank_fill_in=rp.template))
    if actual != manifest["content_hash"]:
        report.edited_outside = True
        counts = decoded(manifest, "row_counts", {}) or {}
        now = rp.data.row_counts()
        moved = [f"{k}: {counts.get(k)} → {now.get(k)}" for k in sorted(set(counts) | set(now))
                 if counts.get(k) != now.get(k)]
        if not accept_edited:
            if moved:
                raise PackageImportRefused("handover.import.edited_outside_rows",
                                           rows=Label("；".join(moved), "; ".join(moved)))
            raise PackageImportRefused("handover.import.edited_outside")
        warnings.append(Message("handover.warning.edited_outside"))
    filled_hash = content_hash(rp.data.content())
    done = session.scalar(select(ImportedPackage).where(ImportedPackage.package_id == report.package_id,
                                                        ImportedPackage.content_hash == filled_hash))
    if done is not None:
        report.already_imported = True
        warnings.append(Message("handover.warning.already_imported", at=f"{done.imported_at:%Y-%m-%d %H:%M}"))
        return report
    districts = {c: i for c, i in session.execute(select(District.code, District.id))}
    report.route = routing.check(session, kind, origin, rp)   # refuses a package not addressed here
    _check_district(kind.id, origin, districts)
    manual = rp.template    # manual entry: drafts only, and the roster only into an empty store (its assignment)
    take_roster = not districts if manual else (kind.authority or not districts)
    if not take_roster:
        report.route.roster = []   # the roster changes listed are the ones this import makes
    problems: list[CellProblem] = []
    roster_read = {name: rows for name, rows in rp.table_rows.items() if name in rw.ROSTER_TABLES_BY_SHEET}
    plan = roster_io.plan_roster(session, package_year, roster_read, problems) if take_roster else None
    if plan is not None:
        report.roster = plan.counts
        problems = plan.problems
    resolver = Resolver.load(session, package_year)
    if plan is not None:
        _extend_resolver(resolver, plan)
    pictures = (read_pictures(rp.table_rows[PICTURES.sheet], problems) if PICTURES.sheet in rp.table_rows
                else None)
    report.sheets = plan_sheets(session, package_year, rp.data.blocks, resolver, strict=True,
                                subject_cells=rp.subject_cells, problems=problems, pictures=pictures,
                                cells=rp.cells, manual=manual)
    if pictures:
        summaries = {c.subject for c in report.sheets if c.form == "4-1"}
        problems.extend(CellProblem(PICTURES.sheet, "A", Message("handover.import.pictures_without_summary",
                                                                 district=code))
                        for code in sorted(set(pictures) - summaries))
    weights = plan_weights(rp, resolver, problems) if kind.authority and not manual else []
    if manual and kind.authority and rp.table_rows.get(WEIGHTS.sheet):
        warnings.append(Message("handover.warning.manual_no_weights"))
    report.weights = [w.describe() for w in weights]
    honours = None
    if kind.authority and not manual and excellent.table_of(rp, kind.id) is not None:
        if origin.get("district"):
            _check_honours_district(origin, resolver)
            honours = excellent.plan(rp, kind.id, origin, resolver, problems)
        else:   # an older program's package (or a crafted one): the rest as before, its honours nowhere to go
            warnings.append(Message("handover.warning.honours_without_district"))
    report.excellent = honours.describe() if honours is not None else []
    if problems:
        raise PackageImportRefused("handover.import.errors", problems=problems, file=path.name, count=len(problems))
    _resolve_conflicts(report, keep_all, keep or {}, manual)
    unresolved = [c for c in report.conflicts if not c.keep]
    if dry_run:
        return report
    if unresolved:
        code = ("handover.import.unresolved" if all(c.why == "final" for c in unresolved)
                else "handover.import.unresolved_edited")
        raise PackageImportRefused(code, count=len(unresolved), sheets=[c.key for c in unresolved][:8])
    if manual and not reason and any(c.writes for c in report.sheets):
        raise PackageImportRefused("handover.import.manual_reason_needed")
    backup_before(session, "import")   # the store as it was: refuses (BackupRefused) before anything is written
    if plan is not None:
        roster_io.apply_roster(session, plan, update_existing=kind.authority)
    resolver = Resolver.load(session, package_year)   # with the ids the roster part has just written
    apply_weights(session, package_year, weights, resolver)
    audit = ImportAudit(report.package_id, signer.fingerprint or None, actor or importer(session),
                        actor or signer.name, reason, report.edited_outside, manual)
    written = apply_sheets(session, package_year, report.sheets, resolver, audit)
    if honours is not None:   # after the roster: the nominees' appointments exist here now
        excellent.apply(session, package_year, honours, resolver, audit)
    record_imported(session, report.package_id, written, report.sheets)
    _remember(session, report, filled_hash)
    report.written = True
    return report


def _extend_resolver(resolver: Resolver, plan: roster_io.RosterPlan) -> None:
    """Subjects the roster part will add count as known while planning, each with a placeholder id of its own.

    The placeholders are distinct negative numbers: with one placeholder for all
    (an empty store), every pair of new unit and new planner looked appointed,
    and a sheet of a pair the package does not appoint reached the store's rules.
    """
    fresh = itertools.count(-1, -1)
    for code, district in plan.districts.items():
        resolver.districts.setdefault(code, next(fresh))
        resolver.district_names[code] = district.get("name") or resolver.district_names.get(code, code)
    for code, unit in plan.units.items():   # the roster part is applied before the sheets: its districts hold
        resolver.units.setdefault(code, next(fresh))
        resolver.unit_districts[code] = unit["district"]
    for code in plan.planners:
        resolver.planners.setdefault(code, next(fresh))
    for unit, planner in plan.appointments:
        if unit not in resolver.units or planner not in resolver.planners:
            continue   # an appointment of a unit or planner known nowhere: the roster's problems name it
        key = (resolver.units[unit], resolver.planners[planner])
        if key not in resolver.appointments:
            resolver.appointments[key] = next(fresh)
    for code, reviewer in plan.reviewers.items():
        resolver.reviewers.setdefault(code, next(fresh))
        resolver.reviewer_scopes[code] = (reviewer["level"], reviewer["district"] or None)


def _resolve_conflicts(report: ImportReport, keep_all: str | None, keep: dict[str, str], manual: bool) -> None:
    """Each conflict's side as chosen; manual entry never replaces a sheet finalised here (kept mine)."""
    for choice in [keep_all, *keep.values()]:
        if choice is not None and choice not in KEEP:
            raise PackageImportRefused("handover.import.keep_invalid", choice=choice)
    known = {c.key for c in report.conflicts}
    stray = [k for k in keep if k not in known]
    if stray:
        raise PackageImportRefused("handover.import.no_such_conflicts", keys=stray)
    for c in report.conflicts:
        c.keep = keep.get(c.key, keep_all or "")
        if manual and c.why == "final":
            if c.keep == "theirs":
                raise PackageImportRefused("handover.import.manual_keeps_final", sheet=c.key)
            c.keep = "mine"


def _remember(session: Session, report: ImportReport, filled_hash: str) -> None:
    origin = report.origin.get("district_name") or report.origin.get("reviewer_name") or report.origin.get("level", "")
    senders.remember_first_use(session, report.signer, origin)
    summary = {a: report.count(a) for a in ("added", "changed", "conflict", "unchanged")}
    session.add(ImportedPackage(package_id=report.package_id, content_hash=filled_hash, kind=report.kind,
                                summary=json.dumps(summary, ensure_ascii=False)))
    session.flush()
