"""``zeshi backup``, ``backups``, ``restore`` and ``check``: copies of the store, putting one back, and is it sound.

Backups are consistent copies made with SQLite's backup API
(:mod:`zeshi_desktop.store.backup`), kept in a ``backups`` folder beside the
database: the newest ``$ZESHI_BACKUPS_KEEP`` (default 20) and the newest of
each month. A restore checks the file first, as ``zeshi check`` would, and
keeps the store it replaces as a backup; none of these commands opens the
store for writing, and ``check`` and ``backups`` write nothing at all.

A store on a PostgreSQL server (``--db postgresql+psycopg://…``) has no
folder beside it: ``backup -o FILE`` writes a ``pg_dump`` of it, ``check``
reads the server's catalogue besides the audit chain and the values, and
``backups`` and ``restore`` say in one line what the administrator uses
instead (docs/server.md).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from zeshi_desktop.messages import Message, text
from zeshi_desktop.services.store_check import CheckReport, check_server, check_store
from zeshi_desktop.store import backup
from zeshi_desktop.store.database import Database, StoreError

from .common import emit, heads
from .errors import CommandError
from .files import output_path
from .opening import (
    KEEP_VARIABLE,
    close,
    database,
    db_location,
    db_path,
    keep_count,
    on_server,
    said_plainly,
)
from .parser import Configure

SHOWN_FINDINGS = 3   # findings a refused restore names; `zeshi check FILE` lists them all
EXIT_FINDINGS = 1    # `zeshi check`: the store is not sound (2 stays for an error)


def _existing_store(args: argparse.Namespace) -> Path:
    """The ``--db`` file, which must exist: refused with how to create one, and nothing made."""
    path = db_location(args)
    if isinstance(path, str):
        raise CommandError("server.backups_elsewhere", url=str(db_path(args)))
    if not path.is_file():
        raise StoreError("store.no_database_hint", path=str(path))
    return path


def _size(size: int, lang: str) -> str:
    return text("cli.backup.size", lang, size=f"{size / 1_048_576:.1f}")


def _backup_data(made: backup.Backup) -> dict[str, Any]:
    return {"file": str(made.path), "made": made.made, "reason": made.reason, "size": made.size}


def _reason(reason: str, lang: str) -> str:
    return text(f"cli.backup.reason.{reason.replace('-', '_')}", lang) if reason in backup.REASONS else reason


def cmd_backups(args: argparse.Namespace) -> None:
    if on_server(args):
        raise CommandError("server.backups_elsewhere", url=str(db_path(args)))
    store = Path(db_path(args))
    folder = backup.folder_for(store)
    if not folder.is_dir():   # a store lost with its backups kept: still listed, to restore one
        _existing_store(args)
    found = backup.backups(store)
    data = {"database": str(store), "folder": str(folder), "keep": keep_count(),
            "backups": [_backup_data(b) for b in found]}
    if args.json or not found:
        emit(args, data, text=text("cli.backups.none", args.lang, folder=folder))
        return
    emit(args, data, heads(args.lang, "time", "reason", "size", "file"),
         [(b.made.strftime("%Y-%m-%d %H:%M:%S"), _reason(b.reason, args.lang), _size(b.size, args.lang), b.path.name)
          for b in found])
    print(text("cli.backups.where", args.lang, folder=folder, count=len(found), keep=keep_count()))


def _target(raw: str, store: Path) -> Path:
    """Where ``backup -o`` writes: a file in a folder that exists, and not the store itself."""
    target = output_path(raw)
    if target.resolve() in {store.resolve(), *(Path(f"{store.resolve()}{s}") for s in ("-wal", "-shm"))}:
        raise CommandError("cli.backup.onto_store", path=str(target))
    return target


def cmd_backup(args: argparse.Namespace) -> None:
    if args.list:
        cmd_backups(args)
        return
    if on_server(args):
        _backup_server(args)
        return
    store = _existing_store(args)
    target = _target(args.output, store) if args.output else None
    try:
        made = backup.make_backup(store, "manual", target=target, keep=keep_count())
    except backup.BackupRefused as refused:
        raise said_plainly(refused) from refused.__cause__
    emit(args, _backup_data(made), text=text("cli.backup.made", args.lang, path=made.path,
                                             size=_size(made.size, args.lang)))


def _backup_server(args: argparse.Namespace) -> None:
    """A server's store into ``-o FILE`` with ``pg_dump``; without ``-o`` there is nowhere to put it."""
    if not args.output:
        raise CommandError("server.backup_needs_output")
    target = output_path(args.output)
    database(args)   # the server answers and holds a store, or the command ends here naming why
    try:
        made = backup.dump_server(str(db_location(args)), target)
    except backup.BackupRefused as refused:
        raise said_plainly(refused) from refused.__cause__
    emit(args, _backup_data(made), text=text("cli.backup.made", args.lang, path=made.path,
                                             size=_size(made.size, args.lang)))


