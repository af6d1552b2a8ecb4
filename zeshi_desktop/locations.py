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


FALLBACK_CANDIDATES = (
    "fonts/DroidSansFallbackFull.ttf",
)
FALLBACK_SYSTEM_FONTS = (
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),   # Debian: fonts-droid-fallback
    Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"),             # Debian: fonts-hanazono
    Path("C:/Windows/Fonts/simsun.ttc"),
)


def cjk_fallback_font_path() -> Path | None:
    """A second TrueType font for the characters the main one lacks (CJK Extension A: 㛃, 䶮).

    WenQuanYi Micro Hei has 2 of the 6,592 Extension A characters that rare
    names use; Droid Sans Fallback (Apache-2.0, Debian's ``fonts-droid-fallback``,
    the design Micro Hei was drawn from) has 6,582. Looked for like the main
    font: ``ZESHI_FALLBACK_FONT`` (empty: none), a copy under resources/fonts,
    then the system's. None when there is none: printing then refuses those
    characters as before.
    """
    if (env := os.environ.get("ZESHI_FALLBACK_FONT")) is not None:
        return Path(env) if env else None
    for rel in FALLBACK_CANDIDATES:
        path = resources_dir() / rel
        if path.is_file():
            return path
    for path in FALLBACK_SYSTEM_FONTS:
        if path.is_file():
            return path
    return None


def default_db_path() -> Path:
    """The database file a user gets without ``--db``: ``ZESHI_DB`` (when it names a file) or the data folder."""
    if (env := os.environ.get("ZESHI_DB")) and "://" not in env:
        return Path(env)
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "zeshi.sqlite3"


def default_db_location() -> Path | str:
    """The store without ``--db``: ``ZESHI_DB`` as given, a file or a server's URL (``postgresql+psycopg://…``)."""
    if (env := os.environ.get("ZESHI_DB")) and "://" in env:
        return env
    return default_db_path()


def config_dir() -> Path:
    return Path(user_config_dir(APP_NAME, appauthor=False))
