"""Trust in the app: who is working, what they may change, and the store kept safe.

The app has no login: the person chooses who they work as (a reviewer, or
the office and district task force), and that choice has consequences. A
reviewer changes only their own 3-2 or 4-3 sheets; the office changes the
3-1, 4-1, 4-2 and 5-1 sheets and the 3-3 weights (the forms say who fills
them: ``filled_by``). The choice is written into every audit row the action
writes, so a panel can see who each change was made as.

The rest keeps the file safe for the app: a check and a daily backup when a
store is opened (a damaged store is opened read-only, never written), the
newest backup that is sound, a restore candidate examined before anything
is replaced, and a store's own failures (a read-only file, a full disk)
turned into a sentence instead of a traceback.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from zeshi_desktop.messages import Message, Refused
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.store_check import CheckReport, Finding, check_store
from zeshi_desktop.store import backup as backups_
from zeshi_desktop.store.backup import Backup, BackupRefused
from zeshi_desktop.store.database import Database, StoreError
from zeshi_desktop.store.models import Sheet

REVIEWER_LEVEL = {"district_reviewer": "district", "city_reviewer": "city"}


# ---------------------------------------------------------------- roles
@dataclass(frozen=True)
class Role:
    """Who the person works as: ``level`` is office | district | city; a reviewer has an id, name and code."""

    level: str = "office"
    reviewer_id: int | None = None
    name: str = ""
    code: str = ""

    @property
    def message(self) -> Message:
        if self.level == "office":
            return Message("trust.role.office")
        return Message(f"trust.role.{self.level}", name=self.name, code=self.code)

    def text(self, lang: str) -> str:
        """As shown on screen."""
        return self.message.text(lang)

    def audit_text(self) -> str:
        """As written into the audit: a stable code (``office``, ``district:CODE:NAME``), shown by ``role_label``."""
        return "office" if self.level == "office" else f"{self.level}:{self.code}:{self.name}"


OFFICE = Role()
COMMAND_LINE = "command-line"   # the role the command line's writes are recorded under


def role_label(stored: str | None, lang: str = "zh") -> str:
    """A role as the audit stores it, in ``lang``; a text the program did not write is shown as it is."""
    if not stored:
        return ""
    if stored == "office":
        return OFFICE.text(lang)
    if stored == COMMAND_LINE:
        return Message("trust.role.command_line").text(lang)
    level, _, rest = stored.partition(":")
    if level in ("district", "city") and rest:
        code, _, name = rest.partition(":")
        return Role(level, None, name, code).text(lang)
    return stored


def role_of(session: Session, reviewer_id: int | None) -> Role:
    """The role of a reviewer chosen in the app (None: the office)."""
    if reviewer_id is None:
        return OFFICE
    r = roster.reviewer(session, reviewer_id)
    return Role(r.level, r.id, r.name, r.code)


def sheet_refusal(role: Role, form_id: str, reviewer_id: int | None) -> ActionRefused | None:
    """Why ``role`` may not change a sheet of ``form_id`` belonging to ``reviewer_id``; None when it may."""
    form = catalogue.form(form_id)
    level = REVIEWER_LEVEL.get(form.filled_by)
    if level is None:
        if role.level != "office":
            return ActionRefused("trust.office_form", form=form.id, role=role.message)
        return None
    if role.level != level or role.reviewer_id is None or role.reviewer_id != reviewer_id:
        return ActionRefused("trust.reviewer_form", form=form.id, role=role.message)
    return None


def check_key(role: Role, form_id: str, reviewer_id: int | None) -> None:
    """Refuse a change by ``role`` to a sheet of this form and reviewer (before the sheet exists)."""
    refusal = sheet_refusal(role, form_id, reviewer_id)
    if refusal is not None:
        raise refusal


def check_sheet(session: Session, role: Role, sheet_id: int) -> None:
    """Refuse a change by ``role`` to a stored sheet (finalise, unlock, a picture) that is not theirs."""
    sheet = session.get(Sheet, sheet_id)
    if sheet is not None:
        check_key(role, sheet.form_id, sheet.reviewer_id)


# ---------------------------------------------------------------- the store's own failures
def _first_line(exc: BaseException) -> str:
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


STORE_FAILURES = (DBAPIError, sqlite3.Error)


def store_refusal(exc: BaseException, path: Path | str | None) -> Refused | None:
    """A failure of the database file (read-only, disk full, damaged) as a refusal naming it; None otherwise."""
    if isinstance(exc, STORE_FAILURES):
        return StoreError("trust.store_failed", path=str(path or ""), reason=_first_line(exc))
    return None


def open_store(path: Path, *, create: bool = True) -> Database:
    """Open (and upgrade) the store at ``path``; a file that cannot be opened is refused naming it."""
    try:
        db = Database.open(path, create=create)
        db.current_revision()   # a file that is no database fails here, not in the first page shown
        return db
    except StoreError:
        raise
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        raise StoreError("trust.cannot_open", path=str(path), reason=_first_line(exc)) from exc


# ---------------------------------------------------------------- the check at open
@dataclass(frozen=True)
class OpenCheck:
    """What opening found: the quick check's report, the daily backup made, or why it could not be made."""

    report: CheckReport | None = None
    backup: Backup | None = None
    backup_refused: Refused | None = None

    @property
    def damaged(self) -> bool:
        return self.report is not None and not self.report.sound

    def damage(self) -> Message | None:
        """The one sentence the app says about a damaged store: the file and the first finding."""
        if not self.damaged or self.report is None:
            return None
        return Message("trust.damaged_at_open", path=str(self.report.path), first=self.report.findings[0].message)


