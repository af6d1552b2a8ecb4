"""Long runs of the package fuzzer: atheris (coverage-guided, libFuzzer) when it is installed, plain random without.

Not collected by pytest (the name does not start with ``test_``); the suite's
seeded fuzzer is ``tests/packages/test_fuzz.py``, with the same mutations
(``tests/packages/mutants.py``) and the same rule: a mutant is imported, or
refused with a message (a ``zeshi_desktop.messages.Refused``) and the store's
bytes are unchanged. Anything else is a finding.

    pip install atheris                                    # optional: Linux/macOS wheels for CPython 3.8-3.11
    python tests/fuzz/fuzz_packages.py -atheris_runs=20000 # structured mutants, coverage-guided
    python tests/fuzz/fuzz_packages.py --raw seeds/ -max_len=200000   # libFuzzer mutating the file's bytes
    python tests/fuzz/fuzz_packages.py --random 5000 --seed 7        # no atheris needed: random mutation
    python tests/fuzz/fuzz_packages.py --random 3000 --seed 11 --keep handover.import.store_refused

In ``--raw`` mode the six packages of the demo year are written to the seed
folder first, and libFuzzer grows its corpus there. Without atheris (or with
``--random N``) the harness runs N random mutants from ``--seed`` and stops.
Findings (the mutant and its traceback) are kept in ``--findings``
(default ``fuzz-findings/``); the exit code is 1 when there is one.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

try:
    import atheris
except ImportError:   # the random loop below needs nothing but the program
    atheris = None

T = TypeVar("T")


class RandomChooser:
    """``mutants.Chooser`` over ``random.Random``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def choice(self, options: Sequence[T], label: str) -> T:
        return options[self.rng.randrange(len(options))]

    def integer(self, low: int, high: int, label: str) -> int:
        return self.rng.randint(low, high)

    def boolean(self, label: str) -> bool:
        return self.rng.random() < 0.5

    def binary(self, max_size: int, label: str) -> bytes:
        return self.rng.randbytes(self.rng.randint(0, max_size))

    def text(self, max_size: int, label: str) -> str:
        alphabet = "09.-=aZ_x#定稿\u3000\x00\x1f\ud7ff\U0001F600 "
        return "".join(self.rng.choice(alphabet) for _ in range(self.rng.randint(0, max_size)))

    def json(self, label: str, depth: int = 0) -> Any:
        kind = self.rng.randrange(7 if depth < 3 else 5)
        if kind == 0:
            return None
        if kind == 1:
            return self.boolean(label)
        if kind == 2:
            return self.rng.choice([0, 1, -1, 7, 2**63, 10**20])
        if kind == 3:
            return self.rng.choice([0.5, -0.0, 1e308])
        if kind == 4:
            return self.text(8, label)
        if kind == 5:
            return [self.json(label, depth + 1) for _ in range(self.rng.randint(0, 3))]
        return {self.text(5, label): self.json(label, depth + 1) for _ in range(self.rng.randint(0, 3))}

    def cell(self, label: str) -> Any:
        from tests.packages.mutants import INTERESTING

        kind = self.rng.randrange(4)
        if kind == 0:
            return self.rng.choice(INTERESTING)
        if kind == 1:
            return self.rng.randint(-10**12, 10**12)
        if kind == 2:
            return self.rng.choice([None, 0.1, -5, 1e-9, float("inf")])
        return self.text(30, label)


class FuzzedChooser(RandomChooser):
    """``mutants.Chooser`` over atheris's ``FuzzedDataProvider``: libFuzzer's bytes decide every choice."""

    def __init__(self, provider: Any) -> None:
        self.provider = provider
        super().__init__(random.Random(provider.ConsumeInt(4)))   # text, JSON and cells from a seeded generator

    def choice(self, options: Sequence[T], label: str) -> T:
        return options[self.provider.ConsumeIntInRange(0, len(options) - 1)]

    def integer(self, low: int, high: int, label: str) -> int:
        return int(self.provider.ConsumeIntInRange(low, high))

    def boolean(self, label: str) -> bool:
        return bool(self.provider.ConsumeBool())

    def binary(self, max_size: int, label: str) -> bytes:
        return bytes(self.provider.ConsumeBytes(self.provider.ConsumeIntInRange(0, max_size)))


def corpus(folder: Path) -> Any:
    """The six packages of the demo year and the stores to import into."""
    from tests.packages import mutants
    from zeshi_desktop.demo.fixture import load_demo
    from zeshi_desktop.packages.signing import installation
    from zeshi_desktop.store.database import Database

    os.environ["ZESHI_KEY_DIR"] = str(folder / "keys")
    demo = folder / "demo.sqlite3"
    db = Database.open(demo)
    with db.write() as session:
        load_demo(session)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return mutants.make_corpus(folder, demo, installation)


