"""Refusals of a user action: one message from the catalogue, nothing written.

Every refusal is a :class:`zeshi_desktop.messages.Refused`: a code and named
parameters whose texts, in Chinese and English, are in the catalogue. The GUI
and the CLI render ``message(lang)``; code that must tell refusals apart
looks at ``code``.
"""

from __future__ import annotations

from zeshi_desktop.messages import Refused


class ActionRefused(Refused):
    """A user action that cannot be done as asked."""


class NotFound(ActionRefused):
    """What the action names does not exist (a district, a unit, a sheet)."""


class SheetLocked(ActionRefused):
    """The sheet is finalised: it must be unlocked, with a reason, first."""