def check_at_open(db: Database, now: datetime | None = None) -> tuple[Database, OpenCheck]:
    """The quick check, then the daily backup; a damaged store comes back opened read-only.

    The backup is made only of a sound store, so a damaged file never pushes
    a sound copy out of the folder. Nothing here fails the start: a backup
    that cannot be written is returned as a refusal to show.
    """
    path = db.path
    if path is None or db.readonly:
        return db, OpenCheck()
    try:
        report = check_store(path, quick=True)
    except StoreError as refused:
        return db, OpenCheck(backup_refused=refused)
    if not report.sound:
        db.dispose()
        return Database.open(path, readonly=True), OpenCheck(report)
    try:
        made = backups_.make_backup(path, "daily") if backups_.daily_due(path, now) else None
    except BackupRefused as refused:
        return db, OpenCheck(report, backup_refused=refused)
    except OSError as exc:   # the backups folder cannot even be listed
        return db, OpenCheck(report, backup_refused=BackupRefused(
            "trust.no_backups_folder", path=str(backups_.folder_for(path)), reason=_first_line(exc)))
    return db, OpenCheck(report, backup=made)


def damaged_at_open(path: Path, error: Refused) -> OpenCheck:
    """A store that could not even be opened, said the way a damaged one is."""
    report = CheckReport(Path(path), [Finding("pages", Message("check.pages", detail=error.message("zh")))])
    return OpenCheck(report)


# ---------------------------------------------------------------- backups and restore
def list_backups(db_path: Path) -> list[Backup]:
    """The store's backups, newest first (none when the folder cannot be read)."""
    try:
        return backups_.backups(db_path)
    except OSError:
        return []


def backup_now(db_path: Path) -> Backup:
    """A backup asked for by the person (文件 → 备份…)."""
    try:
        return backups_.make_backup(db_path, "manual")
    except OSError as exc:
        raise BackupRefused("store.backup_failed", path=str(backups_.folder_for(db_path)),
                            reason=_first_line(exc)) from exc


def backup_server(db: Database, target: Path) -> Backup:
    """A store on a server into ``target`` with ``pg_dump`` (文件 → 备份… on a server; ``zeshi backup -o``).

    A server has no backups folder beside a file: the person names the file.
    """
    return backups_.dump_server(db.libpq_url(), target)


def examine(source: Path) -> CheckReport:
    """The whole check of a restore candidate; refuses (``BackupRefused``) a file that is no sound store."""
    backups_.check_candidate(source)
    return check_store(source)


def sound_candidate(source: Path) -> CheckReport:
    """:func:`examine`, refusing a candidate with any finding as well."""
    report = examine(source)
    if not report.sound:
        raise BackupRefused("trust.candidate_unsound", path=str(source), count=len(report.findings) + report.more,
                            first=report.findings[0].message)
    return report


def newest_sound_backup(db_path: Path) -> Backup | None:
    """The newest backup that passes the check at open (what a damaged store is offered)."""
    for candidate in list_backups(db_path):
        try:
            backups_.check_candidate(candidate.path)
            if check_store(candidate.path, quick=True).sound:
                return candidate
        except Refused:
            continue
    return None


def restore(db_path: Path, source: Path) -> Path | None:
    """Put ``source`` in place of the store (closed by the caller); returns where the replaced store was kept.

    A store too damaged to be copied by SQLite is moved aside under a name
    the backups folder never prunes, so it is kept all the same.
    """
    sound_candidate(source)
    db_path = Path(db_path)
    try:
        kept = backups_.replace_store(db_path, source)
        return kept.path if kept is not None else None
    except BackupRefused as refused:
        if refused.code != "store.backup_failed" or not db_path.is_file():
            raise
    aside = backups_.folder_for(db_path) / f"{db_path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}"
    try:
        aside.parent.mkdir(parents=True, exist_ok=True)
        db_path.replace(aside)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    except OSError as exc:
        raise BackupRefused("store.restore_failed", path=str(db_path), reason=_first_line(exc)) from exc
    backups_.replace_store(db_path, source)
    return aside
