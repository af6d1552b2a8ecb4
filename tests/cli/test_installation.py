"""``zeshi init``, the role in ``zeshi key`` and in the import's preview, names for codes, a full disk in one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _one_line(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert (code, out) == (2, "") and err.count("\n") == 1 and "Traceback" not in err, result
    return err


def test_init_makes_a_new_laptop_s_store_and_keeps_its_role(zeshi, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "street.sqlite3"
    assert zeshi("--db", str(store), "init") == (0, "本机：未设定本机角色\n", "")
    assert not store.exists()   # showing makes nothing
    code, out, err = zeshi("--db", str(store), "init", "--role", "street", "--district", "东城区",
                           "--unit", "景山街道")
    assert (code, err) == (0, "") and out == "本机角色已设定：街道/乡镇/园区（东城区：景山街道）\n"
    assert store.is_file()
    data = json.loads(zeshi("--db", str(store), "--json", "--lang", "en", "init")[1])
    assert data == {"role": "street", "district": "东城区", "units": ["景山街道"], "reviewer": "",
                    "text": "street office (东城区: 景山街道)"}


def test_init_refuses_in_one_line_and_changes_only_when_asked(zeshi, db: str) -> None:  # type: ignore[no-untyped-def]
    assert zeshi("--db", db, "init", "--role", "district", "--district", "东城区")[1] == (
        "本机角色已设定：区级专班（东城区）\n")
    err = _one_line(zeshi("--db", db, "init", "--role", "city"))
    assert err == "zeshi: 本机角色已设定为区级专班（东城区）；如确要更改，请加 --change\n"
    err = _one_line(zeshi("--db", db, "--lang", "en", "init", "--role", "district", "--district", "火星区",
                          "--change"))
    assert err == "zeshi: No district \"火星区\"\n"
    assert _one_line(zeshi("--db", db, "init", "--district", "DC")) == (
        "zeshi: 请用 --role 指定本机角色（street、district、city、reviewer）\n")
    assert zeshi("--db", db, "init", "--role", "city", "--change")[1] == "本机角色已设定：市级专班\n"
    assert zeshi("--db", db, "--lang", "en", "init")[1] == "This computer: the city task force\n"


def test_key_shows_the_role(zeshi, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    zeshi("--db", db, "init", "--role", "reviewer", "--reviewer", "DC-R1")
    code, out, _ = zeshi("--db", db, "key", "--signer-name", "苏丽")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("苏丽  ") and lines[1] == "本机：东城区评审人 苏丽 的电脑"
    data = json.loads(zeshi("--db", db, "--json", "key")[1])
    assert data["role"]["role"] == "reviewer" and data["role"]["reviewer"] == "DC-R1"
    code, out, _ = zeshi("--db", str(tmp_path / "none.sqlite3"), "key")   # no store: the key alone, nothing made
    assert code == 0 and len(out.splitlines()) == 1 and not (tmp_path / "none.sqlite3").exists()


def test_the_readme_example_city_to_district_by_name(zeshi, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Finding: ``zeshi export city-district --district 东城区`` wrote the name where the code belongs."""
    out = tmp_path / "结果.xlsx"
    assert zeshi("--db", db, "export", "city-district", "--district", "东城区", "-o", str(out))[0] == 0
    district = tmp_path / "dc.sqlite3"
    assert zeshi("--db", str(district), "init", "--role", "district", "--district", "DC")[0] == 0
    code, text, err = zeshi("--db", str(district), "import", str(out), "--dry-run")
    assert (code, err) == (0, ""), err
    lines = text.splitlines()
    assert "本机：区级专班（DC）" in lines
    assert "名册变化：新增区（4）：朝阳区（CY）、东城区（DC）、通州区（TZ）、延庆区（YQ）" in lines
    assert zeshi("--db", str(district), "import", str(out))[0] == 0
    assert "本机：区级专班（东城区）" in zeshi("--db", str(district), "init")[1]   # the store knows the name now
    other = tmp_path / "cy.sqlite3"
    zeshi("--db", str(other), "init", "--role", "district", "--district", "CY")
    assert _one_line(zeshi("--db", str(other), "import", str(out), "--dry-run")) == (
        "zeshi: 这个“市→区：评审结果（备案）”的包属于东城区（DC），本机属于CY，拒绝导入\n")


def test_a_city_to_district_export_without_its_district_is_one_line(zeshi, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "all.xlsx"
    assert _one_line(zeshi("--db", db, "--lang", "en", "export", "city-district", "-o", str(out))) == (
        "zeshi: A city → district package names its district: add --district (code or name)\n")
    assert not out.exists()


def test_units_by_name_or_code_and_the_preview_s_role_line(zeshi, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "street.xlsx"
    assert zeshi("--db", db, "export", "district-street", "--unit", "景山街道", "--unit", "DC-U01",
                 "-o", str(out))[0] == 0
    code, text, _ = zeshi("--db", db, "--lang", "en", "import", str(out), "--dry-run")
    assert code == 0 and text.splitlines()[2] == (
        "Note: this computer has no role yet; packages are imported as before, without checking that they are "
        "meant for it. Set one with zeshi init or in the app (File → This computer's role…)")
    street = tmp_path / "street.sqlite3"
    zeshi("--db", str(street), "init", "--role", "street", "--district", "DC", "--unit", "DC-U01")
    assert _one_line(zeshi("--db", str(street), "import", str(out), "--dry-run")) == (
        "zeshi: 包中有本机不负责的责任单元：景山街道（DC-U02）（本机负责：DC-U01），拒绝导入\n")
    data = json.loads(zeshi("--db", db, "--json", "import", str(out), "--dry-run")[1])
    assert data["route"]["role"] == "" and data["route"]["here"]["code"] == "installation.describe.none"


# The disk fills while the zip is being written (not only at the final fsync): openpyxl's ZipFile used to be
# left to the garbage collector, which printed "Exception ignored in: ZipFile.__del__ … seek of closed file".
FULL_DISK = textwrap.dedent("""
    import errno, io, os, sys
    from zeshi_desktop.cli import main
    from zeshi_desktop.packages.signing import installation
    installation(None)                      # the key exists before the disk fills
    real = os.fdopen

    class Full(io.FileIO):
        def write(self, data):
            if self.tell() + len(data) > 8192:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return super().write(data)

    os.fdopen = lambda fd, mode="r", *a, **k: Full(fd, "wb") if mode == "wb" else real(fd, mode, *a, **k)
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.parametrize("kind", ["district-city", "city-district"])
def test_a_full_disk_during_an_export_is_one_line_and_nothing_else(db: str, tmp_path: Path, kind: str) -> None:
    out = tmp_path / "stick"
    out.mkdir()
    env = {**os.environ, "ZESHI_KEY_DIR": str(tmp_path / "keys"), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", FULL_DISK, "--db", db, "export", kind, "--district", "东城区",
                             "-o", str(out / "p.xlsx")], capture_output=True, text=True, env=env, cwd=ROOT,
                            timeout=120, check=False)
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    assert result.stderr == f"zeshi: 无法写入 {out / 'p.xlsx'}：磁盘空间已满\n"
    assert list(out.iterdir()) == []   # no half package, no temporary file
