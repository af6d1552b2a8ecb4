"""文件 → 导出交接包…: a package that left out sheets holding damaged data ends in a warning naming them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.damage import damage_scores
from zeshi_desktop.gui import dialogs, handover_export, i18n
from zeshi_desktop.gui.handover_export import ExportChoice

CJK = re.compile(r"[\u3400-\u9fff]")


def damage(path: Path) -> int:
    """A 3-2 score of 东城区 above its item's maximum (what a bit flip does); the sheet's id."""
    return damage_scores(path)[0]


def _export(window, path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(handover_export, "choose_export", lambda parent, runner, selection, template: ExportChoice(
        "district-city", selection.year, path, template, district="DC"))
    return handover_export.export(window, window.runner, window.selection)


def test_a_sound_export_says_where_it_went_without_a_warning(window, tmp_path: Path, monkeypatch,  # type: ignore[no-untyped-def]
                                                            no_modal_dialogs) -> None:
    warned: list[str] = []
    monkeypatch.setattr(dialogs, "show_warning", lambda parent, title, text: warned.append(title))
    result = _export(window, tmp_path / "p.xlsx", monkeypatch)
    assert result is not None and result.damaged == () and not warned
    assert str(tmp_path / "p.xlsx") in no_modal_dialogs[-1]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_an_export_that_left_sheets_out_warns_and_names_them(make_window, demo_db, qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            monkeypatch, language) -> None:
    assert demo_db.path is not None
    sheet_id = damage(demo_db.path)
    i18n.install_language(qapp, language)
    window = make_window()
    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_warning", lambda parent, title, text: warned.append((title, text)))
    path = tmp_path / "p.xlsx"
    result = _export(window, path, monkeypatch)
    assert result is not None and [d.sheet_id for d in result.damaged] == [sheet_id] and path.is_file()
    [(title, text)] = warned
    assert str(path) in text and result.fingerprint in text
    if language == "zh":
        assert title == "已导出，但有评审表未放入包中"
        assert f"1 张评审表含有损坏的数据，未放入包中：附件3-2 评审表 {sheet_id}（" in text
    else:
        assert not CJK.search(title) and "left out of the package" in title
        assert f"1 sheet(s) hold damaged data and were left out of the package: sheet {sheet_id} of annex 3-2" in text
