"""The annex definitions and the roster's terms, loaded and validated once per process.

``forms/`` holds one file per annex (``3-1.toml`` …) and, beside them,
``roster.toml`` (disciplines, circles, unit kinds, the roster workbook's
columns), which is not a form: the annexes are found by their file names,
``<digit>-<digit>.toml``, so the form loader never reads the terms file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from zeshi_desktop.domain.form_loader import FormDefinitionError, load_forms
from zeshi_desktop.domain.forms import Form
from zeshi_desktop.domain.roster_terms import (
    ROSTER_FILE,
    RosterTerms,
    load_roster_terms,
)
from zeshi_desktop.locations import forms_dir
from zeshi_desktop.services.errors import NotFound

ANNEXES = ("3-1", "3-2", "3-3", "4-1", "4-2", "4-3", "5-1")
ANNEX_FILES = "[0-9]-[0-9].toml"   # the annexes' files; roster.toml beside them is not a form


class UnknownAnnex(NotFound, KeyError):
    """No annex with that id; still a ``KeyError`` for code that looks a form up like a dict."""


@lru_cache(maxsize=4)
def _load(directory: str) -> dict[str, Form]:
    forms = load_forms(Path(directory).glob(ANNEX_FILES))
    missing = [a for a in ANNEXES if a not in forms]
    if missing:
        raise FormDefinitionError(directory, "", f"missing annex definitions: {', '.join(missing)}")
    return forms


def forms() -> dict[str, Form]:
    return _load(str(forms_dir()))


def form(form_id: str) -> Form:
    try:
        return forms()[form_id]
    except KeyError:
        raise UnknownAnnex("annex.unknown", form_id=form_id, known=", ".join(forms())) from None


def roster_terms() -> RosterTerms:
    """The roster's terms (``forms/roster.toml``): ``.disciplines``, ``.circles``, ``.unit_kinds`` as Labels."""
    return load_roster_terms(forms_dir() / ROSTER_FILE)
