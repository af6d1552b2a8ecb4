"""The import-linter contracts in pyproject.toml: dependencies point one way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_import_contracts_hold():
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command;"
                             " sys.exit(lint_imports_command())"], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
