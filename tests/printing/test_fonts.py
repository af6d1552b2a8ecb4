"""The CJK font: registered from resources/, embedded in the PDF, missing glyphs reported by name."""

from __future__ import annotations

import io

import pypdf
import pytest

from zeshi_desktop.locations import cjk_font_path, resources_dir
from zeshi_desktop.printing import fonts
from zeshi_desktop.printing.data import Case, Heading, Picture, SheetDoc, SummaryDoc
from zeshi_desktop.printing.render import render_pdf


def test_the_font_is_the_bundled_copy_with_its_licence():
    path = cjk_font_path()
    assert path == resources_dir() / "fonts" / "wqy-microhei.ttc"
    licence = (resources_dir() / "fonts" / "wqy-microhei.LICENSE.txt").read_text(encoding="utf-8")
    assert "Apache-2.0" in licence and "WenQuanYi" in licence


def test_common_and_form_characters_are_in_the_font():
    assert fonts.missing_chars("东城区 朝阳区 责任规划师 评审表 “急难愁盼” （分值0-15）■□√") == []


def test_a_rare_character_is_reported_with_where_it_is():
    # 𠮷 (U+20BB7, an extension-B variant of 吉) is not in WenQuanYi Micro Hei.
    missing = fonts.missing_glyphs([("责师 张三", "张三"), ("责师 𠮷祥团队", "𠮷祥团队")])
    assert [(m.where, m.char, m.codepoint) for m in missing] == [("责师 𠮷祥团队", "𠮷", "U+20BB7")]
    with pytest.raises(fonts.GlyphsMissing, match="𠮷祥团队"):
        fonts.require_glyphs([("责师 𠮷祥团队", "𠮷祥团队")])


def test_render_refuses_before_drawing_a_box(forms):
    doc = SheetDoc(forms["3-1"], Heading(2025, "东城区", "东华门街道", "𠮷祥团队"), final=False)
    with pytest.raises(fonts.GlyphsMissing, match="责任规划师"):
        render_pdf([doc])


def test_a_picture_name_with_a_rare_character_is_refused_too(forms):
    """The file name is printed under each 4-1 picture, so it goes through the same check."""
    case = Case("案例", "正文", (Picture("𠮷祥.png", "image/png", b"\x89PNG\r\n\x1a\n"),))
    doc = SummaryDoc(forms["4-1"], Heading(2025, "东城区"), {}, (case,), (), False)
    with pytest.raises(fonts.GlyphsMissing, match="图片"):
        render_pdf([doc])


def test_the_font_is_embedded(forms):
    pdf = render_pdf([SheetDoc(forms["4-3"], Heading(2025, "东城区", reviewer="李四"), final=False)]).pdf
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    embedded = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is not None:
                embedded.append("/FontFile2" in descriptor.get_object())
    assert embedded and all(embedded)


def test_the_printed_qr_code_reads_back_as_the_code(forms, tmp_path):
    """Decoded from the rendered page, as a phone or scanner would (skipped without a decoder)."""
    import shutil
    import subprocess

    zxingcpp = pytest.importorskip("zxingcpp")
    image_module = pytest.importorskip("PIL.Image")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) not installed")
    from zeshi_desktop.printing.data import Stamp

    code = "ZS-00FD-28D8-434F-D298"
    doc = SheetDoc(forms["4-3"], Heading(2025, "东城区", reviewer="李四"), True, stamp=Stamp(code))
    (tmp_path / "qr.pdf").write_bytes(render_pdf([doc]).pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(tmp_path / "qr.pdf"), str(tmp_path / "page")], check=True)
    found = zxingcpp.read_barcodes(image_module.open(next(tmp_path.glob("page*.png"))))
    assert [r.text for r in found] == [code]


def test_the_refusal_names_the_field_in_the_language_asked(forms):
    doc = SheetDoc(forms["3-1"], Heading(2025, "东城区", "东华门街道", "𠮷祥团队"), final=False)
    with pytest.raises(fonts.GlyphsMissing) as info:
        render_pdf([doc])
    assert info.value.code == "printing.glyphs_missing"
    assert str(info.value) == "无法打印：附件3-1 责任规划师“𠮷祥团队”中的字“𠮷”(U+20BB7) 字体中没有，打印会成空框"
    assert info.value.message("en") == ("Cannot print: Annex 3-1 planner \"𠮷祥团队\": the character \"𠮷\" (U+20BB7) "
                                        "is not in the font and would print as an empty box")


def test_more_than_five_missing_characters_are_counted():
    missing = [(f"责师 {n}", f"𠮷{n}") for n in range(7)]
    with pytest.raises(fonts.GlyphsMissing) as info:
        fonts.require_glyphs(missing)
    assert info.value.code == "printing.glyphs_missing_more" and str(info.value).endswith("……等 7 处")
    assert str(info.value).count("；") == 4 and info.value.message("en").endswith("… 7 in all")


def test_an_unusable_font_is_refused_naming_it(monkeypatch, tmp_path):
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    monkeypatch.setattr(fonts, "cjk_font_path", lambda: broken)
    fonts.register.cache_clear()
    try:
        with pytest.raises(fonts.FontUnavailable) as info:
            fonts.register()
        assert info.value.code == "printing.font_unusable" and str(broken) in info.value.message("en")
        monkeypatch.setattr(fonts, "cjk_font_path", lambda: None)
        fonts.register.cache_clear()
        with pytest.raises(RuntimeError) as missing:   # still a RuntimeError for callers that catch one
            fonts.register()
        assert missing.value.code == "printing.font_not_found" and "wqy-microhei.ttc" in str(missing.value)
    finally:
        monkeypatch.undo()
        fonts.register.cache_clear()
        fonts.register()
