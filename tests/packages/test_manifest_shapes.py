"""The manifest read by one typed parser: a field missing or of the wrong shape is one refusal naming the field.

The finding: ``origin`` = "x", ``blocks`` = 5, a list where an object belongs
ended in an ``AttributeError`` traceback or a bare ``zeshi: form``. Each
crafted manifest is signed again with the sender's own key, so the signature
holds and only the field is wrong; each refusal is one line, the store unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.server.backends import location
from zeshi_desktop.cli import main
from zeshi_desktop.packages.signing import installation
from zeshi_desktop.services.handover import export as package_export
from zeshi_desktop.services.handover.importing import import_package
from zeshi_desktop.store.database import Database

from . import crafting
from .refusals import refused, street_package


@pytest.fixture
def package(demo_db: Database, demo_year: int, tmp_path: Path) -> Path:
    return street_package(demo_db, demo_year, tmp_path / "street.xlsx")


# ---------------------------------------------------------------- the manifest, read by type

SHAPES: list[tuple[str, object, str, str]] = [
    ("origin", '"x"', "package.manifest.wrong_shape", "origin"),
    ("origin", ["DC"], "package.manifest.wrong_shape", "origin"),
    ("origin", {"district": 5}, "package.manifest.wrong_shape", "origin.district"),
    ("origin", "x", "package.manifest.damaged", "origin"),
    ("blocks", "5", "package.manifest.wrong_shape", "blocks"),
    ("blocks", [[1]], "package.manifest.wrong_shape", "blocks[0]"),
    ("blocks", [{}], "package.manifest.lacks", "blocks[0].title"),
    ("blocks", [{"title": "3-1", "form": "3-1", "version": "1", "orientation": "vertical"}],
     "package.manifest.wrong_shape", "blocks[0].version"),
    ("blocks", [{"title": "3-1", "form": "3-1", "version": 1, "orientation": "sideways"}],
     "package.manifest.wrong_shape", "blocks[0].orientation"),
    ("blocks", [{"title": "3-1", "form": "3-1", "version": True, "orientation": "vertical"}],
     "package.manifest.wrong_shape", "blocks[0].version"),
    ("blocks", "[" * 100_000, "package.manifest.damaged", "blocks"),
    ("tables", {"区": 1}, "package.manifest.wrong_shape", "tables"),
    ("tables", [1], "package.manifest.wrong_shape", "tables[0]"),
    ("row_counts", {"3-1": -1}, "package.manifest.wrong_shape", "row_counts.3-1"),
    ("year", "二〇二五", "package.manifest.wrong_shape", "year"),
    ("package_id", "x", "package.manifest.wrong_shape", "package_id"),
    ("created", "yesterday", "package.manifest.wrong_shape", "created"),
    ("content_hash", "abc", "package.manifest.wrong_shape", "content_hash"),
    ("template", "maybe", "package.manifest.wrong_shape", "template"),
    ("kind", None, "package.manifest.lacks", "kind"),
]


@pytest.mark.parametrize(("key", "value", "code", "field"), SHAPES, ids=[f"{k}-{i}" for i, (k, *_) in enumerate(SHAPES)])
def test_a_manifest_field_of_the_wrong_shape_is_named(package: Path, demo_db: Database, digest, key: str,
                                                      value: object, code: str, field: str) -> None:  # type: ignore[no-untyped-def]
    """Signed again with the sender's own key: the signature holds, only the field is wrong."""
    crafting.set_manifest(package, {key: value}, signer=installation())
    exc = refused(demo_db, package, digest)
    assert exc.code == code
    assert field in exc.message("zh") and field in exc.message("en")


def test_unknown_manifest_rows_are_kept_but_not_read(package: Path, demo_db: Database) -> None:
    crafting.set_manifest(package, {"comment": json.dumps({"any": ["shape"]})}, signer=installation())
    with demo_db.write() as s:
        report = import_package(s, package, dry_run=True)
    assert report.count("unchanged") == 4


# ---------------------------------------------------------------- one line on the command line

def test_the_command_line_says_one_line(package: Path, demo_db: Database, digest,
                                        capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    crafting.patch_central_directory(package, crafting.sheet_part(package, "3-1"), 16, "<I", 0x12345678)
    before = digest(demo_db)
    code = main(["--db", location(demo_db), "import", str(package)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert digest(demo_db) == before


# ---------------------------------------------------------------- the district that nominations belong to

@pytest.mark.parametrize("kind", ["district-city", "city-district"])
def test_nominations_or_decisions_of_a_district_unknown_here_are_refused(demo_db: Database, demo_year: int,
                                                                         tmp_path: Path, digest, kind: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{kind}.xlsx"
    with demo_db.read() as s:
        package_export.export_package(s, kind, demo_year, path, district="DC")
    crafting.set_manifest(path, {"origin": {"district": "ZZ", "district_name": "无此区"}}, signer=installation())
    assert refused(demo_db, path, digest).code == "handover.import.district_not_here"


@pytest.mark.parametrize("kind", ["district-city", "city-district"])
def test_a_package_naming_no_district_leaves_its_honours_out_and_says_so(demo_db: Database, demo_year: int,
                                                                         tmp_path: Path, kind: str) -> None:
    """A fuzzer's finding: a signed package whose origin names no district ended in ``KeyError: ''``."""
    path = tmp_path / f"{kind}.xlsx"
    with demo_db.read() as s:
        package_export.export_package(s, kind, demo_year, path, district="DC")
    crafting.set_manifest(path, {"origin": {"level": "city"}}, signer=installation())
    with demo_db.write() as s:
        report = import_package(s, path, keep_all="theirs")
    assert report.written and report.excellent == []
    assert "handover.warning.honours_without_district" in {w.code for w in report.warnings}
