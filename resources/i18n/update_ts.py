"""Refresh the ``.ts`` source from the ``tr("…")`` calls of the GUI, then compile the ``.qm`` file.

    python resources/i18n/update_ts.py          # extract, keep existing translations, lrelease

One catalogue, one translation context: ``zeshi`` (the main window and every
page, the dashboards too, all through ``gui.i18n.tr``) in ``zeshi_en.ts``.
``tr`` is unknown to ``pyside6-lupdate``, so extraction is this small script;
compiling is ``pyside6-lrelease`` (in the virtual environment's ``bin``).
Translations are edited in the ``.ts`` file (Qt Linguist or by hand) and kept
on every run; new strings are added as unfinished and listed on stdout, and
the run exits 1 while any are. Qt's own texts (standard buttons, file dialogs)
are Qt's: ``gui.i18n`` loads ``qtbase_zh_CN.qm`` from PySide6.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
GUI = HERE.parent.parent / "zeshi_desktop" / "gui"
TS = HERE / "zeshi_en.ts"
CONTEXT = "zeshi"
SOURCES = (GUI, GUI.parent / "app.py")

Key = tuple[str, str]  # (source, disambiguation)


def extract() -> list[Key]:
    """Every literal passed to ``tr(...)`` in the GUI and ``app.py``, in order of first use."""
    found: list[Key] = []
    files = [p for src in SOURCES for p in ([src] if src.is_file() else sorted(src.rglob("*.py")))]
    for path in files:
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


def lrelease() -> str:
    """``pyside6-lrelease`` beside the running Python (the venv), else on the PATH."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.is_file() else "pyside6-lrelease"


def main() -> int:
    missing = write(TS, CONTEXT, extract(), existing(TS))
    for text in missing:
        print(f"{TS.name}: untranslated: {text[0]}" + (f" ({text[1]})" if text[1] else ""))
    subprocess.run([lrelease(), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
