"""The pages of the main window, by name.

A page is ``ViewSpec(name, title, factory)``: ``name`` is stable (it names the
screenshot file, e.g. ``sheet-3-1.png``, and the remembered page), ``title``
is called when the tab is drawn (so it follows the language), ``factory``
builds the widget from the :class:`~zeshi_desktop.gui.actions.ActionRunner`.
A page widget may define ``show_selection(selection)`` and
``on_changed(change)`` (see :class:`.base.AnnexView`).

Other modules add pages with :func:`register_view`; the package
``zeshi_desktop.gui.dashboards``, when present, is imported by
:func:`load_extensions` and registers its pages on import.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ..actions import ActionRunner
from ..i18n import tr

EXTENSION_PACKAGES = ("zeshi_desktop.gui.dashboards",)


@dataclass(frozen=True)
class ViewSpec:
    name: str
    title: Callable[[], str]
    factory: Callable[[ActionRunner], QWidget]


def _lazy(module: str, cls: str) -> Callable[[ActionRunner], QWidget]:
    """Import the view's module only when the page is first shown (fast start)."""
    def build(runner: ActionRunner) -> QWidget:
        return getattr(importlib.import_module(module, __package__), cls)(runner)
    return build


_BUILTIN: tuple[ViewSpec, ...] = (
    ViewSpec("sheet-3-1", lambda: tr("3-1 街乡镇评审"), _lazy(".scored_sheet", "Sheet31View")),
    ViewSpec("sheet-3-2", lambda: tr("3-2 区评审组"), _lazy(".matrix", "MatrixView")),
    ViewSpec("sheet-3-3", lambda: tr("3-3 全区排名"), _lazy(".ranking", "RankingView")),
    ViewSpec("sheet-4-1", lambda: tr("4-1 工作总结"), _lazy(".outline", "OutlineView")),
    ViewSpec("sheet-4-2", lambda: tr("4-2 区自评"), _lazy(".scored_sheet", "Sheet42View")),
    ViewSpec("sheet-4-3", lambda: tr("4-3 市评审组"), _lazy(".scored_sheet", "Sheet43View")),
    ViewSpec("sheet-5-1", lambda: tr("5-1 调查问卷"), _lazy(".questionnaire", "QuestionnaireView")),
    ViewSpec("roster", lambda: tr("名册"), _lazy(".roster", "RosterView")),
)
_EXTRA: list[ViewSpec] = []
_loaded = {"done": False}


def register_view(spec: ViewSpec) -> None:
    """Add a page (or replace the one with the same name)."""
    _EXTRA[:] = [s for s in _EXTRA if s.name != spec.name]
    _EXTRA.append(spec)


def load_extensions() -> None:
    """Import the optional page packages once; a missing package is not an error."""
    if _loaded["done"]:
        return
    _loaded["done"] = True
    for package in EXTENSION_PACKAGES:
        try:
            importlib.import_module(package)
        except ModuleNotFoundError as error:
            if error.name != package:
                raise


def views() -> list[ViewSpec]:
    """Every page in tab order: the annexes and the roster, then registered pages."""
    builtin_names = {s.name for s in _BUILTIN}
    replaced = {s.name: s for s in _EXTRA if s.name in builtin_names}
    return [replaced.get(s.name, s) for s in _BUILTIN] + [s for s in _EXTRA if s.name not in builtin_names]
