"""Shared by the boundary tests: the package they craft from, and the one refusal they expect."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from zeshi_desktop.services.handover import export as package_export
from zeshi_desktop.services.handover.importing import (
    PackageImportRefused,
    import_package,
)
from zeshi_desktop.store.database import Database


def street_package(db: Database, year: int, path: Path) -> Path:
    """A street → district package of two units, every sheet filled and finalised."""
    with db.read() as s:
        package_export.export_package(s, "street-district", year, path, units=["DC-U01", "DC-U02"])
    return path


def refused(db: Database, path: Path, digest: Callable[[Database], str], **options: object) -> PackageImportRefused:
    """The one refusal of importing ``path``: a catalogue code, one line in either language, the store unchanged."""
    before = digest(db)
    with pytest.raises(PackageImportRefused) as caught, db.write() as s:
        import_package(s, path, **options)  # type: ignore[arg-type]
    assert digest(db) == before
    exc = caught.value
    for lang in ("zh", "en"):
        assert len(exc.message(lang).splitlines()) == 1, exc.message(lang)
    return exc
