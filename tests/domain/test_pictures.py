"""The one rule for 4-1 pictures: PNG or JPEG by their first bytes, not empty, not too large."""

from __future__ import annotations

import pytest

from zeshi_desktop.domain.pictures import MAX_PICTURE_BYTES, picture_problem

PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff\xe0"


@pytest.mark.parametrize(("mime", "data"), [("image/png", PNG + b"\0" * 10), ("image/jpeg", JPEG + b"\0" * 10),
                                            ("image/png", PNG + b"\0" * (MAX_PICTURE_BYTES - len(PNG)))])
def test_accepted(mime: str, data: bytes) -> None:
    assert picture_problem("a", mime, data) is None


@pytest.mark.parametrize(("mime", "data", "words"), [
    ("image/gif", b"GIF89a", "不是 PNG 或 JPEG"),
    ("image/png", b"", "空文件"),
    ("image/png", PNG + b"\0" * (MAX_PICTURE_BYTES - len(PNG) + 1), "超过 8 MB"),
    ("image/png", JPEG + b"\0" * 10, "内容不是 image/png"),      # a JPEG renamed to .png
    ("image/jpeg", b"not a picture at all", "内容不是 image/jpeg"),
])
def test_refused_with_the_reason(mime: str, data: bytes, words: str) -> None:
    problem = picture_problem("现场.png", mime, data)
    assert problem is not None and words in problem[0] and "现场.png" in problem[0] and problem[1]
