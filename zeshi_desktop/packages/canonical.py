"""The canonical form of a package's content: what the hash and the signature cover.

Excel and WPS rewrite an .xlsx when they save it (styles, shared strings,
zip order), so nothing may be computed over the file's bytes. The content
read back from the cells — plain strings in nested dicts and lists — is
serialised as sorted, compact JSON in UTF-8: the same data always gives the
same bytes, whoever wrote the file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any


def canonical_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_hash(data: Any) -> str:
    """The SHA-256 of ``canonical_bytes(data)``, fed piece by piece.

    A package's content may hold 80 MB of picture text; as one JSON string
    (two or four bytes a character once a name in Chinese is in it) and its
    UTF-8 copy that was 225 MB at once. The pieces are the JSON of the
    elements two levels down (a table's row, a block), each encoded by the C
    encoder; joined they are exactly ``canonical_bytes(data)``.
    """
    digest = hashlib.sha256()
    for piece in _pieces(data, 3):
        digest.update(piece.encode("utf-8"))
    return digest.hexdigest()


def _pieces(value: Any, depth: int) -> Iterator[str]:
    if depth and isinstance(value, dict):
        yield "{"
        for i, key in enumerate(sorted(value)):
            yield ("," if i else "") + json.dumps(key, ensure_ascii=False) + ":"
            yield from _pieces(value[key], depth - 1)
        yield "}"
    elif depth and isinstance(value, (list, tuple)):
        yield "["
        for i, item in enumerate(value):
            if i:
                yield ","
            yield from _pieces(item, depth - 1)
        yield "]"
    else:
        yield json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
