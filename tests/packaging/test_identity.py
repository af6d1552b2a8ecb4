"""The app's identity as packaged: the icon at every size, the .ico, the menu entry, the Windows pieces.

Quick checks of the files packaging/ and resources/icons hold; the bundle itself is built and run by
test_bundle.py (mark ``bundle``).
"""

from __future__ import annotations

import configparser
import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_at_each_size(size: int) -> None:
    image = QImage(str(ICONS / f"zeshi-{size}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0            # the rounded corner is transparent
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_ico_holds_every_size_bmp_below_256_png_at_256() -> None:
    data = (ROOT / "packaging" / "windows" / "zeshi.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(SIZES))
    found = {}
    for i in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        size = width or 256
        assert (width, height, planes, bits) == (size % 256, size % 256, 1, 32)
        blob = data[offset:offset + length]
        assert len(blob) == length
        found[size] = "png" if blob.startswith(b"\x89PNG") else "bmp"
    assert sorted(found) == list(SIZES)
    assert found.pop(256) == "png"
    assert set(found.values()) == {"bmp"}


def test_svg_sources_beside_the_pngs() -> None:
    for name in ("zeshi.svg", "zeshi-small.svg"):
        assert (ICONS / name).read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_desktop_entry_in_chinese_and_english() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(ROOT / "packaging" / "deb" / "zeshi-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == "zeshi-desktop"      # on the PATH through /usr/bin
    assert desktop["Icon"] == "zeshi-desktop"      # the hicolor name the .deb installs
    assert desktop["Name[zh_CN]"] == "责师评审"
    for key in ("Name", "Comment"):
        assert desktop[key].isascii() and desktop[key]
        assert not desktop[f"{key}[zh_CN]"].isascii()
    assert desktop["Categories"].endswith(";")


def test_window_icon_set_from_the_pngs(qapp) -> None:  # type: ignore[no-untyped-def]
    from zeshi_desktop.app import install_icon
    install_icon(qapp)
    icon = qapp.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(SIZES)


def test_windows_version_resource_is_well_formed() -> None:
    versionfile = pytest.importorskip("pyinstaller_versionfile")   # installed with the bundle extra on Windows
    import tempfile
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "version.txt"
        versionfile.create_versionfile_from_input_file(
            output_file=str(out), input_file=str(ROOT / "packaging" / "windows" / "version.yml"),
            version="1.2.3.0", internal_name="zeshi", original_filename="zeshi.exe")
        text = out.read_text(encoding="utf-8")

    def record(name: str):  # type: ignore[no-untyped-def]
        return lambda *args, **kwargs: (name, args, kwargs)
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct")
    info = eval(text, {name: record(name) for name in names})  # as PyInstaller reads it
    assert info[2]["ffi"][2]["filevers"] == (1, 2, 3, 0)
    strings = dict(s[1] for s in info[2]["kids"][0][1][0][0][1][1])
    assert strings["OriginalFilename"] == "zeshi.exe"
    assert "责师评审" in strings["ProductName"]


def test_inno_setup_script_is_utf8_with_bom_and_finds_its_files() -> None:
    script = ROOT / "packaging" / "windows" / "zeshi.iss"
    raw = script.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")       # Inno Setup reads the Chinese names right only so
    text = raw.decode("utf-8-sig")
    assert "SetupIconFile=zeshi.ico" in text
    assert '#define BundleDir "..\\..\\dist\\zeshi-desktop"' in text
    assert 'name="zeshi-desktop"' in (ROOT / "packaging" / "zeshi.spec").read_text(encoding="utf-8")
