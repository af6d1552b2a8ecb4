"""The code on paper: the 3-3 result file carries it like every annex, and its QR code reads back as the code."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess

import pytest

from zeshi_desktop.domain import verification as vdomain
from zeshi_desktop.printing.data import Stamp
from zeshi_desktop.printing.render import render_pdf

from . import samples
from .conftest import page_texts

CODE = vdomain.make_code([vdomain.SheetContent("00fd28d8-434f", "3-3", 1, {}, {}, {})])


def test_the_result_file_prints_its_code_under_the_qr_and_in_the_footer(forms):
    doc = dataclasses.replace(samples.ranking(forms, rows=4), stamp=Stamp(CODE))
    [page] = page_texts(render_pdf([doc]).pdf)
    assert page.count(CODE) == 2 and "核验码" in page     # under the QR code and in the footer
    draft = dataclasses.replace(samples.ranking(forms, rows=4), final=False)
    assert "ZS-" not in "".join(page_texts(render_pdf([draft]).pdf))


def test_the_qr_code_of_a_new_code_reads_back_as_the_code(forms, tmp_path):
    """20 characters fit QR version 1 (21 x 21 modules) in alphanumeric mode; decoded from the rendered page."""
    zxingcpp = pytest.importorskip("zxingcpp")
    image_module = pytest.importorskip("PIL.Image")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) not installed")
    from zeshi_desktop.printing.layout import qr_modules

    assert len(qr_modules(CODE)) == 21
    doc = dataclasses.replace(samples.ranking(forms, rows=4), stamp=Stamp(CODE))
    (tmp_path / "qr.pdf").write_bytes(render_pdf([doc]).pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(tmp_path / "qr.pdf"), str(tmp_path / "page")], check=True)
    found = zxingcpp.read_barcodes(image_module.open(next(tmp_path.glob("page*.png"))))
    assert [r.text for r in found] == [CODE]
    assert vdomain.parse_code(found[0].text).form_id == "3-3"
