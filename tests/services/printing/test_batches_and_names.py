"""Several annexes in one PDF, empty forms to hand out, and the file names a PDF is offered under."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest

from zeshi_desktop.services import roster
from zeshi_desktop.services.errors import NotFound
from zeshi_desktop.services.printing import batches, names
from zeshi_desktop.services.printing import jobs as printing
from zeshi_desktop.store.database import Database

DAY = date(2026, 11, 30)


def _pages(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_a_district_s_chosen_forms_print_in_annex_order(demo_db: Database, demo_year: int) -> None:
    with demo_db.read() as s:
        district = roster.districts(s)[0]
        prepared = batches.prepare_forms(s, ["4-2", "3-1"], printing.Selection(demo_year, district.id))
        apps = roster.appointments(s, demo_year, district.id)
    forms = [p.doc.form.id for p in prepared.planned]
    assert forms == ["3-1"] * len(apps) + ["4-2"]
    job = printing.render(prepared)
    assert job.documents == len(forms) and _pages(job.pdf) == job.pages


def test_unknown_or_no_annex_is_refused() -> None:
    with pytest.raises(NotFound) as unknown:
        batches.in_annex_order(["3-9"])
    assert unknown.value.code == "printing.no_annex"
    with pytest.raises(NotFound) as nothing:
        batches.in_annex_order([])
    assert nothing.value.code == "printing.nothing_selected"


def test_blank_forms_print_together_and_pad_for_two_sided() -> None:
    one = batches.print_blanks(["5-1"])
    both = batches.print_blanks(["5-1", "3-1"], two_sided=True)
    assert both.documents == 2 and both.pages % 2 == 0 and both.pages >= one.pages
    assert _pages(one.pdf) == printing.print_blank("5-1").pages


def test_a_reviewer_s_matrix_is_named_by_form_district_reviewer_and_day(demo_db: Database, demo_year: int) -> None:
    with demo_db.read() as s:
        district = roster.districts(s)[0]
        reviewer = roster.reviewers(s, demo_year, "district", district.id)[0]
        prepared = printing.prepare_form(s, "3-2", printing.Selection(demo_year, reviewer_id=reviewer.id))
    docs = [p.doc for p in prepared.planned]
    assert names.pdf_name(docs, "zh", DAY) == f"附件3-2_{district.name}_{reviewer.name}_2026-11-30.pdf"
    assert names.pdf_name(docs, "en", DAY) == f"Annex3-2_{district.name}_{reviewer.name}_2026-11-30.pdf"


def test_a_unit_s_sheet_names_the_unit_and_a_district_batch_only_the_district(demo_db: Database,
                                                                              demo_year: int) -> None:
    with demo_db.read() as s:
        district = roster.districts(s)[0]
        app = roster.appointments(s, demo_year, district.id)[0]
        unit = printing.prepare_form(s, "3-1", printing.Selection(demo_year, unit_id=app.unit_id))
        whole = batches.prepare_forms(s, ["3-1", "4-2"], printing.Selection(demo_year, district.id))
    assert names.pdf_name([p.doc for p in unit.planned], "zh", DAY) == \
        f"附件3-1_{district.name}_{app.unit}_2026-11-30.pdf"
    assert names.pdf_name([p.doc for p in whole.planned], "zh", DAY) == f"评审材料_{district.name}_2026-11-30.pdf"
    assert names.pdf_name([p.doc for p in whole.planned], "en", DAY).startswith("Review-documents_")


def test_blank_names_and_unsafe_characters() -> None:
    assert names.blank_name(["5-1"], "zh", DAY) == "附件5-1_空白_2026-11-30.pdf"
    assert names.blank_name(["5-1", "3-1"], "en", DAY) == "Blank-forms_2026-11-30.pdf"
    assert names.join_parts(["a/b", "c:d e", ""]) == "a-b_c-d-e"
