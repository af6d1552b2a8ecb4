"""`zeshi key list|trust|forget` and `zeshi import` on the command line: trust on first use, one refusal line."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.packages.test_signatures import strip_signature
from zeshi_desktop.store.database import Database

from .package_flow import Laptop

CJK = re.compile(r"[\u3400-\u9fff]")
pytestmark = pytest.mark.sqlite_only   # the laptops are files copied from the demo's; the command line's own test


def _bytes(path: Path) -> str:
    db = Database.open(path)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def laptops(demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str]) -> tuple[Laptop, Laptop, Laptop]:
    """The street office (the demo year), the same office after a reinstall (same name, new key), the district."""
    office = Laptop("office", tmp_path, monkeypatch, capsys)
    shutil.copy(demo_db.path, office.db)  # type: ignore[arg-type]
    reinstalled = Laptop("reinstalled", tmp_path, monkeypatch, capsys)
    shutil.copy(demo_db.path, reinstalled.db)  # type: ignore[arg-type]
    district = Laptop("district", tmp_path, monkeypatch, capsys)
    return office, reinstalled, district


def _send(laptop: Laptop, path: Path) -> Path:
    laptop.zeshi("export", "street-district", "--unit", "DC-U01", "--signer-name", "景山街道办", "-o", str(path))
    return path


def test_a_new_key_is_refused_then_trusted_listed_and_forgotten(laptops: tuple[Laptop, Laptop, Laptop],
                                                                tmp_path: Path) -> None:
    office, reinstalled, district = laptops
    district.zeshi("import", str(_send(office, tmp_path / "a.xlsx")))
    listed = json.loads(district.zeshi("--json", "key", "list"))
    assert [(k["name"], k["accepted_by"], k["reason"]) for k in listed] == [("景山街道办", "", "")]
    old = listed[0]["fingerprint"]
    second = _send(reinstalled, tmp_path / "b.xlsx")
    preview = json.loads(district.zeshi("--json", "import", str(second), "--dry-run"))
    new = preview["signer"]["fingerprint"]
    assert preview["signer"]["status"] == "key_changed" and preview["signer"]["previous_fingerprint"] == old
    before = _bytes(district.db)
    error = district.zeshi("import", str(second), ok=False)
    assert len(error.strip().splitlines()) == 1 and "密钥已更换" in error and f"zeshi key trust {new}" in error
    assert _bytes(district.db) == before
    assert "理由" in district.zeshi("key", "trust", new, "--name", "景山街道办", "--reason", " ", ok=False)
    out = district.zeshi("key", "trust", new, "--name", "景山街道办", "--reason", "电话核对过", "--actor", "区专班")
    assert new in out and old in out
    shown = district.zeshi("--lang", "en", "key", "list")
    assert new in shown and old not in shown and "accepted by 区专班: 电话核对过" in shown
    assert not CJK.search(shown.replace("景山街道办", "").replace("区专班", "").replace("电话核对过", ""))
    district.zeshi("import", str(second))
    assert "本库还没有" in (district.zeshi("key", "forget", "景山街道办", "--reason", "不再往来") and
                           district.zeshi("key", "list"))


def test_a_package_stripped_of_its_signature_is_refused_in_one_line(laptops: tuple[Laptop, Laptop, Laptop],
                                                                    tmp_path: Path) -> None:
    office, _reinstalled, district = laptops
    district.zeshi("import", str(_send(office, tmp_path / "a.xlsx")))
    path = strip_signature(_send(office, tmp_path / "b.xlsx"))
    before = _bytes(district.db)
    for args in ((), ("--dry-run",), ("--keep", "theirs", "--accept-edited", "--reason", "x")):
        error = district.zeshi("import", str(path), *args, ok=False)
        assert len(error.strip().splitlines()) == 1 and "没有签名" in error
    english = district.zeshi("--lang", "en", "import", str(path), ok=False)
    assert "not signed" in english and not CJK.search(english)
    assert _bytes(district.db) == before


def test_a_key_trusted_or_forgotten_by_nobody_named_is_the_offices_doing(db) -> None:  # type: ignore[no-untyped-def]
    """As an import names the installation's office when nobody is named, so does a key event (app or command line)."""
    from zeshi_desktop.services.handover import senders
    fingerprint = ":".join(["ab12"] * 8)
    with db.write() as s:
        senders.trust_key(s, fingerprint, "景山街道办", "电话核对过")
        senders.forget_key(s, "景山街道办", "不再往来")
    with db.read() as s:
        office = senders.importer(s)
        assert office and [e.actor for e in senders.key_events(s)] == [office, office]
