"""What a 4-1 case picture must be, wherever it comes from (the app's file chooser or a package).

One rule in one place: a picture the app accepts must also pass the city's
import of the district's package, and the printed summary must be able to
draw it. PNG or JPEG by their first bytes (a renamed file is caught), not
empty, at most ``MAX_PICTURE_BYTES``.
"""

from __future__ import annotations

PICTURE_TYPES = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}
MAX_PICTURE_BYTES = 8 * 1024 * 1024


def picture_problem(name: str, mime: str, data: bytes) -> tuple[str, str] | None:
    """Why the picture is refused, in Chinese and English; ``None`` when it is fine."""
    if mime not in PICTURE_TYPES:
        return f"“{name}”不是 PNG 或 JPEG 图片", f"{name!r} is not a PNG or JPEG picture"
    if not data:
        return f"“{name}”是空文件", f"{name!r} is empty"
    if len(data) > MAX_PICTURE_BYTES:
        mb = MAX_PICTURE_BYTES // 1024 // 1024
        return f"“{name}”超过 {mb} MB", f"{name!r} is larger than {mb} MB"
    if not data.startswith(PICTURE_TYPES[mime]):
        return f"“{name}”的内容不是 {mime} 图片", f"the content of {name!r} is not {mime}"
    return None
