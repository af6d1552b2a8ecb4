"""What a dashboard names, in the language the window runs in: circles, bands, items, table headings.

The store and the services keep the forms' Chinese (a district's circle is
stored as 首都功能核心区, a circle's band counts are keyed by 优秀); a
person reads the forms' own English (``forms/roster.toml``, the annexes)
when the window runs in English. Data typed by people (district, unit and
planner names) is shown as it was typed.
"""

from __future__ import annotations

from zeshi_desktop.domain.scores import item_name
from zeshi_desktop.gui.i18n import lang
from zeshi_desktop.services import catalogue

WRAP_AT = 11   # characters: a longer heading of several words goes on two lines (English "Weighted 3-1")


def term_name(terms: str, stored: str) -> str:
    """One of the measures' terms (``circles``, ``unit_kinds``, ``disciplines``), stored in Chinese, as shown.

    A text that is not one of them (a discipline typed by hand) is shown as it is.
    """
    if lang() == "zh":
        return stored
    labels = getattr(catalogue.roster_terms(), terms)
    return next((label.get(lang()) for label in labels if label.zh == stored), stored)


def circle_name(circle: str) -> str:
    """A circle of the city (stored by its Chinese name) as the measures name it in the interface language."""
    return term_name("circles", circle)


def band_name(label: str, form_id: str = "3-3") -> str:
    """A band named by its Chinese label (as the services key their counts) in the interface language."""
    return next((b.label.get(lang()) for b in catalogue.form(form_id).bands if b.label.zh == label), label)


def item_label(form_id: str, item_id: str, fallback: str = "") -> str:
    """An item's short name (its first phrase) in the interface language, for a chart's axis."""
    form = catalogue.form(form_id)
    if not form.has_item(item_id):
        return fallback or item_id
    return item_name(form.item(item_id)).get(lang())


def item_text(form_id: str, item_id: str, fallback: str = "") -> str:
    """An item's whole text in the interface language, for a tooltip."""
    form = catalogue.form(form_id)
    return form.item(item_id).text.get(lang()) if form.has_item(item_id) else fallback or item_id


def heading(text: str) -> str:
    """A table heading of several words on two lines when it is long, so that a column is as narrow as its figures.

    Chinese headings are short and stay on one line; "Self-assessment 4-2"
    becomes "Self-assessment" over "4-2".
    """
    if len(text) <= WRAP_AT or " " not in text:
        return text
    middle = len(text) // 2
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1:]
