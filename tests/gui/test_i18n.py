"""The interface language: Qt's own buttons and dialogs in Chinese, our texts in English, the menu's names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from zeshi_desktop.gui import i18n


def test_chinese_loads_qts_own_translation(qapp) -> None:
    assert i18n.qt_qm_path("zh").is_file() and i18n.qt_qm_path("zh").name == "qtbase_zh_CN.qm"
    assert i18n.install_language(qapp, "zh")
    assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "是(&Y)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("QFileDialog", "Open") == "打开"


def test_standard_buttons_are_chinese_in_chinese_and_english_in_english(qtbot, qapp) -> None:
    i18n.install_language(qapp, "zh")
    box = QMessageBox(QMessageBox.Icon.Question, "标题", "正文",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "是(&Y)"
    assert box.button(QMessageBox.StandardButton.No).text() == "否(&N)"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert {b.text() for b in buttons.buttons()} == {"确定", "取消"}
    assert i18n.install_language(qapp, "en")
    assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&Yes"
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(english)
    assert {b.text() for b in english.buttons()} == {"OK", "Cancel"}


def test_switching_back_and_forth_leaves_only_the_chosen_language(qapp) -> None:
    for language in ("en", "zh", "en", "zh"):
        assert i18n.install_language(qapp, language)
        assert i18n.lang() == language
    assert QCoreApplication.translate("zeshi", "名册") == "名册"
    assert QCoreApplication.translate("QPlatformTheme", "&No") == "否(&N)"


def test_language_menu_names_each_language_in_itself() -> None:
    assert [i18n.language_name(code) for code in i18n.LANGUAGES] == ["简体中文", "British English"]
