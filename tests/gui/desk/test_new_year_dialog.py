"""文件 → 开始新年度…: what comes along is shown before anything is written; then the new year is shown."""

from __future__ import annotations

from zeshi_desktop.gui.desk import new_year as dialog_module
from zeshi_desktop.services import roster, trust
from zeshi_desktop.store.database import Database


def test_the_dry_run_follows_the_choices_and_writes_nothing(window, demo_db: Database, demo_year: int) -> None:  # type: ignore[no-untyped-def]
    dialog = dialog_module.NewYearDialog(window.runner, demo_year, window)
    assert dialog.to_spin.value() == demo_year + 1 and dialog.start_button.isEnabled()
    ended = dialog.ended.count()
    assert ended > 0 and "不带入" in dialog.summary.text()
    dialog.renew.setChecked(True)
    assert dialog.ended.count() == 0 and f"其中续聘 {ended} 个" in dialog.summary.text()
    dialog.reviewers.setChecked(False)
    assert "、0 位评审人" in dialog.summary.text()
    with demo_db.read() as s:
        assert roster.years(s) == [demo_year]


def test_a_year_already_started_is_refused_in_the_dialog(window, demo_db: Database, demo_year: int) -> None:  # type: ignore[no-untyped-def]
    dialog = dialog_module.NewYearDialog(window.runner, demo_year, window)
    dialog.start()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.report is not None
    again = dialog_module.NewYearDialog(window.runner, demo_year, window)
    again.to_spin.setValue(demo_year + 1)
    assert not again.start_button.isEnabled() and str(demo_year + 1) in again.message.text()


def test_start_backs_up_writes_and_shows_the_new_year(window, demo_db: Database, demo_year: int, monkeypatch,  # type: ignore[no-untyped-def]
                                                     no_modal_dialogs: list[str]) -> None:
    before = len(trust.list_backups(demo_db.path))

    def answer(parent, runner, year):  # type: ignore[no-untyped-def]
        dialog = dialog_module.NewYearDialog(runner, year, parent)
        dialog.start()
        return dialog.report

    monkeypatch.setattr(dialog_module, "choose_start", answer)
    report = dialog_module.start_year(window, window.runner, demo_year)
    assert report is not None and report.carried > 0
    backups = trust.list_backups(demo_db.path)
    assert len(backups) == before + 1 and backups[0].reason == "new-year"
    assert window.selection.year == demo_year + 1 and window.tree.topLevelItemCount() > 0
    assert no_modal_dialogs[-1].startswith(f"已开始 {demo_year + 1} 年度。")