def _findings(report: CheckReport, lang: str, limit: int | None = None) -> list[str]:
    shown = report.findings if limit is None else report.findings[:limit]
    lines = [f.message.text(lang) for f in shown]
    more = report.more + len(report.findings) - len(shown)
    if more:
        lines.append(text("cli.check.more", lang, count=more))
    return lines


def cmd_restore(args: argparse.Namespace) -> None:
    if on_server(args):
        raise CommandError("server.restore_elsewhere", file=args.file)
    source, store = Path(args.file), Path(db_path(args))
    if source.resolve() == store.resolve():
        raise CommandError("cli.restore.same_file", path=str(source))
    try:
        backup.check_candidate(source)
    except backup.BackupRefused as refused:
        raise said_plainly(refused) from refused.__cause__
    report = check_store(source)
    if not report.sound:
        problems = Message("cli.semicolon").text(args.lang).join(_findings(report, args.lang, SHOWN_FINDINGS))
        raise CommandError("cli.restore.unsound", path=str(source), count=len(report.findings) + report.more,
                           problems=problems)
    close(args)   # nobody may hold the file that is replaced
    if not store.parent.is_dir():
        raise CommandError("cli.file.no_folder", path=str(store), folder=str(store.parent))
    keep = keep_count()
    if source.resolve().parent == backup.folder_for(store).resolve():   # the copy kept first must not prune it
        keep = max(keep, len(backup.backups(store)) + 1)
    try:
        kept = backup.replace_store(store, source, keep=keep)
    except backup.BackupRefused as refused:
        raise said_plainly(refused) from refused.__cause__
    Database.open(store, create=False).dispose()   # the restored file as the program keeps it: WAL, upgraded
    data = {"database": str(store), "restored_from": str(source), "kept": str(kept.path) if kept else None}
    said = (text("cli.restore.done", args.lang, path=store, source=source, kept=kept.path) if kept is not None
            else text("cli.restore.done_new", args.lang, path=store, source=source))
    emit(args, data, text=said)


def cmd_check(args: argparse.Namespace) -> int:
    if not args.file and on_server(args):
        looked = Database.open(str(db_location(args)), create=False, readonly=True)
        try:
            report = check_server(looked)
        finally:
            looked.dispose()
        return _said(args, report, report.path)
    store = Path(args.file) if args.file else _existing_store(args)
    if not store.is_file():
        raise StoreError("store.no_database", path=str(store))
    return _said(args, check_store(store), store)


def _said(args: argparse.Namespace, report: CheckReport, store: Path | str) -> int:
    """The check's verdict: exit 0 when sound, 1 with the findings listed."""
    data = {"database": str(store), "sound": report.sound,
            "findings": [{"kind": f.kind, "message": f.message} for f in report.findings], "more": report.more}
    if report.sound:
        sound = "server.check.sound" if isinstance(store, str) else "cli.check.sound"
        emit(args, data, text=text(sound, args.lang, path=store))
        return 0
    lines = [text("cli.check.unsound", args.lang, path=store, count=len(report.findings) + report.more)]
    emit(args, data, text="\n".join([*lines, *(f"  - {line}" for line in _findings(report, args.lang))]))
    return EXIT_FINDINGS


# ---------------------------------------------------------------- options

KEEP_HELP = (f"The backups folder beside the database keeps the newest {backup.DEFAULT_KEEP} backups and the newest "
             f"of each month; set {KEEP_VARIABLE}=N to keep N instead.")


def _backup(p: argparse.ArgumentParser) -> None:
    p.description = f"Copy the store (a consistent copy, made while it may be in use). {KEEP_HELP}"
    p.add_argument("-o", "--output", metavar="FILE", help="write the copy here instead of the backups folder")
    p.add_argument("--list", action="store_true", help="list the backups instead (as zeshi backups)")
    p.set_defaults(handler=cmd_backup)


def _backups(p: argparse.ArgumentParser) -> None:
    p.description = f"List the backups of the store, newest first. {KEEP_HELP}"
    p.set_defaults(handler=cmd_backups)


def _restore(p: argparse.ArgumentParser) -> None:
    p.description = ("Replace the store with FILE (a backup), after checking FILE as zeshi check does; the store "
                     "it replaces is kept in the backups folder. Close the app first.")
    p.add_argument("file", metavar="FILE", help="the backup to restore")
    p.set_defaults(handler=cmd_restore)


def _check(p: argparse.ArgumentParser) -> None:
    p.description = ("Check the store: its pages, its foreign keys, the audit chain and every stored value "
                     "against the forms. Exit code 0 when it is sound, 1 with the list of findings, 2 on an error.")
    p.add_argument("file", nargs="?", metavar="FILE", help="check this file (a backup) instead of the store")
    p.set_defaults(handler=cmd_check)


COMMANDS: dict[str, Configure] = {"backup": _backup, "backups": _backups, "restore": _restore, "check": _check}
