"""Importing a package: check everything first, show the preview, then write it in one transaction.

The order matters: the file is checked before it is opened (size, zip,
macros, rows), then its manifest (kind, year, form versions), its signature
(refused when it does not verify), every cell (all bad values at once), the
content hash (a package edited outside the program is refused unless the user
accepts it), the roster and subjects against this store, and only then the
sheets are compared. Nothing is written until all of that passed, and then
everything is written in the caller's ``Database.write()`` transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from zeshi_desktop.packages import roster_workbook as rw
from zeshi_desktop.packages.canonical import content_hash
from zeshi_desktop.packages.errors import CellProblem, PackageRefused
from zeshi_desktop.packages.manifest import check_signature, decoded
from zeshi_desktop.packages.package_workbook import ReadPackage, read_package
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.handover.apply import (
    apply_sheets,
    apply_weights,
    plan_weights,
)
from zeshi_desktop.services.handover.kinds import KINDS, PICTURES, TABLE_SPECS
from zeshi_desktop.services.handover.pictures import read_pictures
from zeshi_desktop.services.handover.plan import Resolver, SheetChange, plan_sheets
from zeshi_desktop.services.roster import workbook as roster_io
from zeshi_desktop.store.models import District, ImportedPackage, KnownSigner, Year

KEEP = ("mine", "theirs")


class PackageImportRefused(ActionRefused):
    """A package that cannot be imported; ``problems`` lists every bad cell."""

    def __init__(self, zh: str, en: str = "", problems: list[CellProblem] | None = None) -> None:
        self.problems = list(problems or [])
        lines = "".join("\n" + p.message("zh") for p in self.problems)
        lines_en = "".join("\n" + p.message("en") for p in self.problems)
        super().__init__(zh + lines, (en or zh) + lines_en)


@dataclass
class SignerView:
    status: str                 # known | new | key_changed | unsigned
    fingerprint: str = ""
    name: str = ""
    known_as: str = ""
    previous_fingerprint: str = ""   # key_changed: the key this sender signed with before


@dataclass
class ImportReport:
    file: str
    package_id: str
    kind: str
    kind_zh: str
    year: int
    template: bool
    origin: dict[str, str]
    signer: SignerView
    dry_run: bool
    edited_outside: bool = False
    already_imported: bool = False
    written: bool = False
    roster: dict[str, roster_io.SheetCount] = field(default_factory=dict)
    weights: list[str] = field(default_factory=list)
    sheets: list[SheetChange] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for s in self.sheets if s.action == action)

    @property
    def conflicts(self) -> list[SheetChange]:
        return [s for s in self.sheets if s.action == "conflict"]


def _signer(session: Session, rp: ReadPackage, warnings: list[str]) -> SignerView:
    check = check_signature(rp.manifest)
    if not check.signed:
        warnings.append("该包没有签名，无法确认发送方")
        return SignerView("unsigned")
    if not check.valid:
        raise PackageImportRefused("签名无效：包的清单在签名后被改动，或签名不属于该包，拒绝导入",
                                   "The signature does not verify; the package is refused")
    known = session.get(KnownSigner, check.fingerprint)
    if known is not None:
        return SignerView("known", check.fingerprint, check.name, known.name)
    same_name = session.scalar(select(KnownSigner).where(KnownSigner.name == check.name))
    if same_name is not None:
        warnings.append(f"注意：发送方“{check.name}”的密钥已更换（原指纹 {same_name.fingerprint}，新指纹 "
                        f"{check.fingerprint}），请与对方核实")
        return SignerView("key_changed", check.fingerprint, check.name, same_name.name, same_name.fingerprint)
    return SignerView("new", check.fingerprint, check.name, "")


def _check_year(session: Session, year: int, wanted: int | None) -> None:
    if wanted is not None and wanted != year:
        raise PackageImportRefused(f"包的年度是 {year}，不是 --year 指定的 {wanted}",
                                   f"The package is for {year}, not {wanted}")
    years = list(session.scalars(select(Year.year)))
    if years and year not in years:
        raise PackageImportRefused(f"包的年度 {year} 与本库的年度（{'、'.join(map(str, years))}）不符",
                                   f"The package is for {year}; this store holds {years}")


def _check_district(kind: str, origin: dict[str, str], districts: dict[str, int]) -> None:
    code = origin.get("district", "")
    if not code or not districts:
        return
    if kind in ("district-street", "street-district", "reviewer-district", "city-district") and code not in districts:
        raise PackageImportRefused(
            f"包属于区 {origin.get('district_name', code)}（{code}），本库没有该区：请确认导入到了正确的电脑/数据库",
            f"The package belongs to district {code}, which this store does not have")


def import_package(session: Session, path: Path, *, dry_run: bool = False, keep_all: str | None = None,
                   keep: dict[str, str] | None = None, accept_edited: bool = False, year: int | None = None,
                   actor: str = "") -> ImportReport:
    """Preview (``dry_run``) or import a package in the caller's transaction.

    Whatever the package layer refuses, wherever in the import (the workbook, a
    damaged manifest entry), reaches the caller as one ``PackageImportRefused``.
    """
    try:
        return _import_package(session, path, dry_run=dry_run, keep_all=keep_all, keep=keep,
                               accept_edited=accept_edited, year=year, actor=actor)
    except PackageRefused as exc:
        raise PackageImportRefused(exc.zh, exc.en, exc.problems) from exc


def _import_package(session: Session, path: Path, *, dry_run: bool, keep_all: str | None,
                    keep: dict[str, str] | None, accept_edited: bool, year: int | None, actor: str) -> ImportReport:
    path = Path(path)
    rp = read_package(path, catalogue.forms(), TABLE_SPECS)
    manifest = rp.manifest
    kind = KINDS.get(manifest["kind"])
    if kind is None:
        raise PackageImportRefused(f"未知的包类型 {manifest['kind']}", f"Unknown package kind {manifest['kind']}")
    try:
        package_year = int(manifest["year"])
    except ValueError:
        raise PackageImportRefused(f"清单中的年度“{manifest['year']}”无效", "Invalid year in manifest") from None
    origin = {str(k): str(v) for k, v in (decoded(manifest, "origin", {}) or {}).items()}
    warnings: list[str] = []
    signer = _signer(session, rp, warnings)
    report = ImportReport(str(path), manifest["package_id"], kind.id, kind.zh, package_year, rp.template, origin,
                          signer, dry_run, warnings=warnings)
    _check_year(session, package_year, year)
    if rp.problems:
        raise PackageImportRefused(f"{path.name}: {len(rp.problems)} 处错误，未写入任何数据：",
                                   f"{path.name}: {len(rp.problems)} error(s); nothing was written:", rp.problems)
    actual = content_hash(rp.data.content(blank_fill_in=rp.template))
    if actual != manifest["content_hash"]:
        report.edited_outside = True
        counts = decoded(manifest, "row_counts", {}) or {}
        now = rp.data.row_counts()
        moved = [f"{k}: {counts.get(k)} → {now.get(k)}" for k in sorted(set(counts) | set(now))
                 if counts.get(k) != now.get(k)]
        if not accept_edited:
            raise PackageImportRefused(
                "包内容与清单中的哈希不符：该包在本程序之外被修改过" + (f"（行数变化：{'；'.join(moved)}）" if moved else "")
                + "。请向发送方索取原包；确认无误时可加 --accept-edited 导入",
                "The content does not match the manifest's hash: the package was edited outside the program"
                + " (use --accept-edited to import it anyway)")
        warnings.append("该包在程序之外被修改过（哈希不符），已按用户确认导入")
    filled_hash = content_hash(rp.data.content())
    done = session.scalar(select(ImportedPackage).where(ImportedPackage.package_id == report.package_id,
                                                        ImportedPackage.content_hash == filled_hash))
    if done is not None:
        report.already_imported = True
        warnings.append(f"该包已于 {done.imported_at:%Y-%m-%d %H:%M} 导入过，本次不作任何改动")
        return report
    districts = {c: i for c, i in session.execute(select(District.code, District.id))}
    _check_district(kind.id, origin, districts)
    take_roster = kind.authority or not districts
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
                                subject_cells=rp.subject_cells, problems=problems, pictures=pictures)
    if pictures:
        summaries = {c.subject for c in report.sheets if c.form == "4-1"}
        problems.extend(CellProblem(PICTURES.sheet, "A", f"区 {code} 的图片在包中没有对应的 4-1 总结",
                                    f"pictures of district {code} without its 4-1 summary in the package")
                        for code in sorted(set(pictures) - summaries))
    weights = plan_weights(rp, resolver, problems) if kind.authority else []
    report.weights = [w.describe() for w in weights]
    if problems:
        raise PackageImportRefused(f"{path.name}: {len(problems)} 处错误，未写入任何数据：",
                                   f"{path.name}: {len(problems)} error(s); nothing was written:", problems)
    _resolve_conflicts(report, keep_all, keep or {})
    unresolved = [c.key for c in report.conflicts if not c.keep]
    if dry_run:
        return report
    if unresolved:
        raise PackageImportRefused(
            f"{len(unresolved)} 张本机已定稿的评审表与包内不同：{'、'.join(unresolved[:8])}。"
            "请用 --keep mine（保留本机）或 --keep theirs（采用包内），或逐表 --keep 表:对象=mine|theirs",
            f"{len(unresolved)} finalised sheet(s) differ; choose with --keep mine|theirs")
    if plan is not None:
        roster_io.apply_roster(session, plan, update_existing=kind.authority)
    resolver = Resolver.load(session, package_year)   # with the ids the roster part has just written
    apply_weights(session, package_year, weights, resolver)
    apply_sheets(session, package_year, report.sheets, resolver, report.package_id, actor or signer.name)
    _remember(session, report, filled_hash)
    report.written = True
    return report


def _extend_resolver(resolver: Resolver, plan: roster_io.RosterPlan) -> None:
    """Subjects the roster part will add count as known (with placeholder ids) while planning."""
    for code in plan.districts:
        resolver.districts.setdefault(code, -1)
    for code in plan.units:
        resolver.units.setdefault(code, -1)
    for code in plan.planners:
        resolver.planners.setdefault(code, -1)
    for unit, planner in plan.appointments:
        key = (resolver.units[unit], resolver.planners[planner])
        if key not in resolver.appointments:
            resolver.appointments[key] = -1
    for code in plan.reviewers:
        resolver.reviewers.setdefault(code, -1)


def _resolve_conflicts(report: ImportReport, keep_all: str | None, keep: dict[str, str]) -> None:
    for choice in [keep_all, *keep.values()]:
        if choice is not None and choice not in KEEP:
            raise PackageImportRefused(f"--keep 只能是 mine 或 theirs，而不是 {choice}", f"--keep {choice}?")
    known = {c.key for c in report.conflicts}
    stray = [k for k in keep if k not in known]
    if stray:
        raise PackageImportRefused(f"没有这些冲突：{'、'.join(stray)}（冲突见预览）", f"No such conflicts: {stray}")
    for c in report.conflicts:
        c.keep = keep.get(c.key, keep_all or "")


def _remember(session: Session, report: ImportReport, filled_hash: str) -> None:
    if report.signer.fingerprint and session.get(KnownSigner, report.signer.fingerprint) is None:
        session.add(KnownSigner(fingerprint=report.signer.fingerprint, name=report.signer.name,
                                origin=report.origin.get("district_name") or report.origin.get("reviewer_name")
                                or report.origin.get("level", "")))
    summary = {a: report.count(a) for a in ("added", "changed", "conflict", "unchanged")}
    session.add(ImportedPackage(package_id=report.package_id, content_hash=filled_hash, kind=report.kind,
                                summary=json.dumps(summary, ensure_ascii=False)))
    session.flush()
