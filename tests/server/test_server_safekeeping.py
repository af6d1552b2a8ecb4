"""文件 → 备份… / 检查数据 / 恢复… / 数据位置… on a store on a server: pg_dump, the catalogue, and what to use instead."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import text

from tests.server.backends import Server
from zeshi_desktop.gui import dialogs, safekeeping
from zeshi_desktop.gui.main_window import MainWindow


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """What the dialogs said (kind, text), instead of showing them."""
    out: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, t: out.append(("error", t)))
    monkeypatch.setattr(dialogs, "show_info", lambda parent, t: out.append(("info", t)))
    monkeypatch.setattr(safekeeping.saved, "show_path", lambda parent, t, path: out.append(("saved", t)))
    return out


def _menu(window: MainWindow) -> dict[str, object]:
    return {a.text(): a for a in window.menuBar().actions()[0].menu().actions()}


def test_the_file_menu_backs_up_checks_and_says_how_to_restore_a_server(
        qtbot, server: Server, tmp_path: Path, said, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    with server.copy("demo") as on_server:
        window = MainWindow(on_server, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        menu = _menu(window)
        assert all(menu[name].isEnabled() for name in ("备份…", "恢复…", "检查数据", "数据位置…"))

        asked: list[str] = []
        target = tmp_path / "office"
        monkeypatch.setattr(safekeeping, "choose_dump_path", lambda parent, suggested: asked.append(suggested)
                            or str(target) + ".dump")
        menu["备份…"].trigger()
        assert asked and asked[0].endswith(".dump") and on_server.engine.url.database in Path(asked[0]).name
        assert said[-1] == ("saved", f"已备份到：\n{target}.dump")
        assert Path(f"{target}.dump").read_bytes()[:5] == b"PGDMP"   # pg_dump's custom format

        monkeypatch.setattr(safekeeping, "choose_dump_path", lambda parent, suggested: None)
        before = len(said)
        menu["备份…"].trigger()   # cancelled: nothing made, nothing said
        assert len(said) == before

        checked: list[object] = []
        monkeypatch.setattr(safekeeping, "show_check", lambda parent, report: checked.append(report))
        menu["检查数据"].trigger()
        assert checked and checked[-1].sound   # type: ignore[attr-defined]
        with on_server.engine.begin() as c:   # a rule switched off on the server: the check says so
            c.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
        menu["检查数据"].trigger()
        codes = {f.message.code for f in checked[-1].findings}   # type: ignore[attr-defined]
        assert "server.check.trigger_disabled" in codes

        menu["恢复…"].trigger()
        assert said[-1][0] == "info" and "pg_restore" in said[-1][1]
        menu["数据位置…"].trigger()
        assert said[-1][0] == "info" and on_server.url in said[-1][1] and "管理员" in said[-1][1]
        window.close()
