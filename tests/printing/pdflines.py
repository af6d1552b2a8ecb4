"""Reading a PDF back as the lines a reader sees: each run of text drawn side by side on one baseline.

pypdf's ``extract_text`` joins the cells of a table row into one line and its
visitor reports positions late, so this follows the page's content stream
itself (q/Q, cm, BT, Tm, Td, TD, T*, TL, Tf, Tj, TJ, ') with each font's
ToUnicode map and /Widths: a run ends where the next text on the baseline does
not start where the last one ended. A wrapped cell's lines are separate runs,
so "a line starts with ，" can be asked of the PDF, not of the code that made it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pypdf
from pypdf.generic import ContentStream

_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


@dataclass
class Run:
    """Text drawn contiguously on one baseline (one line of a paragraph, or a whole short cell)."""

    x0: float
    x1: float
    y: float
    size: float
    text: str


@dataclass
class _Font:
    chars: dict[int, str]
    widths: dict[int, float]


def _font(obj: object) -> _Font:
    font = obj.get_object()  # type: ignore[attr-defined]
    chars: dict[int, str] = {}
    if "/ToUnicode" in font:
        data = font["/ToUnicode"].get_object().get_data()
        for src, dst in _BFCHAR.findall(data.split(b"beginbfchar", 1)[-1]):
            chars[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    first = int(font.get("/FirstChar", 0))
    widths = {first + i: float(w) for i, w in enumerate(font.get("/Widths", []))}
    return _Font(chars, widths)


def _mul(a: list[float], b: list[float]) -> list[float]:
    """The product of two PDF matrices [a b c d e f] (a applied first)."""
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def _page_runs(page: pypdf.PageObject, reader: pypdf.PdfReader) -> list[Run]:
    fonts = {name: _font(obj) for name, obj in page["/Resources"].get("/Font", {}).items()}
    ops = ContentStream(page.get_contents(), reader).operations
    ctm = [1.0, 0, 0, 1.0, 0, 0]
    stack: list[list[float]] = []
    tm = tlm = [1.0, 0, 0, 1.0, 0, 0]
    leading, size, font = 0.0, 0.0, _Font({}, {})
    drawn: list[Run] = []

    def show(raw: object) -> None:
        nonlocal tm
        codes = raw if isinstance(raw, bytes) else raw.original_bytes  # type: ignore[union-attr]
        text = "".join(font.chars.get(c, "\ufffd") for c in codes)
        advance = sum(font.widths.get(c, 0.0) for c in codes) * size / 1000
        m = _mul(tm, ctm)
        if abs(m[1]) < 1e-6 and abs(m[2]) < 1e-6 and text:   # rotated text (the 草稿 mark) is not a line
            drawn.append(Run(m[4], m[4] + advance * m[0], round(m[5], 1), size * m[3], text))
        tm = _mul([1, 0, 0, 1, advance, 0], tm)

    for operands, op in ops:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = _mul([float(v) for v in operands], ctm)
        elif op == b"BT":
            tm = tlm = [1.0, 0, 0, 1.0, 0, 0]
        elif op == b"Tm":
            tm = tlm = [float(v) for v in operands]
        elif op in (b"Td", b"TD"):
            if op == b"TD":
                leading = -float(operands[1])
            tm = tlm = _mul([1, 0, 0, 1, float(operands[0]), float(operands[1])], tlm)
        elif op == b"T*":
            tm = tlm = _mul([1, 0, 0, 1, 0, -leading], tlm)
        elif op == b"TL":
            leading = float(operands[0])
        elif op == b"Tf":
            font, size = fonts.get(operands[0], _Font({}, {})), float(operands[1])
        elif op == b"Tj":
            show(operands[0])
        elif op == b"'":
            tm = tlm = _mul([1, 0, 0, 1, 0, -leading], tlm)
            show(operands[0])
        elif op == b"TJ":
            for part in operands[0]:
                if isinstance(part, (int, float)) or hasattr(part, "as_numeric"):
                    tm = _mul([1, 0, 0, 1, -float(part) * size / 1000, 0], tm)
                else:
                    show(part)
    return drawn


def _joined(drawn: list[Run]) -> list[Run]:
    drawn = sorted(drawn, key=lambda r: (-r.y, r.x0))
    runs: list[Run] = []
    for r in drawn:
        last = runs[-1] if runs else None
        if last is not None and last.y == r.y and abs(last.x1 - r.x0) < 0.8:
            last.x1, last.text = r.x1, last.text + r.text
        else:
            runs.append(Run(r.x0, r.x1, r.y, r.size, r.text))
    return runs


def page_runs(pdf: bytes) -> list[list[Run]]:
    """Each page's runs, top to bottom, left to right."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [_joined(_page_runs(page, reader)) for page in reader.pages]


def page_lines(pdf: bytes) -> list[list[str]]:
    """Each page's runs as texts, surrounding spaces removed, empty ones left out."""
    return [[t for t in (r.text.strip(" \xa0") for r in runs) if t] for runs in page_runs(pdf)]
