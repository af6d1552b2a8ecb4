"""The parser: shared options before or after the command, help for every option, one yes/no reader, old spellings."""

from __future__ import annotations

import argparse
import importlib
import json

import pytest

from zeshi_desktop.cli.options import boolean, boolean_words
from zeshi_desktop.cli.parser import COMMANDS, build_parser


def _actions(parser: argparse.ArgumentParser, path: str = "zeshi"):  # type: ignore[no-untyped-def]
    """Every action of ``parser`` and of its sub-parsers, with where it is."""
    for action in parser._actions:
        yield path, action
        if isinstance(action, argparse._SubParsersAction):
            for pseudo in action._choices_actions:  # the lines `zeshi --help` lists
                yield f"{path} {pseudo.dest}", pseudo
            for name, sub in action.choices.items():
                yield from _actions(sub, f"{path} {name}")


def test_every_option_and_positional_has_help() -> None:
    parser = build_parser(load_all=True)
    missing = [f"{where}: {action.option_strings or action.dest}" for where, action in _actions(parser)
               if not action.help]
    assert missing == []


def test_hidden_aliases_are_the_only_suppressed_help() -> None:
    hidden = sorted(s for _, a in _actions(build_parser(load_all=True)) if a.help == argparse.SUPPRESS
                    for s in a.option_strings)
    assert hidden == ["--group", "--name", "--street", "--trimmed"]


def test_the_light_table_names_each_command_of_each_module() -> None:
    by_module: dict[str, set[str]] = {}
    for name, (module, _) in COMMANDS.items():
        by_module.setdefault(module, set()).add(name)
    for module, names in by_module.items():
        assert set(importlib.import_module(f"zeshi_desktop.cli.{module}").COMMANDS) == names


@pytest.mark.parametrize("args", [
    ("--json", "rank", "--districts"), ("rank", "--districts", "--json"), ("rank", "--json", "--districts"),
])
def test_json_before_or_after_the_command(zeshi, db, args) -> None:  # type: ignore[no-untyped-def]
    code, out, err = zeshi("--db", db, *args)
    assert code == 0 and err == ""
    assert {r["district"] for r in json.loads(out)["rows"]} >= {"东城区", "延庆区"}


def test_db_and_lang_after_the_command(zeshi, db) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = zeshi("weights", "--district", "东城区", "--db", db, "--lang", "en")
    assert code == 0 and out.startswith("Weights of 2025: street office 40%")
    assert zeshi("--lang", "en", "weights", "--district", "东城区", "--db", db)[1] == out


def test_a_value_given_before_the_command_is_kept(zeshi, db) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = zeshi("--db", db, "--lang", "en", "--json", "rank", "--district", "东城区")
    assert code == 0 and json.loads(out)["rows"][0]["band"] == "Excellent"


@pytest.mark.parametrize(("words", "value"), [
    (("是", "yes", "YES", "true", "True", "on", " ON "), True),
    (("否", "no", "No", "false", "FALSE", "off"), False),
])
def test_one_reader_of_yes_no(words: tuple[str, ...], value: bool) -> None:
    assert {boolean(w) for w in words} == {value}


@pytest.mark.parametrize("word", ["", "maybe", "1", "y", "是的"])
def test_anything_else_is_not_a_yes_no(word: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="not a yes/no value"):
        boolean(word)
    assert "是" in boolean_words(True) and "否" in boolean_words(False)


@pytest.mark.parametrize(("flag", "word", "expected"), [
    ("--trimmed-mean", "是", True), ("--trimmed-mean", "no", False), ("--trimmed", "on", True),
    ("--trimmed", "false", False),
])
def test_trimmed_mean_takes_any_yes_no(zeshi, db, flag: str, word: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = zeshi("--db", db, "--json", "weights", "--district", "东城区", flag, word)
    assert code == 0 and json.loads(out)["trimmed_mean"] is expected


def test_a_wrong_yes_no_is_a_usage_error(zeshi, db) -> None:  # type: ignore[no-untyped-def]
    code, out, err = zeshi("--db", db, "weights", "--district", "东城区", "--trimmed-mean", "maybe")
    assert code == 2 and out == "" and "not a yes/no value" in err


@pytest.mark.parametrize("spelling", [("--street-weight", "55", "--district-weight", "45"),
                                      ("--street", "55", "--group", "45")])
def test_weights_new_and_old_spellings(zeshi, db, spelling: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = zeshi("--db", db, "--json", "weights", "--district", "东城区", *spelling)
    data = json.loads(out)
    assert code == 0 and (data["street_weight"], data["district_weight"], data["set"]) == ("55", "45", True)
    code, out, _ = zeshi("--db", db, "--json", "rank", "--district", "东城区")
    assert (json.loads(out)["street_weight"], json.loads(out)["district_weight"]) == ("55", "45")


def test_weights_need_both(zeshi, db) -> None:  # type: ignore[no-untyped-def]
    code, _, err = zeshi("--db", db, "weights", "--district", "东城区", "--street-weight", "50")
    assert code == 2 and err == "zeshi: 须同时给出 --street-weight 和 --district-weight 两项权重\n"


def test_the_same_keys_for_the_same_things(zeshi, db) -> None:  # type: ignore[no-untyped-def]
    """`rank --districts` and `dashboard --city` name a district's row alike; ids end in _id."""
    city = json.loads(zeshi("--db", db, "--json", "rank", "--districts")[1])["rows"][0]
    board = json.loads(zeshi("--db", db, "--json", "dashboard", "--city")[1])["districts"][0]
    assert set(city) == set(board) and "eligible_excellent" in city
    sheet = json.loads(zeshi("--db", db, "--json", "sheets", "--form", "3-1")[1])[0]
    assert {"sheet_id", "appointment_id", "district_id", "reviewer_id"} <= set(sheet)
    district = json.loads(zeshi("--db", db, "--json", "dashboard", "--district", "东城区")[1])
    assert "appointment_id" in district["ranking"][0] and "appointment_id" in district["spreads"][0]


def test_yes_no_answers_take_any_yes_no(zeshi, db) -> None:  # type: ignore[no-untyped-def]
    sel = ("--form", "4-2", "--district", "东城区")
    assert zeshi("--db", db, "unlock", *sel, "--reason", "复核")[0] == 0
    code, out, _ = zeshi("--db", db, "--json", "score", *sel, "--answer", "contracts_signed=否")
    assert code == 0 and json.loads(out)["answers"]["contracts_signed"] == "no"
    code, out, _ = zeshi("--db", db, "--json", "score", *sel, "--answer", "contracts_signed=TRUE")
    assert code == 0 and json.loads(out)["answers"]["contracts_signed"] == "yes"
    code, _, err = zeshi("--db", db, "score", *sel, "--answer", "contracts_signed=maybe")
    assert code == 2 and "“maybe”不是“是”或“否”（可填：是、否、yes、no" in err   # the service's refusal


def test_key_takes_signer_name_and_its_old_spelling(zeshi, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ZESHI_KEY_DIR", str(tmp_path / "keys"))
    assert json.loads(zeshi("--json", "key", "--signer-name", "东城区专班")[1])["name"] == "东城区专班"
    assert json.loads(zeshi("--json", "key", "--name", "西城区专班")[1])["name"] == "西城区专班"
