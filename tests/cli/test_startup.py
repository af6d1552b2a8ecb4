"""Start-up and shutdown as a user meets them: a light `--version`/`--help`, a quiet end on a closed pipe."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

def zeshi_command(*args: str) -> list[str]:
    """The command line of ``zeshi ARGS`` as a new process."""
    return [sys.executable, "-m", "zeshi_desktop.cli", *args]


def environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


HEAVY = ["PySide6", "openpyxl", "reportlab", "sqlalchemy"]
PROBE = """
import json, sys
from zeshi_desktop.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.stdin.read())))
fonts = "zeshi_desktop.printing.fonts" in sys.modules
print(json.dumps({"code": code, "loaded": loaded, "fonts": fonts}), file=sys.stderr)
"""


def _loaded(*args: str) -> dict:  # type: ignore[type-arg]
    """Run ``zeshi ARGS`` in a fresh process; which heavy packages it imported."""
    result = subprocess.run([sys.executable, "-c", PROBE, *args], input=json.dumps(HEAVY), capture_output=True,
                            text=True, env=environment(), check=False)
    return json.loads(result.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("--lang", "en", "--help")])
def test_version_and_help_import_no_qt_excel_pdf_or_store(args: tuple[str, ...]) -> None:
    assert _loaded(*args) == {"code": 0, "loaded": [], "fonts": False}


@pytest.mark.parametrize(("command", "allowed"), [("rank", {"sqlalchemy"}), ("print", {"sqlalchemy"}),
                                                   ("report", {"sqlalchemy"}), ("export", {"sqlalchemy", "openpyxl"})])
def test_a_command_help_loads_its_module_and_never_the_font(command: str, allowed: set[str]) -> None:
    """A command's --help loads that command's module, never Qt and never printing's 10 MB font."""
    found = _loaded(command, "--help")
    assert found["code"] == 0 and set(found["loaded"]) <= allowed and found["fonts"] is False


def test_a_command_imports_only_what_it_needs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`zeshi rank` needs the store, but neither Excel nor the PDF renderer and its font."""
    found = _loaded("--db", str(tmp_path / "none.sqlite3"), "rank", "--districts")
    assert found["code"] == 2 and found["loaded"] == ["sqlalchemy"] and found["fonts"] is False


def test_version() -> None:
    result = subprocess.run(zeshi_command("--version"), capture_output=True, text=True, env=environment(), check=False)
    assert result.returncode == 0 and result.stdout.startswith("zeshi ") and result.stderr == ""


def test_a_closed_pipe_ends_quietly(db) -> None:  # type: ignore[no-untyped-def]
    """`zeshi … | head -1`: the reader goes away before we write; no 'Broken pipe', no traceback."""
    proc = subprocess.Popen(zeshi_command("--db", db, "forms", "3-1"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=environment())
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()   # before the process has started: every write it makes meets a closed pipe
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert err == "" and proc.returncode in (0, 141)


def test_head_reads_one_line_quietly(db) -> None:  # type: ignore[no-untyped-def]
    """The shell's own pipe, as the issue met it: `zeshi rank --districts | head -1`."""
    command = " ".join(f"'{a}'" for a in zeshi_command("--db", db, "--json", "dashboard", "--district", "东城区"))
    result = subprocess.run(f"{command} | head -1", shell=True, capture_output=True, text=True, env=environment(),
                            check=False)
    assert result.stdout == "{\n" and "Broken pipe" not in result.stderr and "Traceback" not in result.stderr
