"""The fallback font: CJK Extension A (㛃 U+36C3, 䶮 U+4DAE) printed run by run, embedded, found like the main font.

WenQuanYi Micro Hei lacks nearly all of Extension A; Droid Sans Fallback
(Debian's fonts-droid-fallback, installed by packaging/setup.sh) has it. A name
with those characters prints in every annex; a character neither font has
(𠮷, Extension B) is still refused before anything is drawn.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess

import pytest

from zeshi_desktop import locations
from zeshi_desktop.printing import fonts, paragraphs
from zeshi_desktop.printing.data import (
    AppendixTable,
    Heading,
    MatrixDoc,
    RankingDoc,
    SummaryDoc,
)
from zeshi_desktop.printing.render import render_pdf

from . import samples
from .conftest import page_texts

NAME = "张㛃䶮"
UNIT = "㛃山街道"
needs_fallback = pytest.mark.skipif(locations.cjk_fallback_font_path() is None,
                                    reason="no fallback font (fonts-droid-fallback) installed")


def _rare(doc):  # type: ignore[no-untyped-def]
    """``doc`` with the rare names in its heading, its rows and its appendix."""
    heading = Heading(2025, "㛃䶮区", UNIT, NAME, office=f"{UNIT}办事处", reviewer="李䶮", organisation="㛃䶮规划院")
    changes: dict[str, object] = {"heading": heading}
    if isinstance(doc, MatrixDoc):
        changes["rows"] = tuple(dataclasses.replace(r, unit=UNIT, planner=NAME) for r in doc.rows[:3])
    if isinstance(doc, RankingDoc):
        changes["rows"] = tuple(dataclasses.replace(r, unit=UNIT, planner=NAME) for r in doc.rows[:3])
    if isinstance(doc, SummaryDoc):
        changes["appendix"] = (AppendixTable("责任团队名单", ("责任片区", "责任规划师"), ((UNIT, NAME),)),)
    return dataclasses.replace(doc, **changes)


def test_the_main_font_lacks_extension_a_and_the_fallback_has_it():
    assert fonts.font_of("东") == fonts.FONT
    if locations.cjk_fallback_font_path() is None:
        pytest.skip("no fallback font installed")
    assert fonts.font_of("㛃") == fonts.font_of("䶮") == fonts.FALLBACK
    assert fonts.missing_chars(NAME) == [] and fonts.missing_chars("𠮷祥") == ["𠮷"]
    assert fonts.runs("姓名：张㛃䶮A\n") == [(fonts.FONT, "姓名：张"), (fonts.FALLBACK, "㛃䶮"), (fonts.FONT, "A\n")]


@needs_fallback
def test_the_fallback_is_the_debian_package_found_like_the_main_font(monkeypatch, tmp_path):
    path = locations.cjk_fallback_font_path()
    assert path is not None and path.suffix == ".ttf"
    assert path == locations.Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf") or \
        path.is_relative_to(locations.resources_dir())
    setup = (locations.resources_dir().parent / "packaging" / "setup.sh").read_text(encoding="utf-8")
    assert "fonts-droid-fallback" in setup
    monkeypatch.setenv("ZESHI_FALLBACK_FONT", "")
    assert locations.cjk_fallback_font_path() is None
    monkeypatch.setenv("ZESHI_FALLBACK_FONT", str(tmp_path / "other.ttf"))
    assert locations.cjk_fallback_font_path() == tmp_path / "other.ttf"


@needs_fallback
def test_the_fallback_is_truetype_and_covers_extension_a():
    """reportlab embeds glyf outlines only: the face reportlab reads has the characters, and fc-query agrees."""
    path = locations.cjk_fallback_font_path()
    assert path is not None
    if shutil.which("fc-query") is None:
        pytest.skip("fontconfig (fc-query) not installed")
    out = subprocess.run(["fc-query", "--format=%{fontformat}|%{charset}", str(path)], check=True,
                         capture_output=True, text=True).stdout
    fmt, _, charset = out.partition("|")
    assert fmt == "TrueType"
    ranges = [tuple(int(x, 16) for x in (part.split("-") * 2)[:2]) for part in charset.split()]
    covered = sum(min(b, 0x4DBF) - max(a, 0x3400) + 1 for a, b in ranges if b >= 0x3400 and a <= 0x4DBF)
    assert covered >= 6582   # all of Extension A as Unicode 3.0 defined it


@needs_fallback
@pytest.mark.parametrize("name", ["3-1 final 400", "3-2 final", "3-3 final", "4-1 final", "4-2 final", "4-3 final",
                                  "5-1 final"])
def test_a_name_with_extension_a_prints_in_every_annex_with_only_embedded_fonts(forms, tmp_path, name):
    doc = _rare(samples.every_annex(forms)[name])
    pdf = render_pdf([doc]).pdf
    joined = "".join(page_texts(pdf))
    assert "㛃" in joined and "䶮" in joined
    assert any(name in joined for name in (NAME, UNIT, "李䶮", "㛃䶮区"))
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils (pdffonts) not installed")
    (tmp_path / "rare.pdf").write_bytes(pdf)
    listing = subprocess.run(["pdffonts", str(tmp_path / "rare.pdf")], check=True, capture_output=True,
                             text=True).stdout
    rows = listing.splitlines()[2:]
    assert all(row.split()[-5] == "yes" for row in rows), listing
    assert any("DroidSansFallback" in row for row in rows) and "Helvetica" not in listing


@needs_fallback
def test_the_running_header_of_later_pages_prints_the_rare_name(forms):
    """Drawn on the canvas (not a paragraph): set run by run too."""
    doc = _rare(samples.questionnaire(forms, chars=2500))
    pages = page_texts(render_pdf([doc]).pdf)
    assert len(pages) > 1 and all(NAME in page for page in pages[1:])


@needs_fallback
def test_a_fallback_character_is_measured_in_the_font_that_draws_it():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    [width] = paragraphs.char_widths("㛃", fonts.FONT, 10)
    assert width == stringWidth("㛃", fonts.FALLBACK, 10) > 5
    assert paragraphs.text("<张㛃>") == f'&lt;张<font name="{fonts.FALLBACK}">㛃</font>&gt;'
    assert paragraphs.text("张三\n李四") == "张三<br/>李四"


def test_without_a_fallback_the_characters_are_refused_as_before(forms, monkeypatch):
    monkeypatch.setenv("ZESHI_FALLBACK_FONT", "")
    fonts.register_fallback.cache_clear()
    fonts._fallback_cmap.cache_clear()
    try:
        doc = _rare(samples.city_review(forms))
        with pytest.raises(fonts.GlyphsMissing) as info:
            render_pdf([doc])
        assert "㛃" in str(info.value) and "U+36C3" in str(info.value)
    finally:
        monkeypatch.undo()
        fonts.register_fallback.cache_clear()
        fonts._fallback_cmap.cache_clear()


def test_a_character_neither_font_has_is_still_refused(forms):
    doc = dataclasses.replace(samples.city_review(forms), heading=Heading(2025, "东城区", reviewer="𠮷䶮"))
    with pytest.raises(fonts.GlyphsMissing) as info:
        render_pdf([doc])
    assert "𠮷" in str(info.value) and ("䶮" not in str(info.value).replace("𠮷䶮", "")
                                        or locations.cjk_fallback_font_path() is None)


def test_a_batch_leaves_out_only_the_document_it_cannot_print(forms):
    good = samples.city_review(forms)
    bad = dataclasses.replace(good, heading=Heading(2025, "西城区", reviewer="𠮷祥"))
    rendered = render_pdf([good, bad, good], partial=True)
    assert rendered.documents == 2 and [r.index for r in rendered.refused] == [1]
    [refusal] = rendered.refused
    assert refusal.document.text("zh") == "附件4-3 西城区 𠮷祥"
    assert refusal.message().text("zh").startswith("未打印 附件4-3 西城区 𠮷祥：无法打印：")
    assert refusal.message().text("en").startswith("Not printed: Annex 4-3 西城区 𠮷祥: Cannot print:")
    pages = page_texts(rendered.pdf)
    assert len(pages) == 2 and all("第1页共1页" in page for page in pages)   # each printed document its own
    with pytest.raises(fonts.GlyphsMissing):
        render_pdf([bad, bad], partial=True)


@needs_fallback
def test_a_chart_label_with_a_rare_character_is_drawn_in_the_fallback():
    from decimal import Decimal

    from zeshi_desktop.printing.charts import bar_chart

    drawing = bar_chart(["东华门街道", UNIT], [Decimal(1), Decimal(2)], 400)
    [chart] = [c for c in drawing.contents if hasattr(c, "categoryAxis")]
    names = chart.categoryAxis.categoryNames
    assert chart.categoryAxis.labels[names.index(UNIT)].fontName == fonts.FALLBACK
    assert fonts.one_font("东华门街道") == fonts.FONT and fonts.one_font("第1㛃") == fonts.FONT
