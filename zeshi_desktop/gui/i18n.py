"""Translations and the CJK font: what every window needs before it is built.

Chinese is the source language; English comes from ``resources/i18n/zeshi_en.qm``.
All visible strings are wrapped in :func:`tr` (one context, ``zeshi``), which
``resources/i18n/update_ts.py`` extracts into the ``.ts`` source.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from zeshi_desktop.locations import cjk_font_path, resources_dir

CONTEXT = "zeshi"
LANGUAGES = ("zh", "en")

_state: dict[str, object] = {"lang": "zh", "translators": []}


def tr(text: str, disambiguation: str | None = None) -> str:
    """The text in the current language (the source text is Chinese).

    ``disambiguation`` tells two uses of the same Chinese apart (责任单元 as a
    column "Unit" and as a tab "Units"), as Qt's own ``translate`` does.
    """
    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def lang() -> str:
    """``zh`` or ``en``: which side of a form ``Label`` to show."""
    return str(_state["lang"])


def qm_path(language: str) -> Path:
    return resources_dir() / "i18n" / f"zeshi_{language}.qm"


def install_language(app: QCoreApplication, language: str) -> bool:
    """Switch the translators; False when the main ``.qm`` for ``language`` is missing.

    Besides ``zeshi_<lang>.qm``, every other ``*_<lang>.qm`` in the folder is
    loaded too, so that added pages (dashboards, printing) ship their own file.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    for old in _state["translators"]:  # type: ignore[attr-defined]
        app.removeTranslator(old)
    _state["translators"] = []
    _state["lang"] = language
    if language == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    main = qm_path(language)
    files = [main] + sorted(p for p in main.parent.glob(f"*_{language}.qm") if p != main)
    installed: list[QTranslator] = []
    for path in files:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
    _state["translators"] = installed
    return main.is_file() and bool(installed)


def install_cjk_font(app: QApplication, point_size: int = 10) -> str | None:
    """Load the CJK font and make it the application font, so Chinese never shows as boxes.

    Returns the family name, or None when no CJK font was found (Qt then falls
    back to whatever the system has).
    """
    path = cjk_font_path()
    if path is None or not path.is_file():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    font = QFont(families[0], point_size)
    app.setFont(font)
    return families[0]
