"""Refresh the ``.ts`` sources from the ``tr("…")`` calls of the GUI, then compile the ``.qm`` files.

    python resources/i18n/update_ts.py          # extract, keep existing translations, lrelease

Two catalogues, one per translation context: ``zeshi`` (the main window and
its pages, ``gui.i18n.tr``) in ``zeshi_en.ts``, and ``dashboards`` (the
meeting dashboards, ``gui.dashboards.common.tr``) in ``dashboards_en.ts``.
Both helpers are unknown to ``pyside6-lupdate``, so extraction is this small
script; compiling is ``pyside6-lrelease``. Translations are edited in the
``.ts`` files (Qt Linguist or by hand) and kept on every run; new strings are
added as unfinished and listed on stdout, and the run exits 1 while any are.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
GUI = HERE.parent.parent / "zeshi_desktop" / "gui"


class Catalogue(NamedTuple):
    ts: str                       # file name beside this script
    context: str
    sources: tuple[Path, ...]
    skip: tuple[str, ...] = ()    # folders that belong to another catalogue


CATALOGUES = {
    "zeshi": Catalogue("zeshi_en.ts", "zeshi", (GUI, GUI.parent / "app.py"), skip=("dashboards",)),
    "dashboards": Catalogue("dashboards_en.ts", "dashboards", (GUI / "dashboards",)),
}


Key = tuple[str, str]  # (source, disambiguation)


def extract(name: str = "zeshi") -> list[Key]:
    """Every literal passed to ``tr(...)`` in the catalogue's sources, in order of first use."""
    catalogue = CATALOGUES[name]
    found: list[Key] = []
    files = [p for src in catalogue.sources for p in ([src] if src.is_file() else sorted(src.rglob("*.py")))]
    for path in files:
        if any(part in catalogue.skip for part in path.relative_to(GUI.parent).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                comment = ""
                if len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
                    comment = node.args[1].value
                if (node.args[0].value, comment) not in found:
                    found.append((node.args[0].value, comment))
    return found


def existing(ts: Path) -> dict[Key, str]:
    if not ts.is_file():
        return {}
    root = ET.parse(ts).getroot()
    out = {}
    for message in root.iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        if source is not None and translation is not None and translation.text and \
                translation.get("type") != "unfinished":
            out[(source, message.findtext("comment") or "")] = translation.text
    return out


def write(ts: Path, context_name: str, strings: list[Key], translations: dict[Key, str]) -> list[Key]:
    root = ET.Element("TS", version="2.1", language="en_GB", sourcelanguage="zh_CN")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = context_name
    missing = []
    for key in strings:
        text, comment = key
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        if comment:
            ET.SubElement(message, "comment").text = comment
        translation = ET.SubElement(message, "translation")
        if key in translations:
            translation.text = translations[key]
        else:
            translation.set("type", "unfinished")
            missing.append(key)
    ET.indent(root)
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                  + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    return missing


def main() -> int:
    missing_any = False
    for name, catalogue in CATALOGUES.items():
        ts = HERE / catalogue.ts
        missing = write(ts, catalogue.context, extract(name), existing(ts))
        for text in missing:
            print(f"{ts.name}: untranslated: {text[0]}" + (f" ({text[1]})" if text[1] else ""))
        subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        missing_any = missing_any or bool(missing)
    return 1 if missing_any else 0


if __name__ == "__main__":
    sys.exit(main())
