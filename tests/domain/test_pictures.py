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


@pytest.mark.parametrize(("mime", "data", "code", "zh", "en"), [
    ("image/gif", b"GIF89a", "not_png_or_jpeg", "“现场.png”不是 PNG 或 JPEG 图片",
     "\"现场.png\" is not a PNG or JPEG picture"),
    ("image/png", b"", "empty", "“现场.png”是空文件", "\"现场.png\" is empty"),
    ("image/png", PNG + b"\0" * (MAX_PICTURE_BYTES - len(PNG) + 1), "too_large", "“现场.png”超过 8 MB",
     "\"现场.png\" is larger than 8 MB"),
    ("image/png", JPEG + b"\0" * 10, "wrong_content", "“现场.png”的内容不是 image/png 图片",   # a renamed JPEG
     "the content of \"现场.png\" is not image/png"),
    ("image/jpeg", b"not a picture at all", "wrong_content", "“现场.png”的内容不是 image/jpeg 图片",
     "the content of \"现场.png\" is not image/jpeg"),
])
def test_refused_with_the_reason(mime: str, data: bytes, code: str, zh: str, en: str) -> None:
    problem = picture_problem("现场.png", mime, data)
    assert problem is not None and problem.code == f"scoring.picture.{code}"
    assert problem.text("zh") == zh and problem.text("en") == en
