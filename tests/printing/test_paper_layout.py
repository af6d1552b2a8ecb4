"""The signed page holds the scores: totals, signature, seal space and code together; continuation pages.

Issue 13: a remark of about 400 characters (or a 60-character office name)
moved 签字/盖章, the date and the QR code alone onto page 2. Pages are read
back with pypdf (``page_texts``) and, for the seal space, rendered with
poppler's ``pdftoppm`` and looked at pixel by pixel.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from zeshi_desktop.printing.data import Heading, MatrixDoc
from zeshi_desktop.printing.render import render_pdf

from . import samples
from .conftest import page_texts, squash
from .pdflines import page_runs

SIGNED = "签字"


def _signed_page(pages: list[str]) -> int:
    found = [n for n, page in enumerate(pages) if SIGNED in page or "盖章" in page]
    assert len(found) == 1, "one page carries the signature"
    return found[0]


@pytest.mark.parametrize("remarks", [400, 2000])
def test_the_page_with_the_signature_holds_the_totals(forms, remarks):
    doc = samples.sheet_31(forms, remarks)
    pages = page_texts(render_pdf([doc]).pdf)
    signed = pages[_signed_page(pages)]
    assert "总得分116.5" in signed and "常规分合计94" in signed and "附加分合计22.5" in signed
    assert samples.STAMP.code in signed and "日期：" in signed
    assert signed is pages[0], "the first page is the one that is signed"


def test_a_long_remark_continues_on_a_continuation_page(forms):
    doc = samples.sheet_31(forms, 2000)
    pages = page_texts(render_pdf([doc]).pdf)
    assert len(pages) == 2
    first, second = pages
    assert "本表共2页" in first and "（未完，见续页）" in first
    assert "东华门街道办事处责师工作评审表（续）" in second and "意见建议（续）" in second
    assert "尹芳团队" in second and "2025" in second and "东城区" in second   # whose sheet it is
    assert SIGNED not in second and "第2页共2页" in second
    remark = squash(doc.remarks)
    assert remark[:10] in first and remark[-30:] in second
    joined = first.split("意见建议", 1)[1].split("（未完，见续页）")[0] + second.split("意见建议（续）", 1)[1]
    assert remark in joined, "nothing of the remark is lost between the pages"


def test_a_short_remark_keeps_one_page_without_a_page_count(forms):
    doc = samples.sheet_31(forms, 60)
    pages = page_texts(render_pdf([doc]).pdf)
    assert len(pages) == 1 and "本表共" not in pages[0] and "续" not in pages[0]


def test_a_60_character_office_keeps_totals_and_signature_together(forms):
    doc = samples.sheet_31(forms, 400, samples.OFFICE_60)
    pages = page_texts(render_pdf([doc]).pdf)
    signed = pages[_signed_page(pages)]
    assert "总得分116.5" in signed and squash(samples.OFFICE_60) in signed


def test_blank_3_1_is_one_page_with_its_seal_space(forms):
    pages = page_texts(render_pdf([samples.blank(forms, "3-1")]).pdf)
    assert len(pages) == 1 and "总得分" in pages[0] and "签字/盖章" in pages[0]


def _pixels(pdf: bytes, page: int, tmp_path: Path, dpi: int) -> Image.Image:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page + 1), "-l", str(page + 1),
                    str(path), str(tmp_path / "page")], check=True)
    return Image.open(next(tmp_path.glob("page*.png"))).convert("L")


def _clear_square(image: Image.Image, side: int, top: int, bottom: int, left: int,
                  right: int) -> tuple[int, int] | None:
    """A ``side``-pixel square with no ink whose top lies in [top, bottom] and that lies within [left, right]."""
    width, height = image.size
    ink = [[1 if image.getpixel((x, y)) < 200 else 0 for x in range(width)] for y in range(height)]
    total = [[0] * (width + 1) for _ in range(height + 1)]
    for y in range(height):
        run = 0
        for x in range(width):
            run += ink[y][x]
            total[y + 1][x + 1] = total[y][x + 1] + run
    for y in range(max(top, 0), min(bottom, height - side) + 1):
        for x in range(left, right - side + 1):
            dark = total[y + side][x + side] - total[y][x + side] - total[y + side][x] + total[y][x]
            if not dark:
                return x, y
    return None


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")
@pytest.mark.parametrize("name", ["3-1 final 400", "3-1 final office60", "3-1 blank", "4-2 final", "3-3 final"])
def test_a_45_mm_square_is_clear_for_the_seal_beside_the_signature(forms, tmp_path, name):
    """Beside 签字/盖章 (and left of the QR code, which is ink) a 45 x 45 mm square holds nothing at all."""
    pdf = render_pdf([samples.every_annex(forms)[name]]).pdf
    pages = page_texts(pdf)
    index = _signed_page(pages)
    runs = [r for r in page_runs(pdf)[index] if "盖章" in r.text or SIGNED in r.text]
    assert runs
    line = runs[0]
    dpi = 40
    image = _pixels(pdf, index, tmp_path, dpi)
    scale = dpi / 72
    page_h = image.size[1] / scale
    side = int(45 / 25.4 * dpi) + 1
    top = int((page_h - line.y - line.size) * scale)       # the signature line's top, in pixels from the top
    found = _clear_square(image, side, top - int(3 / 25.4 * dpi), top + int(8 / 25.4 * dpi),
                          int(line.x0 * scale), image.size[0] - int(12 / 25.4 * dpi))
    assert found is not None, "no clear 45 mm square beside the signature line"


def test_a_long_matrix_leaves_rows_on_the_signature_page(forms):
    doc = samples.matrix(forms, rows=30)
    pages = page_texts(render_pdf([doc]).pdf)
    signed = pages[_signed_page(pages)]
    assert len(pages) > 1 and signed is pages[-1]
    rows_there = [n for n in range(1, 31) if f"规划师{n}团队" in signed]
    assert len(rows_there) >= 2 and rows_there[-1] == 30
    assert "本表共" in signed and f"本表共{len(pages)}页" in signed
    for page in pages:
        assert "序号" in page and "总分" in page   # the header rows on every page, the signature page too


@pytest.mark.parametrize("rows", range(10, 20))
def test_no_matrix_length_leaves_the_signature_alone(forms, rows):
    pages = page_texts(render_pdf([samples.matrix(forms, rows=rows)]).pdf)
    signed = pages[_signed_page(pages)]
    assert f"规划师{rows}团队" in signed and f"规划师{rows - 1}团队" in signed


def test_a_blank_matrix_stays_on_one_page(forms):
    pages = page_texts(render_pdf([MatrixDoc(forms["3-2"], Heading(0), (), final=False)]).pdf)
    assert len(pages) == 1 and "评审人签字" in pages[0]


@pytest.mark.parametrize("name", ["4-2 final", "4-3 final", "3-3 final"])
def test_other_signed_sheets_keep_their_totals_with_the_signature(forms, name):
    pages = page_texts(render_pdf([samples.every_annex(forms)[name]]).pdf)
    signed = pages[_signed_page(pages)]
    assert "总分" in signed
    if name == "4-2 final":
        assert "94" in signed and "区规自分局" in signed
    if name == "4-3 final":
        assert "总分88" in signed
    if name == "3-3 final":
        assert "96.42" in signed and "25" in signed   # the last ranked rows
