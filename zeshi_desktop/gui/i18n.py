"""Translations and the CJK font: what every window needs before it is built.

Chinese is the source language; English comes from ``resources/i18n/zeshi_en.qm``.
All visible strings, the dashboards' too, are wrapped in :func:`tr` (one
context, ``zeshi``), which ``resources/i18n/update_ts.py`` extracts into the
one ``.ts`` source. Qt's own texts (standard buttons, file and print dialogs)
come from Qt's catalogue ``qtbase_<locale>.qm``, installed with the language
so that a Chinese window has no English "Yes", "Cancel" or "Open".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from zeshi_desktop.locations import cjk_font_path, resources_dir

CONTEXT = "zeshi"
LANGUAGES = ("zh", "en")
LOCALES = {"zh": QLocale(QLocale.Language.Chinese, QLocale.Country.China),
           "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}

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


def language_name(language: str) -> str:
    """The language's name in itself (简体中文, British English), from Qt's locale data, for the menu."""
    return LOCALES[language].nativeLanguageName()


def qm_path(language: str) -> Path:
    """Our translation for ``language`` (none for Chinese, the source language)."""
    return resources_dir() / "i18n" / f"zeshi_{language}.qm"


def qt_qm_path(language: str) -> Path:
    """Qt's own translation of its standard texts for ``language``, shipped with PySide6."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return folder / f"qtbase_{LOCALES[language].name()}.qm"


def translation_file(language: str) -> Path:
    """The one ``.qm`` that ``language`` needs: Qt's for Chinese, ours for English."""
    return qt_qm_path(language) if language == "zh" else qm_path(language)


def install_language(app: QCoreApplication, language: str) -> bool:
    """Switch the translators; False when the ``.qm`` ``language`` needs is missing.

    Chinese needs Qt's ``qtbase_zh_CN.qm`` (Qt is written in English); English
    needs our ``zeshi_en.qm`` (we are written in Chinese).
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    for old in _state["translators"]:  # type: ignore[attr-defined]
        app.removeTranslator(old)
    _state["translators"] = []
    _state["lang"] = language
    QLocale.setDefault(LOCALES[language])
    translator = QTranslator(app)
    path = translation_file(language)
    if not (path.is_file() and translator.load(str(path))):
        return False
    app.installTranslator(translator)
    _state["translators"] = [translator]
    return True


def install_cjk_font(app: QApplication, point_size: int = 10) -> str | None:
    """Load the CJK font and make it the application font, so Chinese never shows as boxes.

    Returns the family name, or None when no CJK font was found (Qt then falls
    back to whatever the system has).
    """
    if app.property("zeshi_cjk_font"):   # loaded once per application (the file is large)
        return str(app.property("zeshi_cjk_font"))
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
    app.setProperty("zeshi_cjk_font", families[0])
    return families[0]
