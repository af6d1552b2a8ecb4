"""Mutations of a real package, shared by the seeded fuzzer in the suite and the long-running harness.

Every choice goes through a ``Chooser``: ``hypothesis`` draws in
``test_fuzz`` (seeded, shrinkable), atheris's ``FuzzedDataProvider`` or a plain
``random.Random`` in ``tests/fuzz/fuzz_packages.py``. The mutations damage a
package the way a stick, a mail server, a spreadsheet program or an attacker
would: bytes flipped (anywhere, in the zip's directory, in a sheet's
compressed data), entries dropped, doubled, renamed, cut or replaced, cells
rewritten through openpyxl (values, formulas, merges, rows and sheets removed
or renamed), manifest fields replaced or edited inside their JSON, signed
again with the sender's key or not.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from openpyxl import load_workbook

from zeshi_desktop.messages import Refused
from zeshi_desktop.packages.manifest import FIELDS
from zeshi_desktop.packages.signing import Installation
from zeshi_desktop.services.handover import export as package_export
from zeshi_desktop.services.handover.importing import import_package
from zeshi_desktop.store.database import Database

from . import crafting

T = TypeVar("T")
YEAR = 2025
KINDS: dict[str, dict[str, Any]] = {
    "district-street": {"units": ["DC-U01"]},
    "street-district": {"units": ["DC-U01", "DC-U02"]},
    "reviewer-district": {"reviewer": "DC-R1"},
    "district-city": {"district": "DC"},
    "reviewer-city": {"reviewer": "CITY-R1"},
    "city-district": {"district": "DC"},
}
INTERESTING = ["=1+1", "=SUM(E8:E9)", "定稿", "草稿", "９", "9O", "10.05", "-0", "1e3", "_x000D_", "#keys", "",
               " ", "\u3000２ ", "DC-U01/P001", "DC-U02/P002", "status", "remarks", "同意", "不同意", "NaN", "inf",
               "1" * 400, "长" * 33_000, "\u2028", "P999", "DC", "YQ", "manifest", datetime(2025, 1, 1), True, 1e308]


class Chooser(Protocol):
    """Where a mutation's choices come from."""

    def choice(self, options: Sequence[T], label: str) -> T: ...
    def integer(self, low: int, high: int, label: str) -> int: ...
    def boolean(self, label: str) -> bool: ...
    def binary(self, max_size: int, label: str) -> bytes: ...
    def text(self, max_size: int, label: str) -> str: ...
    def json(self, label: str) -> Any: ...
    def cell(self, label: str) -> Any: ...


@dataclass(repr=False)
class Corpus:
    """One package of each kind from the demo year, the stores to import into, and the outcomes so far."""

    folder: Path
    packages: dict[str, bytes]
    manifests: dict[str, dict[str, str]]
    templates: dict[str, Path]              # "demo" | "empty" → a store file to copy
    signer: Installation
    outcomes: Counter[str] = field(default_factory=Counter)   # "imported" | "refused" | "refused <code>"
    stores: dict[str, Database] = field(default_factory=dict)

    def store(self, target: str) -> Database:
        """The store to import into; a fresh copy only after an import wrote to the last one."""
        if target not in self.stores:
            path = self.folder / f"{target}-{sum(self.outcomes.values())}.sqlite3"
            shutil.copy(self.templates[target], path)
            self.stores[target] = Database.open(path)
        return self.stores[target]

    def spoilt(self, target: str) -> None:
        self.stores.pop(target).dispose()

    def close(self) -> None:
        for db in self.stores.values():
            db.dispose()
        self.stores.clear()

    def __repr__(self) -> str:
        return f"Corpus({self.folder})"


