"""Small PNG pictures for the demo's 4-1 cases, drawn without an imaging library.

A street of houses under a sky, different for every seed: enough for the 4-1
view, the printed summary and the district → city package to have real
pictures to show and carry. Rows are assembled from solid spans (no loop per
pixel), so drawing a few of them costs milliseconds at demo start.
"""

from __future__ import annotations

import random
import struct
import zlib

WIDTH, HEIGHT = 480, 300
HORIZON = 230


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(rows: list[bytes], width: int, height: int) -> bytes:
    """An 8-bit RGB PNG of ``rows`` (each ``width`` * 3 bytes)."""
    raw = b"".join(b"\x00" + row for row in rows)   # filter type 0 on every row
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b""))


def street_scene(seed: int) -> bytes:
    """A street under a sky: grey-tiled courtyard houses and a few trees, as a PNG."""
    rng = random.Random(seed)
    houses = []
    x = rng.randrange(0, 20)
    while x < WIDTH - 40:
        w = rng.randrange(60, 110)
        top = rng.randrange(120, 180)
        wall = bytes(rng.choice([(178, 160, 140), (196, 180, 158), (160, 150, 142), (205, 190, 170)]))
        houses.append((x, min(x + w, WIDTH), top, wall))
        x += w + rng.randrange(10, 30)
    trees = [(rng.randrange(0, WIDTH - 30), rng.randrange(18, 30)) for _ in range(rng.randrange(2, 5))]
    roof, window, door = bytes((70, 74, 82)), bytes((120, 160, 190)), bytes((120, 40, 36))
    rows: list[bytes] = []
    for y in range(HEIGHT):
        if y < HORIZON:
            t = y / HORIZON
            row = bytearray(bytes((int(150 + 80 * t), int(190 + 45 * t), 235)) * WIDTH)
        else:
            row = bytearray(bytes((128, 128, 124) if (y - HORIZON) % 24 else (150, 150, 146)) * WIDTH)
        for x0, x1, top, wall in houses:
            if top - 14 <= y < top:                       # the tiled roof, wider than the wall
                inset = (y - (top - 14)) // 2
                a, b = max(0, x0 - inset), min(WIDTH, x1 + inset)
                row[a * 3:b * 3] = roof * (b - a)
            elif top <= y < HORIZON:
                row[x0 * 3:x1 * 3] = wall * (x1 - x0)
                if (y - top) % 30 in range(8, 22) and y < HORIZON - 34:
                    for wx in range(x0 + 8, x1 - 16, 24):
                        row[wx * 3:(wx + 12) * 3] = window * 12
                if y >= HORIZON - 34:
                    mid = (x0 + x1) // 2
                    row[(mid - 8) * 3:(mid + 8) * 3] = door * 16
        for tx, r in trees:
            cy = HORIZON - 40
            if abs(y - cy) < r:
                half = int((r * r - (y - cy) ** 2) ** 0.5)
                a, b = max(0, tx + r - half), min(WIDTH, tx + r + half)
                row[a * 3:b * 3] = bytes((58, 120, 64)) * (b - a)
            elif cy + r <= y < HORIZON:
                a = tx + r - 3
                row[a * 3:(a + 6) * 3] = bytes((96, 70, 50)) * 6
        rows.append(bytes(row))
    return png(rows, WIDTH, HEIGHT)
