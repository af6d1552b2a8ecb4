"""Property: writing a package and reading it back gives the same content, whatever the sheets hold."""

from __future__ import annotations

import tempfile
import uuid
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zeshi_desktop.domain.scores import display
from zeshi_desktop.packages.form_layout import fields_for
from zeshi_desktop.packages.model import FormBlock, PackageData, Subject
from zeshi_desktop.packages.package_workbook import read_package, write_package
from zeshi_desktop.packages.signing import installation
from zeshi_desktop.services import catalogue
from zeshi_desktop.services.handover.kinds import TABLE_SPECS

FORMS = catalogue.forms()
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
RISKY = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\n", "_x000D_", ""])


def _score(item) -> st.SearchStrategy[str]:  # type: ignore[no-untyped-def]
    return st.integers(0, int(item.max * 10)).map(lambda t: display(Decimal(t) / 10, 1))


@st.composite
def blocks(draw: st.DrawFn, form_id: str) -> FormBlock:
    form = FORMS[form_id]
    fields = fields_for(form)
    n = draw(st.integers(1, 4))
    subjects = [Subject(f"U{i:02d}/P{draw(st.integers(0, 999)):03d}", (draw(TEXT), draw(TEXT))) for i in range(n)]
    values: dict[str, dict[str, str]] = {}
    for s in subjects:
        v: dict[str, str] = {}
        for item in form.items:
            if draw(st.booleans()):
                v[item.id] = draw(_score(item))
        complete = len(v) == len(form.items)
        v["status"] = draw(st.sampled_from(["final", "draft"])) if complete else "draft"
        if form.remarks is not None:
            v["remarks"] = draw(RISKY) + draw(TEXT)
        for f in fields:
            if f.key.startswith("header:"):
                v[f.key] = draw(RISKY) + draw(TEXT)
        values[s.key] = v
    layout = "matrix" if form.layout == "matrix" else "vertical"
    return FormBlock(form_id, form.id, form.version, form.title.zh, layout, ("责任片区", "责师"), fields, subjects,
                     values, total_label=form.total_label.zh)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=blocks("3-1"), second=blocks("3-2"), office=TEXT)
def test_export_then_import_is_the_identity(first: FormBlock, second: FormBlock, office: str) -> None:
    second.title = "3-2 R1"
    second.reviewer = "R1"
    data = PackageData(tables={"区": [{"code": "D1", "name": office.strip() or "某区", "circle": "中心城区"}]},
                       blocks=[first, second])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{uuid.uuid4()}.xlsx"
        me = installation()
        manifest = write_package(path, data, kind="district-city", year=2025, origin={"district": "D1"},
                                 program_version="test", me=me, table_specs=TABLE_SPECS)
        back = read_package(path, FORMS, TABLE_SPECS)
    assert back.problems == []
    assert back.data.content() == data.content()
    assert back.manifest == manifest
