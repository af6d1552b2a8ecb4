"""Signatures that mean something: signed or refused, templates as manual entry, trust on first use per sender.

Each finding of issue 12 is built as a file here, as an attacker or an unlucky user would build it, and
checked for its one refusal line and an unchanged store.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from zeshi_desktop.packages.canonical import content_hash
from zeshi_desktop.packages.package_workbook import read_package
from zeshi_desktop.services import catalogue, roster
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.handover import export as package_export
from zeshi_desktop.services.handover import senders
from zeshi_desktop.services.handover.importing import (
    PackageImportRefused,
    import_package,
)
from zeshi_desktop.services.handover.kinds import TABLE_SPECS
from zeshi_desktop.services.scoring import sheets
from zeshi_desktop.store.database import Database
from zeshi_desktop.store.models import AuditEntry, KnownSigner

from .excel import cell_of

YEAR = 2025
UNIT, SUBJECT = "景山街道", "DC-U02/P002"
SIGNATURE_ROWS = ("signature", "signer_key", "signer_name")


def _item(forms) -> str:  # type: ignore[no-untyped-def]
    """A 3-1 item worth at least 10, as in the finding (a score changed 7 → 10)."""
    return next(i.id for i in forms["3-1"].items if i.max >= 10)


def _sheet(db: Database, form: str = "3-1", unit: str = UNIT) -> sheets.SheetView:
    with db.read() as s:
        app = next(a.id for a in roster.appointments(s, YEAR) if a.unit == unit)
        return sheets.sheets(s, YEAR, form, appointment_id=app)[0]


def _export(db: Database, path: Path, **options: object) -> Path:
    with db.read() as s:
        package_export.export_package(s, "street-district", YEAR, path, units=["DC-U01", "DC-U02"],
                                      **options)  # type: ignore[arg-type]
    return path


def _manifest_rows(ws) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value}


def strip_signature(path: Path, *, score: tuple[str, int] | None = None, template: bool = False) -> Path:
    """What the finding did: change a score, delete the signature rows, recompute the hash with the program's own code.

    ``template``: also mark the file a template (the mark a stripped package would need to be taken at all).
    """
    wb = load_workbook(path)
    if score is not None:
        ws = wb["3-1"]
        ws[cell_of(ws, SUBJECT, score[0])] = score[1]
    manifest = wb["manifest"]
    rows = _manifest_rows(manifest)
    for key in sorted(SIGNATURE_ROWS, key=lambda k: -rows[k]):
        manifest.delete_rows(rows[key])
    if template:
        manifest.cell(row=_manifest_rows(manifest)["template"], column=2).value = "yes"
    wb.save(path)
    rp = read_package(path, catalogue.forms(), TABLE_SPECS)
    wb = load_workbook(path)
    manifest = wb["manifest"]
    manifest.cell(row=_manifest_rows(manifest)["content_hash"], column=2).value = content_hash(
        rp.data.content(blank_fill_in=rp.template))
    wb.save(path)
    return path


def _refused(db: Database, path: Path, digest: Callable[[Database], str], **options: object) -> PackageImportRefused:
    before = digest(db)
    with pytest.raises(PackageImportRefused) as refused, db.write() as s:
        import_package(s, path, **options)  # type: ignore[arg-type]
    assert digest(db) == before
    return refused.value


def _audit(db: Database) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))


# ---------------------------------------------------------------- a package made by the program is signed, or refused
def test_a_package_whose_signature_was_removed_is_refused(demo_db: Database, tmp_path: Path, digest,  # type: ignore[no-untyped-def]
                                                          forms) -> None:
    item = _item(forms)
    before = _sheet(demo_db).scores[item]
    path = strip_signature(_export(demo_db, tmp_path / "p.xlsx"), score=(item, 10))
    audit = len(_audit(demo_db))
    for options in ({}, {"dry_run": True}, {"keep_all": "theirs", "accept_edited": True, "reason": "x"}):
        refused = _refused(demo_db, path, digest, **options)
        assert refused.code == "handover.import.unsigned"
        assert refused.message("zh").splitlines() == [refused.message("zh")]     # one line
        assert "没有签名" in refused.message("zh") and "zeshi template" in refused.message("en")
    assert _sheet(demo_db).scores[item] == before and len(_audit(demo_db)) == audit


def test_a_signed_template_mark_cannot_be_flipped(demo_db: Database, tmp_path: Path, digest) -> None:  # type: ignore[no-untyped-def]
    """The template mark is a signed manifest row: turning a package into a template breaks its signature."""
    path = _export(demo_db, tmp_path / "p.xlsx")
    wb = load_workbook(path)
    manifest = wb["manifest"]
    manifest.cell(row=_manifest_rows(manifest)["template"], column=2).value = "yes"
    wb.save(path)
    assert _refused(demo_db, path, digest).code == "handover.import.bad_signature"


def test_a_stripped_package_marked_template_is_only_manual_entry(demo_db: Database, tmp_path: Path, digest,  # type: ignore[no-untyped-def]
                                                                 forms) -> None:
    """To be taken at all it must become a template, and a template never replaces a final sheet."""
    item = _item(forms)
    before = _sheet(demo_db)
    path = strip_signature(_export(demo_db, tmp_path / "p.xlsx"), score=(item, 10), template=True)
    with demo_db.read() as s:
        preview = import_package(s, path, dry_run=True)
    assert preview.manual_entry and preview.signer.status == "unsigned"
    assert [w.code for w in preview.warnings] == ["handover.warning.manual_entry", "handover.warning.unsigned"]
    conflict = next(c for c in preview.conflicts if c.subject == SUBJECT)
    assert (conflict.why, conflict.keep, conflict.status) == ("final", "mine", "draft")
    refused = _refused(demo_db, path, digest, keep={conflict.key: "theirs"})
    assert refused.code == "handover.import.manual_keeps_final" and conflict.key in refused.message("zh")
    with demo_db.write() as s:
        report = import_package(s, path, actor="区专班")
    assert report.written
    after = _sheet(demo_db)
    assert (after.scores, after.status) == (before.scores, before.status)     # 7 stays 7, final stays final
    with demo_db.read() as s:
        row = sheets.audit_log(s, after.id)[-1]
    assert row.action == "conflict" and row.reason.startswith("人工录入") and "保留本机" in row.reason


def test_manual_entry_changes_a_draft_only_with_a_reason_and_stays_a_draft(demo_db: Database, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                           digest, forms) -> None:
    item = _item(forms)
    path = strip_signature(_export(demo_db, tmp_path / "p.xlsx"), score=(item, 10), template=True)
    with demo_db.write() as s:
        sheets.unlock(s, _sheet(demo_db).id, "街道要补一项", "区专班")
    refused = _refused(demo_db, path, digest)
    assert refused.code == "handover.import.manual_reason_needed" and "理由" in refused.message("zh")
    with demo_db.write() as s:
        report = import_package(s, path, actor="王五", reason="街道用模板报来，电话核对过")
    change = next(c for c in report.sheets if c.subject == SUBJECT and c.form == "3-1")
    assert change.action == "changed" and any(d.params["field"] == item and d.params["new"] == "10"
                                              for d in change.details)
    after = _sheet(demo_db)
    assert str(after.scores[item]) == "10" and not after.is_final
    with demo_db.read() as s:
        row = sheets.audit_log(s, after.id)[-1]
    assert (row.action, row.actor, row.signer) == ("import", "王五", None)
    assert row.reason.startswith("人工录入") and row.reason.endswith("理由：街道用模板报来，电话核对过")
    assert f"{item}:" in (row.new or "") and "→ 10" in (row.new or "")


def test_a_filled_template_from_zeshi_template_is_manual_entry(demo_db: Database, tmp_path: Path, forms) -> None:  # type: ignore[no-untyped-def]
    """The reviewer's template filled in Excel as 定稿: imported as drafts, with who and why in the audit."""
    fresh = Database.open(tmp_path / "district.sqlite3")
    path = tmp_path / "t.xlsx"
    with demo_db.read() as s:
        package_export.export_package(s, "reviewer-district", YEAR, path, reviewer="DC-R1", template=True)
    wb = load_workbook(path)
    ws = next(w for w in wb.worksheets if w.title.startswith("3-2"))
    for item in forms["3-2"].items:
        ws[cell_of(ws, "DC-U01/P001", item.id)] = int(item.max) - 1
    ws[cell_of(ws, "DC-U01/P001", "status")] = "定稿"
    wb.save(path)
    with fresh.read() as s:
        preview = import_package(s, path, dry_run=True)
    assert preview.manual_entry and preview.signer.status == "own" and not preview.edited_outside   # made here
    assert {c.status for c in preview.sheets} == {"draft"}
    with fresh.write() as s:
        report = import_package(s, path, actor="区专班", reason="评审人在 Excel 中填写")
    with fresh.read() as s:
        app = next(a.id for a in roster.appointments(s, YEAR) if a.unit == "东华门街道")
        view = sheets.sheets(s, YEAR, "3-2", appointment_id=app)[0]
        row = sheets.audit_log(s, view.id)[-1]
    expected = sum(int(i.max) - 1 for i in forms["3-2"].items)
    assert report.written and view.totals is not None and view.totals.total == expected and not view.is_final
    assert row.actor == "区专班" and "人工录入" in row.reason and "评审人在 Excel 中填写" in row.reason
    fresh.dispose()


