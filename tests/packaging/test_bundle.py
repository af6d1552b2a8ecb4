"""The bundle as a laptop gets it: built by packaging/build.sh, run with nothing of this checkout around.

Marked ``bundle`` (deselected by default; ``.ci/run`` runs ``pytest -m bundle tests/packaging`` after the
suite): building takes minutes. The one-folder app is copied out of dist/ into a temporary folder and run
from another one with a bare environment (``env -i``: PATH=/usr/bin:/bin, a fresh HOME, Qt offscreen), so
neither the virtualenv nor the source tree can stand in for what the bundle lacks; where strace is installed,
the files a run opens are checked to lie outside the checkout. Then the .deb is installed (as root), run from
the PATH and removed again. ``ZESHI_BUNDLE_REUSE=1`` takes dist/ as it is instead of building it again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from zeshi_desktop import __version__

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
BUILD_TIMEOUT_S = 40 * 60


@pytest.fixture(scope="module")
def built() -> Path:
    """dist/zeshi-desktop and the .deb, built by packaging/build.sh (without the start-up measurement)."""
    if os.environ.get("ZESHI_BUNDLE_REUSE") != "1" or not (DIST / "zeshi-desktop" / "zeshi").exists():
        done = subprocess.run(["bash", "packaging/build.sh", "--no-bench"], cwd=ROOT, capture_output=True,
                              text=True, timeout=BUILD_TIMEOUT_S, check=False)
        print(done.stdout[-3000:])
        assert done.returncode == 0, done.stderr[-5000:]
    return DIST / "zeshi-desktop"


@pytest.fixture(scope="module")
def app(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundle far from the checkout: what runs is only what was bundled."""
    copy = tmp_path_factory.mktemp("laptop") / "zeshi-desktop"
    shutil.copytree(built, copy, symlinks=True)
    return copy


@pytest.fixture
def bare(tmp_path: Path) -> dict[str, str]:
    """``env -i`` with a PATH of the system's own folders, a fresh HOME, Qt offscreen."""
    home = tmp_path / "home"
    home.mkdir()
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}