def keep_finding(findings: Path, mutant: Path, error: BaseException, prefix: str = "finding") -> Path:
    findings.mkdir(parents=True, exist_ok=True)
    n = len(list(findings.glob(f"{prefix}-*.xlsx")))
    kept = findings / f"{prefix}-{n:04d}.xlsx"
    kept.write_bytes(mutant.read_bytes())
    kept.with_suffix(".txt").write_text("".join(traceback.format_exception(error)), "utf-8")
    return kept


def summary(outcomes: Any) -> str:
    total = outcomes["imported"] + outcomes["refused"]
    lines = [f"{total} mutants: {outcomes['imported']} imported, {outcomes['refused']} refused with a message"]
    lines += [f"  {count:6d}  {name}" for name, count in outcomes.most_common() if name.startswith("refused ")]
    return "\n".join(lines)


def run_random(work: Path, findings: Path, count: int, seed: int, keep: frozenset[str] = frozenset()) -> int:
    from tests.packages import mutants

    data = corpus(work)
    rng = random.Random(seed)
    found = 0
    try:
        for i in range(count):
            ch = RandomChooser(random.Random(rng.getrandbits(64)))
            path = work / "mutant.xlsx"
            mutants.mutate(ch, data, path)
            try:
                outcome = mutants.import_mutant(ch, data, path)
                if outcome in keep:   # a refusal asked to be looked at (--keep CODE): kept, not a finding
                    print(f"kept: {keep_finding(findings, path, RuntimeError(outcome), 'kept')}: {outcome}")
            except Exception as error:   # a traceback where a refusal belongs: the finding
                found += 1
                print(f"finding: {keep_finding(findings, path, error)}: {type(error).__name__}: {error}")
                data.close()
            if (i + 1) % 100 == 0:
                print(summary(data.outcomes).splitlines()[0], flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        data.close()
    print(summary(data.outcomes))
    print(f"{found} findings" + (f" in {findings}" if found else ""))
    return 1 if found else 0


def run_atheris(work: Path, raw: Path | None, argv: list[str]) -> None:
    with atheris.instrument_imports(include=["zeshi_desktop", "openpyxl", "zipfile", "tests.packages"]):
        from tests.packages import mutants
        from zeshi_desktop.messages import Refused
        from zeshi_desktop.services.handover.importing import import_package

    data = corpus(work)
    path = work / "mutant.xlsx"
    if raw is not None:
        raw.mkdir(parents=True, exist_ok=True)
        for kind, content in data.packages.items():
            (raw / f"{kind}.xlsx").write_bytes(content)

    def one_raw(content: bytes) -> None:
        path.write_bytes(content)
        db = data.store("demo")
        before = mutants.store_digest(db)
        try:
            with db.write() as session:
                report = import_package(session, path, accept_edited=True, reason="fuzz", keep_all="theirs")
        except Refused as refused:
            assert mutants.store_digest(db) == before, f"{refused.code}: the store changed"
            refused.message("zh")
            refused.message("en")
            return
        if report.written:
            data.spoilt("demo")

    def one_structured(content: bytes) -> None:
        ch = FuzzedChooser(atheris.FuzzedDataProvider(content))
        mutants.mutate(ch, data, path)
        mutants.import_mutant(ch, data, path)

    atheris.Setup(argv + ([str(raw)] if raw is not None else []), one_raw if raw is not None else one_structured)
    atheris.Fuzz()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--random", type=int, metavar="N", help="run N random mutants (no atheris needed)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--raw", type=Path, metavar="SEEDS", help="atheris on the file's bytes, seeds kept here")
    parser.add_argument("--findings", type=Path, default=Path("fuzz-findings"))
    parser.add_argument("--keep", action="append", default=[], metavar="CODE",
                        help="also keep the mutants refused with this code (kept-NNNN.xlsx), to look at")
    args, rest = parser.parse_known_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.random is not None or atheris is None:
            if atheris is None and args.random is None:
                print("atheris is not installed: running 1,000 random mutants (pip install atheris for more)")
            return run_random(Path(tmp), args.findings, args.random or 1_000, args.seed, frozenset(args.keep))
        run_atheris(Path(tmp), args.raw, [sys.argv[0], *rest])
    return 0


if __name__ == "__main__":
    sys.exit(main())
