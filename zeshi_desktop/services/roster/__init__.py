"""The roster feature: districts, units, planners, appointments and reviewers of a year.

``directory`` holds the views and queries, ``changes`` what a clerk adds and
updates, ``check``/``workbook`` the roster workbook's import and export, and
``edit`` the corrections made beside a sheet. Callers write
``roster.districts(...)`` and ``roster.add_unit(...)``: the public names of
``directory`` and ``changes`` are the package's.
"""

from zeshi_desktop.services.roster.changes import *  # noqa: F401,F403
from zeshi_desktop.services.roster.changes import __all__ as _changes
from zeshi_desktop.services.roster.directory import *  # noqa: F401,F403
from zeshi_desktop.services.roster.directory import __all__ as _directory

__all__ = [*_directory, *_changes]