def make_corpus(folder: Path, demo_store: Path, signer: Callable[[], Installation]) -> Corpus:
    """Export the six packages from a copy of ``demo_store`` (the key folder must be set by the caller)."""
    demo = Path(shutil.copy(demo_store, folder / "demo-template.sqlite3"))
    empty = folder / "empty-template.sqlite3"
    Database.open(empty).dispose()
    packages, manifests = {}, {}
    db = Database.open(Path(shutil.copy(demo, folder / "sender.sqlite3")))
    for kind, selectors in KINDS.items():
        path = folder / f"{kind}.xlsx"
        with db.read() as s:
            package_export.export_package(s, kind, YEAR, path, **selectors)
        packages[kind] = path.read_bytes()
        manifests[kind] = crafting.manifest_rows(path)
    db.dispose()
    return Corpus(folder, packages, manifests, {"demo": demo, "empty": empty}, signer())


def store_digest(db: Database) -> str:
    """The store file's bytes after a checkpoint (as ``conftest.store_digest``): equal means nothing was written."""
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert db.path is not None
    return hashlib.sha256(db.path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- mutations

def flip_bytes(ch: Chooser, path: Path) -> None:
    raw = bytearray(path.read_bytes())
    region = ch.choice(["anywhere", "directory", "sheet"], "region")
    start, end = 0, len(raw)
    if region == "directory":   # the central directory and its end record: names, sizes, offsets, CRCs
        start = struct.unpack_from("<I", raw, raw.rfind(b"PK\x05\x06") + 16)[0]
    elif region == "sheet":
        with zipfile.ZipFile(path) as archive:
            sheets = [i.filename for i in archive.infolist() if i.filename.startswith("xl/worksheets/")]
        start, size = crafting.local_data(path, ch.choice(sheets, "sheet"))
        end = start + max(size, 1)
    for _ in range(ch.integer(1, 6, "flips")):
        at = ch.integer(start, end - 1, "at")
        raw[at] ^= ch.integer(1, 255, "xor")
    path.write_bytes(bytes(raw))


def zip_surgery(ch: Chooser, path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        entries = [(i.filename, archive.read(i)) for i in archive.infolist()]
    action = ch.choice(["drop", "double", "rename", "truncate", "garbage", "swap", "add", "stored"], "surgery")
    i = ch.integer(0, len(entries) - 1, "entry")
    name, body = entries[i]
    if action == "truncate":
        raw = path.read_bytes()
        path.write_bytes(raw[:ch.integer(0, len(raw) - 1, "cut")])
        return
    if action == "drop":
        del entries[i]
    elif action == "double":
        entries.append((name, body[:len(body) // 2]))
    elif action == "rename":
        entries[i] = (ch.choice(["xl/data/sheet1.xml", name.upper(), name + "\x00", "../" + name,
                                 "xl/worksheets/sheet99.xml"], "name"), body)
    elif action == "garbage":
        entries[i] = (name, ch.binary(200, "garbage"))
    elif action == "swap":
        j = ch.integer(0, len(entries) - 1, "other")
        entries[i], entries[j] = (name, entries[j][1]), (entries[j][0], body)
    elif action == "add":
        entries.append((ch.choice(["xl/sharedStrings.xml", "xl/vbaProject.bin", "customXml/x.xml",
                                   "xl/calcChain.xml"], "added"), ch.binary(100, "content")))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # "Duplicate name": the point of ``double``
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED if action == "stored" else zipfile.ZIP_DEFLATED) as out:
            for entry, content in entries:
                out.writestr(entry, content)


def cells(ch: Chooser, path: Path) -> None:
    """Edit the workbook as a spreadsheet program would (openpyxl); an edit openpyxl refuses is not made."""
    wb = load_workbook(path)
    for _ in range(ch.integer(1, 5, "edits")):
        ws = wb[ch.choice(wb.sheetnames, "sheet")]
        edit = ch.choice(["value", "value", "value", "merge", "delete_rows", "delete_cols", "insert_rows",
                          "remove_sheet", "rename_sheet"], "edit")
        row, col = ch.integer(1, ws.max_row + 2, "row"), ch.integer(1, ws.max_column + 2, "col")
        try:
            if edit == "value":
                ws.cell(row=row, column=col).value = ch.cell("value")
            elif edit == "merge":
                ws.merge_cells(start_row=row, start_column=col, end_row=row + ch.integer(0, 3, "down"),
                               end_column=col + ch.integer(1, 3, "across"))
            elif edit == "delete_rows":
                ws.delete_rows(row, ch.integer(1, 3, "amount"))
            elif edit == "delete_cols":
                ws.delete_cols(col, 1)
            elif edit == "insert_rows":
                ws.insert_rows(row, 1)
            elif edit == "remove_sheet" and len(wb.sheetnames) > 1:
                wb.remove(ws)
            elif edit == "rename_sheet":
                ws.title = ch.choice(["3-1", "区", "manifest", "x", "3-2 DC-R9"], "title") + "_"
        except Exception:   # an illegal character or title: openpyxl refuses it, as Excel would
            continue
    try:
        wb.save(path)
    except Exception:   # what openpyxl cannot write stays unwritten: the package as it was
        pass


def _edit_json(ch: Chooser, value: Any) -> Any:
    """``value`` with one place inside it (any depth) replaced by a chosen JSON value."""
    if isinstance(value, (list, dict)) and value and ch.boolean("deeper"):
        keys = list(range(len(value))) if isinstance(value, list) else list(value)
        key = ch.choice(keys, "key")
        value[key] = _edit_json(ch, value[key])
        return value
    return ch.json("json")


def manifest(ch: Chooser, path: Path, kind: str, corpus: Corpus) -> None:
    key = ch.choice([*FIELDS, "comment"], "field")
    how = ch.choice(["edit", "replace", "delete"], "how")
    old = corpus.manifests[kind].get(key, "")
    new: object
    if how == "delete":
        new = None
    elif how == "edit" and old.startswith(("{", "[")):
        new = json.dumps(_edit_json(ch, json.loads(old)), ensure_ascii=False)
    elif ch.boolean("as json"):
        new = json.dumps(ch.json("value"), ensure_ascii=False)
    else:
        new = ch.text(40, "value")
    crafting.set_manifest(path, {key: new}, signer=corpus.signer if ch.boolean("signed again") else None)


def mutate(ch: Chooser, corpus: Corpus, path: Path) -> str:
    """Write a mutant of one of the corpus's packages to ``path``; returns its kind."""
    kind = ch.choice(sorted(KINDS), "kind")
    path.write_bytes(corpus.packages[kind])
    mutation = ch.choice(["bytes", "bytes", "zip", "cells", "cells", "manifest"], "mutation")
    if mutation == "bytes":
        flip_bytes(ch, path)
    elif mutation == "zip":
        zip_surgery(ch, path)
    elif mutation == "cells":
        cells(ch, path)
    else:
        manifest(ch, path, kind, corpus)
    return kind


def import_mutant(ch: Chooser, corpus: Corpus, path: Path) -> str:
    """Import ``path`` as chosen; "imported", or the code of a refusal that left the store's bytes unchanged.

    Anything else than a ``Refused`` propagates: that is the bug the fuzzer looks for.
    """
    target = ch.choice(["demo", "empty"], "store")
    options: dict[str, Any] = {"dry_run": ch.boolean("dry run")}
    if ch.boolean("accept edited"):
        options.update(accept_edited=True, reason="fuzz")
    options["keep_all"] = ch.choice([None, "mine", "theirs"], "keep")
    db = corpus.store(target)
    before = store_digest(db)
    try:
        with db.write() as s:
            report = import_package(s, path, **options)
    except Refused as refused:
        assert store_digest(db) == before, f"{refused.code}: the store changed"
        assert refused.code and refused.message("zh") and refused.message("en")
        corpus.outcomes["refused"] += 1
        corpus.outcomes[f"refused {refused.code}"] += 1
        return refused.code
    corpus.outcomes["imported"] += 1
    if report.written:
        corpus.spoilt(target)
    return "imported"
