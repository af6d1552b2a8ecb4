"""Where the program finds its forms, fonts and database.

One small module, so that packaging can point every lookup at a bundled copy
(``ZESHI_FORMS`` / ``ZESHI_RESOURCES``) without touching the code that uses them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "zeshi-desktop"
_HERE = Path(__file__).resolve().parent


def _first_existing(candidates: list[Path]) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def forms_dir() -> Path:
    """The folder of ``*.toml`` annex definitions."""
    if env := os.environ.get("ZESHI_FORMS"):
        return Path(env)
    return _first_existing([
        _HERE.parent / "forms",                                   # source checkout / editable install
        Path(sys.prefix) / "share" / APP_NAME / "forms",          # installed wheel
        Path(getattr(sys, "_MEIPASS", _HERE)) / "forms",          # frozen bundle
    ])


def resources_dir() -> Path:
    if env := os.environ.get("ZESHI_RESOURCES"):
        return Path(env)
    return _first_existing([
        _HERE.parent / "resources",
        Path(sys.prefix) / "share" / APP_NAME / "resources",
        Path(getattr(sys, "_MEIPASS", _HERE)) / "resources",
    ])


FONT_CANDIDATES = (
    "fonts/wqy-microhei.ttc",
)
SYSTEM_FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("C:/Windows/Fonts/msyh.ttc"),
    Path("/System/Library/Fonts/PingFang.ttc"),
)


def cjk_font_path() -> Path | None:
    """A TrueType CJK font: the bundled one first, then the system's.

    reportlab can only embed TrueType outlines (Noto CJK's CFF is refused), and
    Qt shows boxes without a CJK font, so both the GUI and printing ask here.
    """
    if env := os.environ.get("ZESHI_FONT"):
        return Path(env)
    for rel in FONT_CANDIDATES:
        path = resources_dir() / rel
        if path.is_file():
            return path
    for path in SYSTEM_FONTS:
        if path.is_file():
            return path
    return None


def default_db_path() -> Path:
    """The database a user gets without ``--db``: ``ZESHI_DB`` or the data folder."""
    if env := os.environ.get("ZESHI_DB"):
        return Path(env)
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "zeshi.sqlite3"


def config_dir() -> Path:
    return Path(user_config_dir(APP_NAME, appauthor=False))
