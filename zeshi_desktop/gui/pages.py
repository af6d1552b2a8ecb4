"""The pages of the main window, by name: the annexes, the roster and the meeting dashboards.

A page is ``PageSpec(name, title, factory)``: ``name`` is stable (it names the
screenshot file, e.g. ``sheet-3-1.png``, and the remembered page), ``title``
is called when the tab is drawn (so it follows the language), ``factory``
builds the widget from the :class:`~zeshi_desktop.gui.actions.ActionRunner`,
which every page uses to read, act and hear of changes. A page widget has
``show_selection(selection)`` (see :class:`.views.base.AnnexView`).

One list, in tab order. Each factory imports its module when the page is
first shown, so that the window opens without loading charts or forms it
does not show yet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from .actions import ActionRunner
from .i18n import tr
from .selection import Selection


@dataclass(frozen=True)
class PageSpec:
    name: str
    title: Callable[[], str]
    factory: Callable[[ActionRunner], QWidget]
    extra_tabs: tuple[str, ...] = ()   # screenshot names of the page's further tabs (district-dashboard-spread ...)


def _sheet_31(runner: ActionRunner) -> QWidget:
    from .views.scored_sheet import Sheet31View
    return Sheet31View(runner)


def _sheet_32(runner: ActionRunner) -> QWidget:
    from .views.matrix import MatrixView
    return MatrixView(runner)


def _sheet_33(runner: ActionRunner) -> QWidget:
    from .views.ranking import RankingView
    return RankingView(runner)


def _sheet_41(runner: ActionRunner) -> QWidget:
    from .views.outline import OutlineView
    return OutlineView(runner)


def _sheet_42(runner: ActionRunner) -> QWidget:
    from .views.scored_sheet import Sheet42View
    return Sheet42View(runner)


def _sheet_43(runner: ActionRunner) -> QWidget:
    from .views.scored_sheet import Sheet43View
    return Sheet43View(runner)


def _sheet_51(runner: ActionRunner) -> QWidget:
    from .views.questionnaire import QuestionnaireView
    return QuestionnaireView(runner)


def _roster(runner: ActionRunner) -> QWidget:
    from .views.roster import RosterView
    return RosterView(runner)


def _district_dashboard(runner: ActionRunner) -> QWidget:
    from .dashboards.district import DistrictDashboard
    return DistrictDashboard(runner)


def _city_dashboard(runner: ActionRunner) -> QWidget:
    from .dashboards.city import CityDashboard
    return CityDashboard(runner)


def _questionnaire_summary(runner: ActionRunner) -> QWidget:
    from .dashboards.questionnaire import QuestionnaireSummary
    return QuestionnaireSummary(runner)


def _years(runner: ActionRunner) -> QWidget:
    from .dashboards.years import YearsView
    return YearsView(runner)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("sheet-3-1", lambda: tr("3-1 街乡镇评审"), _sheet_31),
    PageSpec("sheet-3-2", lambda: tr("3-2 区评审组"), _sheet_32),
    PageSpec("sheet-3-3", lambda: tr("3-3 全区排名"), _sheet_33),
    PageSpec("sheet-4-1", lambda: tr("4-1 工作总结"), _sheet_41),
    PageSpec("sheet-4-2", lambda: tr("4-2 区自评"), _sheet_42),
    PageSpec("sheet-4-3", lambda: tr("4-3 市评审组"), _sheet_43),
    PageSpec("sheet-5-1", lambda: tr("5-1 调查问卷"), _sheet_51),
    PageSpec("roster", lambda: tr("名册"), _roster),
    PageSpec("district-dashboard", lambda: tr("区级评审看板"), _district_dashboard,
             ("-spread", "-offsets", "-items", "-impact", "-fairness", "-outcomes", "-renewals")),
    PageSpec("city-dashboard", lambda: tr("市级评审看板"), _city_dashboard,
             ("-circles", "-reviewers", "-fairness", "-nominations")),
    PageSpec("questionnaire-summary", lambda: tr("问卷汇总"), _questionnaire_summary, ("-reasons", "-suggestions")),
    PageSpec("years", lambda: tr("历年结果"), _years),
)


class PageFrame(QWidget):
    """A page inside its scroll area: as tall as the area, taller only when its content cannot be shorter.

    A scroll area asks a page whose labels wrap (or whose tab shows such a
    page) for its height at the area's width and gets the height it would
    *like*: a dashboard at 1280x720 then scrolled although everything fitted.
    The frame answers with its minimum height, so that the area scrolls only
    when it is shorter than the page can be.
    """

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page)

    def heightForWidth(self, width: int) -> int:
        return self.minimumSizeHint().height()


class PageHolder(QWidget):
    """A tab's container: builds its page on first show."""

    def __init__(self, spec: PageSpec, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.runner = runner
        self.page: QWidget | None = None
        self.shown: Selection | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        if self.page is None:
            self.page = self.spec.factory(self.runner)
            scroll = QScrollArea(self)   # a page wider or taller than a small screen (or a large zoom) scrolls
            scroll.setObjectName("page-scroll")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(PageFrame(self.page))
            self.layout().addWidget(scroll)
            scroll.show()
            self.page.show()
        return self.page

    def show_selection(self, selection: Selection) -> None:
        page = self.ensure()
        if self.shown != selection and hasattr(page, "show_selection"):
            page.show_selection(selection)
        self.shown = selection
