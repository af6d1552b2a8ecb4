"""The bundle's ``zeshi`` program (PyInstaller entry script; see packaging/zeshi.spec)."""

import sys

from zeshi_desktop.cli import main

sys.exit(main())
