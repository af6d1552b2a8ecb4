"""Reading PDFs back for the printing tests: text per page (pypdf), whitespace removed for matching."""

from __future__ import annotations

import io

import pypdf
import pytest


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text with all whitespace removed (cells wrap long texts over several lines)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return ["".join(page.extract_text().split()) for page in reader.pages]


def squash(value: str) -> str:
    return "".join(value.split())


@pytest.fixture
def texts():
    return page_texts
