"""Refresh ``zeshi_en.ts`` from the ``tr("…")`` calls of the GUI, then compile the ``.qm``.

    python resources/i18n/update_ts.py          # extract, keep existing translations, lrelease

The GUI wraps its strings in one helper, ``gui.i18n.tr`` (context ``zeshi``),
which ``pyside6-lupdate`` does not know, so extraction is this small script;
compiling is ``pyside6-lrelease``. New strings are added as unfinished and
listed on stdout.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = [HERE.parent.parent / "zeshi_desktop" / "gui", HERE.parent.parent / "zeshi_desktop" / "app.py"]
SKIP = ("dashboards",)  # pages that ship their own .ts
CONTEXT = "zeshi"


Key = tuple[str, str]  # (source, disambiguation)


def extract() -> list[Key]:
    found: list[Key] = []
    files = [p for src in SOURCES for p in ([src] if src.is_file() else sorted(src.rglob("*.py")))]
    for path in files:
        if any(part in SKIP for part in path.parts):
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


def write(ts: Path, strings: list[Key], translations: dict[Key, str]) -> list[Key]:
    root = ET.Element("TS", version="2.1", language="en_GB", sourcelanguage="zh_CN")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
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
    ts = HERE / "zeshi_en.ts"
    missing = write(ts, extract(), existing(ts))
    for text in missing:
        print(f"untranslated: {text[0]}" + (f" ({text[1]})" if text[1] else ""))
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
