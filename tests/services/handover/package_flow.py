"""Helpers for the hand-over tests: laptops (a database + a signing key each) driven through `zeshi`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import pytest

from zeshi_desktop.cli import main
from zeshi_desktop.demo.yeardata import SheetRecord, YearData, load_year
from zeshi_desktop.packages.signing import installation
from zeshi_desktop.store.database import Database


@dataclass
class Laptop:
    """One installation: its own database file and its own key folder."""

    name: str
    root: Path
    monkeypatch: pytest.MonkeyPatch
    capsys: pytest.CaptureFixture[str]
    calls: list[list[str]] = field(default_factory=list)

    @property
    def db(self) -> Path:
        return self.root / f"{self.name}.sqlite3"

    def zeshi(self, *args: str, ok: bool = True) -> str:
        keys = self.root / f"{self.name}-keys"
        self.monkeypatch.setenv("ZESHI_KEY_DIR", str(keys))
        if not keys.exists():   # its own name: a receiver knows each sender by name and key (trust on first use)
            installation(self.name)
        self.capsys.readouterr()
        argv = ["--db", str(self.db), *args]
        rc = main(argv)
        out = self.capsys.readouterr()
        self.calls.append(argv)
        if ok:
            assert rc == 0, f"zeshi {' '.join(args)} failed: {out.err}"
        else:
            assert rc != 0, f"zeshi {' '.join(args)} should have failed"
            return out.err
        return out.out

    @staticmethod
    def selectors(record: SheetRecord, year: int) -> list[str]:
        """The command-line options that name a record's sheet."""
        sel = ["--form", record.form_id, "--year", str(year)]
        if record.unit_code:
            sel += ["--unit", record.unit_code, "--planner", record.planner_code or ""]
        if record.district_code:
            sel += ["--district", record.district_code]
        if record.reviewer_code:
            sel += ["--reviewer", record.reviewer_code]
        return sel

    def finalize(self, record: SheetRecord, year: int) -> None:
        """Finalise a record's sheet as it is here (a draft manual entry brought in, checked on screen)."""
        self.zeshi("finalize", *self.selectors(record, year), "--actor", self.name)

    def score(self, record: SheetRecord, year: int, tmp: Path) -> None:
        """Type one sheet of the reference year into this laptop, then finalise it."""
        sel = self.selectors(record, year)
        args = ["score", *sel]
        if record.scores:
            path = tmp / f"scores-{self.name}.json"
            path.write_text(json.dumps({k: format(Decimal(str(v)), "f") for k, v in record.scores.items()}), "utf-8")
            args += ["--file", str(path)]
        for k, v in record.answers.items():
            if v:
                args += ["--answer", f"{k}={v}"]
        if record.remarks:
            args += ["--remarks", record.remarks]
        self.zeshi(*args)
        self.zeshi("finalize", *sel, "--actor", self.name)


def subset(data: YearData, districts: set[str], with_sheets: bool = True, city_reviewers: bool = True) -> YearData:
    """The part of a year that concerns some districts (and, optionally, the city reviewers)."""
    units = [u for u in data.units if u["district"] in districts]
    codes = {u["code"] for u in units}
    apps = [a for a in data.appointments if a["unit"] in codes]
    planners = {a["planner"] for a in apps}
    reviewers = [r for r in data.reviewers if r.get("district") in districts or (city_reviewers and r["level"] == "city")]
    sheets = [s for s in data.sheets if s.unit_code in codes or s.district_code in districts] if with_sheets else []
    return replace(data, districts=[d for d in data.districts if d["code"] in districts], units=units,
                   planners=[p for p in data.planners if p["code"] in planners], appointments=apps,
                   reviewers=reviewers, settings=[s for s in data.settings if s["district"] in districts],
                   sheets=sheets)


def database_with(path: Path, data: YearData) -> Path:
    db = Database.open(path)
    with db.write() as session:
        load_year(session, data)
    db.dispose()
    return path
