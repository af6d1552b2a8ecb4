"""What a 4-1 case picture must be, wherever it comes from (the app's file chooser or a package).

One rule in one place: a picture the app accepts must also pass the city's
import of the district's package, and the printed summary must be able to
draw it. PNG or JPEG by their first bytes (a renamed file is caught), not
empty, at most ``MAX_PICTURE_BYTES``.
"""

from __future__ import annotations

from zeshi_desktop.messages import Message

PICTURE_TYPES = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}
MAX_PICTURE_BYTES = 8 * 1024 * 1024


def picture_problem(name: str, mime: str, data: bytes) -> Message | None:
    """Why the picture is refused (``scoring.picture.*``); ``None`` when it is fine."""
    if mime not in PICTURE_TYPES:
        return Message("scoring.picture.not_png_or_jpeg", name=name)
    if not data:
        return Message("scoring.picture.empty", name=name)
    if len(data) > MAX_PICTURE_BYTES:
        return Message("scoring.picture.too_large", name=name, megabytes=MAX_PICTURE_BYTES // 1024 // 1024)
    if not data.startswith(PICTURE_TYPES[mime]):
        return Message("scoring.picture.wrong_content", name=name, mime=mime)
    return None
