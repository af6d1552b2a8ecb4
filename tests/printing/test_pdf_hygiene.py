"""What a PDF says about itself and how a batch prints two-sided (issue 13, item 6).

Only the embedded CJK font is named (``pdffonts`` from poppler-utils lists
no unembedded Helvetica), the creation date is the real one, title, subject
and author name the sheet, and ``even`` / ``--two-sided`` pad every document
to an even page count so that no form begins on the back of another.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta, timezone

import pypdf
import pytest

from zeshi_desktop.cli import main
from zeshi_desktop.printing.render import render_pdf

from . import samples
from .conftest import page_texts


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils (pdffonts) not installed")
@pytest.mark.parametrize("name", ["3-1 final 2000", "3-2 final", "3-3 blank", "4-1 final", "4-2 draft", "5-1 final"])
def test_pdffonts_lists_only_embedded_fonts(forms, tmp_path, name):
    path = tmp_path / "sheet.pdf"
    path.write_bytes(render_pdf([samples.every_annex(forms)[name]]).pdf)
    listing = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = listing.splitlines()[2:]
    assert rows, listing
    for row in rows:
        emb = row.split()[-5]   # name type encoding emb sub uni object ID: 'emb' is fifth from the end
        assert emb == "yes", listing
    assert "Helvetica" not in listing


def test_every_page_names_only_the_embedded_font(forms):
    pdf = render_pdf(list(samples.every_annex(forms).values())).pdf
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            assert "/FontFile2" in font.get_object()["/FontDescriptor"], font.get_object()["/BaseFont"]


def test_the_file_states_its_real_creation_date_title_subject_and_author(forms):
    before = datetime.now(UTC).replace(microsecond=0)
    pdf = render_pdf([samples.sheet_31(forms)], "附件3-1").pdf
    info = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert info is not None
    created = info.creation_date
    assert created is not None and created.year != 2000
    assert before - timedelta(seconds=1) <= created.astimezone(UTC) <= datetime.now(UTC)
    assert info.title == "附件3-1 东华门街道办事处责师工作评审表"
    assert info.subject == "2025年度 东城区 东华门街道 尹芳团队 张赟琤"
    assert info.author == "东华门街道办事处"   # who fills the annex in (3-1: the office)


def test_a_given_creation_moment_is_kept(forms):
    moment = datetime(2026, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    info = pypdf.PdfReader(io.BytesIO(render_pdf([samples.sheet_31(forms)], created=moment).pdf)).metadata
    assert info is not None and info.creation_date == moment


def test_a_batch_names_what_its_documents_share(forms):
    docs = [samples.sheet_31(forms), samples.sheet_31(forms, 2000)]
    info = pypdf.PdfReader(io.BytesIO(render_pdf(docs, "附件3-1").pdf)).metadata
    assert info is not None and info.title == "附件3-1（共 2 份）" and info.author == "东华门街道办事处"
    mixed = pypdf.PdfReader(io.BytesIO(render_pdf([docs[0], samples.self_assessment(forms)]).pdf)).metadata
    assert mixed is not None and mixed.author == "zeshi-desktop"   # no one author: the program


def test_two_sided_pads_every_document_to_an_even_page_count(forms):
    docs = [samples.sheet_31(forms, 60), samples.sheet_31(forms, 2000), samples.self_assessment(forms),
            samples.matrix(forms, rows=30)]
    plain = render_pdf(docs)
    padded = render_pdf(docs, even=True)
    plain_pages, pages = page_texts(plain.pdf), page_texts(padded.pdf)
    assert plain.pages == len(plain_pages) == 1 + 2 + 1 + 5
    assert padded.pages == len(pages) == 2 + 2 + 2 + 6
    blanks = [n for n, page in enumerate(pages) if page == "（此页空白）"]
    assert blanks == [1, 5, 11]
    starts = [n for n, page in enumerate(pages) if "第1页共" in page]
    assert starts == [0, 2, 4, 6] and all(n % 2 == 0 for n in starts)   # each document on a front side
    assert "第1页共1页" in pages[0] and "第2页共2页" in pages[3]       # page numbers count only the document


def test_zeshi_print_two_sided(demo_db, tmp_path, capsys):
    out = tmp_path / "all.pdf"
    code = main(["--db", str(demo_db.path), "--json", "print", "all", "--district", "东城区", "--two-sided",
                 "-o", str(out)])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["pages"] % 2 == 0
    pages = page_texts(out.read_bytes())
    starts = [n for n, page in enumerate(pages) if "第1页共" in page]
    assert len(starts) == report["documents"] and all(n % 2 == 0 for n in starts)
    assert all(page == "（此页空白）" for n, page in enumerate(pages) if "第" not in page)