def run(command: list[str], env: dict[str, str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["env", "-i", *(f"{k}={v}" for k, v in env.items()), *command], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, check=False)


def test_bundle_holds_what_the_program_reads(built: Path) -> None:
    internal = built / "_internal"
    for path in ("forms/3-1.toml", "resources/i18n/zeshi_en.qm", "resources/fonts/wqy-microhei.ttc",
                 "resources/fonts/DroidSansFallbackFull.ttf", "resources/icons/zeshi-256.png",
                 "PySide6/Qt/translations/qtbase_zh_CN.qm", "zeshi_desktop/store/migrations/env.py",
                 "zeshi_desktop/messages/texts/common.toml", "zeshi_desktop/demo/data/people.toml"):
        assert (internal / path).is_file(), path
    assert list((internal / "zeshi_desktop" / "store" / "migrations" / "versions").glob("0001_*.py"))
    names = {p.name for p in internal.rglob("*")}
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]   # no link left dangling
    for unwanted in ("libQt6WebEngineCore.so.6", "libQt6Qml.so.6", "libQt6Quick.so.6", "libQt63DCore.so.6",
                     "libqtvirtualkeyboardplugin.so", "libqgtk3.so"):
        assert unwanted not in names
    assert not [n for n in names if n.startswith("qtbase_") and not n.endswith("_zh_CN.qm")]
    size = sum(p.stat().st_size for p in built.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 250_000_000


def test_version(app: Path, bare: dict[str, str], tmp_path: Path) -> None:
    done = run([str(app / "zeshi"), "--version"], bare, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"zeshi {__version__}"


def test_demo_then_print_a_blank_and_a_filled_sheet(app: Path, bare: dict[str, str], tmp_path: Path) -> None:
    done = run([str(app / "zeshi"), "--db", "year.sqlite3", "demo"], bare, tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "year.sqlite3").stat().st_size > 0
    done = run([str(app / "zeshi"), "--db", "year.sqlite3", "print", "3-1", "--blank", "-o", "blank.pdf"], bare,
               tmp_path)
    assert done.returncode == 0, done.stderr
    done = run([str(app / "zeshi"), "--db", "year.sqlite3", "--json", "rank", "--districts"], bare, tmp_path)
    assert done.returncode == 0, done.stderr
    done = run([str(app / "zeshi"), "--db", "year.sqlite3", "print", "all", "--district", "东城区", "-o", "dc.pdf"],
               bare, tmp_path)
    assert done.returncode == 0, done.stderr
    from pypdf import PdfReader
    for name in ("blank.pdf", "dc.pdf"):
        reader = PdfReader(tmp_path / name)
        fonts = {str(font["/BaseFont"]) for page in reader.pages
                 for font in page["/Resources"]["/Font"].values()}   # type: ignore[index,union-attr]
        assert any("WenQuanYi" in f for f in fonts), fonts
    assert len(PdfReader(tmp_path / "dc.pdf").pages) > 5


def test_window_renders_every_screen_offscreen(app: Path, bare: dict[str, str], tmp_path: Path) -> None:
    run([str(app / "zeshi"), "--db", "year.sqlite3", "demo"], bare, tmp_path)
    done = run([str(app / "zeshi-desktop"), "--db", "year.sqlite3", "--screenshots", "shots"], bare, tmp_path,
               timeout=900)
    assert done.returncode == 0, done.stderr
    assert "no translation file" not in done.stderr
    shots = tmp_path / "shots"
    for name in ("sheet-3-1.png", "city-dashboard.png", "en/sheet-3-1.png", "1280x720/sheet-3-1.png"):
        assert (shots / name).stat().st_size > 10_000, name


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed: which files are opened is not checked")
def test_nothing_is_read_from_the_checkout(app: Path, bare: dict[str, str], tmp_path: Path) -> None:
    trace = tmp_path / "trace.txt"
    done = run(["strace", "-f", "-qq", "-e", "trace=open,openat,stat,newfstatat,execve", "-o", str(trace),
                str(app / "zeshi"), "--db", "year.sqlite3", "demo"], bare, tmp_path)
    assert done.returncode == 0, done.stderr
    touched = [line for line in trace.read_text().splitlines() if f'"{ROOT}/' in line or f'"{ROOT}"' in line]
    assert touched == []


@pytest.fixture
def installed(built: Path) -> Iterator[Path]:
    """The .deb installed with dpkg, removed again afterwards whatever happened."""
    if os.geteuid() != 0:
        pytest.skip("installing a .deb needs root (CI runs as root)")
    if shutil.which("dpkg") is None:
        pytest.skip("no dpkg on this machine")
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "zeshi-desktop"], capture_output=True, text=True,
                            check=False)
    if "installed" in status.stdout.split():
        pytest.skip("zeshi-desktop is already installed here; the test would remove it")
    debs = sorted(DIST.glob(f"zeshi-desktop_{__version__}_*.deb"))
    assert len(debs) == 1, f"not one .deb in {DIST}: {debs}"
    done = subprocess.run(["dpkg", "-i", str(debs[0])], capture_output=True, text=True, timeout=600, check=False)
    try:
        assert done.returncode == 0, done.stdout + done.stderr
        yield Path("/opt/zeshi-desktop")
    finally:
        subprocess.run(["dpkg", "-r", "zeshi-desktop"], capture_output=True, text=True, timeout=600, check=False)


def test_deb_installs_runs_from_the_path_and_removes_cleanly(installed: Path, bare: dict[str, str],
                                                             tmp_path: Path) -> None:
    assert shutil.which("zeshi", path=bare["PATH"]) == "/usr/bin/zeshi"
    assert Path("/usr/bin/zeshi-desktop").resolve() == installed / "zeshi-desktop"
    done = run(["zeshi", "--version"], bare, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"zeshi {__version__}"
    desktop = Path("/usr/share/applications/zeshi-desktop.desktop")
    icon = Path("/usr/share/icons/hicolor/256x256/apps/zeshi-desktop.png")
    assert desktop.is_file() and icon.is_file()

    done = subprocess.run(["dpkg", "-r", "zeshi-desktop"], capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    for gone in (installed, Path("/usr/bin/zeshi"), Path("/usr/bin/zeshi-desktop"), desktop, icon,
                 Path("/usr/share/doc/zeshi-desktop")):
        assert not gone.exists() and not gone.is_symlink(), gone
