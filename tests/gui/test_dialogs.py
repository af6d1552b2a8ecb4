"""The shared modal questions: where to save a file."""

from __future__ import annotations

import pytest

from zeshi_desktop.gui import dialogs


@pytest.mark.parametrize(("chosen", "given"), [("/tmp/名册", "/tmp/名册.xlsx"), ("/tmp/a.XLSX", "/tmp/a.XLSX"),
                                               ("/tmp/a.xlsx", "/tmp/a.xlsx"), ("", None)])
def test_a_name_typed_without_its_suffix_gets_it_and_cancel_is_none(qapp, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                                    chosen: str, given: str | None) -> None:
    asked: list[tuple[object, ...]] = []
    monkeypatch.setattr(dialogs.QFileDialog, "getSaveFileName", lambda *a: asked.append(a) or (chosen, ""))
    assert dialogs.ask_save_path(None, "导出", "/tmp/x.xlsx", "Excel (*.xlsx)", ".xlsx") == given
    assert asked == [(None, "导出", "/tmp/x.xlsx", "Excel (*.xlsx)")]
