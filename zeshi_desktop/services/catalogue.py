"""The annex definitions, loaded and validated once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from zeshi_desktop.domain.form_loader import load_forms
from zeshi_desktop.domain.forms import Form
from zeshi_desktop.locations import forms_dir

ANNEXES = ("3-1", "3-2", "3-3", "4-1", "4-2", "4-3", "5-1")


@lru_cache(maxsize=4)
def _load(directory: str) -> dict[str, Form]:
    forms = load_forms(Path(directory).glob("*.toml"))
    missing = [a for a in ANNEXES if a not in forms]
    if missing:
        from zeshi_desktop.domain.form_loader import FormDefinitionError
        raise FormDefinitionError(directory, "", f"missing annex definitions: {', '.join(missing)}")
    return forms


def forms() -> dict[str, Form]:
    return _load(str(forms_dir()))


def form(form_id: str) -> Form:
    try:
        return forms()[form_id]
    except KeyError:
        raise KeyError(f"未知的附件 {form_id!r}（已有：{', '.join(forms())}）") from None
