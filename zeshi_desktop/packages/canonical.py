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
from typing import Any


def canonical_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_hash(data: Any) -> str:
    return hashlib.sha256(canonical_bytes(data)).hexdigest()
