"""The message catalogue: every code has both languages with the same parameters, and renders."""

from __future__ import annotations

import ast
import re
from decimal import Decimal
from pathlib import Path

import pytest

from zeshi_desktop.messages import Catalogue, CatalogueError, Message, Refused, catalogue, number_text
from zeshi_desktop.messages.catalogue import fields

PACKAGE = Path(__file__).resolve().parents[2] / "zeshi_desktop"
CJK = re.compile(r"[\u3400-\u9fff]")


def test_every_code_has_both_languages_with_the_same_parameters() -> None:
    entries = list(catalogue())
    assert len(entries) > 10
    for entry in entries:
        assert entry.zh and entry.en, entry.code
        assert fields(entry.zh) == fields(entry.en), entry.code
        params = {name: f"<{name}>" for name in entry.params}
        zh = Message(entry.code, **params).text("zh")
        en = Message(entry.code, **params).text("en")
        for value in params.values():
            assert value in zh and value in en, entry.code


def test_english_texts_have_no_chinese() -> None:
    chinese = [e.code for e in catalogue() if CJK.search(e.en)]
    assert chinese == []


def _write(tmp_path: Path, name: str, body: str) -> Path:
    (tmp_path / name).write_text(body, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("body", "why"), [
    ('[demo.a]\nzh = "{x} 不对"\nen = "{y} is wrong"\n', "zh uses"),
    ('[demo.a]\nzh = "不对"\n', "needs a non-empty zh and en"),
    ('[other.a]\nzh = "不对"\nen = "wrong"\n', "begin with 'demo.'"),
    ('[demo.a]\nzh = "{x.y}"\nen = "{x.y}"\n', "plain names"),
    ('[demo.a\n', "demo.toml"),
])
def test_a_broken_catalogue_file_is_refused_naming_it(tmp_path: Path, body: str, why: str) -> None:
    with pytest.raises(CatalogueError, match=re.escape(why)):
        Catalogue.load(_write(tmp_path, "demo.toml", body))


def test_unknown_code_and_missing_parameter_are_programming_errors() -> None:
    with pytest.raises(CatalogueError):
        Message("no.such.code")


def test_parameters_render_in_the_language_asked() -> None:
    class Label:
        zh, en = "优秀", "Excellent"

    refused = Refused("common.yes")
    assert refused.code == "common.yes" and refused.message("en") == "yes" and str(refused) == "是"
    from zeshi_desktop.messages.message import render
    assert render(Label(), "en") == "Excellent" and render(Label(), "zh") == "优秀"
    assert render(["甲", "乙"], "zh") == "甲、乙" and render(["a", "b"], "en") == "a, b"
    assert render(True, "zh") == "是" and render(False, "en") == "no"
    assert render(Decimal("85.50"), "en") == "85.5"


@pytest.mark.parametrize(("value", "places", "text"), [
    (Decimal("85"), 2, "85"), (Decimal("85.50"), 2, "85.5"), (Decimal("85.335"), 2, "85.34"),
    (Decimal("85.334"), 2, "85.33"), (Decimal("-0.001"), 2, "0"), (None, 2, ""), (7, 2, "7"),
    (Decimal("12.25"), 1, "12.3"),
])
def test_number_text(value: Decimal | None, places: int, text: str) -> None:
    assert number_text(value, places) == text


REFUSAL_CALLS = {"Message", "Refused", "ActionRefused", "NotFound", "SheetLocked", "PackageRefused",
                 "PackageImportRefused", "ScoreRefused", "WeightsRefused", "CodeRefused", "text"}


def test_every_code_named_in_the_program_is_in_the_catalogue() -> None:
    """A code written in Python (``ActionRefused("roster.x")``) must exist, or the refusal would crash."""
    missing = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            first = node.args[0]
            if name in REFUSAL_CALLS and isinstance(first, ast.Constant) and isinstance(first.value, str) \
                    and re.fullmatch(r"[a-z_0-9]+(\.[a-z_0-9]+)+", first.value) and first.value not in catalogue():
                missing.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {first.value}")
    assert missing == []


def test_a_missing_parameter_is_a_programming_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = Catalogue.load(_write(tmp_path, "demo.toml", '[demo.a]\nzh = "{x} 不对"\nen = "{x} is wrong"\n'))
    monkeypatch.setattr("zeshi_desktop.messages.message.catalogue", lambda: loaded)
    assert Message("demo.a", x=1).text("en") == "1 is wrong"
    with pytest.raises(TypeError):
        Message("demo.a")
