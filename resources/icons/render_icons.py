"""Render the application icon from its SVG sources: PNGs at 16-256 px and packaging/windows/zeshi.ico.

    python resources/icons/render_icons.py

Run after editing ``zeshi.svg`` or ``zeshi-small.svg``; the PNGs and the
.ico are kept in the repository, so neither a build nor the app needs an SVG
renderer. Qt's own SVG renderer (QtSvg, part of PySide6-Essentials) draws
them. Sizes up to 32 px come from ``zeshi-small.svg``: the full picture's
thin lines turn to mush there.

The .ico holds every size; those under 256 px as 32-bit BMP images (what
every Windows version and resource tool reads), 256 px as PNG (as Windows
itself stores it), written here by hand because Qt writes one image per .ico.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALL_UP_TO = 32


def render(size: int) -> QImage:
    """The icon drawn at ``size`` x ``size`` pixels on a transparent ground."""
    source = HERE / ("zeshi-small.svg" if size <= SMALL_UP_TO else "zeshi.svg")
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read {source}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def bmp_entry(image: QImage) -> bytes:
    """A 32-bit DIB as an .ico stores it: the header gives twice the height (colour rows, then the AND mask)."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in reversed(range(size)):   # bottom-up
        line = image.constBits()[y * image.bytesPerLine(): y * image.bytesPerLine() + size * 4]
        rows.append(bytes(line))      # ARGB32 in memory on little-endian machines is B, G, R, A
    mask_row = bytes(((size + 31) // 32) * 4)   # all zero: the alpha channel decides
    return header + b"".join(rows) + mask_row * size


def write_ico(images: dict[int, QImage], target: Path) -> None:
    entries = [(size, png_bytes(img) if size >= 256 else bmp_entry(img)) for size, img in sorted(images.items())]
    offset = 6 + 16 * len(entries)
    directory, blobs = [], []
    for size, blob in entries:
        side = 0 if size >= 256 else size   # 0 means 256
        directory.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    target.write_bytes(struct.pack("<HHH", 0, 1, len(entries)) + b"".join(directory) + b"".join(blobs))


def main() -> int:
    if sys.byteorder != "little":
        raise SystemExit("render_icons: the .ico writer assumes a little-endian machine")
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs the application
    images = {size: render(size) for size in SIZES}
    for size, image in images.items():
        path = HERE / f"zeshi-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"render_icons: cannot write {path}")
        print(path)
    ico = HERE.parents[1] / "packaging" / "windows" / "zeshi.ico"
    write_ico(images, ico)
    print(ico)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
