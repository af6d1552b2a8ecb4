"""A seeded fuzzer over every package kind: each mutant is imported, or refused with a message; nothing else.

One package of each of the six kinds is exported from the demo year; each
example damages one (``mutants``: bytes flipped in the zip, entries dropped,
doubled, renamed or cut, cells and sheets rewritten through openpyxl, manifest
fields replaced or edited inside their JSON, signed again or not) and imports
it into a copy of the demo store or an empty one, as a preview or for real,
accepting an edited package or not. The only outcomes allowed are "imported"
and a ``Refused`` whose message renders in both languages; after a refusal the
store's bytes are what they were. ``hypothesis`` draws the examples from a
fixed seed (``derandomize``): the same mutants on every run, and a failure
shrinks to a small one.

The count and the outcomes are printed in pytest's summary (``conftest``);
``test_the_fuzzer_ran_enough_mutants`` holds CI to at least 300. For longer
runs, ``tests/fuzz/fuzz_packages.py`` (atheris, or plain random mutation).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zeshi_desktop.packages.signing import installation

from . import mutants

T = TypeVar("T")
MUTANTS = 500          # CI: at least 300 per run (~25 s here)
JSON = st.recursive(st.none() | st.booleans() | st.integers(-3, 10**10) | st.floats(allow_nan=False)
                    | st.text(max_size=8), lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=8)
CELL = st.one_of(st.none(), st.integers(-10**12, 10**12), st.floats(), st.booleans(), st.text(max_size=30),
                 st.sampled_from(mutants.INTERESTING))


class Draws:
    """``mutants.Chooser`` over hypothesis: every choice a labelled draw, so a failure shrinks and reads well."""

    def __init__(self, data: st.DataObject) -> None:
        self.data = data

    def choice(self, options: Sequence[T], label: str) -> T:
        return self.data.draw(st.sampled_from(options), label=label)

    def integer(self, low: int, high: int, label: str) -> int:
        return self.data.draw(st.integers(low, high), label=label)

    def boolean(self, label: str) -> bool:
        return self.data.draw(st.booleans(), label=label)

    def binary(self, max_size: int, label: str) -> bytes:
        return self.data.draw(st.binary(max_size=max_size), label=label)

    def text(self, max_size: int, label: str) -> str:
        return self.data.draw(st.text(max_size=max_size), label=label)

    def json(self, label: str) -> Any:
        return self.data.draw(JSON, label=label)

    def cell(self, label: str) -> Any:
        return self.data.draw(CELL, label=label)


@pytest.fixture(scope="module")
def corpus(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory,
           request: pytest.FixtureRequest) -> Iterator[mutants.Corpus]:
    folder = tmp_path_factory.mktemp("fuzz")
    old = os.environ.get("ZESHI_KEY_DIR")
    os.environ["ZESHI_KEY_DIR"] = str(folder / "sender-keys")
    try:
        corpus = mutants.make_corpus(folder, _demo_template, installation)
    finally:
        if old is None:
            del os.environ["ZESHI_KEY_DIR"]
        else:
            os.environ["ZESHI_KEY_DIR"] = old
    request.config.zeshi_fuzz_outcomes = corpus.outcomes   # type: ignore[attr-defined]  # conftest prints them
    yield corpus
    corpus.close()


@settings(max_examples=MUTANTS, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_every_mutant_is_imported_or_refused_with_a_message(corpus: mutants.Corpus, data: st.DataObject) -> None:
    draws = Draws(data)
    path = corpus.folder / "mutant.xlsx"
    mutants.mutate(draws, corpus, path)
    mutants.import_mutant(draws, corpus, path)


def test_the_fuzzer_ran_enough_mutants(request: pytest.FixtureRequest) -> None:
    """Runs after the fuzzer (file order); skipped when the fuzzer was not selected."""
    outcomes = getattr(request.config, "zeshi_fuzz_outcomes", None)
    if not outcomes:
        pytest.skip("the fuzzer did not run")
    assert outcomes["imported"] + outcomes["refused"] >= 300, outcomes
