"""The one convention for errors: exit code 2, stdout empty, one report on stderr (JSON with --json)."""

from __future__ import annotations

import json

import pytest

from zeshi_desktop.cli.parser import build_parser


def _json_error(err: str) -> dict:  # type: ignore[type-arg]
    lines = err.splitlines()
    assert len(lines) == 1, err
    data = json.loads(lines[0])
    assert set(data) == {"error"} and {"code", "message"} <= set(data["error"])
    return data["error"]


@pytest.mark.parametrize("json_where", ["before", "after"])
def test_a_refusal_with_json_is_one_json_line_on_stderr(zeshi, db, json_where: str) -> None:  # type: ignore[no-untyped-def]
    args = ["rank", "--district", "火星区"]
    args = ["--json", *args] if json_where == "before" else [*args, "--json"]
    code, out, err = zeshi("--db", db, *args)
    assert code == 2 and out == ""
    assert _json_error(err) == {"code": "lookup.no_district", "message": "没有区“火星区”"}


def test_a_refusal_without_json_is_one_line(zeshi, db) -> None:  # type: ignore[no-untyped-def]
    code, out, err = zeshi("--db", db, "rank", "--district", "火星区")
    assert (code, out, err) == (2, "", "zeshi: 没有区“火星区”\n")


def test_the_json_error_is_in_the_language_asked(zeshi, db) -> None:  # type: ignore[no-untyped-def]
    code, out, err = zeshi("--db", db, "--lang", "en", "--json", "rank", "--district", "火星区")
    assert code == 2 and out == "" and _json_error(err)["message"] == "No district \"火星区\""


def test_a_command_line_refusal_has_a_cli_code(zeshi, db) -> None:  # type: ignore[no-untyped-def]
    code, _, err = zeshi("--db", db, "--json", "history")
    assert code == 2 and _json_error(err) == {"code": "cli.history.need_subject",
                                               "message": "请给出 --planner P 或 --district D"}
    code, _, err = zeshi("--db", db, "--lang", "en", "history")
    assert err == "zeshi: Give --planner P or --district D\n"


def test_a_usage_error_with_json_is_json_too(zeshi, db) -> None:  # type: ignore[no-untyped-def]
    code, out, err = zeshi("--db", db, "rank", "--json", "--no-such-option")
    assert code == 2 and out == ""
    error = _json_error(err)
    assert error["code"] == "usage" and "--no-such-option" in error["message"]


def test_a_usage_error_without_json_is_argparse_own(zeshi) -> None:  # type: ignore[no-untyped-def]
    code, out, err = zeshi("rank", "--no-such-option")
    assert code == 2 and out == "" and "unrecognized arguments: --no-such-option" in err


def test_a_missing_file_is_reported_not_raised(zeshi, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = zeshi("--db", db, "--json", "score", "--form", "3-1", "--unit", "景山街道",
                           "--file", str(tmp_path / "none.json"))
    missing = tmp_path / "none.json"
    assert code == 2 and out == "" and _json_error(err) == {
        "code": "cli.file.cannot_read", "message": f"无法读取 {missing}：文件或文件夹不存在"}


def test_the_convention_is_in_the_help(zeshi) -> None:  # type: ignore[no-untyped-def]
    for lang, words in (("zh", "标准错误输出一行"), ("en", "one line on stderr")):
        code, out, _ = zeshi("--lang", lang, "--help")
        assert code == 0 and words in out and '{"error": {"code": ' in out
    assert "zeshi: <reason>" in build_parser(lang="en").format_help()


def _refused_for_cells(args):  # type: ignore[no-untyped-def]
    from zeshi_desktop.messages import Message
    from zeshi_desktop.packages.errors import CellProblem
    from zeshi_desktop.services.handover.importing import PackageImportRefused

    raise PackageImportRefused("cli.no_year", problems=[CellProblem("3-1", "F12", Message("cli.score.nothing"))])


@pytest.mark.parametrize("as_json", [False, True])
def test_a_package_refused_for_its_cells(capsys, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    import argparse

    from zeshi_desktop.cli.common import run_command

    code = run_command(argparse.Namespace(handler=_refused_for_cells, json=as_json, lang="en"))
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    if not as_json:
        lines = err.splitlines()
        assert lines[0].startswith("zeshi: The database has no review year yet") and len(lines) == 2
        assert "F12" in lines[1]
        return
    error = _json_error(err)
    assert error["code"] == "cli.no_year" and "\n" not in error["message"]
    assert error["problems"] == [{"sheet": "3-1", "cell": "F12",
                                  "message": "3-1!F12: Nothing to write: give ITEM=SCORE, --file, --remarks or --answer"}]