# ---------------------------------------------------------------- trust on first use, per sender
def _new_laptop(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    monkeypatch.setenv("ZESHI_KEY_DIR", str(tmp_path / name))


def test_a_known_sender_with_a_new_key_is_refused_until_the_key_is_accepted(  # type: ignore[no-untyped-def]
        demo_db: Database, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, digest) -> None:
    first = _export(demo_db, tmp_path / "a.xlsx", signer_name="东城区专班")
    with db.write() as s:
        old = import_package(s, first).signer
    assert old.status == "new"
    _new_laptop(monkeypatch, tmp_path, "another-laptop")
    second = _export(demo_db, tmp_path / "b.xlsx", signer_name="东城区专班")
    with db.read() as s:
        preview = import_package(s, second, dry_run=True)      # the preview shows it, to be checked
    new = preview.signer
    assert (new.status, new.previous_fingerprint) == ("key_changed", old.fingerprint)
    refused = _refused(db, second, digest, keep_all="theirs")
    assert refused.code == "handover.import.key_changed" and len(refused.message("zh").splitlines()) == 1
    assert old.fingerprint in refused.message("zh") and new.fingerprint in refused.message("en")
    assert f"zeshi key trust {new.fingerprint}" in refused.message("en")
    with db.write() as s:
        assert senders.trust_key(s, new.fingerprint, "东城区专班", "电话核对过新指纹", "区专班",
                                 preview.package_id) == [old.fingerprint]
    with db.write() as s:
        report = import_package(s, second, keep_all="theirs")
    assert report.written and report.signer.status == "known"
    event = [r for r in _audit(db) if r.action == "key"]
    assert len(event) == 1 and event[0].sheet_id == senders.KEY_EVENTS
    assert (event[0].old, event[0].new, event[0].signer, event[0].actor) == (old.fingerprint, new.fingerprint,
                                                                              new.fingerprint, "区专班")
    assert event[0].reason == "接受发送方“东城区专班”的新密钥；理由：电话核对过新指纹"
    with db.read() as s:      # the old key was replaced, as in known_hosts
        assert [k.fingerprint for k in s.scalars(select(KnownSigner))] == [new.fingerprint]
        assert import_package(s, first, dry_run=True).signer.status in ("key_changed",)


def test_accepting_or_forgetting_a_key_needs_a_reason_and_a_real_fingerprint(db: Database) -> None:
    fp = "1a2b:3c4d:5e6f:7a8b:9c0d:1e2f:3a4b:5c6d"
    cases = [((fp, "东城区专班", " "), "handover.key.reason_needed"),
             (("1a2b", "东城区专班", "r"), "handover.key.not_a_fingerprint"),
             ((fp, "", "r"), "handover.key.name_needed")]
    for arguments, code in cases:
        with pytest.raises(ActionRefused) as refused, db.write() as s:
            senders.trust_key(s, *arguments)
        assert refused.value.code == code
    with db.write() as s:
        senders.trust_key(s, fp.upper(), "东城区专班", "电话核对")
    with pytest.raises(ActionRefused) as again, db.write() as s:
        senders.trust_key(s, fp, "东城区专班", "再来一次")
    assert again.value.code == "handover.key.already_trusted"
    with pytest.raises(ActionRefused) as unknown, db.write() as s:
        senders.forget_key(s, "西城区专班", "不再往来")
    assert unknown.value.code == "handover.key.unknown"
    with db.write() as s:
        gone = senders.forget_key(s, "东城区专班", "换了电脑", "区专班")
    assert [g.fingerprint for g in gone] == [fp]
    with db.read() as s:
        assert senders.senders(s) == []
        rows = senders.key_events(s)
    assert [r.reason for r in rows] == ["接受发送方“东城区专班”的新密钥；理由：电话核对",
                                        "删除发送方“东城区专班”的密钥；理由：换了电脑"]


def test_a_forgotten_sender_is_seen_for_the_first_time_again(demo_db: Database, db: Database, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    with db.write() as s:
        import_package(s, _export(demo_db, tmp_path / "a.xlsx", signer_name="东城区专班"))
    with db.write() as s:
        senders.forget_key(s, "东城区专班", "对方重装了电脑")
    _new_laptop(monkeypatch, tmp_path, "reinstalled")
    path = _export(demo_db, tmp_path / "b.xlsx", signer_name="东城区专班")
    with db.write() as s:
        report = import_package(s, path, keep_all="theirs")
    assert report.written and report.signer.status == "new"
    with db.read() as s:
        assert [(k.name, k.accepted_by, k.reason) for k in senders.senders(s)] == [("东城区专班", "", "")]


def test_a_renamed_copy_of_a_package_keeps_its_sender(demo_db: Database, db: Database, tmp_path: Path) -> None:
    """Trust is by key: the same package under another file name is the same sender (and already imported)."""
    path = _export(demo_db, tmp_path / "a.xlsx", signer_name="东城区专班")
    with db.write() as s:
        import_package(s, path)
    copy = Path(shutil.copy(path, tmp_path / "副本.xlsx"))
    with db.read() as s:
        again = import_package(s, copy, dry_run=True)
    assert again.signer.status == "known" and again.already_imported
